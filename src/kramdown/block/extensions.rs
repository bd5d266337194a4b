//! Block extensions: attribute lists on their own line, attribute list definitions, and
//! the `{::name}` extensions (`comment`, `nomarkdown`, `options`).
//!
//! - `{: .cls}` after a block applies to that block; before a block (after a blank line, or
//!   at the start) it waits for the next block; several stack up.
//! - `{:name: .cls key="v"}` defines a list that `{: name}` refers to.
//! - `{::comment}...{:/comment}`, `{::nomarkdown type="html"}...{:/}`, `{::options key="v" /}`.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::attribute_list::parse_attribute_list;
use crate::kramdown::element::{Category, Element, EobKind, Ial, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, attribute_list_body, opt_space, rest_of_line_is_blank, Braces};
use crate::kramdown::span::closers::Closer;
use crate::value::Value;
use std::ops::Range;

/// A `{::name attrs}` start tag (or `{::name /}`), or an invalid stop tag `{:/name}`.
pub(crate) struct ExtensionTag<'a> {
    pub name: &'a str,
    pub attributes: &'a str,
    pub self_closing: bool,
    /// The tag's length.
    pub len: usize,
}

/// A stop tag (`\{:/(ALD_ID_NAME)?\}`) where a start tag should be: its name if any, and
/// its length.
pub(crate) struct StopTag<'a> {
    pub name: Option<&'a str>,
    pub len: usize,
}

impl StopTag<'_> {
    /// kramdown's warning (with its two spaces when there is no name), its line left to the diagnostic.
    pub fn warning(&self) -> String {
        let name = self.name.map(|n| format!("for '{n}' ")).unwrap_or_default();
        format!("Invalid extension stop tag {name} found - ignoring it")
    }
}

/// `EXT_START_STR` (`\{::(\w+)(?:\s(ALD_ANY_CHARS*?)|)(\/)?\}`) at the start of `s`; `Err` for a
/// stop tag, which may not start an extension.
pub(crate) fn extension_tag(s: &str) -> Option<Result<ExtensionTag<'_>, StopTag<'_>>> {
    if let Some(after) = s.after_ascii(b"{:/") {
        let name_len = patterns::ald_id_name(after).unwrap_or(0);
        let name = (name_len > 0).then(|| &after[..name_len]);
        return after[name_len..].starts_with_byte(b'}').then_some(Err(StopTag { name, len: 3 + name_len + 1 }));
    }
    let after = s.after_ascii(b"{::")?;
    let name_len = after.bytes().take_while(|&b| patterns::is_word(b)).count();
    if name_len == 0 {
        return None;
    }
    let name = &after[..name_len];
    let rest = &after[name_len..];
    let head = 3 + name_len;
    let closing = |t: &str| {
        if t.starts_with_ascii(b"/}") {
            Some((true, 2))
        } else if t.starts_with_byte(b'}') {
            Some((false, 1))
        } else {
            None
        }
    };
    if let Some((self_closing, n)) = closing(rest) {
        return Some(Ok(ExtensionTag { name, attributes: "", self_closing, len: head + n }));
    }
    if !rest.as_bytes().first().is_some_and(|&b| patterns::is_space(b)) {
        return None;
    }
    // The attributes end at the first `/}` or `}` (lazily), `\}` being part of them.
    let attributes = &rest[1..];
    let mut j = 0;
    while j < attributes.len() {
        if let Some((self_closing, n)) = closing(&attributes[j..]) {
            let attributes = &attributes[..j];
            return Some(Ok(ExtensionTag { name, attributes, self_closing, len: head + 1 + j + n }));
        }
        j += if attributes[j..].starts_with_ascii(b"\\}") { 2 } else { attributes[j..].chars().next().map_or(1, char::len_utf8) };
    }
    None
}

