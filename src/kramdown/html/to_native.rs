//! `html_to_native`: HTML elements turned into kramdown's own elements where kramdown knows
//! how (`Parser::Html::ElementConverter`), so the converter writes them as it writes Markdown.
//!
//! - `p`, `blockquote`, lists, `hr`, `br`, `img`: the native element; `em`/`i`,
//!   `strong`/`b`: emphasis, unless the text starts or ends with white space; `a` with an
//!   `href`: a link; `h1`-`h6`: headers (with automatic ids); `code` and `pre` holding only
//!   text and entities: a code span or block (`pre > code.language-x` gives the language);
//!   a "simple" table (only phrasing content in cells, the same number of cells and the same
//!   alignment in every row): a table with `tbody`; `<script type="math/tex">`: math.
//! - Text in converted elements has its white space collapsed and its entities read (smart
//!   quotes and typographic entities become those elements); white space at the edges of
//!   block containers goes; loose text in containers like `div` is wrapped in paragraphs
//!   written without `<p>`.
//! - Anything else stays HTML, its children converted unless it is kept as it was.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use super::{content_model, is_block_element, is_span_element};
use crate::kramdown::element::{Alignment, Category, ContentModel, Element, Entity, Flags, Kind, LazyOptions, Mark, Symbol};
use crate::kramdown::entities;
use crate::kramdown::patterns::{self, is_space, is_word, is_word_char, EntityRef};

const REMOVE_TEXT_CHILDREN: &[&str] = &[
    "html", "head", "hgroup", "ol", "ul", "dl", "table", "colgroup", "tbody", "thead", "tfoot", "tr", "select",
    "optgroup",
];
const WRAP_TEXT_CHILDREN: &[&str] = &[
    "body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote",
    "figure", "figcaption", "fieldset", "form",
];
const REMOVE_WHITESPACE_CHILDREN: &[&str] = &[
    "body", "section", "nav", "article", "aside", "header", "footer", "address", "div", "li", "dd", "blockquote",
    "figure", "figcaption", "td", "th", "fieldset", "form",
];
const STRIP_WHITESPACE: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "form", "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "nav", "p",
    "section", "td", "th",
];

/// `SIMPLE_ELEMENTS`: the native kind for the element `name`. A `th` becomes a cell whose
/// tag the converter chooses from its section, as kramdown does once the table is built.
fn simple_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "em" => Kind::Em,
        "strong" => Kind::Strong,
        "blockquote" => Kind::Blockquote,
        "hr" => Kind::Hr,
        "br" => Kind::Br,
        "img" => Kind::Img,
        "p" => Kind::P,
        "thead" => Kind::Thead,
        "tbody" => Kind::Tbody,
        "tfoot" => Kind::Tfoot,
        "tr" => Kind::Tr,
        "td" | "th" => Kind::Td,
        "ul" => Kind::Ul,
        "ol" => Kind::Ol,
        "dl" => Kind::Dl,
        "li" => Kind::Li,
        "dt" => Kind::Dt,
        "dd" => Kind::Dd,
        _ => return None,
    })
}

/// Converts the HTML element `el` and its children (`ElementConverter.convert`).
pub fn convert(el: &mut Element) {
    process(el, true, false, "div");
}

/// `process`: `parent` is the HTML name of the enclosing element, which decides whether a
/// comment in it is block or span level.
fn process(el: &mut Element, convert: bool, preserve_text: bool, parent: &str) {
    match el.kind {
        Kind::XmlComment | Kind::XmlPi => {
            let category = if content_model(parent) == ContentModel::Span { Category::Span } else { Category::Block };
            reset_options(el);
            el.flags.category = Some(category);
            return;
        }
        Kind::HtmlElement => {}
        _ => return,
    }
    let name = el.value.clone();
    if convert && convert_named(el, &name) {
        return;
    }
    if convert && REMOVE_TEXT_CHILDREN.contains(&name.as_str()) {
        el.children.retain(|c| c.kind != Kind::Text);
    }
    match simple_kind(&name).filter(|_| convert) {
        Some(kind) => {
            set_basics(el, kind);
            process_children(el, &name, convert, preserve_text);
        }
        None => process_html_element(el, convert, preserve_text),
    }
    if convert {
        if STRIP_WHITESPACE.contains(&name.as_str()) {
            strip_whitespace(el);
        }
        if REMOVE_WHITESPACE_CHILDREN.contains(&name.as_str()) {
            remove_whitespace_children(el);
        }
        if WRAP_TEXT_CHILDREN.contains(&name.as_str()) {
            wrap_text_children(el);
        }
    }
}

