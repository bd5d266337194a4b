//! YAML text to [`Value`], read as Ruby's `YAML.safe_load` (Psych, YAML 1.1) reads it, with
//! errors and warnings that say where.
//!
//! saphyr-parser turns the text into events; this module composes them into values:
//!
//! - plain scalars are resolved with Psych's YAML 1.1 rules (`scalar`); quoted and block
//!   scalars stay strings; an explicit tag decides (`!!str 1` is a string, `!!float 1` a float);
//! - mappings keep their order; a repeated key keeps its first place and its last value, as a
//!   Ruby hash does, and is reported as a warning; `<<` merges mappings as Psych does;
//! - aliases are copied, within a budget: a document that would grow past it (an "alias
//!   bomb", a billion laughs) is an error, not a hang or an exhausted memory;
//! - nesting deeper than [`MAX_DEPTH`] is an error rather than a stack overflow later;
//! - only the first document of a stream is read, as `YAML.safe_load` does.
//!
//! Everything is linear in the size of the text (a 5 MB scalar included).

mod input;
mod lenient;
mod scalar;
mod tabs;
mod value_at;

use crate::value::{Map, Value};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span, Tag};
use crate::name_map::NameMap;
use std::fmt;

pub use value_at::{value_at, value_at_path};

/// How deep collections may nest.
pub const MAX_DEPTH: usize = 256;

/// A YAML document that cannot be read: what is wrong and its byte offset in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub offset: usize,
    pub kind: YamlErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// The text is not YAML (saphyr's description).
    Syntax(String),
    /// Copying aliases would make the document grow past `limit` (nodes plus text bytes).
    AliasBudget { limit: usize },
    /// An alias names no anchor defined before it.
    UnknownAnchor,
    /// Collections nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A plain value inside brackets or braces starts with `|` or `>`, which YAML reserves for
    /// block scalars: Ruby refuses it (saphyr lets it through there).
    IndicatorStart(char),
    /// A tag directly followed by `]` or `}` (`[!!str]`): libyaml, and so Ruby, wants white
    /// space or a comma after a tag; saphyr reads it as an empty value.
    TagNotSeparated(char),
    /// Brackets (`[` or `{`) whose items stop without the closing one.
    NeverClosed(char),
    /// A tab alone after a mapping's `:`, which libyaml reads and saphyr does not; Folio puts a
    /// space there and reads the text again, within a budget ([`lenient`]).
    TabAfterColon,
    /// A line going on with a quoted value or brackets, indented no more than its key or by a
    /// tab: libyaml reads it, saphyr does not; Folio indents it and reads the text again
    /// ([`lenient`]). Left when that cannot be done: a quoted value never closed.
    Unindented(ContinuedLine),
    /// A tab starting a line or after a block sequence's `-`: libyaml, and so Jekyll, refuses it.
    RefusedTab,
    /// A `#` right after a value (`"a"#b`): libyaml starts a comment there, saphyr wants a space
    /// before it; Folio puts one there and reads the text again ([`lenient`]).
    CommentTouching,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

/// So that `?` takes it into `Box<dyn Error>` and other error types.
impl std::error::Error for YamlError {}

impl fmt::Display for YamlErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            YamlErrorKind::Syntax(message) => f.write_str(message),
            YamlErrorKind::AliasBudget { limit } => write!(
                f,
                "aliases here would expand the document past {limit} nodes and characters (an alias bomb?); it is not read"
            ),
            YamlErrorKind::UnknownAnchor => f.write_str("this alias refers to no anchor defined before it"),
            YamlErrorKind::TooDeep => write!(f, "lists and mappings nest deeper than {MAX_DEPTH} levels"),
            YamlErrorKind::IndicatorStart(c) => {
                write!(f, "a value cannot start with `{c}` without quotes (YAML keeps it for text blocks); quote it")
            }
            YamlErrorKind::TabAfterColon => f.write_str("a tab after `:` where a space is needed; put a space after the `:`"),
            YamlErrorKind::CommentTouching => f.write_str("a comment right after a value; put a space before the `#`"),
            YamlErrorKind::Unindented(ContinuedLine::Quoted) => f.write_str(NEVER_CLOSED),
            YamlErrorKind::Unindented(ContinuedLine::Flow) => {
                f.write_str("this line inside brackets is indented no more than its key; indent it")
            }
            YamlErrorKind::Unindented(ContinuedLine::Tab) => f.write_str("a tab indents this line; indent it with spaces"),
            YamlErrorKind::RefusedTab => {
                f.write_str("a tab where YAML allows only spaces (Jekyll would not read this front matter); indent with spaces")
            }
            YamlErrorKind::NeverClosed(c) => {
                let close = if *c == '[' { ']' } else { '}' };
                write!(f, "the `{c}` here is never closed: after each item comes `,` or the closing `{close}`")
            }
            YamlErrorKind::TagNotSeparated(c) => {
                write!(f, "a tag must be followed by a space, a comma or the line's end, not `{c}`")
            }
        }
    }
}

