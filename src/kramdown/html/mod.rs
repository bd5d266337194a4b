//! kramdown's HTML parser (`Parser::Html`): what kramdown knows of HTML elements, the tag
//! scanners ([`tags`]), the reading of raw HTML into elements ([`raw`]) and the conversion of
//! HTML elements to native ones for `html_to_native` ([`to_native`]).
//!
//! The kramdown syntax around it (which lines start block HTML, `markdown="1"`, span HTML) is
//! in `block/html.rs` and `span/html.rs`.

pub mod raw;
pub mod tags;
pub mod to_native;

use super::element::ContentModel;
use crate::ruby_case::downcase;

/// Elements whose content kramdown parses as blocks (`HTML_CONTENT_MODEL_BLOCK`).
const CONTENT_MODEL_BLOCK: &[&str] = &[
    "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset",
    "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu", "nav",
    "noscript", "object", "section", "summary", "td",
];

/// Elements whose content kramdown parses as spans (`HTML_CONTENT_MODEL_SPAN`).
const CONTENT_MODEL_SPAN: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc",
    "ruby", "select", "small", "span", "strong", "sub", "sup", "th", "tt",
];

/// Elements whose content is raw (`HTML_CONTENT_MODEL_RAW`); every unlisted element is too.
const CONTENT_MODEL_RAW: &[&str] =
    &["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"];

/// HTML elements that kramdown treats as span level (`HTML_SPAN_ELEMENTS`).
const HTML_SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
    "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
    "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// HTML elements that kramdown treats as block level (`HTML_BLOCK_ELEMENTS`).
const HTML_BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre",
    "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
];

/// HTML elements that never have content (`HTML_ELEMENTS_WITHOUT_BODY`).
const HTML_ELEMENTS_WITHOUT_BODY: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Which of kramdown's lists above a name is in, a bit each.
const SPAN: u8 = 1;
const BLOCK: u8 = 2;
const WITHOUT_BODY: u8 = 4;
const MODEL_BLOCK: u8 = 8;
const MODEL_SPAN: u8 = 16;
const MODEL_RAW: u8 = 32;

const LISTS: [(&[&str], u8); 6] = [
    (HTML_SPAN_ELEMENTS, SPAN),
    (HTML_BLOCK_ELEMENTS, BLOCK),
    (HTML_ELEMENTS_WITHOUT_BODY, WITHOUT_BODY),
    (CONTENT_MODEL_BLOCK, MODEL_BLOCK),
    (CONTENT_MODEL_SPAN, MODEL_SPAN),
    (CONTENT_MODEL_RAW, MODEL_RAW),
];

/// Every name of the lists once, by its [`key`], with the bits of the lists it is in, built at
/// compile time: a tag's name is looked up several times while a tag is read, and searching the
/// lists one after the other was 29% of the render of a page of HTML tables (natively).
static KNOWN: Known = known();

const KNOWN_COUNT: usize = known_count();

struct Known {
    /// Sorted.
    keys: [u64; KNOWN_COUNT],
    lists: [u8; KNOWN_COUNT],
}

/// A name of up to ten lower-case letters and digits `1` to `6`, six bits a character, as a
/// number that no other name has; `None` for any other name, which kramdown does not know
/// (every name in its lists is one of these). Comparing numbers is what the lookup costs.
const fn key(name: &str) -> Option<u64> {
    let bytes = name.as_bytes();
    if bytes.len() > 10 {
        return None;
    }
    let mut key = 0;
    let mut i = 0;
    while i < bytes.len() {
        let digit = match bytes[i] {
            b @ b'a'..=b'z' => b - b'a' + 1,
            b @ b'1'..=b'6' => b - b'1' + 27,
            _ => return None,
        };
        key = key << 6 | digit as u64;
        i += 1;
    }
    Some(key)
}

/// The lists' names merged, sorted by key: how many there are, and the table with them first.
const fn merge<const N: usize>() -> (usize, [u64; N], [u8; N]) {
    let (mut keys, mut lists) = ([0; N], [0; N]);
    let mut len = 0;
    let mut list = 0;
    while list < LISTS.len() {
        let (names, bit) = LISTS[list];
        let mut n = 0;
        while n < names.len() {
            let Some(key) = key(names[n]) else { panic!("a name in kramdown's lists without a key") };
            let mut at = 0;
            while at < len && keys[at] < key {
                at += 1;
            }
            if at < len && keys[at] == key {
                lists[at] |= bit;
            } else {
                let mut i = len;
                while i > at {
                    keys[i] = keys[i - 1];
                    lists[i] = lists[i - 1];
                    i -= 1;
                }
                (keys[at], lists[at]) = (key, bit);
                len += 1;
            }
            n += 1;
        }
        list += 1;
    }
    (len, keys, lists)
}