/// The elements with a conversion of their own (kramdown's `convert_NAME` methods); `false`
/// for the others.
fn convert_named(el: &mut Element, name: &str) -> bool {
    match name {
        "textarea" => process_html_element(el, true, true),
        "a" => convert_a(el),
        "em" | "i" | "strong" | "b" => convert_emphasis(el, name),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => convert_header(el, name),
        "code" | "pre" => convert_code(el, name),
        "table" => convert_table(el),
        "script" => convert_script(el),
        _ => return false,
    }
    true
}

fn process_children(el: &mut Element, name: &str, convert: bool, preserve_text: bool) {
    let children = std::mem::take(&mut el.children);
    for mut child in children {
        if child.kind == Kind::Text {
            el.children.extend(process_text(&child.value, preserve_text || !convert, child.location));
        } else {
            process(&mut child, convert, preserve_text, name);
            el.children.push(child);
        }
    }
}

/// The text of an HTML element, with white space collapsed unless `preserve`, and its
/// entities as elements (`process_text`). Text before an entity is kept even when empty, as
/// the rules after this one count the children.
fn process_text(raw: &str, preserve: bool, location: usize) -> Vec<Element> {
    let text = if preserve { raw.to_owned() } else { collapse_space(raw) };
    let mut result = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let next = text[pos..].match_indices('&').find_map(|(i, _)| {
            let at = pos + i;
            patterns::html_entity(&text[at..]).map(|(reference, len)| (at, reference, len))
        });
        let Some((at, reference, len)) = next else {
            result.push(Element::with_value(Kind::Text, &text[pos..]).at(location));
            break;
        };
        result.push(Element::with_value(Kind::Text, &text[pos..at]).at(location));
        pos = at + len;
        let original = &text[at..pos];
        let el = match reference {
            EntityRef::Name(name) => match symbol(name) {
                Some((kind, symbol)) => {
                    let mut el = Element::new(kind);
                    el.flags.symbol = Some(symbol);
                    el
                }
                None => match entities::by_name(name) {
                    Some(entity) => entity_element(entity, Some(original)),
                    None => {
                        // Not an entity kramdown knows: an `&`, and the rest is text again.
                        pos = at + 1;
                        entity_element(entities::by_name("amp").expect("amp is an entity"), None)
                    }
                },
            },
            EntityRef::CodePoint(code_point) => entity_element(entities::by_code_point(code_point), Some(original)),
        };
        result.push(el.at(location));
    }
    result
}

/// The entities that become smart quotes and typographic symbols.
fn symbol(name: &str) -> Option<(Kind, Symbol)> {
    Some(match name {
        "lsquo" => (Kind::SmartQuote, Symbol::Lsquo),
        "rsquo" => (Kind::SmartQuote, Symbol::Rsquo),
        "ldquo" => (Kind::SmartQuote, Symbol::Ldquo),
        "rdquo" => (Kind::SmartQuote, Symbol::Rdquo),
        "mdash" => (Kind::TypographicSym, Symbol::Mdash),
        "ndash" => (Kind::TypographicSym, Symbol::Ndash),
        "hellip" => (Kind::TypographicSym, Symbol::Hellip),
        "laquo" => (Kind::TypographicSym, Symbol::Laquo),
        "raquo" => (Kind::TypographicSym, Symbol::Raquo),
        _ => return None,
    })
}

