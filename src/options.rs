//! Rendering options: kramdown's options, named as kramdown names them, with Jekyll's defaults.
//!
//! A Jekyll site sets these under `kramdown:` in `_config.yml`; kramdown's test suites set
//! them in `*.options` files with Ruby symbol keys (`:auto_ids: true`). [`Options::merge`]
//! reads both spellings, converts values the way kramdown's option parser does
//! (`"1..6"`, `"lsquo,rsquo,ldquo,rdquo"`, `:symbolic`), and reports unknown options and
//! bad values as diagnostics instead of failing.

use crate::value::{Map, Value};
use std::fmt;

/// Which Markdown dialect the body is written in (kramdown's `input` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// kramdown's own syntax (`input: kramdown`).
    Kramdown,
    /// kramdown-parser-gfm (`input: GFM`), what Jekyll uses.
    Gfm,
}

/// How kramdown writes characters that have an HTML entity (`entity_output`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityOutput {
    AsChar,
    AsInput,
    Numeric,
    Symbolic,
}

/// Tweaks of the GFM parser (`gfm_quirks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GfmQuirk {
    /// A paragraph ends where a list, header, blockquote or fence starts, without a blank line.
    ParagraphEnd,
    /// No typographic symbols or smart quotes.
    NoAutoTypographic,
}

/// The kramdown options that change the HTML Folio writes. Every field mirrors the kramdown
/// option of the same name; see <https://kramdown.gettalong.org/options.html>.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub input: Input,
    /// Give headers an `id` made from their text.
    pub auto_ids: bool,
    /// Put this before every automatic header id.
    pub auto_id_prefix: String,
    /// Strip everything but letters, digits, spaces and hyphens before making an id (GFM ids).
    pub auto_id_stripping: bool,
    /// Transliterate non-ASCII letters in automatic ids (kramdown ids only).
    pub transliterated_header_ids: bool,
    pub entity_output: EntityOutput,
    /// The text of the link back from a footnote to its reference (raw HTML).
    pub footnote_backlink: String,
    /// Put the back link inside the footnote's last paragraph even when it is not one.
    pub footnote_backlink_inline: bool,
    /// The number of the first footnote.
    pub footnote_nr: u32,
    /// Put this before footnote ids.
    pub footnote_prefix: String,
    pub gfm_quirks: Vec<GfmQuirk>,
    /// Turn every line break inside a paragraph into `<br />` (GFM input only).
    pub hard_wrap: bool,
    /// Add this to every header level.
    pub header_offset: i32,
    /// Turn raw HTML elements into native elements where kramdown can.
    pub html_to_native: bool,
    /// Link definitions available to every article: name → (url, title).
    pub link_defs: Vec<(String, String, Option<String>)>,
    /// `mathjax`, or `None` for no math engine (math is then left as text).
    pub math_engine: Option<String>,
    /// Parse Markdown inside block HTML elements.
    pub parse_block_html: bool,
    /// Parse Markdown inside span HTML elements.
    pub parse_span_html: bool,
    /// Remove a line break between two CJK characters.
    pub remove_line_breaks_for_cjk: bool,
    /// The four smart quote entities: left single, right single, left double, right double.
    pub smart_quotes: [String; 4],
    /// `rouge`, or `None` for plain `<pre><code>`.
    pub syntax_highlighter: Option<String>,
    /// Options of the syntax highlighter (`default_lang`, `guess_lang`, `css_class`, ...).
    pub syntax_highlighter_opts: Map,
    /// Header levels that appear in a `{:toc}` table of contents.
    pub toc_levels: Vec<u8>,
    /// Replacements for typographic symbols: symbol name (`hellip`, `mdash`, ...) → text.
    pub typographic_symbols: Vec<(String, String)>,
    /// Warn about kramdown problems (always collected as diagnostics; this only mirrors the option).
    pub show_warnings: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options::jekyll()
    }
}

