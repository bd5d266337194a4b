//! Front matter: the YAML block at the top of an article, found and read the way Jekyll does.
//!
//! - [`split`] finds the block and the body (Jekyll's regular expression);
//! - [`read`] reads the block as Ruby's YAML does ([`crate::yaml`]) and collects its problems;
//! - [`FrontMatter::interpret`] types the keys Jekyll itself uses ([`date`] for `date`);
//! - [`excerpt`] derives the excerpt from the body.
//!
//! A broken front matter never loses the article: every problem is positioned in the whole
//! file, the data read so far (or none) is kept, and the body still renders.

pub mod date;
mod date_parse;
mod date_spellings;
pub mod excerpt;
mod model;
mod regexp;
mod split;

pub use model::FrontMatter;
pub use split::{split, Split};

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::value::{Map, Value};
use crate::yaml::{self, YamlErrorKind, YamlWarningKind};

/// A value this large (text bytes, nested values included) is probably a mistake.
pub const LARGE_VALUE: usize = 1 << 20;

/// What can be wrong with a front matter.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// `---` opens the file but no `---` or `...` line closes the block.
    Unclosed,
    /// The YAML does not read (a syntax error, an alias bomb, too deep).
    Yaml(YamlErrorKind),
    /// The YAML reads to something other than a mapping of keys to values.
    NotAMapping { found: &'static str },
    /// A key given twice (the later value wins); `first` is where the first one is.
    DuplicateKey { key: String, first: usize },
    /// A list or mapping used as a key (the entry is left out).
    CollectionKey,
    /// Lines after the YAML's end (less indented than its start), left out.
    LeftOut,
    /// A value of more than [`LARGE_VALUE`] bytes of text.
    LargeValue { key: String, bytes: usize },
    /// A `date` that is not a date.
    Date(date::DateError),
}

impl Problem {
    /// The problem as a diagnostic at byte `offset` of the whole file.
    pub fn diagnostic(&self, offset: usize, lines: &LineIndex) -> Diagnostic {
        let at = lines.position(offset);
        match self {
            Problem::Unclosed => Diagnostic::error(
                at,
                "the front matter opened here is never closed by a `---` line, so the whole file is rendered as the body",
            ),
            Problem::Yaml(
                kind @ (YamlErrorKind::Syntax(_)
                | YamlErrorKind::Unindented(_)
                | YamlErrorKind::TabAfterColon
                | YamlErrorKind::CommentTouching
                | YamlErrorKind::RefusedTab),
            ) => {
                Diagnostic::error(at, format!("front matter is not valid YAML: {kind}"))
            }
            Problem::Yaml(kind) => Diagnostic::error(at, format!("front matter is not read: {kind}")),
            Problem::NotAMapping { found } => {
                Diagnostic::error(at, format!("front matter must be a mapping of keys to values, but it is {found}"))
            }
            Problem::DuplicateKey { key, first } => Diagnostic::warning(
                at,
                format!(
                    "duplicate key `{key}` (first at line {}): this later value replaces the earlier one, as in Jekyll",
                    lines.position(*first).line
                ),
            ),
            Problem::CollectionKey => {
                Diagnostic::warning(at, "a list or mapping used as a key is not supported; the entry is left out")
            }
            Problem::LeftOut => Diagnostic::warning(
                at,
                "the front matter's YAML ended above (its first lines are indented more than this one), so Jekyll leaves out this line and those after it",
            ),
            Problem::LargeValue { key, bytes } => Diagnostic::warning(
                at,
                {
                    // Tenths of a megabyte, in whole numbers: no float formatting in the download.
                    let tenths = (bytes + 50_000) / 100_000;
                    format!(
                        "`{key}` holds {}.{} MB of text: front matter this large slows every page that uses it (should it be in the body?)",
                        tenths / 10,
                        tenths % 10
                    )
                },
            ),
            Problem::Date(error) => Diagnostic::error(at, error.to_string()),
        }
    }
}