const NEVER_CLOSED: &str = "the quoted text that starts here is never closed (is its closing quote missing?)";

/// What a line that [`YamlErrorKind::Unindented`] is about goes on with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContinuedLine {
    Quoted,
    Flow,
    Tab,
}

/// Something legal but probably a mistake, at a byte offset of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlWarning {
    pub offset: usize,
    pub kind: YamlWarningKind,
}

/// What a warning is about; the caller words it (the front matter names both places of a
/// repeated key in the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YamlWarningKind {
    /// The key appears again in the same mapping (first at byte `first`); the last value
    /// wins, as in Ruby.
    DuplicateKey { key: String, first: usize },
    /// A list or mapping used as a key: Folio's mappings have text keys, so the entry is left out.
    CollectionKey,
    /// The text goes on after the document is complete, less indented than it began: Ruby
    /// reads the document and leaves the rest out.
    LeftOut,
}

/// A document read: its value and its warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub value: Value,
    /// When the value is a mapping: the byte offset of each entry's key, in entry order (a merged
    /// entry points at its `<<`), so callers can point at a key they find a problem with.
    pub key_offsets: Vec<usize>,
    pub warnings: Vec<YamlWarning>,
}

/// Reads the first YAML document of `text` (`Value::Null` when there is none).
pub fn load(text: &str) -> Result<Value, YamlError> {
    load_document(text).map(|document| document.value)
}

/// Reads the first YAML document of `text`, with its warnings.
pub fn load_document(text: &str) -> Result<Document, YamlError> {
    match Composer::new(text).run() {
        // Most front matter: read at once, no tab to look at.
        Ok(document) if !text.contains('\t') => Ok(document),
        read => lenient::settle(text, read),
    }
}

/// Reads `text`: what [`load_document`] does each time `lenient` changes the text.
fn compose(text: &str) -> Result<Document, YamlError> {
    Composer::new(text).run()
}

/// A collection being built, with its anchor and what it weighs so far.
enum Frame {
    Seq { items: Vec<Value>, anchor: usize, weight: usize },
    Map(MapFrame),
}

struct MapFrame {
    /// Key → value and the byte offset where the key first appeared, so repeated keys are
    /// found in constant time and reported with both places.
    entries: NameMap<(Value, usize)>,
    /// The key read, waiting for its value: its text (None for a collection key), whether it
    /// is a merge key, and where it starts.
    key: Option<(Option<String>, bool, Marker)>,
    anchor: usize,
    weight: usize,
}

struct Composer<'a> {
    parser: Parser<'a, input::TextInput<'a>>,
    /// The collections being built, each with where it opens.
    stack: Vec<(Frame, Marker)>,
    /// Anchored values by saphyr's anchor id (which counts anchors from 1), with their weight.
    anchors: Vec<Option<(Value, usize)>>,
    /// What aliases may still copy (nodes plus bytes of text).
    alias_budget: usize,
    alias_limit: usize,
    warnings: Vec<YamlWarning>,
    key_offsets: Vec<usize>,
    offsets: CharOffsets<'a>,
}

