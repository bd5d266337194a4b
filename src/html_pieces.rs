//! HTML kept in pieces. A long body's HTML is written a top-level block at a time; inside
//! WebAssembly, one string growing to its full length would need, each time it doubles, room
//! for both sizes in one piece of memory, and joining pieces would need room for them twice.
//! The pieces are joined only where one string is wanted, most often outside: by JavaScript,
//! by the JSON text, by the page.

use crate::json::{ToJson, Writer};
use std::fmt;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlPieces(Vec<String>);

impl HtmlPieces {
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// The length of the whole HTML in bytes.
    pub fn len(&self) -> usize {
        self.0.iter().map(String::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(String::is_empty)
    }
}

impl From<String> for HtmlPieces {
    fn from(html: String) -> Self {
        HtmlPieces(vec![html])
    }
}

impl FromIterator<String> for HtmlPieces {
    fn from_iter<I: IntoIterator<Item = String>>(pieces: I) -> Self {
        HtmlPieces(pieces.into_iter().collect())
    }
}

/// The whole HTML, joined (`to_string()`).
impl fmt::Display for HtmlPieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pieces().try_for_each(|piece| f.write_str(piece))
    }
}

impl ToJson for HtmlPieces {
    fn write_json(&self, json: &mut Writer) {
        json.string_of_pieces(self.pieces());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_as_the_string_they_join_to() {
        let html: HtmlPieces = ["<p>a \"", "b\"</p>\n"].into_iter().map(String::from).collect();
        assert_eq!(html.to_string(), "<p>a \"b\"</p>\n");
        assert_eq!(html.len(), 13);
        assert_eq!(crate::json::to_string(&html), crate::json::to_string("<p>a \"b\"</p>\n"));
        assert!(HtmlPieces::default().is_empty());
    }
}
