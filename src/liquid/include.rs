//! Jekyll 4.3's `{% include NAME key="value" key=variable %}` and `{% include_relative %}`: the
//! file's text run as Liquid in the article's scope, `include.*` holding the parameters. The
//! markup is read as Jekyll's `IncludeTag` reads it, and its errors are Jekyll's.

use super::expression::Parser;
use super::pass::{Flow, Pass};
use super::site::{Site, SiteError};
use super::tree::Node;
use super::{Problem, Reason};
use crate::kramdown::patterns::is_space_char as is_space;
use crate::value::Value;

/// How deep includes nest: Liquid stops at 100 scopes, the template's own and one for each include.
const MAX_DEPTH: usize = 100;

/// An include's markup: its file name (Liquid in it, `{{ name }}.html`, rendered as it runs),
/// and its parameters, if it has any (`include` is then set, if only to nothing).
pub struct Markup<'t> {
    file: &'t str,
    params: Option<Vec<(&'t str, Param<'t>)>>,
}

pub enum Param<'t> {
    /// A quoted value, with Jekyll's one unescaping (`\"` in double quotes, `\'` in single).
    Text(String),
    /// A variable or a literal, `page.title`, `true`.
    Expression(&'t str),
}

impl<'t> Markup<'t> {
    /// Jekyll's `IncludeTag#initialize`: a file name with `{{ … }}` runs to the last `}}` and
    /// what sticks to it, else to the first white space; the rest are the parameters.
    pub fn read(markup: &'t str) -> Result<Self, SiteError> {
        let markup = markup.trim_matches(is_space);
        let (file, params) = match markup.rfind("}}").filter(|_| markup.contains("{{")) {
            Some(at) => {
                let end = at + 2 + markup[at + 2..].find(|c: char| is_space(c) || c == '{' || c == '}').unwrap_or(markup.len() - at - 2);
                (&markup[..end], Some(markup[end..].trim_matches(is_space)))
            }
            None => match markup.split_once(is_space) {
                Some((file, params)) => (file, Some(params.trim_start_matches(is_space))),
                None => (markup, None),
            },
        };
        let params = params.map(|text| read_params(text).ok_or_else(|| SiteError::IncludeParameters(text.to_owned()))).transpose()?;
        Ok(Markup { file, params })
    }
}

/// Ruby's `\w` (ASCII), and `-`: a parameter's name, or an unquoted value with `.`.
fn word_len(text: &str, dot: bool) -> usize {
    text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || (dot && c == '.'))).unwrap_or(text.len())
}

/// Jekyll's `FULL_VALID_SYNTAX`: `key=value` pairs, each followed by white space or the end.
fn read_params(mut text: &str) -> Option<Vec<(&str, Param<'_>)>> {
    let mut params = Vec::new();
    loop {
        text = text.trim_start_matches(is_space);
        if text.is_empty() {
            return Some(params);
        }
        let key_len = word_len(text, false);
        let (key, rest) = (&text[..key_len], text[key_len..].trim_start_matches(is_space));
        let rest = rest.strip_prefix('=')?.trim_start_matches(is_space);
        let (value, len) = match rest.chars().next()? {
            quote @ ('"' | '\'') => {
                let len = quoted_len(&rest[1..], quote)?;
                let inner = &rest[1..1 + len];
                (Param::Text(inner.replace(&format!("\\{quote}"), &quote.to_string())), len + 2)
            }
            _ => match word_len(rest, true) {
                0 => return None,
                len => (Param::Expression(&rest[..len]), len),
            },
        };
        if key.is_empty() || rest[len..].starts_with(|c: char| !is_space(c)) {
            return None;
        }
        params.push((key, value));
        text = &rest[len..];
    }
}

/// The length of a quoted value's inside, up to its closing `quote` (a backslash escapes any
/// character).
fn quoted_len(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\\' {
            chars.next()?;
        } else if c == quote {
            return Some(at);
        }
    }
    None
}

/// Jekyll's `validate_file_name`: no `..`, `./`, `/.` or `//`, and only these characters.
fn valid_name(file: &str) -> bool {
    let bytes = file.as_bytes();
    let sequence = bytes.windows(2).any(|pair| pair.iter().all(|b| matches!(b, b'.' | b'/')));
    let chars_ok = !file.is_empty() && file.bytes().all(|b| b.is_ascii_alphanumeric() || b"_/.-()+~#@".contains(&b));
    !sequence && chars_ok
}

