//! Values by name, in the order they were first set, as Ruby's hashes keep them: link and
//! footnote definitions, abbreviations, attribute list definitions, header ids, YAML keys.
//!
//! Every map of the crate is this one type. Its hash table holds positions in the list of
//! names and is the same code whatever the values are: each `HashMap<String, V>` was its own
//! copy of the hash table's code in the WebAssembly (eleven of them, 4.4 KB of the gzipped
//! download together). No map of the crate removes names, which positions would make hard.

use hashbrown::HashTable;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// The hash of names: eight bytes at a time, as rustc-hash 2 mixes them (an add and a
/// multiply, rotated at the end so that the table's low bits depend on every byte). SipHash, the standard library's, was a sixtieth of a render for the
/// long names header ids are. Its keys would not make collisions hard to find here anyway: in
/// WebAssembly without the host's randomness, the standard library takes them from memory
/// addresses, the same at every run.
#[derive(Clone, Copy, Default)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        let mut last = [0; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Names and their positions: the part of a [`NameMap`] that does not depend on its values.
#[derive(Clone, Default)]
struct Names {
    list: Vec<String>,
    table: HashTable<u32>,
    hasher: BuildHasherDefault<WordHasher>,
}

impl Names {
    fn position(&self, name: &str) -> Option<usize> {
        self.position_hashed(name, self.hasher.hash_one(name))
    }

    fn position_hashed(&self, name: &str, hash: u64) -> Option<usize> {
        self.table.find(hash, |&i| self.list[i as usize] == name).map(|&i| i as usize)
    }

    /// Adds a name that is not there yet; its position is the number of names before it.
    fn push(&mut self, name: String) {
        let hash = self.hasher.hash_one(name.as_str());
        self.push_hashed(name, hash);
    }

    fn push_hashed(&mut self, name: String, hash: u64) {
        let Names { list, table, hasher } = self;
        // Positions are 32 bits: four billion names would not fit in a WebAssembly memory.
        let position = u32::try_from(list.len()).expect("fewer than 2³² names");
        table.insert_unique(hash, position, |&i| hasher.hash_one(list[i as usize].as_str()));
        list.push(name);
    }
}

/// A map from names to values that keeps them in the order they were first set, finds a
/// name in constant time and never forgets one.
#[derive(Clone)]
pub struct NameMap<V> {
    names: Names,
    values: Vec<V>,
}

impl<V> Default for NameMap<V> {
    fn default() -> Self {
        NameMap { names: Names::default(), values: Vec::new() }
    }
}

impl<V> NameMap<V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Where `name` is in the order of first setting.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.names.position(name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    pub fn get(&self, name: &str) -> Option<&V> {
        self.position(name).map(|i| &self.values[i])
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        self.position(name).map(|i| &mut self.values[i])
    }

    /// Sets `name`; a name already there keeps its place and gets the new value, the old one
    /// being returned.
    pub fn insert(&mut self, name: String, value: V) -> Option<V> {
        match self.position(&name) {
            Some(i) => Some(std::mem::replace(&mut self.values[i], value)),
            None => {
                self.names.push(name);
                self.values.push(value);
                None
            }
        }
    }

    /// The value of `name`, set to `value` first if the name is new (then `true` comes with
    /// it): the name is hashed once, and copied only when it is new, as a header id is.
    pub fn get_or_insert(&mut self, name: &str, value: V) -> (&mut V, bool) {
        let hash = self.names.hasher.hash_one(name);
        let (position, new) = match self.names.position_hashed(name, hash) {
            Some(i) => (i, false),
            None => {
                self.names.push_hashed(name.to_owned(), hash);
                self.values.push(value);
                (self.values.len() - 1, true)
            }
        };
        (&mut self.values[position], new)
    }

    /// The name and value at `position` in the order of first setting.
    pub fn at(&self, position: usize) -> Option<(&str, &V)> {
        Some((self.names.list.get(position)?.as_str(), &self.values[position]))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.names.list.iter().map(String::as_str).zip(&self.values)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.names.list.iter().map(String::as_str)
    }

    pub fn values(&self) -> &[V] {
        &self.values
    }

    pub fn values_mut(&mut self) -> &mut [V] {
        &mut self.values
    }
}