impl Options {
    /// What Jekyll 3.8 passes to kramdown (and `folio`'s default): `input: GFM`, `auto_ids`,
    /// `hard_wrap: false`, rouge, no default language.
    pub fn jekyll() -> Self {
        Options {
            input: Input::Gfm,
            auto_ids: true,
            auto_id_prefix: String::new(),
            auto_id_stripping: false,
            transliterated_header_ids: false,
            entity_output: EntityOutput::AsChar,
            footnote_backlink: "&#8617;".into(),
            footnote_backlink_inline: false,
            footnote_nr: 1,
            footnote_prefix: String::new(),
            gfm_quirks: vec![GfmQuirk::ParagraphEnd],
            hard_wrap: false,
            header_offset: 0,
            html_to_native: false,
            link_defs: Vec::new(),
            math_engine: Some("mathjax".into()),
            parse_block_html: false,
            parse_span_html: true,
            remove_line_breaks_for_cjk: false,
            smart_quotes: ["lsquo", "rsquo", "ldquo", "rdquo"].map(String::from),
            syntax_highlighter: Some("rouge".into()),
            syntax_highlighter_opts: Map::new(),
            toc_levels: (1..=6).collect(),
            typographic_symbols: Vec::new(),
            show_warnings: false,
        }
    }

    /// What Jekyll 3.9, 3.10 and 4.1+ pass: Jekyll 3.8's options plus `guess_lang` and
    /// `default_lang: plaintext`, which wraps unlabelled code in rouge's structure.
    pub fn jekyll4() -> Self {
        let mut options = Options::jekyll();
        options.syntax_highlighter_opts = vec![
            ("default_lang".into(), Value::String("plaintext".into())),
            ("guess_lang".into(), Value::Bool(true)),
        ];
        options
    }

    /// kramdown's own defaults: `input: kramdown`, and the GFM parser's `hard_wrap: true`.
    pub fn kramdown() -> Self {
        Options { input: Input::Kramdown, hard_wrap: true, ..Options::jekyll() }
    }

    /// Sets the options named in `settings` (a mapping, keys with or without a leading `:`),
    /// leaving the others as they are. Problems are returned, and the option concerned is left unchanged.
    pub fn merge(&mut self, settings: &Value) -> Vec<OptionError> {
        let Value::Map(entries) = settings else {
            return vec![OptionError::NotAMapping { found: settings.kind() }];
        };
        entries.iter().filter_map(|(key, value)| self.set(key.trim_start_matches(':'), value).err()).collect()
    }

