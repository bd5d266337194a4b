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
pub const HTML_SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
    "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
    "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// HTML elements that kramdown treats as block level (`HTML_BLOCK_ELEMENTS`).
pub const HTML_BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre",
    "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
];

/// HTML elements that never have content (`HTML_ELEMENTS_WITHOUT_BODY`).
pub const HTML_ELEMENTS_WITHOUT_BODY: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// How kramdown reads the content of the element `name` (`HTML_CONTENT_MODEL`).
pub fn content_model(name: &str) -> ContentModel {
    if CONTENT_MODEL_BLOCK.contains(&name) {
        ContentModel::Block
    } else if CONTENT_MODEL_SPAN.contains(&name) {
        ContentModel::Span
    } else {
        ContentModel::Raw
    }
}

/// Whether kramdown knows `name` as an HTML element (`HTML_ELEMENT`): known names are
/// lower-cased, and so are their attribute names.
pub fn is_html_element(name: &str) -> bool {
    [HTML_SPAN_ELEMENTS, HTML_BLOCK_ELEMENTS, HTML_ELEMENTS_WITHOUT_BODY, CONTENT_MODEL_BLOCK, CONTENT_MODEL_SPAN, CONTENT_MODEL_RAW]
        .iter()
        .any(|names| names.contains(&name))
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
}
