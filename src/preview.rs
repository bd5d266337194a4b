//! What a live preview needs to update only what changed: the body as a list of top-level
//! blocks, each with its source lines and a key made from its HTML, and the splice that
//! turns the previous list into the next one.
//!
//! Typing changes one block, so keeping the blocks whose keys did not change (those before
//! and after the edit) and replacing the rest touches one block of the page, not the page.

use serde::Serialize;
use std::hash::{Hash, Hasher};

/// One top-level block of the body: its HTML and the lines of the whole file it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BodyBlock {
    pub html: String,
    pub start_line: u32,
    pub end_line: u32,
}

impl BodyBlock {
    /// A key for the block's content: equal HTML, equal key.
    pub fn key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.html.hash(&mut hasher);
        hasher.finish()
    }
}

/// How to go from the old list to the new one: keep `start` blocks, remove `remove` blocks
/// there, insert the new blocks `start..start + insert` in their place; the rest is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub remove: usize,
    pub insert: usize,
}

/// The smallest splice that keeps the common start and the common end of the two lists.
pub fn splice(old: &[u64], new: &[u64]) -> Splice {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    Splice { start: prefix, remove: old.len() - prefix - suffix, insert: new.len() - prefix - suffix }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_inside_one_block_replaces_only_that_block() {
        assert_eq!(splice(&[1, 2, 3, 4], &[1, 2, 9, 4]), Splice { start: 2, remove: 1, insert: 1 });
    }

    #[test]
    fn splitting_a_block_replaces_it_with_two() {
        assert_eq!(splice(&[1, 2, 3], &[1, 7, 8, 3]), Splice { start: 1, remove: 1, insert: 2 });
    }

    #[test]
    fn repeated_blocks_are_not_counted_twice() {
        assert_eq!(splice(&[5, 5], &[5, 5, 5]), Splice { start: 2, remove: 0, insert: 1 });
        assert_eq!(splice(&[1, 2], &[1, 2]), Splice { start: 2, remove: 0, insert: 0 });
        assert_eq!(splice(&[], &[1]), Splice { start: 0, remove: 0, insert: 1 });
    }
}