    /// Sets one option from its kramdown name and value.
    pub fn set(&mut self, name: &str, value: &Value) -> Result<(), OptionError> {
        // Each option reads its value or says what it takes; the error is made in one place.
        let read = match name {
            "input" => {
                let input = match text(value).as_deref().map(str::to_ascii_lowercase).as_deref() {
                    Some("kramdown") => Some(Input::Kramdown),
                    Some("gfm") => Some(Input::Gfm),
                    _ => None,
                };
                put(&mut self.input, input, "`kramdown` or `GFM`")
            }
            "auto_ids" => put_bool(&mut self.auto_ids, value),
            "auto_id_prefix" => put_text(&mut self.auto_id_prefix, value),
            "auto_id_stripping" => put_bool(&mut self.auto_id_stripping, value),
            "transliterated_header_ids" => put_bool(&mut self.transliterated_header_ids, value),
            "entity_output" => {
                let output = match symbol(value).as_deref() {
                    Some("as_char") => Some(EntityOutput::AsChar),
                    Some("as_input") => Some(EntityOutput::AsInput),
                    Some("numeric") => Some(EntityOutput::Numeric),
                    Some("symbolic") => Some(EntityOutput::Symbolic),
                    _ => None,
                };
                put(&mut self.entity_output, output, "as_char, as_input, numeric or symbolic")
            }
            "footnote_backlink" => put_text(&mut self.footnote_backlink, value),
            "footnote_backlink_inline" => put_bool(&mut self.footnote_backlink_inline, value),
            "footnote_nr" => put_number(&mut self.footnote_nr, value),
            "footnote_prefix" => put_text(&mut self.footnote_prefix, value),
            "gfm_quirks" => match list_of_words(value) {
                None => Err("a list of quirks"),
                Some(words) => {
                    let quirks = words.iter().map(|q| match q.as_str() {
                        "paragraph_end" => Some(GfmQuirk::ParagraphEnd),
                        "no_auto_typographic" => Some(GfmQuirk::NoAutoTypographic),
                        _ => None,
                    });
                    put(&mut self.gfm_quirks, quirks.collect(), "paragraph_end or no_auto_typographic")
                }
            },
            "hard_wrap" => put_bool(&mut self.hard_wrap, value),
            "header_offset" => put_number(&mut self.header_offset, value),
            "html_to_native" => put_bool(&mut self.html_to_native, value),
            "link_defs" => put(&mut self.link_defs, link_defs(value), "a mapping of name to [url, title]"),
            "math_engine" => put(&mut self.math_engine, optional_text(value), "a name or nothing"),
            "parse_block_html" => put_bool(&mut self.parse_block_html, value),
            "parse_span_html" => put_bool(&mut self.parse_span_html, value),
            "remove_line_breaks_for_cjk" => put_bool(&mut self.remove_line_breaks_for_cjk, value),
            "smart_quotes" => {
                let quotes = list_of_words(value).and_then(|words| words.try_into().ok());
                put(&mut self.smart_quotes, quotes, "four entity names")
            }
            "syntax_highlighter" => {
                put(&mut self.syntax_highlighter, optional_text(value), "rouge or nothing")
            }
            "syntax_highlighter_opts" => {
                let opts = match value {
                    Value::Map(m) => Some(m.iter().map(|(k, v)| (k.trim_start_matches(':').to_owned(), v.clone())).collect()),
                    Value::Null => Some(Map::new()),
                    _ => None,
                };
                put(&mut self.syntax_highlighter_opts, opts, "a mapping")
            }
            "toc_levels" => {
                put(&mut self.toc_levels, toc_levels(value), "a range like 1..6 or a list of levels")
            }
            "typographic_symbols" => {
                let symbols = match value {
                    Value::Map(m) => {
                        m.iter().map(|(k, v)| Some((k.trim_start_matches(':').to_owned(), v.to_scalar_string()?))).collect()
                    }
                    Value::Null => Some(Vec::new()),
                    _ => None,
                };
                put(&mut self.typographic_symbols, symbols, "a mapping of symbol names to text")
            }
            "show_warnings" => put_bool(&mut self.show_warnings, value),
            // Jekyll's own key for rouge's language guessing; it reaches kramdown through
            // syntax_highlighter_opts, which is where Folio reads it.
            "guess_lang" => boolean(value).map(drop).ok_or("true or false"),
            // Options of kramdown's other converters (LaTeX, man, kramdown, remove_html_tags),
            // and legacy coderay settings: accepted, no effect on HTML.
            "template" | "latex_headers" | "line_width" | "list_indent" | "forbidden_inline_options"
            | "remove_block_html_tags" | "remove_span_html_tags" | "math_engine_opts" | "enable_coderay" => Ok(()),
            _ if name.starts_with("coderay_") => Ok(()),
            _ => return Err(OptionError::Unknown { name: name.to_owned() }),
        };
        read.map_err(|expected| OptionError::BadValue { name: name.to_owned(), expected, found: describe(value) })
    }

    /// The syntax highlighter's default language (`syntax_highlighter_opts.default_lang`).
    pub fn default_lang(&self) -> Option<&str> {
        self.syntax_highlighter_opts.iter().find(|(k, _)| k == "default_lang").and_then(|(_, v)| v.as_str())
    }
}

