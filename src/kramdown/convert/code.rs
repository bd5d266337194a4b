//! Code blocks and code spans, with Jekyll's rouge wrapper.
//!
//! kramdown asks rouge to highlight when the code has a language rouge knows (or a
//! `default_lang`); rouge's HTML then sits in `<div class="language-X highlighter-rouge">`
//! (blocks) or `<code class="language-X highlighter-rouge">` (spans). Folio writes that
//! structure with the code escaped but without rouge's token colours, which only style it.
//! Without highlighting: `<pre><code class="language-X">`.

use super::rouge_languages::{LANGUAGES, TAGS};
use super::{escape_html, pad, Escape, HtmlConverter};
use crate::kramdown::element::{Attrs, Element};
use crate::kramdown::patterns;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeType {
    Block,
    Span,
}

impl HtmlConverter<'_> {
    pub(super) fn convert_codeblock(&mut self, el: &Element, indent: usize, out: &mut String) {
        let mut attr = el.attr.clone();
        let lang = take_code_language(&mut attr);
        let asked = el.options.lang.clone().or_else(|| lang.clone());
        match self.highlight(&el.value, asked.as_deref(), CodeType::Block) {
            Some((code, default_lang)) => {
                add_highlighter_class(&mut attr, lang.as_deref().or(default_lang.as_deref()));
                pad(out, indent);
                out.push_str("<div");
                self.html_attributes(&attr, out);
                out.push('>');
                out.push_str(&code);
                pad(out, indent);
                out.push_str("</div>\n");
            }
            None => {
                pad(out, indent);
                out.push_str("<pre");
                self.html_attributes(&attr, out);
                out.push_str("><code");
                if let Some(lang) = &lang {
                    let mut code_attr = Attrs::default();
                    code_attr.set("class", ["language-", lang].concat());
                    self.html_attributes(&code_attr, out);
                }
                out.push('>');
                let show = el.attr.get("class").is_some_and(|c| patterns::holds_bounded_word(c, "show-whitespaces"));
                if show {
                    let mut code = String::new();
                    escape_html(&mut code, &el.value, Escape::All);
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    out.push_str(&show_whitespace(&code));
                } else {
                    let code_start = out.len();
                    escape_html(out, &el.value, Escape::All);
                    if out.len() > code_start && out.ends_with('\n') {
                        out.pop();
                    }
                }
                out.push_str("\n</code></pre>\n");
            }
        }
    }

    pub(super) fn convert_codespan(&mut self, el: &Element, out: &mut String) {
        let lang = code_language(&el.attr).map(str::to_owned);
        match self.highlight(&el.value, lang.as_deref(), CodeType::Span) {
            Some((code, default_lang)) => {
                let mut attr = el.attr.clone();
                add_highlighter_class(&mut attr, lang.as_deref().or(default_lang.as_deref()));
                out.push_str("<code");
                self.html_attributes(&attr, out);
                out.push('>');
                out.push_str(&code);
            }
            None => {
                out.push_str("<code");
                self.html_attributes(&el.attr, out);
                out.push('>');
                escape_html(out, &el.value, Escape::All);
            }
        }
        out.push_str("</code>");
    }

    /// Rouge's part (`Converter::SyntaxHighlighter::Rouge.call`): the highlighted code and
    /// the default language, or `None` when rouge would not highlight.
    fn highlight(&self, code: &str, lang: Option<&str>, kind: CodeType) -> Option<(String, Option<String>)> {
        self.options.syntax_highlighter.as_deref().filter(|h| *h == "rouge")?;
        let option = self.highlighter_options(kind);
        let default_lang = option("default_lang").and_then(|v| v.to_scalar_string()).filter(|s| !s.is_empty());
        let guess_lang = option("guess_lang").is_some_and(truthy);
        let asked = lang.or(default_lang.as_deref());
        let lexer = match asked {
            // rouge guesses the language; Folio takes plain text, which is what rouge
            // settles on for prose and unknown code.
            None | Some("guess") if guess_lang => "plaintext",
            None => return None,
            Some(name) => lexer_tag(name.split('?').next().unwrap_or(name))?,
        };
        // `disable` asked last: most code (a span without a language) is left alone before.
        if lexer == "plaintext" && !guess_lang || option("disable").is_some_and(truthy) {
            return None;
        }
        // Written in place: `format!` around the escaped code copied it once more.
        let mut html = String::with_capacity(code.len() + 64);
        if kind == CodeType::Block {
            html.push_str("<div class=\"highlight\"><pre class=\"highlight\"><code>");
        }
        escape_html(&mut html, code, Escape::All);
        if kind == CodeType::Block {
            html.push_str("</code></pre></div>");
        }
        Some((html, default_lang))
    }

    /// The `syntax_highlighter_opts` entries for `kind` by name, the `block:` or `span:`
    /// sub-options winning (those looked up once, not for each entry asked).
    fn highlighter_options<'s>(&'s self, kind: CodeType) -> impl Fn(&str) -> Option<&'s Value> + 's {
        let opts = &self.options.syntax_highlighter_opts;
        let section = if kind == CodeType::Block { "block" } else { "span" };
        let specific = find_option(opts, section).and_then(|v| match v {
            Value::Map(m) => Some(m),
            _ => None,
        });
        move |name| specific.and_then(|m| find_option(m, name)).or_else(|| find_option(opts, name))
    }
}

