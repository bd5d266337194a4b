//! What a live preview needs, as plain data and pure functions (the DOM side is
//! `crate::wasm::preview`):
//!
//! - the body as a list of top-level blocks, each with its source lines and a key made from its
//!   content, and the [`splice`] that turns the previous list into the next one. Typing changes
//!   one block, so keeping the blocks whose keys did not change (those before and after the
//!   edit) and replacing the rest touches one block of the page, not the page;
//! - the map between source lines and vertical positions in the preview ([`line_to_y`],
//!   [`y_to_line`]), through the lines each element of the preview comes from, for scroll sync;
//! - the editor's panels as HTML: problems, outline and stats.

use crate::article::OutlineEntry;
use crate::diagnostic::{Diagnostic, Position};
use crate::escape;
use crate::json::{ToJson, Writer};
use std::hash::{Hash, Hasher};

/// One top-level block of the body: its HTML (marked with `data-source-line`), the lines of
/// the whole file it comes from, and a key for its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyBlock {
    pub html: String,
    pub start_line: u32,
    pub end_line: u32,
    /// [`content_key`] of the block's HTML *before* it was marked with its lines, and without the
    /// line breaks after it: a block moved down by a line typed above it, or with one more blank
    /// line after it, keeps its key, and its nodes stay in the page.
    pub key: u64,
}

/// Without its key, which only the live preview uses.
impl ToJson for BodyBlock {
    fn write_json(&self, json: &mut Writer) {
        json.object(&[("html", &self.html), ("startLine", &self.start_line), ("endLine", &self.end_line)]);
    }
}

/// A key for a piece of HTML: equal HTML, equal key.
pub fn content_key(html: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    html.hash(&mut hasher);
    hasher.finish()
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

/// The lines of the file (1-based, inclusive) that one element of the preview shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    pub start: u32,
    pub end: u32,
}

impl Lines {
    /// `START-END`, as in `data-source-line`.
    pub fn attribute(&self) -> String {
        format!("{}-{}", self.start, self.end)
    }
}

/// Where an element of the preview sits in the preview's scrolled content, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    pub top: f64,
    pub bottom: f64,
}

// Scroll sync maps lines to heights through the points (start, top) and (end + 1, bottom) of each
// element, in order, and straight lines between them: a line inside a block lands as far into
// the block as it is into its lines, a blank line between two blocks in the gap between them.
// Lines are fractional (12.5 is halfway down line 12). Elements are looked up by binary search,
// so `extent` is asked about a handful of them, not the whole page.

/// The height in the preview that shows `line`; `None` with no elements.
pub fn line_to_y(anchors: &[Lines], line: f64, mut extent: impl FnMut(usize) -> Extent) -> Option<f64> {
    let count = anchors.partition_point(|a| f64::from(a.start) <= line);
    if count == 0 {
        return (!anchors.is_empty()).then(|| extent(0).top);
    }
    let i = count - 1;
    let (lines, at) = (anchors[i], extent(i));
    let after = f64::from(lines.end) + 1.0;
    if line < after {
        return Some(along(line, f64::from(lines.start), after, at.top, at.bottom));
    }
    match anchors.get(i + 1) {
        Some(next) => {
            let top = extent(i + 1).top.max(at.bottom);
            Some(along(line, after, f64::from(next.start), at.bottom, top))
        }
        None => Some(at.bottom),
    }
}

