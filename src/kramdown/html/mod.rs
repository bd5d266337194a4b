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
    key_folding(name, false)
}

/// [`key`], with ASCII capitals read as their lower case when `fold`: the key of an ASCII name
/// lowered, without lowering it into a string of its own.
const fn key_folding(name: &str, fold: bool) -> Option<u64> {
    let bytes = name.as_bytes();
    if bytes.len() > 10 {
        return None;
    }
    let mut key = 0;
    let mut i = 0;
    while i < bytes.len() {
        let digit = match bytes[i] {
            b @ b'a'..=b'z' => b - b'a' + 1,
            b @ b'A'..=b'Z' if fold => b - b'A' + 1,
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
    bits_of_key(key(name))
}

fn bits_of_key(key: Option<u64>) -> u8 {
    key.and_then(|key| KNOWN.keys.binary_search(&key).ok()).map_or(0, |i| KNOWN.lists[i])
}

/// The lists of kramdown's a tag's name is in, looked up once for the tag: reading one asks
/// most of them (whether it is known, block or span level, has a body, how its content is read).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lists(u8);

impl Lists {
    /// The lists of a tag's name as written, which kramdown lowers before it looks
    /// (`HTML_ELEMENT[name.downcase]`). An ASCII name is read lowered in place.
    pub fn of_tag(name: &str) -> Lists {
        Lists(if name.is_ascii() { bits_of_key(key_folding(name, true)) } else { lists_of(&downcase(name)) })
    }

    /// Whether kramdown knows the name as an HTML element (`HTML_ELEMENT`).
    pub fn is_html_element(self) -> bool {
        self.0 != 0
    }

    pub fn is_span_element(self) -> bool {
        self.0 & SPAN != 0
    }

    pub fn is_block_element(self) -> bool {
        self.0 & BLOCK != 0
    }

    pub fn has_no_body(self) -> bool {
        self.0 & WITHOUT_BODY != 0
    }

    pub fn content_model(self) -> ContentModel {
        if self.0 & MODEL_BLOCK != 0 {
            ContentModel::Block
        } else if self.0 & MODEL_SPAN != 0 {
            ContentModel::Span
        } else {
            ContentModel::Raw
        }
    }
}

/// How kramdown reads the content of the element `name` (`HTML_CONTENT_MODEL`).
pub fn content_model(name: &str) -> ContentModel {
    Lists(lists_of(name)).content_model()
}

/// Whether kramdown knows `name` as an HTML element (`HTML_ELEMENT`): known names are
/// lower-cased, and so are their attribute names.
pub fn is_html_element(name: &str) -> bool {
    lists_of(name) != 0
}

/// Whether `name` is a span-level HTML element (`HTML_SPAN_ELEMENTS`).
pub fn is_span_element(name: &str) -> bool {
    Lists(lists_of(name)).is_span_element()
}

/// Whether `name` is a block-level HTML element (`HTML_BLOCK_ELEMENTS`).
pub fn is_block_element(name: &str) -> bool {
    Lists(lists_of(name)).is_block_element()
}

/// Whether the element `name` never has content (`HTML_ELEMENTS_WITHOUT_BODY`).
pub fn has_no_body(name: &str) -> bool {
    Lists(lists_of(name)).has_no_body()
}

/// A tag name as kramdown keeps it: lower-cased when it is a known HTML element, as written
/// otherwise (`name.downcase! if HTML_ELEMENT[name.downcase]`), and the lists it is in.
pub fn element_name(name: &str) -> (String, Lists) {
    let lists = Lists::of_tag(name);
    let kept = if lists.is_html_element() { downcase(name) } else { name.to_owned() };
    (kept, lists)
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
        assert_eq!(element_name("DiV").0, "div");
        assert_eq!(element_name("SoMe:UrL").0, "SoMe:UrL");
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

    #[test]
    fn a_tags_lists_are_those_of_its_name_lowered_as_ruby_lowers_it() {
        let names = LISTS.iter().flat_map(|(names, _)| names.iter().copied());
        for name in names {
            let capitals: String = name.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c }).collect();
            for written in [name.to_owned(), capitals, name.to_ascii_uppercase()] {
                assert_eq!(Lists::of_tag(&written), Lists(lists_of(name)), "{written}");
            }
        }
        // The Kelvin sign lowers to `k`, as in Ruby: `<\u{212A}BD>` is a `kbd`.
        assert_eq!(element_name("\u{212A}BD"), ("kbd".to_owned(), Lists(lists_of("kbd"))));
        for unknown in ["", "DIVS", "Mark-X", "TD\0", "É", "H7"] {
            assert_eq!(element_name(unknown), (unknown.to_owned(), Lists(0)), "{unknown}");
        }
    }
}