fn entity_element(entity: Entity, original: Option<&str>) -> Element {
    let mut el = Element::new(Kind::Entity);
    el.options.entity = Some(entity);
    el.options.original = original.map(str::to_owned);
    el
}

/// `gsub(/\s+/, ' ')`.
fn collapse_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        let space = c.is_ascii() && is_space(c as u8);
        if !space {
            out.push(c);
        } else if !in_space {
            out.push(' ');
        }
        in_space = space;
    }
    out
}

/// An element that stays HTML: block or span as kramdown knows it, its content read as its
/// model says when converting, raw otherwise.
fn process_html_element(el: &mut Element, convert: bool, preserve_text: bool) {
    let name = el.value.clone();
    reset_options(el);
    let span = is_span_element(&name);
    el.flags.category = Some(if span { Category::Span } else { Category::Block });
    el.flags.content_model = Some(if convert { content_model(&name) } else { ContentModel::Raw });
    process_children(el, &name, convert, preserve_text);
}

/// kramdown replaces all options of a converted element (the location, kept apart, only
/// serves warnings).
fn reset_options(el: &mut Element) {
    el.flags = Flags::default();
    el.options = LazyOptions::default();
}

/// `set_basics`: the element becomes `kind`, with fresh options and no value.
fn set_basics(el: &mut Element, kind: Kind) {
    el.kind = kind;
    reset_options(el);
    el.value.clear();
}

/// All the text inside `el` (`extract_text`).
fn extract_text(el: &Element, out: &mut String) {
    if el.kind == Kind::Text {
        out.push_str(&el.value);
    }
    for child in &el.children {
        extract_text(child, out);
    }
}

fn text_of(el: &Element) -> String {
    let mut text = String::new();
    extract_text(el, &mut text);
    text
}

fn strip_whitespace(el: &mut Element) {
    if let Some(first) = el.children.first_mut().filter(|c| c.kind == Kind::Text) {
        first.value = patterns::lstrip(&first.value).to_owned();
    }
    if let Some(last) = el.children.last_mut().filter(|c| c.kind == Kind::Text) {
        last.value = patterns::rstrip(&last.value).to_owned();
    }
}

/// White-space text goes at the edges and between two blocks.
fn remove_whitespace_children(el: &mut Element) {
    let blocks: Vec<bool> = el.children.iter().map(Element::is_block).collect();
    let last = blocks.len().saturating_sub(1);
    let mut index = 0;
    el.children.retain(|c| {
        let i = index;
        index += 1;
        let blank_text = c.kind == Kind::Text && patterns::strip(&c.value).is_empty();
        !(blank_text && (i == 0 || i == last || (blocks[i - 1] && blocks[i + 1])))
    });
}

/// Runs of text and span elements go into paragraphs written without `<p>`.
fn wrap_text_children(el: &mut Element) {
    let location = el.location;
    let children = std::mem::take(&mut el.children);
    let mut in_paragraph = false;
    for child in children {
        if !child.is_block() || child.kind == Kind::Text {
            if !in_paragraph {
                let mut para = Element::new(Kind::P).at(location);
                para.flags.set(Mark::Transparent, true);
                el.children.push(para);
                in_paragraph = true;
            }
            el.children.last_mut().expect("just pushed").children.push(child);
        } else {
            el.children.push(child);
            in_paragraph = false;
        }
    }
}

fn convert_a(el: &mut Element) {
    if el.attr.contains("href") {
        set_basics(el, Kind::A);
        process_children(el, "a", true, false);
    } else {
        process_html_element(el, false, false);
    }
}

fn convert_emphasis(el: &mut Element, name: &str) {
    let text = text_of(el);
    let spaced = |c: Option<char>| c.is_some_and(|c| c.is_ascii() && is_space(c as u8));
    if spaced(text.chars().next()) || spaced(text.chars().next_back()) {
        process_html_element(el, false, false);
    } else {
        set_basics(el, if matches!(name, "em" | "i") { Kind::Em } else { Kind::Strong });
        process_children(el, name, true, false);
    }
}