/// A problem with one option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// Not an option of kramdown (or Jekyll's `kramdown:` block).
    Unknown { name: String },
    /// The option exists, but the value is not one it takes.
    BadValue { name: String, expected: &'static str, found: String },
    /// The options are not a mapping of names to values.
    NotAMapping { found: &'static str },
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::Unknown { name } => write!(f, "unknown kramdown option `{name}` (ignored)"),
            OptionError::BadValue { name, expected, found } => {
                write!(f, "kramdown option `{name}` takes {expected}, not {found} (ignored)")
            }
            OptionError::NotAMapping { found } => write!(f, "options must be a mapping of names to values, not {found}"),
        }
    }
}

/// So that `?` takes it into `Box<dyn Error>` and other error types.
impl std::error::Error for OptionError {}

fn describe(value: &Value) -> String {
    match value.to_scalar_string() {
        Some(s) if !matches!(value, Value::Null) => format!("`{s}`"),
        _ => value.kind().to_owned(),
    }
}

/// Sets `field` to the value read, or says what the option takes when none could be read.
fn put<T>(field: &mut T, read: Option<T>, expected: &'static str) -> Result<(), &'static str> {
    *field = read.ok_or(expected)?;
    Ok(())
}

fn put_bool(field: &mut bool, value: &Value) -> Result<(), &'static str> {
    put(field, boolean(value), "true or false")
}

fn put_text(field: &mut String, value: &Value) -> Result<(), &'static str> {
    put(field, text(value), "a string")
}

/// A whole number that fits the field (`footnote_nr`, `header_offset`).
fn put_number<T: TryFrom<i64>>(field: &mut T, value: &Value) -> Result<(), &'static str> {
    put(field, integer(value).and_then(|n| T::try_from(n).ok()), "a number")
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::Seq(_) | Value::Map(_) => None,
        Value::Null => Some(String::new()),
        scalar => scalar.to_scalar_string(),
    }
}

fn optional_text(value: &Value) -> Option<Option<String>> {
    match value {
        Value::Null => Some(None),
        other => match symbol(other)?.as_str() {
            "" | "nil" | "none" | "false" => Some(None),
            name => Some(Some(name.to_owned())),
        },
    }
}

/// A string, with Ruby's symbol colon dropped (`:as_char` → `as_char`).
fn symbol(value: &Value) -> Option<String> {
    text(value).map(|s| s.trim_start_matches(':').to_owned())
}