impl<'a> Composer<'a> {
    fn new(text: &'a str) -> Self {
        // Aliases may copy up to four times the document plus a megabyte: far beyond honest
        // reuse, far below what a bomb asks for.
        let alias_limit = 4 * text.len() + (1 << 20);
        Composer {
            parser: Parser::new(input::TextInput::new(text)),
            stack: Vec::new(),
            anchors: Vec::new(),
            alias_budget: alias_limit,
            alias_limit,
            warnings: Vec::new(),
            key_offsets: Vec::new(),
            offsets: CharOffsets { text, chars: 0, bytes: 0 },
        }
    }

    fn run(mut self) -> Result<Document, YamlError> {
        let mut root = None;
        while let Some(next) = self.parser.next_event() {
            let (event, span) = match next {
                Ok(next) => next,
                // Psych returns the first document once it is complete, before the parser
                // reaches what follows it (`  title: a` then `date: b`): the rest is left out.
                Err(error) if root.is_some() && error.info() == "did not find expected <document start>" => {
                    let offset = self.offsets.byte_offset(*error.marker());
                    self.warnings.push(YamlWarning { offset, kind: YamlWarningKind::LeftOut });
                    break;
                }
                Err(error) => return Err(self.syntax_error(&error)),
            };
            let done = match event {
                Event::Scalar(text, style, anchor, tag) => {
                    if let Some(c) = text.chars().next().filter(|c| matches!(c, '|' | '>') && style == ScalarStyle::Plain) {
                        return Err(self.error(span.start, YamlErrorKind::IndicatorStart(c)));
                    }
                    if let Some(c) = tag.as_ref().and_then(|_| self.closing_after_empty(&text, style, span)) {
                        return Err(self.error(span.end, YamlErrorKind::TagNotSeparated(c)));
                    }
                    let value = scalar_value(&text, style, tag.as_deref());
                    let weight = 1 + text.len();
                    self.finish(value, anchor, weight, span.start, &mut root)
                }
                Event::SequenceStart(anchor, _) => {
                    self.open(Frame::Seq { items: Vec::new(), anchor, weight: 1 }, span)?;
                    false
                }
                Event::MappingStart(anchor, _) => {
                    let frame = MapFrame { entries: NameMap::new(), key: None, anchor, weight: 1 };
                    self.open(Frame::Map(frame), span)?;
                    false
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let (value, anchor, weight) = match self.stack.pop().expect("the parser balances collections").0 {
                        Frame::Seq { items, anchor, weight } => (Value::Seq(items), anchor, weight),
                        Frame::Map(map) => {
                            let entries = map.entries.into_iter().map(|(key, (value, _))| (key, value)).collect();
                            (Value::Map(entries), map.anchor, map.weight)
                        }
                    };
                    self.finish(value, anchor, weight, span.start, &mut root)
                }
                Event::Alias(id) => {
                    let anchored = self.anchors.get(id).cloned().flatten();
                    let (value, weight) = anchored.ok_or_else(|| self.error(span.start, YamlErrorKind::UnknownAnchor))?;
                    self.alias_budget = self.alias_budget.checked_sub(weight).ok_or_else(|| {
                        self.error(span.start, YamlErrorKind::AliasBudget { limit: self.alias_limit })
                    })?;
                    self.finish(value, 0, weight, span.start, &mut root)
                }
                Event::DocumentEnd => root.is_some(),
                Event::StreamEnd => true,
                Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => false,
            };
            if done {
                break;
            }
        }
        let value = root.unwrap_or(Value::Null);
        let key_offsets = if matches!(value, Value::Map(_)) { self.key_offsets } else { Vec::new() };
        Ok(Document { value, key_offsets, warnings: self.warnings })
    }