fn convert_header(el: &mut Element, name: &str) {
    set_basics(el, Kind::Header);
    el.flags.level = name.as_bytes()[1] - b'0';
    el.options.raw_text = Some(text_of(el));
    process_children(el, name, true, false);
}

/// `code` and `pre` holding only text and entities become code spans and blocks.
fn convert_code(el: &mut Element, name: &str) {
    let Some(code) = process_text(&text_of(el), true, el.location).iter().map(code_text).collect::<Option<String>>()
    else {
        process_html_element(el, false, true);
        return;
    };
    if name == "code" {
        set_basics(el, Kind::Codespan);
        if let Some(class) = el.attr.get("class") {
            let class = remove_highlighter_classes(class);
            el.attr.set("class", class);
        }
    } else {
        let language = match el.children.as_slice() {
            [child] if child.value == "code" => child.attr.get("class").and_then(|class| Some(class[patterns::language_class(class)?].to_owned())),
            _ => None,
        };
        set_basics(el, Kind::Codeblock);
        if let Some(language) = language {
            let class = [&language, " ", el.attr.get("class").unwrap_or("")].concat();
            el.attr.set("class", patterns::rstrip(&class));
        }
    }
    el.value = code;
    el.children.clear();
}

/// The characters an element of `process_text` stands for in code: `&lt;`, `&gt;`, `&quot;` and
/// `&amp;` as themselves. `None` for a code point that is no character.
fn code_text(el: &Element) -> Option<String> {
    match el.kind {
        Kind::Text => Some(el.value.clone()),
        Kind::Entity => el.options.entity?.char().map(String::from),
        _ => el.flags.symbol?.entity()?.char().map(String::from),
    }
}

/// `class.gsub!(/\s+\bhighlighter-\w+\b|\bhighlighter-\w+\b\s*/, '')`.
fn remove_highlighter_classes(class: &str) -> String {
    let mut out = String::with_capacity(class.len());
    let mut pos = 0;
    while pos < class.len() {
        let rest = &class[pos..];
        let spaces = rest.bytes().take_while(|&b| is_space(b)).count();
        let boundary_before = !class[..pos].chars().next_back().is_some_and(is_word_char);
        let matched = if spaces > 0 {
            highlighter_class(&rest[spaces..]).map(|len| spaces + len)
        } else if boundary_before {
            highlighter_class(rest).map(|len| len + rest[len..].bytes().take_while(|&b| is_space(b)).count())
        } else {
            None
        };
        match matched {
            Some(len) => pos += len,
            None => {
                let c = rest.chars().next().expect("pos is inside the text");
                out.push(c);
                pos += c.len_utf8();
            }
        }
    }
    out
}

/// `highlighter-\w+\b` at the start of `s`: its length.
fn highlighter_class(s: &str) -> Option<usize> {
    let rest = s.after_ascii(b"highlighter-")?;
    let word = rest.bytes().take_while(|&b| is_word(b)).count();
    let boundary_after = !rest[word..].chars().next().is_some_and(is_word_char);
    (word > 0 && boundary_after).then_some(12 + word)
}

fn convert_table(el: &mut Element) {
    if !is_simple_table(el) {
        process_html_element(el, false, false);
        return;
    }
    el.children.retain(|c| c.kind != Kind::Text);
    process_children(el, "table", true, false);
    set_basics(el, Kind::Table);
    let mut alignment = Vec::new();
    take_alignment(el, &mut alignment);
    el.options.alignment = alignment;
    el.children.retain(|c| c.kind != Kind::HtmlElement);
    if el.children.first().is_some_and(|c| c.kind == Kind::Tr) {
        let mut tbody = Element::new(Kind::Tbody).at(el.location);
        tbody.children = std::mem::take(&mut el.children);
        el.children.push(tbody);
    }
}