impl Parser<'_> {
    pub(crate) fn parse_block_extensions(&mut self, tree: &mut Element) -> bool {
        let rest = self.src.rest();
        let start = opt_space(rest);
        if !rest[start..].starts_with_ascii(b"{:") {
            return false;
        }
        if let Some((name, body, len)) = ald_start(rest, &self.src.braces) {
            let (name, body) = (name.to_owned(), body.to_owned());
            let location = self.src.current_line_number();
            self.src.take(len);
            // A second definition of the name adds to the first (kramdown's `@alds[name] ||= {}`).
            let mut def = self.alds.get_mut(&name).map(std::mem::take).unwrap_or_default();
            self.read_attribute_list(&body, &mut def);
            self.alds.insert(name, def);
            tree.children.push(self.eob(EobKind::Ald, location));
            return true;
        }
        match extension_tag(&rest[start..]) {
            Some(Ok(t)) => {
                let tag = (t.name.to_owned(), t.attributes.to_owned(), t.self_closing, t.len);
                return self.parse_block_extension(tree, start, tag);
            }
            // EXT_BLOCK_START: a stop tag on its own line is an error; elsewhere, text.
            Some(Err(stop)) => {
                if rest_of_line_is_blank(&rest[start + stop.len..]).is_some() {
                    let message = stop.warning();
                    self.warn(message);
                }
                return false;
            }
            None => {}
        }
        let Some((body, len)) = patterns::ial_block_start(rest, &self.src.braces) else { return false };
        let body = body.to_owned();
        let location = self.src.current_line_number();
        self.src.take(len);
        let attaches_to_last = tree.children.last().is_some_and(|last| {
            last.kind != Kind::Blank
                && (last.kind != Kind::Eob
                    || matches!(last.flags.eob, Some(EobKind::LinkDef | EobKind::AbbrevDef | EobKind::FootnoteDef)))
        });
        if attaches_to_last {
            let last = tree.children.last_mut().expect("checked above");
            let mut ial = last.options.ial.take().unwrap_or_default();
            self.read_attribute_list(&body, &mut ial);
            let last = tree.children.last_mut().expect("checked above");
            last.options.ial = Some(ial);
            if last.kind == Kind::Eob {
                let eob = last.clone();
                self.note_definition_ial(&eob);
            }
            if patterns::ial_block_start(self.src.rest(), &self.src.braces).is_none() {
                tree.children.push(self.eob(EobKind::Ial, location));
            }
        } else {
            let mut ial = self.block_ial.take().unwrap_or_default();
            self.read_attribute_list(&body, &mut ial);
            self.block_ial = Some(ial);
        }
        true
    }

    /// Reads an attribute list, warning (as kramdown does) when it holds nothing valid.
    pub(crate) fn read_attribute_list(&mut self, text: &str, ial: &mut Ial) {
        let invalid = (!parse_attribute_list(text, ial)).then(|| text.to_owned());
        self.attribute_list_read(invalid, ial);
    }

    /// [`Self::read_attribute_list`] for the list at `range` of the text being parsed, without
    /// a copy of it (each link's `{:target="_blank"}` was copied).
    pub(crate) fn read_attribute_list_at(&mut self, range: Range<usize>, ial: &mut Ial) {
        let text = &self.src.text()[range];
        let invalid = (!parse_attribute_list(text, ial)).then(|| text.to_owned());
        self.attribute_list_read(invalid, ial);
    }

    /// What follows reading an attribute list: the warning for one that held nothing valid (its
    /// text), and noting a reference to the table of contents.
    fn attribute_list_read(&mut self, invalid: Option<String>, ial: &Ial) {
        if let Some(text) = invalid {
            self.warn(format!("No or invalid attributes found in IAL/ALD content: {text}"));
        }
        self.toc_referenced |= ial.has_ref("toc");
    }

    fn parse_block_extension(&mut self, tree: &mut Element, indent: usize, tag: (String, String, bool, usize)) -> bool {
        let location = self.src.current_line_number();
        let rest = &self.src.rest()[indent..];
        let (name, attributes, self_closing, len) = tag;
        // EXT_BLOCK_START: the tag must end its line.
        let Some(tail) = rest_of_line_is_blank(&rest[len..]) else { return false };
        let start_len = indent + len + tail;
        let mut body = None;
        let mut consumed = start_len;
        if !self_closing {
            let after = &self.src.rest()[start_len..];
            let stop = {
                let closers = self.src.closers_from_here();
                find_block_stop(after, &name, |from| closers(Closer::ExtensionStopLine, start_len + from).map(|at| at - start_len))
            };
            match stop {
                Some((body_len, stop_len)) => {
                    let mut text = after[..body_len].to_owned();
                    if text.ends_with('\n') {
                        text.pop();
                    }
                    body = Some(text);
                    consumed += body_len + stop_len;
                }
                None => {
                    self.warn(format!("No stop tag for extension '{name}' found - ignoring it"));
                    return false;
                }
            }
        }
        let mut opts = Ial::default();
        self.read_attribute_list(&attributes, &mut opts);
        self.src.take(consumed);
        if self.handle_extension(tree, &name, &opts, body, Category::Block, location) {
            true
        } else {
            self.src.pos -= consumed;
            self.warn(format!("Invalid extension with name '{name}' specified - ignoring it"));
            false
        }
    }

    /// Carries out an extension (`handle_extension`); `false` for an unknown one.
    pub(crate) fn handle_extension(
        &mut self,
        tree: &mut Element,
        name: &str,
        opts: &Ial,
        body: Option<String>,
        category: Category,
        location: usize,
    ) -> bool {
        match name {
            "comment" => {
                if let Some(body) = body {
                    let mut comment = Element::with_value(Kind::Comment, body).at(location);
                    comment.flags.category = Some(category);
                    tree.children.push(comment);
                }
                true
            }
            "nomarkdown" => {
                if let Some(body) = body {
                    let mut raw = Element::with_value(Kind::Raw, body).at(location);
                    raw.flags.category = Some(category);
                    // `split(/\s+/)`: at ASCII white space only.
                    let types = opts.attrs.get("type").unwrap_or("").split(patterns::is_space_char);
                    raw.options.raw_types = types.filter(|t| !t.is_empty()).map(str::to_owned).collect();
                    tree.children.push(raw);
                }
                true
            }
            "options" => {
                for (key, value) in opts.attrs.iter() {
                    if key == "template" || key == "forbidden_inline_options" {
                        self.warn(format!("Option {key} may not be set inline"));
                    } else if let Err(crate::options::OptionError::Unknown { .. }) =
                        self.options.to_mut().set(key, &inline_option_value(value))
                    {
                        self.warn(format!("Unknown kramdown option '{key}'"));
                    }
                }
                if category == Category::Block {
                    tree.children.push(self.eob(EobKind::Extension, location));
                }
                true
            }
            _ => false,
        }
    }
}