/// A front matter read: its data (empty when there is none or it is broken), where each of its
/// keys is, and its problems with their byte offsets in the whole file.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub data: Map,
    key_offsets: Vec<usize>,
    pub problems: Vec<(Problem, usize)>,
}

impl Read {
    /// The byte offset of `key` in the whole file (of the block's start when it is not there).
    pub fn offset_of(&self, key: &str) -> usize {
        let index = self.data.iter().position(|(k, _)| k == key);
        index.and_then(|i| self.key_offsets.get(i)).copied().unwrap_or(self.key_offsets.first().copied().unwrap_or(0))
    }

    /// The byte offset of `key`'s value in `source`, the whole file this was read from with
    /// `split` (of the key where the value cannot be found): the YAML is read again for it, so
    /// ask only for a value with a problem.
    pub fn value_offset_of(&self, source: &str, split: &Split, key: &str) -> usize {
        let found = split.yaml.as_ref().and_then(|range| Some(range.start + yaml::value_at(&source[range.clone()], key)?));
        found.unwrap_or_else(|| self.offset_of(key))
    }

    /// Puts this front matter over `defaults`, merged as Jekyll merges a site's front matter
    /// defaults under a document's ([`crate::value::deep_merge`]). A key only the defaults
    /// have is placed at the block's start: it is written in no line of the article.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn put_over(&mut self, defaults: &Map) {
        let start = self.key_offsets.first().copied().unwrap_or(0);
        let own: Vec<(String, usize)> = self.data.iter().map(|(key, _)| key.clone()).zip(self.key_offsets.iter().copied()).collect();
        let mut data = defaults.clone();
        crate::value::deep_merge(&mut data, std::mem::take(&mut self.data));
        self.key_offsets = data.iter().map(|(key, _)| own.iter().find(|(k, _)| k == key).map_or(start, |(_, at)| *at)).collect();
        self.data = data;
    }

    /// Every problem as a diagnostic positioned in the whole file.
    pub fn diagnostics(&self, lines: &LineIndex) -> Vec<Diagnostic> {
        self.problems.iter().map(|(problem, offset)| problem.diagnostic(*offset, lines)).collect()
    }
}

/// Reads the front matter of `source` as found by [`split`].
pub fn read(source: &str, split: &Split) -> Read {
    let mut read = Read { data: Map::new(), key_offsets: Vec::new(), problems: Vec::new() };
    if split.unclosed {
        read.problems.push((Problem::Unclosed, 0));
    }
    let Some(range) = &split.yaml else { return read };
    // Jekyll hands the YAML reader the white space after `---` as well, where libyaml refuses a
    // tab past the first line end (`split` leaves those lines out of the YAML).
    let opening = &source[..range.start];
    if let Some(tab) = opening.find('\n').and_then(|line_end| opening[line_end..].find('\t').map(|i| line_end + i)) {
        read.problems.push((Problem::Yaml(YamlErrorKind::RefusedTab), tab));
        return read;
    }
    let document = match yaml::load_document(&source[range.clone()]) {
        Ok(document) => document,
        Err(error) => {
            read.problems.push((Problem::Yaml(error.kind), range.start + error.offset));
            return read;
        }
    };
    for warning in document.warnings {
        let problem = match warning.kind {
            YamlWarningKind::DuplicateKey { key, first } => Problem::DuplicateKey { key, first: range.start + first },
            YamlWarningKind::CollectionKey => Problem::CollectionKey,
            YamlWarningKind::LeftOut => Problem::LeftOut,
        };
        read.problems.push((problem, range.start + warning.offset));
    }
    match document.value {
        Value::Map(map) => {
            read.data = map;
            read.key_offsets = document.key_offsets.iter().map(|offset| range.start + offset).collect();
        }
        Value::Null => {}
        other => read.problems.push((Problem::NotAMapping { found: other.kind() }, range.start)),
    }
    for (i, (key, value)) in read.data.iter().enumerate() {
        let bytes = text_bytes(value);
        if bytes > LARGE_VALUE {
            read.problems.push((Problem::LargeValue { key: key.clone(), bytes }, read.key_offsets[i]));
        }
    }
    read
}