/// The column alignment, from the `text-align` in the cells' styles (taken out of them), as the
/// last row has it.
fn take_alignment(el: &mut Element, alignment: &mut Vec<Alignment>) {
    if el.kind != Kind::Tr {
        for child in &mut el.children {
            take_alignment(child, alignment);
        }
        return;
    }
    *alignment = el
        .children
        .iter_mut()
        .map(|cell| {
            let Some(style) = cell.attr.get("style") else { return Alignment::Default };
            let Some((start, end, align)) = text_align(style) else { return Alignment::Default };
            let style = [&style[..start], &style[end..]].concat();
            if patterns::strip(&style).is_empty() {
                cell.attr.remove("style");
            } else {
                cell.attr.set("style", style);
            }
            align
        })
        .collect();
}

/// The first `(?:;\s*)?text-align:\s+(center|left|right)` in a style: where it is and the
/// alignment.
fn text_align(style: &str) -> Option<(usize, usize, Alignment)> {
    style.match_indices("text-align:").find_map(|(i, _)| {
        let (value_start, align) = alignment_value(&style[i + 11..], &["center", "left", "right"])?;
        let before = &style[..i];
        let spaces = before.len() - before.trim_end_matches(|c: char| c.is_ascii() && is_space(c as u8)).len();
        let start = if before[..before.len() - spaces].ends_with(';') { i - spaces - 1 } else { i };
        let align = match align {
            "center" => Alignment::Center,
            "left" => Alignment::Left,
            _ => Alignment::Right,
        };
        Some((start, i + 11 + value_start + align_len(align), align))
    })
}

fn align_len(align: Alignment) -> usize {
    match align {
        Alignment::Center => 6,
        Alignment::Left => 4,
        _ => 5,
    }
}

/// `\s+(value|...)` at the start of `s`: where the value starts, and which one it is.
fn alignment_value<'a>(s: &str, values: &[&'a str]) -> Option<(usize, &'a str)> {
    let spaces = s.bytes().take_while(|&b| is_space(b)).count();
    let value = values.iter().find(|v| s[spaces..].starts_with(**v))?;
    (spaces > 0).then_some((spaces, *value))
}

/// `is_simple_table?`: cells hold only phrasing content, every row has as many cells and the
/// same alignment, and rows are directly in the table or in `thead` (`th` cells), `tbody`
/// and `tfoot` (`td` cells), with a `tbody`.
fn is_simple_table(table: &Element) -> bool {
    let mut cell_count = 0;
    count_cells(table, &mut cell_count);
    let mut alignment = None;
    cells_are_phrasing(table)
        && cell_count != -1
        && same_alignment(table, &mut alignment)
        && (rows_of(table, "td")
            || (table.children.iter().all(|t| {
                t.kind == Kind::Text
                    || (t.value == "thead" && rows_of(t, "th"))
                    || ((t.value == "tfoot" || t.value == "tbody") && rows_of(t, "td"))
            }) && table.children.iter().any(|t| t.value == "tbody")))
}

fn is_cell(el: &Element) -> bool {
    el.value == "th" || el.value == "td"
}

fn cells_are_phrasing(el: &Element) -> bool {
    if is_cell(el) {
        only_phrasing_content(el)
    } else {
        el.children.iter().all(cells_are_phrasing)
    }
}

fn only_phrasing_content(el: &Element) -> bool {
    el.children.iter().all(|c| {
        (c.kind == Kind::Text || !is_block_element(&c.value)) && only_phrasing_content(c)
    })
}

/// The number of cells of the rows, or -1 when a row has another number than the first row
/// with cells.
fn count_cells(el: &Element, count: &mut i64) {
    if el.value != "tr" {
        el.children.iter().for_each(|c| count_cells(c, count));
        return;
    }
    let cells = el.children.iter().filter(|c| is_cell(c)).count() as i64;
    if cells != *count {
        *count = if *count == 0 { cells } else { -1 };
    }
}