const fn known_count() -> usize {
    const ROOM: usize = HTML_SPAN_ELEMENTS.len()
        + HTML_BLOCK_ELEMENTS.len()
        + HTML_ELEMENTS_WITHOUT_BODY.len()
        + CONTENT_MODEL_BLOCK.len()
        + CONTENT_MODEL_SPAN.len()
        + CONTENT_MODEL_RAW.len();
    merge::<ROOM>().0
}

const fn known() -> Known {
    let (_, keys, lists) = merge::<KNOWN_COUNT>();
    Known { keys, lists }
}

/// The bits of the lists `name` is in; none for a name kramdown does not know.
fn lists_of(name: &str) -> u8 {
    key(name).and_then(|key| KNOWN.keys.binary_search(&key).ok()).map_or(0, |i| KNOWN.lists[i])
}

/// How kramdown reads the content of the element `name` (`HTML_CONTENT_MODEL`).
pub fn content_model(name: &str) -> ContentModel {
    let lists = lists_of(name);
    if lists & MODEL_BLOCK != 0 {
        ContentModel::Block
    } else if lists & MODEL_SPAN != 0 {
        ContentModel::Span
    } else {
        ContentModel::Raw
    }
}

/// Whether kramdown knows `name` as an HTML element (`HTML_ELEMENT`): known names are
/// lower-cased, and so are their attribute names.
pub fn is_html_element(name: &str) -> bool {
    lists_of(name) != 0
}

/// Whether `name` is a span-level HTML element (`HTML_SPAN_ELEMENTS`).
pub fn is_span_element(name: &str) -> bool {
    lists_of(name) & SPAN != 0
}

/// Whether `name` is a block-level HTML element (`HTML_BLOCK_ELEMENTS`).
pub fn is_block_element(name: &str) -> bool {
    lists_of(name) & BLOCK != 0
}

/// Whether the element `name` never has content (`HTML_ELEMENTS_WITHOUT_BODY`).
pub fn has_no_body(name: &str) -> bool {
    lists_of(name) & WITHOUT_BODY != 0
}

/// A tag name as kramdown keeps it: lower-cased when it is a known HTML element, as written
/// otherwise (`name.downcase! if HTML_ELEMENT[name.downcase]`).
pub fn element_name(name: &str) -> String {
    let lower = downcase(name);
    if is_html_element(&lower) {
        lower
    } else {
        name.to_owned()
    }
}

/// The `markdown` attribute's meaning (`HTML_MARKDOWN_ATTR_MAP`): `None` for the element's
/// own content model (`"1"`), `Some` for an explicit one; other values mean nothing.
pub fn markdown_attribute(value: &str) -> Option<Option<ContentModel>> {
    match value {
        "0" => Some(Some(ContentModel::Raw)),
        "1" => Some(None),
        "span" => Some(Some(ContentModel::Span)),
        "block" => Some(Some(ContentModel::Block)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_elements_are_raw_and_keep_their_case() {
        assert_eq!(content_model("div"), ContentModel::Block);
        assert_eq!(content_model("p"), ContentModel::Span);
        assert_eq!(content_model("table"), ContentModel::Raw);
        assert_eq!(content_model("custom-element"), ContentModel::Raw);
        assert_eq!(element_name("DiV"), "div");
        assert_eq!(element_name("SoMe:UrL"), "SoMe:UrL");
        assert!(is_html_element("textarea") && !is_html_element("mark-x"));
    }

    #[test]
    fn every_name_of_kramdowns_lists_is_known_with_the_lists_it_is_in_and_no_other_name_is() {
        assert!(KNOWN.keys.windows(2).all(|pair| pair[0] < pair[1]), "sorted, each name once");
        let names: Vec<&str> = LISTS.iter().flat_map(|(names, _)| names.iter().copied()).collect();
        assert_eq!(names.iter().collect::<std::collections::BTreeSet<_>>().len(), KNOWN_COUNT);
        for name in names {
            let expected = LISTS.iter().filter(|(names, _)| names.contains(&name)).fold(0, |all, (_, bit)| all | bit);
            assert_eq!(lists_of(name), expected, "{name}");
        }
        for unknown in ["", "zz", "DIV", "Td", "h7", "h0", "blockquotes", "blockquot", "mark-x", "td\0", "é", "aaaaaaaaaa"] {
            assert_eq!(lists_of(unknown), 0, "{unknown}");
        }
    }
}