/// Bytes of text in a value, nested values included.
fn text_bytes(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Seq(items) => items.iter().map(text_bytes).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| k.len() + text_bytes(v)).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Position, Severity};

    fn diagnostics(source: &str) -> Vec<Diagnostic> {
        read(source, &split(source)).diagnostics(&LineIndex::new(source))
    }

    fn at(d: &Diagnostic) -> (u32, u32) {
        (d.line, d.column)
    }

    #[test]
    fn an_unclosed_block_is_an_error_at_the_opening_line() {
        let d = diagnostics("---\ntitle: A\nBody\n");
        assert_eq!(d.len(), 1);
        assert_eq!((at(&d[0]), d[0].severity), ((1, 1), Severity::Error));
        assert!(d[0].message.contains("never closed"), "{}", d[0].message);
    }

    #[test]
    fn an_unclosed_double_quote_is_a_yaml_error_positioned_in_the_whole_file() {
        let d = diagnostics("---\ntitle: ok\nsummary: \"never closed\nmore: x\n---\nBody\n");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "front matter is not valid YAML: the quoted text that starts here is never closed (is its closing quote missing?)"
        );
        assert_eq!(at(&d[0]), (3, 10), "should point at the opening quote");
    }

    #[test]
    fn a_tab_in_the_white_space_after_the_opening_dashes_is_refused_as_ruby_refuses_it() {
        let d = diagnostics("---\n\t\ntitle: a\n---\nBody\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("a tab where YAML allows only spaces"), "{}", d[0].message);
        assert_eq!(at(&d[0]), (2, 1));
        assert!(diagnostics("---\t\ntitle: a\n---\nBody\n").is_empty(), "on the dashes' own line it is white space");
    }

    #[test]
    fn a_list_is_not_a_front_matter() {
        let d = diagnostics("---\n- a\n- b\n---\nBody");
        assert_eq!(d[0].message, "front matter must be a mapping of keys to values, but it is a list");
        assert_eq!(at(&d[0]), (2, 1));
    }

    #[test]
    fn a_duplicate_key_is_a_warning_at_the_second_naming_the_first() {
        let source = "---\ntitle: A\ndate: 2016-12-23\ntitle: B\n---\n";
        let r = read(source, &split(source));
        assert_eq!(r.data[0], ("title".into(), Value::String("B".into())));
        let d = r.diagnostics(&LineIndex::new(source));
        assert_eq!((at(&d[0]), d[0].severity), ((4, 1), Severity::Warning));
        assert!(d[0].message.starts_with("duplicate key `title` (first at line 2)"), "{}", d[0].message);
    }

    #[test]
    fn an_alias_bomb_is_an_error_at_an_alias() {
        let mut source = String::from("---\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"]) {
            source.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
        }
        source.push_str("---\nBody\n");
        let d = diagnostics(&source);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("front matter is not read: aliases here would expand"), "{}", d[0].message);
        assert!(d[0].line > 2, "{:?}", d[0]);
    }

    #[test]
    fn a_five_megabyte_value_is_a_warning_at_its_key() {
        let source = format!("---\ntitle: T\nblob: {}\n---\nBody\n", "x".repeat(5 << 20));
        let d = diagnostics(&source);
        assert_eq!(d.len(), 1);
        assert_eq!((at(&d[0]), d[0].severity), ((3, 1), Severity::Warning));
        assert!(d[0].message.starts_with("`blob` holds 5.2 MB of text"), "{}", d[0].message);
    }

    #[test]
    fn positions_count_characters_after_multibyte_text() {
        let d = diagnostics("---\ntitre: « été »\nx: {é: 1, é: 2}\n---\n");
        assert_eq!(d[0].position(), Position { line: 3, column: 11 });
    }

    #[test]
    fn keys_keep_their_order() {
        let source = "---\nz: 1\na: [x, y]\nm: {k: v}\n---\n";
        let r = read(source, &split(source));
        let keys: Vec<_> = r.data.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "m"]);
        assert_eq!(r.offset_of("a"), source.find("a:").unwrap());
    }
}