    fn open(&mut self, frame: Frame, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(span.start, YamlErrorKind::TooDeep));
        }
        self.stack.push((frame, span.start));
        Ok(())
    }

    /// Places a finished node in its parent (or as the root), remembering it if anchored.
    /// Returns whether the document is complete.
    fn finish(&mut self, value: Value, anchor: usize, weight: usize, at: Marker, root: &mut Option<Value>) -> bool {
        if anchor != 0 {
            if self.anchors.len() <= anchor {
                self.anchors.resize(anchor + 1, None);
            }
            self.anchors[anchor] = Some((value.clone(), weight));
        }
        let in_root = self.stack.len() == 1;
        match self.stack.last_mut().map(|(frame, _)| frame) {
            None => {
                *root = Some(value);
                return false; // wait for DocumentEnd: the stream may still hold a syntax error
            }
            Some(Frame::Seq { items, weight: total, .. }) => {
                items.push(value);
                *total += weight;
            }
            Some(Frame::Map(map)) => {
                map.weight += weight;
                match map.key.take() {
                    None => {
                        let is_merge = matches!(&value, Value::String(s) if s == "<<");
                        let key = match value {
                            Value::Seq(_) | Value::Map(_) => None,
                            scalar => scalar.to_scalar_string(),
                        };
                        map.key = Some((key, is_merge, at));
                    }
                    Some((key, is_merge, key_at)) => {
                        let offset = self.offsets.byte_offset(key_at);
                        let entries_before = map.entries.len();
                        if is_merge && merge(&mut map.entries, &value, offset) {
                            if in_root {
                                self.key_offsets.resize(map.entries.len().max(entries_before), offset);
                            }
                            return false;
                        }
                        let Some(key) = key else {
                            self.warnings.push(YamlWarning { offset, kind: YamlWarningKind::CollectionKey });
                            return false;
                        };
                        match map.entries.get_mut(&key) {
                            Some((old, first)) => {
                                *old = value;
                                let first = *first;
                                self.warnings.push(YamlWarning { offset, kind: YamlWarningKind::DuplicateKey { key, first } });
                            }
                            None => {
                                map.entries.insert(key, (value, offset));
                                if in_root {
                                    self.key_offsets.push(offset);
                                }
                            }
                        }
                    }
                }
            }
        }
        false
    }

    /// The `]` or `}` right after a tagged empty value whose tag comes last (its span holds the
    /// tag and any anchor, in their order; an anchor may touch the bracket).
    fn closing_after_empty(&mut self, text: &str, style: ScalarStyle, span: Span) -> Option<char> {
        if !text.is_empty() || style != ScalarStyle::Plain {
            return None;
        }
        let start = self.offsets.byte_offset(span.start);
        let end = self.offsets.byte_offset(span.end);
        let source = self.offsets.text;
        let last_property = source[start..end].rsplit([' ', '\t', '\n', '\r']).next()?;
        if !last_property.starts_with('!') {
            return None;
        }
        source[end..].chars().next().filter(|c| matches!(c, ']' | '}'))
    }

    fn error(&mut self, at: Marker, kind: YamlErrorKind) -> YamlError {
        YamlError { offset: self.offsets.byte_offset(at), kind }
    }

    // Not inlined: only a text in error gets here, and wasm-split can leave it out of the first
    // download.
    #[inline(never)]
    fn syntax_error(&mut self, error: &ScanError) -> YamlError {
        let kind = match error.info() {
            // saphyr says these at the opening quote when the text runs on to the end: a closing
            // quote is missing.
            "while scanning a quoted scalar, found unexpected end of stream"
            | "while scanning a quoted scalar, found unexpected document indicator" => YamlErrorKind::Syntax(NEVER_CLOSED.to_owned()),
            // What libyaml reads and saphyr does not: `lenient` makes it readable.
            "invalid indentation in quoted scalar" => YamlErrorKind::Unindented(ContinuedLine::Quoted),
            "invalid indentation in flow construct" => YamlErrorKind::Unindented(ContinuedLine::Flow),
            // Said in brackets too, where libyaml reads it; where it does not (a block's
            // indentation), the refused tab is found once the line is indented.
            "invalid indentation" => YamlErrorKind::Unindented(ContinuedLine::Flow),
            "tab cannot be used as indentation" | "tabs disallowed within this context (block indentation)" => {
                YamlErrorKind::Unindented(ContinuedLine::Tab)
            }
            "':' must be followed by a valid YAML whitespace" => YamlErrorKind::TabAfterColon,
            // Said where the next item was looked for, often the end of the front matter; Ruby
            // says it where the brackets open, which is where the closing one is missing.
            // And saphyr takes the next line's key for a pair inside the brackets (`[a, b` then
            // `date: x`), which libyaml does not.
            info @ ("while parsing a flow sequence, expected ',' or ']'"
            | "while parsing a flow mapping, did not find expected ',' or '}'"
            | "illegal placement of ':' indicator") => {
                // The innermost collection a bracket opened (the pair of `[a: b` is a mapping
                // opened without one).
                let openings: Vec<Marker> = self.stack.iter().rev().map(|&(_, opened)| opened).collect();
                for opened in openings {
                    let offset = self.offsets.byte_offset(opened);
                    if let Some(&bracket @ (b'[' | b'{')) = self.offsets.text.as_bytes().get(offset) {
                        return YamlError { offset, kind: YamlErrorKind::NeverClosed(char::from(bracket)) };
                    }
                }
                YamlErrorKind::Syntax(info.to_owned())
            }
            // Said where the value starts; the tab is in the indentation of a line it goes on to.
            "while scanning a plain scalar, found a tab" => {
                let start = self.offsets.byte_offset(*error.marker());
                if let Some(tab) = tabs::indenting_tab_after(self.offsets.text, start) {
                    return YamlError { offset: tab, kind: YamlErrorKind::RefusedTab };
                }
                YamlErrorKind::Syntax(error.info().to_owned())
            }
            "comments must be separated from other tokens by whitespace" => YamlErrorKind::CommentTouching,
            other => YamlErrorKind::Syntax(other.to_owned()),
        };
        self.error(*error.marker(), kind)
    }
}