impl Pass<'_, '_> {
    /// Runs an include: its file's text in this scope, with `include` set while it runs.
    pub fn include(&mut self, site: &dyn Site, node: &Node, markup: &str, relative: bool) -> Result<Flow, Reason> {
        let markup = Markup::read(markup).map_err(Reason::Stopped)?;
        let file = match markup.file.contains("{{") {
            true => self.text_apart(markup.file, node.start)?.0,
            false => markup.file.to_owned(),
        };
        if !valid_name(&file) {
            return Err(Reason::Stopped(SiteError::IncludeName(file)));
        }
        if self.includes + 1 >= MAX_DEPTH {
            return Err(Reason::Stopped(SiteError::TooDeep));
        }
        let text = site.include(&file, relative).map_err(Reason::Stopped)?;
        let params = match &markup.params {
            Some(params) => {
                let mut values = Vec::with_capacity(params.len());
                for (key, param) in params {
                    let value = match param {
                        Param::Text(text) => Value::String(text.clone()),
                        Param::Expression(markup) => {
                            let mut p = Parser::new(markup)?;
                            let expr = p.expression(false)?;
                            p.end()?;
                            self.scope.eval(&expr)?
                        }
                    };
                    super::scope::entry(&mut values, key, || Value::Null).clone_from(&value);
                }
                Some(Value::Map(values))
            }
            None => None,
        };
        let set = params.is_some();
        if let Some(params) = params {
            self.scope.locals.push(("include".to_owned(), params));
        }
        self.includes += 1;
        let (printed, problems, flow) = self.run_apart(&text);
        self.includes -= 1;
        if set {
            self.scope.locals.pop();
        }
        let folder = if relative { "" } else { "_includes/" };
        for (problem, _) in problems {
            match problem {
                // Said of the innermost include, where it is.
                Problem::Left { reason: reason @ Reason::Within(..), .. } => return Err(reason),
                Problem::Left { .. } => return Err(Reason::Within(format!("{folder}{file}"), Box::new(problem))),
                problem => self.problem(problem, node.start),
            }
        }
        let flow = flow?;
        self.made(node, &printed);
        Ok(flow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file name and the parameters read, each `key=value` (a text quoted).
    fn params(markup: &str) -> Result<(String, Option<Vec<String>>), SiteError> {
        let read = Markup::read(markup)?;
        let shown = |(key, param): &(&str, Param)| match param {
            Param::Text(text) => format!("{key}={text:?}"),
            Param::Expression(markup) => format!("{key}={markup}"),
        };
        Ok((read.file.to_owned(), read.params.map(|params| params.iter().map(shown).collect())))
    }

    #[test]
    fn markup_is_read_as_jekyll_s_include_tag_reads_it() {
        assert_eq!(params(" note.html ").unwrap(), ("note.html".into(), None));
        let read = params("note.html a=\"x \\\"y\\\"\" b='it\\'s' c=page.title d-e = 3").unwrap();
        assert_eq!(read, ("note.html".into(), Some(vec!["a=\"x \\\"y\\\"\"".into(), "b=\"it's\"".into(), "c=page.title".into(), "d-e=3".into()])));
        assert_eq!(params("{{ page.kind }}.html x=1").unwrap(), ("{{ page.kind }}.html".into(), Some(vec!["x=1".into()])));
        assert_eq!(params("{{ page.kind }}.html").unwrap().1, Some(vec![]), "Jekyll sets `include` to nothing then");
    }

    #[test]
    fn parameters_jekyll_refuses_and_names_it_refuses_are_errors() {
        for markup in ["a.html x", "a.html x=", "a.html x=\"1\"y=2", "a.html =1", "a.html x=\"open"] {
            assert!(matches!(Markup::read(markup), Err(SiteError::IncludeParameters(_))), "{markup}");
        }
        for name in ["../a.html", "a/../b", "a//b", "./a", "a b", "a\"b", ""] {
            assert!(!valid_name(name), "{name}");
        }
        for name in ["a.html", "sub/a-b_c.md", "a(1)+~#@.html"] {
            assert!(valid_name(name), "{name}");
        }
    }
}
