//! The editor's drafts: which articles are kept in the browser, under what names, and which
//! one is open. The text of each draft is stored apart (`crate::wasm::drafts` keeps both in
//! `localStorage`); this is the index, as plain data with a small text format:
//!
//! ```text
//! folio-drafts 1
//! current→d1k2x3
//! d1k2x3→1764430000000→numerique→2016-12-23-ogp.md
//! ```
//!
//! (→ is a tab.) One draft per line: id, last change (milliseconds since 1970), site profile, name. Names
//! cannot hold tabs or line breaks ([`clean_name`]). Lines that do not read are skipped, so a
//! damaged index loses at most those drafts' names, never a text.

use crate::json::{Member, ToJson, Writer};

const HEADER: &str = "folio-drafts 1";

/// One draft's entry in the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub name: String,
    /// The site profile the draft is previewed with (`jekyll`, `numerique`).
    pub profile: String,
    /// Last change, in milliseconds since 1970.
    pub updated: u64,
}

/// Every draft, in the order they were made, and the one open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    pub current: Option<String>,
    pub drafts: Vec<Draft>,
}

impl ToJson for Draft {
    fn write_json(&self, json: &mut Writer) {
        json.object(&[("id", &self.id), ("name", &self.name), ("profile", &self.profile), ("updated", &self.updated)]);
    }
}

/// Without `current` when no draft is open.
impl ToJson for Index {
    fn write_json(&self, json: &mut Writer) {
        let drafts: Member = ("drafts", &self.drafts);
        match &self.current {
            Some(current) => json.object(&[("current", current), drafts]),
            None => json.object(&[drafts]),
        }
    }
}

impl Index {
    /// Reads an index written by [`Index::to_text`]; anything else gives the drafts it can read.
    pub fn parse(text: &str) -> Index {
        let mut index = Index::default();
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return index;
        }
        for line in lines {
            let fields: Vec<&str> = line.splitn(4, '\t').collect();
            match fields[..] {
                ["current", id] => index.current = Some(id.to_owned()),
                [id, updated, profile, name] if !id.is_empty() && index.get(id).is_none() => {
                    index.drafts.push(Draft {
                        id: id.to_owned(),
                        name: clean_name(name),
                        profile: profile.to_owned(),
                        updated: updated.parse().unwrap_or(0),
                    });
                }
                _ => {}
            }
        }
        if index.current.as_deref().is_some_and(|id| index.get(id).is_none()) {
            index.current = index.drafts.last().map(|d| d.id.clone());
        }
        index
    }

    pub fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n");
        if let Some(current) = &self.current {
            text.push_str(&format!("current\t{current}\n"));
        }
        for d in &self.drafts {
            text.push_str(&format!("{}\t{}\t{}\t{}\n", d.id, d.updated, d.profile, d.name));
        }
        text
    }

    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Draft> {
        self.drafts.iter_mut().find(|d| d.id == id)
    }

    /// Adds a draft and opens it; returns its id, made from the time and unique in the index.
    pub fn create(&mut self, name: &str, profile: &str, now: u64) -> String {
        let base = format!("d{}", base36(now));
        let mut id = base.clone();
        let mut n = 1;
        while self.get(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.drafts.push(Draft { id: id.clone(), name: clean_name(name), profile: clean_profile(profile), updated: now });
        self.current = Some(id.clone());
        id
    }

    /// Opens draft `id`; false when there is none.
    pub fn select(&mut self, id: &str) -> bool {
        let found = self.get(id).is_some();
        if found {
            self.current = Some(id.to_owned());
        }
        found
    }

    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        self.get_mut(id).map(|d| d.name = clean_name(name)).is_some()
    }

    pub fn set_profile(&mut self, id: &str, profile: &str) -> bool {
        self.get_mut(id).map(|d| d.profile = clean_profile(profile)).is_some()
    }

    /// Notes a change to draft `id` at `now`. A draft no longer listed (another tab deleted it
    /// while this one still edits it) is listed again as `name` with `profile`, and opened: its
    /// text is being stored, and a text the index does not list is never shown again. Returns
    /// true when it was listed again (an id the index cannot hold, empty or with a tab or line
    /// break, is not).
    pub fn touch(&mut self, id: &str, name: &str, profile: &str, now: u64) -> bool {
        if let Some(draft) = self.get_mut(id) {
            draft.updated = now;
            return false;
        }
        if id.is_empty() || id.contains(char::is_control) {
            return false;
        }
        self.drafts.push(Draft { id: id.to_owned(), name: clean_name(name), profile: clean_profile(profile), updated: now });
        self.current = Some(id.to_owned());
        true
    }

    /// Takes draft `id` out; if it was open, the most recently changed of the others is opened
    /// (none when it was the last one).
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.drafts.len();
        self.drafts.retain(|d| d.id != id);
        if self.current.as_deref() == Some(id) {
            // The latest of those changed last: ties go to the one made last.
            self.current = self.drafts.iter().rev().max_by_key(|d| d.updated).map(|d| d.id.clone());
        }
        self.drafts.len() != before
    }
}

