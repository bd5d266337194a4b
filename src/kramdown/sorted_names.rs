//! Sorted names packed into one string, found by binary search. The generated tables
//! (kramdown's entities, rouge's languages) hold their names this way rather than as slices of
//! `&str`, whose pointer and length per name the download would carry.

pub struct SortedNames {
    /// The names one after another, in byte order.
    pub text: &'static str,
    /// Where each name ends in `text`.
    pub ends: &'static [u16],
}

impl SortedNames {
    /// The `i`th name.
    pub fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { usize::from(self.ends[i - 1]) };
        &self.text[start..usize::from(self.ends[i])]
    }

    /// Where `name` is among the names.
    pub fn find(&self, name: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.ends.len());
        while low < high {
            let middle = (low + high) / 2;
            match self.get(middle).cmp(name) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::SortedNames;

    const NAMES: SortedNames = SortedNames { text: "ampltnbspquot", ends: &[3, 5, 9, 13] };

    #[test]
    fn every_name_is_found_where_it_is_and_others_are_not() {
        for (i, name) in ["amp", "lt", "nbsp", "quot"].into_iter().enumerate() {
            assert_eq!(NAMES.get(i), name);
            assert_eq!(NAMES.find(name), Some(i));
        }
        for other in ["", "a", "ampl", "m", "zzz"] {
            assert_eq!(NAMES.find(other), None, "{other}");
        }
    }
}