impl<V> IntoIterator for NameMap<V> {
    type Item = (String, V);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<String>, std::vec::IntoIter<V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.names.list.into_iter().zip(self.values)
    }
}

impl<V> FromIterator<(String, V)> for NameMap<V> {
    /// Later values of a repeated name replace earlier ones, in the first one's place.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = NameMap::new();
        for (name, value) in pairs {
            map.insert(name, value);
        }
        map
    }
}

/// Equal when they hold the same names with the same values; the order is not compared, as
/// for Ruby's hashes.
impl<V: PartialEq> PartialEq for NameMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(name, value)| other.get(name) == Some(value))
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for NameMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_the_order_they_were_first_set_in() {
        let mut map = NameMap::new();
        for (name, value) in [("b", 1), ("a", 2), ("c", 3), ("a", 4)] {
            map.insert(name.to_owned(), value);
        }
        assert_eq!(map.iter().collect::<Vec<_>>(), [("b", &1), ("a", &4), ("c", &3)]);
        assert_eq!(map.position("c"), Some(2));
    }

    #[test]
    fn setting_a_name_again_returns_the_value_it_replaces() {
        let mut map = NameMap::new();
        assert_eq!(map.insert("x".to_owned(), 1), None);
        assert_eq!(map.insert("x".to_owned(), 2), Some(1));
        assert_eq!(map.get("x"), Some(&2));
        assert_eq!(map.len(), 1);
    }

    #[test]
    fn get_or_insert_sets_a_new_name_once_and_then_gives_its_value() {
        let mut map = NameMap::new();
        map.insert("a".to_owned(), 1);
        let (value, new) = map.get_or_insert("b", 2);
        assert!(new);
        *value += 10;
        let (value, new) = map.get_or_insert("b", 5);
        assert_eq!((*value, new), (12, false));
        assert_eq!(map.get_or_insert("a", 7), (&mut 1, false));
        assert_eq!(map.iter().collect::<Vec<_>>(), [("a", &1), ("b", &12)]);
    }

    #[test]
    fn ten_thousand_names_are_all_found_after_the_table_grows() {
        let map: NameMap<usize> = (0..10_000).map(|i| (format!("note-{i}"), i)).collect();
        assert!((0..10_000).all(|i| map.get(&format!("note-{i}")) == Some(&i)));
        assert_eq!(map.get("note-10000"), None);
    }

    #[test]
    fn maps_are_equal_whatever_the_order_of_their_names() {
        let one: NameMap<i32> = [("a".to_owned(), 1), ("b".to_owned(), 2)].into_iter().collect();
        let other: NameMap<i32> = [("b".to_owned(), 2), ("a".to_owned(), 1)].into_iter().collect();
        let third: NameMap<i32> = [("b".to_owned(), 2), ("a".to_owned(), 3)].into_iter().collect();
        assert_eq!(one, other);
        assert_ne!(one, third);
    }

    #[test]
    fn names_differing_in_any_byte_spread_over_the_low_bits_of_the_hash() {
        let hash = |name: &str| BuildHasherDefault::<WordHasher>::default().hash_one(name);
        // Footnote names, and long header ids that differ only at their end.
        let long = "le-rôle-incontournable-des-associations-".repeat(3);
        let names: Vec<String> = (0..10_000).map(|i| i.to_string()).chain((0..1_000).map(|i| format!("{long}{i}"))).collect();
        let buckets: std::collections::HashSet<u64> = names.iter().map(|name| hash(name) & 0x3fff).collect();
        // 11,000 names thrown at random into 16,384 buckets fill about 8,000 of them.
        assert!(buckets.len() > 7_500, "{} buckets", buckets.len());
        assert_ne!(hash("a"), hash("a\0"), "the length counts");
    }
}