/// A name as the index keeps it: one line, no tabs, at most 200 characters; `Untitled.md` when
/// nothing is left.
pub fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let cleaned: String = cleaned.chars().take(200).collect();
    if cleaned.is_empty() {
        "Untitled.md".to_owned()
    } else {
        cleaned
    }
}

fn clean_profile(profile: &str) -> String {
    let cleaned: String = profile.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    if cleaned.is_empty() {
        "jekyll".to_owned()
    } else {
        cleaned
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_reads_back_what_it_wrote() {
        let mut index = Index::default();
        let a = index.create("2016-12-23-ogp.md", "numerique", 1_000);
        let b = index.create("Notes", "jekyll", 2_000);
        index.select(&a);
        let read = Index::parse(&index.to_text());
        assert_eq!(read, index);
        assert_eq!(read.current.as_deref(), Some(a.as_str()));
        assert_eq!(read.get(&b).map(|d| d.name.as_str()), Some("Notes"));
    }

    #[test]
    fn ids_made_in_the_same_millisecond_differ() {
        let mut index = Index::default();
        let a = index.create("a", "jekyll", 5);
        let b = index.create("b", "jekyll", 5);
        assert_ne!(a, b);
        assert_eq!(index.current.as_deref(), Some(b.as_str()), "a new draft should be the one open");
    }

    #[test]
    fn names_are_one_line_without_tabs_and_never_empty() {
        assert_eq!(clean_name("a\tb\nc  d "), "a b c d");
        assert_eq!(clean_name(" \n"), "Untitled.md");
        assert_eq!(clean_name(&"é".repeat(300)).chars().count(), 200);
        let mut index = Index::default();
        let id = index.create("x", "jekyll", 1);
        index.rename(&id, "new\tname");
        assert_eq!(Index::parse(&index.to_text()).get(&id).unwrap().name, "new name");
    }

    #[test]
    fn removing_the_open_draft_opens_the_latest_changed_other() {
        let mut index = Index::default();
        let a = index.create("a", "jekyll", 1);
        let b = index.create("b", "jekyll", 2);
        let c = index.create("c", "jekyll", 3);
        index.touch(&a, "a", "jekyll", 10);
        assert!(index.remove(&c));
        assert_eq!(index.current.as_deref(), Some(a.as_str()));
        assert!(index.remove(&b), "removing a draft that is not open keeps the one open");
        assert_eq!(index.current.as_deref(), Some(a.as_str()));
        assert!(index.remove(&a));
        assert_eq!(index.current, None);
        assert!(!index.remove(&a));
    }

    #[test]
    fn saving_a_draft_removed_meanwhile_lists_it_again_and_opens_it() {
        let mut index = Index::default();
        let a = index.create("a", "jekyll", 1);
        let b = index.create("b", "numerique", 2);
        assert!(!index.touch(&a, "ignored", "ignored", 3), "a listed draft should only have its time noted");
        assert_eq!(index.get(&a).map(|d| (d.name.as_str(), d.updated)), Some(("a", 3)));
        index.remove(&b); // in another tab, which opens a
        assert!(index.touch(&b, "b\tagain", "numerique", 4), "a draft still being edited should be listed again");
        assert_eq!(index.get(&b), Some(&Draft { id: b.clone(), name: "b again".into(), profile: "numerique".into(), updated: 4 }));
        assert_eq!(index.current.as_deref(), Some(b.as_str()), "the draft listed again should be the one open");
        assert_eq!(Index::parse(&index.to_text()), index);
        assert!(!index.touch("x\ny", "x", "jekyll", 5), "an id the index cannot hold should not be listed");
        assert!(!index.touch("", "x", "jekyll", 5));
        assert_eq!(index.drafts.len(), 2);
    }

    #[test]
    fn the_index_in_json_names_the_open_draft_only_when_there_is_one() {
        let mut index = Index::default();
        assert_eq!(crate::json::to_string(&index), r#"{"drafts":[]}"#);
        let id = index.create("a \"b\"", "jekyll", 7);
        let expected = format!(r#"{{"current":"{id}","drafts":[{{"id":"{id}","name":"a \"b\"","profile":"jekyll","updated":7}}]}}"#);
        assert_eq!(crate::json::to_string(&index), expected);
    }

    #[test]
    fn a_damaged_index_keeps_what_reads() {
        let text = "folio-drafts 1\ncurrent\tgone\nd1\t5\tjekyll\tKept\nnonsense\nd2\tx\tnumerique\tNo date\nd1\t6\tjekyll\tDuplicate\n";
        let index = Index::parse(text);
        let names: Vec<_> = index.drafts.iter().map(|d| (d.id.as_str(), d.name.as_str(), d.updated)).collect();
        assert_eq!(names, [("d1", "Kept", 5), ("d2", "No date", 0)]);
        assert_eq!(index.current.as_deref(), Some("d2"), "a current draft that is gone falls back to the last");
        assert_eq!(Index::parse("something else"), Index::default());
    }

    #[test]
    fn profiles_are_names() {
        let mut index = Index::default();
        let id = index.create("a", "num\térique", 1);
        assert_eq!(index.get(&id).unwrap().profile, "numrique");
        index.set_profile(&id, "");
        assert_eq!(index.get(&id).unwrap().profile, "jekyll");
    }
}