/// The line shown at height `y` of the preview; `None` with no elements.
pub fn y_to_line(anchors: &[Lines], y: f64, mut extent: impl FnMut(usize) -> Extent) -> Option<f64> {
    // The last element whose top is at or above y (tops are in order, but for floats).
    let (mut low, mut high) = (0, anchors.len());
    while low < high {
        let middle = (low + high) / 2;
        if extent(middle).top <= y {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if low == 0 {
        return anchors.first().map(|a| f64::from(a.start));
    }
    let i = low - 1;
    let (lines, at) = (anchors[i], extent(i));
    let after = f64::from(lines.end) + 1.0;
    if y < at.bottom {
        return Some(along(y, at.top, at.bottom, f64::from(lines.start), after));
    }
    match anchors.get(i + 1) {
        Some(next) => Some(along(y, at.bottom, extent(i + 1).top, after, f64::from(next.start))),
        None => Some(after),
    }
}

/// `x` in `from..to` mapped linearly onto `onto_from..onto_to` (clamped; the start for an empty range).
fn along(x: f64, from: f64, to: f64, onto_from: f64, onto_to: f64) -> f64 {
    if to <= from {
        return onto_from;
    }
    let t = ((x - from) / (to - from)).clamp(0.0, 1.0);
    onto_from + t * (onto_to - onto_from)
}

/// The problems list: one item per diagnostic, a button that jumps to its line when it has
/// one, and a single "No problems" item when there are none (so a screen reader hears that
/// the last one was fixed).
pub fn diagnostics_html(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "<li class=\"ok\">No problems</li>".to_owned();
    }
    let mut html = String::new();
    for d in diagnostics {
        html.push_str(&format!("<li class=\"{}\">", d.severity));
        if d.position() == Position::OUTSIDE {
            escape::text(&mut html, &format!("{}: {}", d.severity, d.message));
        } else {
            html.push_str(&format!(
                "<button type=\"button\" data-line=\"{}\" data-column=\"{}\">Line {}: ",
                d.line, d.column, d.line
            ));
            escape::text(&mut html, &format!("{}: {}", d.severity, d.message));
            html.push_str("</button>");
        }
        html.push_str("</li>");
    }
    html
}

/// The outline: one item per heading, each a button to its source line, indented by its depth
/// (`depth-1` for the highest level the article uses: an article of `####` headings is flat).
pub fn outline_html(outline: &[OutlineEntry]) -> String {
    let top = outline.iter().map(|e| e.level).min().unwrap_or(1);
    let mut html = String::new();
    for entry in outline {
        html.push_str(&format!(
            "<li class=\"depth-{}\"><button type=\"button\" data-line=\"{}\" data-id=\"",
            entry.level - top + 1,
            entry.line
        ));
        escape::attribute(&mut html, &entry.id);
        html.push_str("\">");
        escape::text(&mut html, if entry.text.trim().is_empty() { "(empty heading)" } else { &entry.text });
        html.push_str("</button></li>");
    }
    html
}

/// Words and reading time, as the stats line says them.
pub fn stats_text(words: usize, minutes: usize) -> String {
    let words_text = match words {
        1 => "1 word".to_owned(),
        n => format!("{} words", thousands(n)),
    };
    format!("{words_text} · {minutes} min read")
}

/// 12345 → "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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

    #[test]
    fn a_line_typed_above_a_block_keeps_its_key() {
        let profile = crate::Profile::jekyll();
        let request = crate::Request { source_map: true, ..crate::Request::new(&profile) };
        let before = crate::render_with("# Title\n\nOne\n\nTwo\n", &request);
        let after = crate::render_with("# Title\n\n\nOne\n\nTwo\n", &request);
        let keys = |a: &crate::Article| a.body_blocks.iter().map(|b| b.key).collect::<Vec<_>>();
        assert_eq!(keys(&before), keys(&after), "the blocks' content did not change, only their lines");
        assert_ne!(before.body_blocks[1].html, after.body_blocks[1].html, "the lines in the HTML should differ");
        assert_eq!(splice(&keys(&before), &keys(&after)).insert, 0);
        let joined = crate::render_with("# Title\nOne\n\nTwo\n", &request);
        assert_ne!(joined.body_blocks[0].html, before.body_blocks[0].html, "one line break after the title, not two");
        assert_eq!(keys(&joined), keys(&before), "the line breaks after a block are not part of its key");
    }

    /// Three blocks: lines 1-1 at 0..10 px, lines 3-6 at 20..60, lines 10-10 at 100..110.
    const ANCHORS: [Lines; 3] = [Lines { start: 1, end: 1 }, Lines { start: 3, end: 6 }, Lines { start: 10, end: 10 }];
    fn extent(i: usize) -> Extent {
        [Extent { top: 0.0, bottom: 10.0 }, Extent { top: 20.0, bottom: 60.0 }, Extent { top: 100.0, bottom: 110.0 }][i]
    }

    #[test]
    fn a_line_inside_a_block_lands_as_far_into_the_block() {
        assert_eq!(line_to_y(&ANCHORS, 3.0, extent), Some(20.0), "the block's first line is its top");
        assert_eq!(line_to_y(&ANCHORS, 5.0, extent), Some(40.0), "line 5 of 3-6 is halfway");
        assert_eq!(line_to_y(&ANCHORS, 6.5, extent), Some(55.0));
        assert_eq!(y_to_line(&ANCHORS, 40.0, extent), Some(5.0));
        assert_eq!(y_to_line(&ANCHORS, 20.0, extent), Some(3.0));
    }

    #[test]
    fn blank_lines_between_blocks_map_to_the_gap_between_them() {
        assert_eq!(line_to_y(&ANCHORS, 2.0, extent), Some(10.0), "line 2 starts where block 1 ends");
        assert_eq!(line_to_y(&ANCHORS, 2.5, extent), Some(15.0));
        assert_eq!(line_to_y(&ANCHORS, 8.5, extent), Some(80.0), "7..10 onto 60..100");
        assert_eq!(y_to_line(&ANCHORS, 80.0, extent), Some(8.5));
        assert_eq!(y_to_line(&ANCHORS, 15.0, extent), Some(2.5));
    }

    #[test]
    fn the_ends_are_clamped() {
        assert_eq!(line_to_y(&ANCHORS, 0.0, extent), Some(0.0));
        assert_eq!(line_to_y(&ANCHORS, 50.0, extent), Some(110.0));
        assert_eq!(y_to_line(&ANCHORS, -5.0, extent), Some(1.0));
        assert_eq!(y_to_line(&ANCHORS, 500.0, extent), Some(11.0));
        assert_eq!(line_to_y(&[], 3.0, extent), None);
        assert_eq!(y_to_line(&[], 3.0, extent), None);
    }

    #[test]
    fn a_float_beside_the_next_block_does_not_send_the_map_backwards() {
        // A floated figure (lines 1-1, 0..50) with the next paragraph beside it (3-3, 0..20).
        let anchors = [Lines { start: 1, end: 1 }, Lines { start: 3, end: 3 }];
        let extent = |i: usize| [Extent { top: 0.0, bottom: 50.0 }, Extent { top: 0.0, bottom: 20.0 }][i];
        assert_eq!(line_to_y(&anchors, 2.5, extent), Some(50.0), "the gap after the float is flat, not negative");
        assert!(y_to_line(&anchors, 10.0, extent).is_some());
    }

    #[test]
    fn the_only_elements_asked_about_are_those_the_search_visits() {
        let anchors: Vec<Lines> = (0..1000).map(|i| Lines { start: i * 3 + 1, end: i * 3 + 2 }).collect();
        let mut asked = 0;
        let y = line_to_y(&anchors, 1501.5, |i| {
            asked += 1;
            Extent { top: i as f64 * 30.0, bottom: i as f64 * 30.0 + 20.0 }
        });
        assert_eq!(asked, 1);
        assert_eq!(y, Some(500.0 * 30.0 + 5.0), "line 1501.5 is a quarter into block 500 (lines 1501-1502)");
        let mut asked = 0;
        let line = y_to_line(&anchors, 500.0 * 30.0 + 5.0, |i| {
            asked += 1;
            Extent { top: i as f64 * 30.0, bottom: i as f64 * 30.0 + 20.0 }
        });
        assert!(asked <= 12, "a binary search, asked {asked} times");
        assert_eq!(line, Some(1501.5));
    }

    #[test]
    fn problems_are_buttons_to_their_line_and_escaped() {
        let html = diagnostics_html(&[
            Diagnostic::warning(Position { line: 4, column: 2 }, "detached <attribute> list"),
            Diagnostic::warning(Position::OUTSIDE, "unknown option `x`"),
        ]);
        assert_eq!(
            html,
            "<li class=\"warning\"><button type=\"button\" data-line=\"4\" data-column=\"2\">Line 4: warning: detached &lt;attribute&gt; list</button></li>\
             <li class=\"warning\">warning: unknown option `x`</li>"
        );
        assert_eq!(diagnostics_html(&[]), "<li class=\"ok\">No problems</li>");
    }

    #[test]
    fn the_outline_lists_headings_with_their_lines() {
        let entry = |level, id: &str, text: &str, line| OutlineEntry { level, id: id.into(), text: text.into(), line };
        let html = outline_html(&[entry(2, "a-b", "A & B", 7), entry(3, "", "", 9)]);
        assert_eq!(
            html,
            "<li class=\"depth-1\"><button type=\"button\" data-line=\"7\" data-id=\"a-b\">A &amp; B</button></li>\
             <li class=\"depth-2\"><button type=\"button\" data-line=\"9\" data-id=\"\">(empty heading)</button></li>"
        );
    }

    #[test]
    fn stats_count_words_with_separators() {
        assert_eq!(stats_text(1, 1), "1 word · 1 min read");
        assert_eq!(stats_text(12_345, 62), "12,345 words · 62 min read");
        assert_eq!(stats_text(0, 0), "0 words · 0 min read");
    }
}