fn same_alignment<'a>(el: &'a Element, alignment: &mut Option<Vec<Option<&'a str>>>) -> bool {
    if el.value != "tr" {
        return el.children.iter().all(|c| same_alignment(c, alignment));
    }
    let mut row = Vec::new();
    for cell in el.children.iter().filter(|c| is_cell(c)) {
        let style = cell.attr.get("style").unwrap_or("");
        let value = style.match_indices("text-align:").find_map(|(i, _)| {
            alignment_value(&style[i + 11..], &["center", "left", "right", "justify", "inherit"]).map(|(_, v)| v)
        });
        if matches!(value, Some("justify" | "inherit")) {
            return false;
        }
        row.push(value);
    }
    alignment.get_or_insert_with(|| row.clone()) == &row
}

/// Whether `el` holds only rows (and text) whose cells are all `cell` elements.
fn rows_of(el: &Element, cell: &str) -> bool {
    el.children.iter().all(|row| {
        (row.value == "tr" || row.kind == Kind::Text) && row.children.iter().all(|c| c.value == cell || c.kind == Kind::Text)
    })
}

/// `<script type="math/tex">` becomes math (`mode=display` makes it a block); other scripts
/// stay HTML.
fn convert_script(el: &mut Element) {
    let kind = el.attr.get("type").unwrap_or("");
    if !has_word(kind, "math/tex") {
        process_html_element(el, true, false);
        return;
    }
    let category = if kind.contains("mode=display") { Category::Block } else { Category::Span };
    let first = if el.children.is_empty() { String::new() } else { el.children.remove(0).value };
    set_basics(el, Kind::Math);
    el.flags.category = Some(category);
    el.value = strip_cdata(&first).to_owned();
    el.attr.remove("type");
}

/// `\bWORD\b` in `text`.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(is_word_char)
            && !text[i + word.len()..].chars().next().is_some_and(is_word_char)
    })
}

/// `sub(/\A(?:%\s*)?<!\[CDATA\[\n?(.*?)(?:\s%)?\]\]>\z/m, '\1')`.
fn strip_cdata(text: &str) -> &str {
    let unprefixed = text.after_byte(b'%').map(patterns::trim_start_space).filter(|t| t.starts_with_ascii(b"<![CDATA["));
    let Some(inner) = unprefixed.unwrap_or(text).after_ascii(b"<![CDATA[") else { return text };
    let inner = inner.after_byte(b'\n').unwrap_or(inner);
    let Some(inner) = inner.strip_suffix("]]>") else { return text };
    match inner.strip_suffix('%') {
        Some(before) if before.ends_with(|c: char| c.is_ascii() && is_space(c as u8)) => &before[..before.len() - 1],
        _ => inner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighter_classes_go_with_their_space() {
        assert_eq!(remove_highlighter_classes("x highlighter-rouge y"), "x y");
        assert_eq!(remove_highlighter_classes("highlighter-rouge y"), "y");
        assert_eq!(remove_highlighter_classes("xhighlighter-rouge"), "xhighlighter-rouge");
        assert_eq!(remove_highlighter_classes("highlighter-rougé"), "highlighter-rougé");
    }

    #[test]
    fn text_align_is_taken_with_the_semicolon_before_it() {
        assert_eq!(text_align("width: 1em;  text-align: left"), Some((10, 29, Alignment::Left)));
        assert_eq!(text_align("text-align:center"), None);
    }

    #[test]
    fn cdata_wrappers_go() {
        assert_eq!(strip_cdata("% <![CDATA[\nx = 1 %]]>"), "x = 1");
        assert_eq!(strip_cdata("<![CDATA[y]]>"), "y");
        assert_eq!(strip_cdata("z"), "z");
    }

    #[test]
    fn entities_split_text() {
        let parts = process_text("a  &ldquo;b&rdquo;&bogus;\n", false, 1);
        let kinds: Vec<Kind> = parts.iter().map(|p| p.kind).collect();
        use Kind::*;
        assert_eq!(kinds, [Text, SmartQuote, Text, SmartQuote, Text, Entity, Text]);
        assert_eq!(parts[0].value, "a ");
        assert_eq!(parts[4].value, "");
        assert_eq!(parts[6].value, "bogus; ");
    }
}