/// An inline option's value as kramdown's option parser reads it: hashes and lists in YAML's
/// flow syntax (`{default_lang: ruby}`), anything else as the string it is.
fn inline_option_value(value: &str) -> Value {
    match crate::yaml::load(value) {
        Ok(parsed @ (Value::Map(_) | Value::Seq(_))) if value.trim_start().starts_with(['{', '[']) => parsed,
        _ => Value::String(value.to_owned()),
    }
}

/// `ALD_START` (`^ {0,3}\{:(ALD_ID_NAME):(ALD_ANY_CHARS+)\}\s*?\n`): name, body, length.
fn ald_start<'a>(s: &'a str, braces: &Braces) -> Option<(&'a str, &'a str, usize)> {
    let start = opt_space(s);
    let after = s[start..].after_ascii(b"{:")?;
    let name_len = after.bytes().take_while(|&b| patterns::is_word(b) || b == b'-').count();
    if name_len == 0 || !patterns::is_word(after.as_bytes()[0]) || !after[name_len..].starts_with_byte(b':') {
        return None;
    }
    let inner = &after[name_len + 1..];
    let body = attribute_list_body(inner, braces)?;
    let tail = rest_of_line_is_blank(&inner[body + 1..])?;
    Some((&after[..name_len], &inner[..body], start + 2 + name_len + 1 + body + 1 + tail))
}

/// `EXT_BLOCK_STOP_STR` (`^ {0,3}\{:/(name)?\} *?\n`): the body's length and the stop line's.
/// Only spaces may follow the tag: kramdown writes the pattern as a Ruby string, where `"\s"` is
/// a space, not a class of white space. `next` finds the next line of `s` that may be one.
fn find_block_stop(s: &str, name: &str, next: impl Fn(usize) -> Option<usize>) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(offset) = next(from) {
        let line = &s[offset..];
        let indent = opt_space(line);
        if let Some(after) = line[indent..].after_ascii(b"{:/") {
            let after = after.strip_prefix(name).unwrap_or(after);
            if let Some(tail) = after.after_byte(b'}').and_then(rest_of_line_is_spaces) {
                return Some((offset, line.len() - after.len() + 1 + tail));
            }
        }
        from = offset + 1;
    }
    None
}

/// The length of the rest of the line, newline included, if it holds only spaces.
fn rest_of_line_is_spaces(s: &str) -> Option<usize> {
    let spaces = s.bytes().take_while(|&b| b == b' ').count();
    s[spaces..].starts_with_byte(b'\n').then_some(spaces + 1)
}