fn boolean(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(*i),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A list given as a YAML list or as kramdown's comma-separated string.
fn list_of_words(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Seq(items) => items.iter().map(symbol).collect(),
        Value::String(s) => Some(
            s.split(',').map(|w| w.trim().trim_start_matches(':').to_owned()).filter(|w| !w.is_empty()).collect(),
        ),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

/// `1..6`, `2..3`, `[1, 2, 3]` or `"1,2,3"` to a list of header levels.
fn toc_levels(value: &Value) -> Option<Vec<u8>> {
    let levels: Vec<i64> = match value {
        Value::String(s) if s.contains("..") => {
            let (from, to) = s.split_once("..")?;
            (from.trim().parse().ok()?..=to.trim().parse().ok()?).collect()
        }
        Value::Int(i) => vec![*i],
        other => list_of_words(other)?.iter().map(|w| w.parse().ok()).collect::<Option<_>>()?,
    };
    levels.into_iter().map(|l| u8::try_from(l).ok().filter(|l| (1..=6).contains(l))).collect()
}

/// `{name: [url, title]}` to a list of link definitions.
fn link_defs(value: &Value) -> Option<Vec<(String, String, Option<String>)>> {
    let Value::Map(entries) = value else { return (matches!(value, Value::Null)).then(Vec::new) };
    entries
        .iter()
        .map(|(name, def)| match def {
            Value::Seq(parts) if !parts.is_empty() && parts.len() <= 2 => {
                // A missing or null title is no title.
                let title = parts.get(1).filter(|t| !matches!(t, Value::Null)).and_then(Value::to_scalar_string);
                Some((crate::ruby_case::downcase(name), parts[0].to_scalar_string()?, title))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, Value)]) -> Value {
        Value::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn jekyll_defaults_are_gfm_with_auto_ids_and_no_hard_wrap() {
        let o = Options::jekyll();
        assert_eq!(o.input, Input::Gfm);
        assert!(o.auto_ids && !o.hard_wrap);
        assert_eq!(o.smart_quotes, ["lsquo", "rsquo", "ldquo", "rdquo"]);
        assert_eq!(o.default_lang(), None);
        assert_eq!(Options::jekyll4().default_lang(), Some("plaintext"));
    }

    #[test]
    fn ruby_symbol_keys_and_values_are_read() {
        let mut o = Options::jekyll();
        let errors = o.merge(&map(&[
            (":entity_output", Value::String(":symbolic".into())),
            (":toc_levels", Value::String("2..3".into())),
            (":smart_quotes", Value::String("apos,apos,quot,quot".into())),
            (":math_engine", Value::Null),
        ]));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(o.entity_output, EntityOutput::Symbolic);
        assert_eq!(o.toc_levels, [2, 3]);
        assert_eq!(o.smart_quotes, ["apos", "apos", "quot", "quot"]);
        assert_eq!(o.math_engine, None);
    }

    #[test]
    fn unknown_options_and_bad_values_are_reported_and_ignored() {
        let mut o = Options::jekyll();
        let errors = o.merge(&map(&[
            ("auto_idz", Value::Bool(true)),
            ("hard_wrap", Value::String("sometimes".into())),
        ]));
        assert_eq!(errors[0].to_string(), "unknown kramdown option `auto_idz` (ignored)");
        assert_eq!(errors[1].to_string(), "kramdown option `hard_wrap` takes true or false, not `sometimes` (ignored)");
        assert!(!o.hard_wrap);
    }

    #[test]
    fn link_definition_names_are_lower_cased_as_ruby_does_without_a_final_sigma() {
        let mut o = Options::jekyll();
        let def = Value::Seq(vec![Value::String("/sigma".into())]);
        o.set("link_defs", &map(&[("ΑΣ", def)])).unwrap();
        assert_eq!(o.link_defs[0].0, "ασ");
        assert_eq!(crate::render_body("[x][ΑΣ]", &o), "<p><a href=\"/sigma\">x</a></p>\n");
    }

    #[test]
    fn each_bad_value_names_what_its_option_takes_and_leaves_the_option_as_it_was() {
        let mut o = Options::jekyll();
        let cases = [
            ("input", Value::String("textile".into()), "`kramdown` or `GFM`"),
            ("footnote_nr", Value::Int(-1), "a number"),
            ("header_offset", Value::String("one".into()), "a number"),
            ("entity_output", Value::String(":html".into()), "as_char, as_input, numeric or symbolic"),
            ("gfm_quirks", Value::String("paragraph_end,hard_wrap".into()), "paragraph_end or no_auto_typographic"),
            ("smart_quotes", Value::String("lsquo,rsquo,ldquo".into()), "four entity names"),
            ("auto_id_prefix", Value::Seq(Vec::new()), "a string"),
            ("guess_lang", Value::Int(1), "true or false"),
        ];
        for (name, value, expected) in cases {
            match o.set(name, &value) {
                Err(OptionError::BadValue { expected: said, .. }) => assert_eq!(said, expected, "{name}"),
                other => panic!("{name}: {other:?}"),
            }
        }
        assert_eq!(o, Options::jekyll());
    }

    #[test]
    fn toc_levels_out_of_range_are_refused() {
        let mut o = Options::jekyll();
        assert!(o.set("toc_levels", &Value::String("0..9".into())).is_err());
        assert_eq!(o.toc_levels, [1, 2, 3, 4, 5, 6]);
    }
}