/// Psych's `<<`: a mapping (or a list of mappings, the first winning) merged into `entries`,
/// replacing keys already there. Returns false when the value is not mergeable, so `<<` is then
/// kept as an ordinary key, as Psych does.
fn merge(entries: &mut NameMap<(Value, usize)>, value: &Value, at: usize) -> bool {
    let sources: Vec<&Map> = match value {
        Value::Map(map) => vec![map],
        Value::Seq(items) => match items.iter().map(|item| if let Value::Map(m) = item { Some(m) } else { None }).collect() {
            Some(maps) => maps,
            None => return false,
        },
        _ => return false,
    };
    let mut merged = NameMap::new();
    for map in sources.iter().rev() {
        for (k, v) in map.iter() {
            merged.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in merged {
        match entries.get_mut(&k) {
            Some((old, _)) => *old = v,
            None => {
                entries.insert(k, (v, at));
            }
        }
    }
    true
}

/// A scalar's value: resolved by its tag when it has one, by Psych's rules when plain,
/// a string when quoted or a block.
fn scalar_value(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let Some(tag) = tag else {
        return match style {
            ScalarStyle::Plain => scalar::resolve(text),
            _ => Value::String(text.to_owned()),
        };
    };
    let name = format!("{}{}", tag.handle, tag.suffix);
    match name.as_str() {
        "tag:yaml.org,2002:str" | "!str" | "!ruby/string" | "tag:yaml.org,2002:binary" | "!binary" => {
            Value::String(text.to_owned())
        }
        "tag:yaml.org,2002:float" | "!float" => match scalar::resolve(text) {
            Value::Int(i) => Value::Float(i as f64),
            other => other,
        },
        _ => scalar::resolve(text),
    }
}

/// saphyr's markers count characters; Folio's offsets are bytes. Each conversion walks from
/// the last one, forwards or back: markers come in increasing order but for the keys of
/// nested mappings, which finish after their values (linear overall).
struct CharOffsets<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl CharOffsets<'_> {
    fn byte_offset(&mut self, at: Marker) -> usize {
        let index = at.index();
        // Characters are counted by the bytes that start one (not UTF-8 continuation bytes).
        let starts_char = |b: &u8| b & 0xc0 != 0x80;
        let bytes = self.text.as_bytes();
        if index >= self.chars {
            let mut wanted = index - self.chars;
            let found = bytes[self.bytes..].iter().position(|b| {
                let start = starts_char(b);
                if start && wanted == 0 {
                    return true;
                }
                wanted -= usize::from(start);
                false
            });
            match found {
                Some(step) => (self.chars, self.bytes) = (index, self.bytes + step),
                // Past the end: the end, and the walk stays where characters are.
                None => (self.chars, self.bytes) = (index - wanted, self.text.len()),
            }
        } else {
            let mut wanted = self.chars - index;
            let found = bytes[..self.bytes].iter().rposition(|b| {
                wanted -= usize::from(starts_char(b));
                wanted == 0
            });
            self.bytes = found.unwrap_or(0);
            self.chars = index;
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> Map {
        match load(text) {
            Ok(Value::Map(m)) => m,
            other => panic!("{other:?}"),
        }
    }

    /// What `load` refuses `text` for, and at which byte.
    fn error_of(text: &str) -> (YamlErrorKind, usize) {
        let error = load(text).unwrap_err();
        (error.kind, error.offset)
    }

    #[test]
    fn quoted_and_block_scalars_stay_strings() {
        let m = map("a: 'yes'\nb: \"1\"\nc: |\n  2016-12-23\n");
        assert_eq!(m[0].1, Value::String("yes".into()));
        assert_eq!(m[1].1, Value::String("1".into()));
        assert_eq!(m[2].1, Value::String("2016-12-23\n".into()));
    }

    #[test]
    fn explicit_tags_decide_the_type() {
        let m = map("a: !!str 1\nb: !!float 1\nc: !!int \"12\"\nd: !custom yes\n");
        assert_eq!(m[0].1, Value::String("1".into()));
        assert_eq!(m[1].1, Value::Float(1.0));
        assert_eq!(m[2].1, Value::Int(12));
        assert_eq!(m[3].1, Value::Bool(true));
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_its_last_value_with_a_warning() {
        let document = load_document("a: 1\nb: 2\na: 3\n").unwrap();
        assert_eq!(document.value, Value::Map(vec![("a".into(), Value::Int(3)), ("b".into(), Value::Int(2))]));
        assert_eq!(
            document.warnings,
            [YamlWarning { offset: 10, kind: YamlWarningKind::DuplicateKey { key: "a".into(), first: 0 } }]
        );
    }

    #[test]
    fn merge_keys_merge_mappings_as_psych_does() {
        let m = map("x: &x {a: 1, b: 2}\ny:\n  <<: *x\n  b: 3\n");
        assert_eq!(m[1].1, Value::Map(vec![("a".into(), Value::Int(1)), ("b".into(), Value::Int(3))]));
    }

    #[test]
    fn an_alias_bomb_is_an_error_at_the_alias_not_a_hang() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"]) {
            bomb.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
        }
        let error = load(&bomb).unwrap_err();
        assert!(matches!(error.kind, YamlErrorKind::AliasBudget { .. }), "{error:?}");
        assert!(error.to_string().contains("alias bomb"));
        assert!(bomb[error.offset..].starts_with('*'), "should point at an alias: {}", &bomb[error.offset..][..10]);
    }

    #[test]
    fn a_value_in_brackets_starting_with_a_block_indicator_is_an_error_as_in_ruby() {
        use YamlErrorKind::IndicatorStart;
        assert_eq!(error_of("tags: [a, |b]\n"), (IndicatorStart('|'), 10));
        assert_eq!(error_of("k: {x: >y}\n"), (IndicatorStart('>'), 7));
        assert_eq!(error_of("k: [\"é\", >]\n"), (IndicatorStart('>'), 10));
        assert!(IndicatorStart('|').to_string().contains("quote it"));
        assert_eq!(map("k: [a>, 'b|', \">c\"]\n")[0].1, Value::Seq(["a>", "b|", ">c"].map(|s| Value::String(s.into())).to_vec()));
        assert_eq!(map("k: >\n  folded\n")[0].1, Value::String("folded\n".into()));
    }

    #[test]
    fn a_tag_right_before_a_closing_bracket_is_an_error_as_in_ruby() {
        use YamlErrorKind::TagNotSeparated;
        assert_eq!(error_of("tags: [!!str]\n"), (TagNotSeparated(']'), 12));
        assert_eq!(error_of("k: {a: !!str}\n"), (TagNotSeparated('}'), 12));
        assert_eq!(error_of("k: [\"é\", !x]\n"), (TagNotSeparated(']'), 12));
        assert!(TagNotSeparated(']').to_string().contains("followed by a space"));
        let empty = || Value::String(String::new());
        assert_eq!(map("k: [!!str, a]\n")[0].1, Value::Seq(vec![empty(), Value::String("a".into())]));
        assert_eq!(map("k: [!!str ]\n")[0].1, Value::Seq(vec![empty()]));
        assert_eq!(map("k: [!!str x]\n")[0].1, Value::Seq(vec![Value::String("x".into())]));
        // The anchor comes last: it may touch the bracket.
        assert_eq!(map("k: [!!str &a]\n")[0].1, Value::Seq(vec![empty()]));
        assert_eq!(error_of("k: [&a !!str]\n"), (TagNotSeparated(']'), 12));
    }

    #[test]
    fn tabs_are_read_where_ruby_reads_them_and_refused_where_it_refuses_them() {
        let text = |s: &str| Value::String(s.into());
        assert_eq!(map("title:\tFoo\ndate:\t\t2016\n"), [("title".into(), text("Foo")), ("date".into(), Value::Int(2016))]);
        assert_eq!(map("k: {a:\tb}\n")[0].1, Value::Map(vec![("a".into(), text("b"))]));
        assert_eq!(map("k: \"a:\tb\"\n")[0].1, text("a:\tb"), "a tab inside a value stays");
        let many: String = (0..2000).map(|i| format!("k{i}:\tv\n")).collect();
        assert_eq!(error_of(&many).0, YamlErrorKind::TabAfterColon, "past the budget of readings");
        assert_eq!(error_of("\ttitle: a\n"), (YamlErrorKind::RefusedTab, 0));
        assert_eq!(error_of("title: a\ntags:\n- \tx\n"), (YamlErrorKind::RefusedTab, 17));
        assert_eq!(error_of("a:\tb\n\t\n"), (YamlErrorKind::RefusedTab, 5), "found after the tab after `:` is read");
        assert_eq!(error_of("title: T\n\tdescription: D\n"), (YamlErrorKind::RefusedTab, 9), "at the tab, not the value before it");
        assert_eq!(map("tags:\n- a b\n \t- c\n")[0].1, Value::Seq(vec![text("a b - c")]), "a value going on past its list's `-`");
        let left_out = load_document("  title: a\ndate: b\n\tc\n").unwrap();
        assert_eq!(left_out.value, Value::Map(vec![("title".into(), text("a"))]), "Ruby stops at the document's end");
        assert_eq!(left_out.warnings[0], YamlWarning { offset: 11, kind: YamlWarningKind::LeftOut }, "and reads no tab after it");
    }

    #[test]
    fn brackets_never_closed_are_reported_where_they_open() {
        assert_eq!(error_of("title: T\ntags: [a, b\n"), (YamlErrorKind::NeverClosed('['), 15));
        assert_eq!(error_of("m: {a: 1, b: 2\nx: 1\n"), (YamlErrorKind::NeverClosed('{'), 3));
        assert_eq!(error_of("k: [a, {b: [c]\n"), (YamlErrorKind::NeverClosed('{'), 7), "the innermost one");
        assert_eq!(error_of("k: [a: b\n"), (YamlErrorKind::NeverClosed('['), 3), "not the pair's mapping");
        assert_eq!(error_of("tags: [a, b\ndate: 2016-12-23\n"), (YamlErrorKind::NeverClosed('['), 6), "a key on the next line");
        assert_eq!(error_of("a: [b: c: d]\n"), (YamlErrorKind::NeverClosed('['), 3), "as Ruby says it");
    }

    #[test]
    fn lines_going_on_with_a_quoted_value_or_brackets_are_read_however_indented_as_in_ruby() {
        let text = |s: &str| Value::String(s.into());
        let list = |items: &[&str]| Value::Seq(items.iter().map(|s| text(s)).collect());
        assert_eq!(map("title: \"a long\ntitle\"\n")[0].1, text("a long title"));
        assert_eq!(map("k:\n  title: 'it''s\n  long'\n")[0].1, Value::Map(vec![("title".into(), text("it's long"))]));
        assert_eq!(map("title: \"a\n\tb\"\n")[0].1, text("a b"));
        assert_eq!(map("tags: [a,\nb]\n")[0].1, list(&["a", "b"]));
        assert_eq!(map("tags: [\n\ta,\n\tb\n]\n")[0].1, list(&["a", "b"]));
        // Offsets are the text's own, whatever was indented to read it.
        let document = load_document("title: \"a\nb\"\nx: 1\nx: 2\n").unwrap();
        assert_eq!(document.key_offsets, [0, 13]);
        assert_eq!(document.warnings[0].offset, 18);
        assert_eq!(error_of("title: \"a\nb\"\nx: [1,\n").1, 20, "the end of the text given");
        let text = "a: \"x\ny\nz\"\nb: [1,\n2]\nc:\t3\nc: 4\n";
        let document = load_document(text).unwrap();
        assert_eq!(document.key_offsets, [0, text.find("b:").unwrap(), text.find("c:").unwrap()]);
        assert_eq!(document.warnings[0].offset, text.rfind("c:").unwrap(), "after three fixes, one indenting two lines");
    }

    #[test]
    fn a_comment_right_after_a_value_is_a_comment_as_in_ruby() {
        let text = |s: &str| Value::String(s.into());
        assert_eq!(map("k: \"a\"#b\nl: [c]#d\nm: e#f\n"), [("k".into(), text("a")), ("l".into(), Value::Seq(vec![text("c")])), ("m".into(), text("e#f"))]);
        let document = load_document("k: 'a'#b\nk: 2\n").unwrap();
        assert_eq!(document.warnings[0].offset, 9, "offsets are the text's own");
    }

    #[test]
    fn a_quote_never_closed_is_reported_where_it_opens_even_with_quotes_further_down() {
        let never_closed = YamlErrorKind::Unindented(ContinuedLine::Quoted);
        assert_eq!(error_of("title: \"Foo\ndate: 2016-12-23\nlayout: \"post\"\n"), (never_closed.clone(), 7));
        assert_eq!(error_of("title: \"Foo\ndate: 2016-12-23\n").1, 7);
        assert!(never_closed.to_string().contains("never closed"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // saphyr limits flow nesting itself; block nesting is limited here.
        assert!(load(&"[".repeat(100_000)).is_err());
        let block: String = (0..300).map(|depth| format!("{}a:\n", "  ".repeat(depth))).collect();
        assert_eq!(load(&block).unwrap_err().kind, YamlErrorKind::TooDeep);
    }

    #[test]
    fn character_markers_become_byte_offsets_forwards_and_back() {
        let text = "é: a\nü: b\nz: c\n";
        let mut offsets = CharOffsets { text, chars: 0, bytes: 0 };
        let expect = |index: usize| text.char_indices().nth(index).map_or(text.len(), |(b, _)| b);
        for index in [3, 9, 1, 0, 12, 5, 16, 14, 2] {
            assert_eq!(offsets.byte_offset(Marker::new(index, 1, 0)), expect(index), "character {index}");
        }
    }

    #[test]
    fn syntax_errors_give_a_byte_offset_counting_multibyte_characters() {
        let text = "é: ok\nb: \"never closed\n";
        let error = load(text).unwrap_err();
        assert!(matches!(error.kind, YamlErrorKind::Syntax(_)));
        assert!(error.offset >= text.find('"').unwrap(), "{error:?}");
        assert!(text.is_char_boundary(error.offset));
    }

    #[test]
    fn only_the_first_document_is_read() {
        assert_eq!(load("a: 1\n--- x\n").unwrap(), Value::Map(vec![("a".into(), Value::Int(1))]));
        assert_eq!(load("").unwrap(), Value::Null);
    }

    #[test]
    fn a_five_megabyte_value_reads_in_linear_time() {
        let text = format!("title: \"{}\"\nbig: {}\n", "é".repeat(1 << 20), "x".repeat(5 << 20));
        let start = std::time::Instant::now();
        let m = map(&text);
        assert_eq!(m[1].1.as_str().map(str::len), Some(5 << 20));
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }
}