/// An option by name, with or without Ruby's symbol colon.
fn find_option<'v>(entries: &'v [(String, Value)], name: &str) -> Option<&'v Value> {
    entries.iter().find(|(k, _)| k.trim_start_matches(':') == name).map(|(_, v)| v)
}

fn truthy(value: &Value) -> bool {
    !matches!(value, Value::Null | Value::Bool(false))
}

/// The lexer tag rouge resolves a language name to (`Rouge::Lexer.find`).
fn lexer_tag(name: &str) -> Option<&'static str> {
    LANGUAGES.find(name).map(|i| LANGUAGES.get(usize::from(TAGS[i])))
}

/// The language named by a `language-X` class (`extract_code_language`).
fn code_language(attr: &Attrs) -> Option<&str> {
    let class = attr.get("class")?;
    patterns::language_class(class).map(|at| &class[at.start + 9..at.end])
}

/// As [`code_language`], removing the class (`extract_code_language!`).
fn take_code_language(attr: &mut Attrs) -> Option<String> {
    let class = attr.get("class")?;
    let at = patterns::language_class(class)?;
    let lang = class[at.start + 9..at.end].to_owned();
    let rest = [&class[..at.start], &class[at.end..]].concat();
    let rest = patterns::strip(&rest);
    if rest.is_empty() {
        attr.remove("class");
    } else {
        attr.set("class", rest);
    }
    Some(lang)
}

/// `add_syntax_highlighter_to_class_attr`: ` highlighter-rouge` appended, and the language
/// class put first (replacing a leading one).
fn add_highlighter_class(attr: &mut Attrs, lang: Option<&str>) {
    let existing = patterns::lstrip(attr.get("class").unwrap_or(""));
    let mut class = if existing.is_empty() { "highlighter-rouge".to_owned() } else { [existing, " highlighter-rouge"].concat() };
    if let Some(lang) = lang {
        // `sub(/\blanguage-\S+|(^)/)`: the start matches first, so only a leading class is replaced.
        class = match patterns::language_class(&class).filter(|at| at.start == 0) {
            Some(at) => ["language-", lang, &class[at.end..]].concat(),
            None => ["language-", lang, " ", &class].concat(),
        };
    }
    attr.set("class", class);
}

/// `show-whitespaces`: spaces and tabs made visible, marked as leading, trailing or inner.
fn show_whitespace(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for (n, line) in code.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let content_start = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content_end = line.trim_end_matches([' ', '\t']).len();
        for (i, c) in line.char_indices() {
            let suffix = if i < content_start {
                "-l"
            } else if i >= content_end.max(content_start) {
                "-r"
            } else {
                ""
            };
            match c {
                '\t' => out.push_str(&format!("<span class=\"ws-tab{suffix}\">\t</span>")),
                ' ' => out.push_str(&format!("<span class=\"ws-space{suffix}\">&#8901;</span>")),
                _ => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge_knows_aliases() {
        assert_eq!(lexer_tag("sh"), Some("shell"));
        assert_eq!(lexer_tag("text"), Some("plaintext"));
        assert_eq!(lexer_tag("no-such-language"), None);
    }

    #[test]
    fn every_language_resolves_to_a_tag_that_resolves_to_itself() {
        for i in 0..TAGS.len() {
            let tag = lexer_tag(LANGUAGES.get(i)).expect("a name of the table");
            assert_eq!(lexer_tag(tag), Some(tag));
        }
    }

    #[test]
    fn the_language_class_moves_first() {
        let mut attr = Attrs::default();
        attr.set("class", "wide");
        add_highlighter_class(&mut attr, Some("ruby"));
        assert_eq!(attr.get("class"), Some("language-ruby wide highlighter-rouge"));
        let mut attr = Attrs::default();
        attr.set("class", "language-ruby");
        add_highlighter_class(&mut attr, Some("ruby"));
        assert_eq!(attr.get("class"), Some("language-ruby highlighter-rouge"));
    }

    #[test]
    fn the_language_class_is_taken_off_code_blocks() {
        let mut attr = Attrs::default();
        attr.set("class", "a language-js b");
        assert_eq!(take_code_language(&mut attr).as_deref(), Some("js"));
        assert_eq!(attr.get("class"), Some("a  b"));
    }
}
