//! Liquid, as Jekyll runs it on a post's body before kramdown: what can be run faithfully
//! without the site's other files, and the rest left as written with a warning.
//!
//! Runs: `{% raw %}`, `{% comment %}`, `{% highlight LANG %}` (the code escaped, without
//! rouge's token colours, as [`crate::kramdown::convert`] writes code blocks), output tags of
//! `page.*` (the front matter) and `site.url` / `site.baseurl` (the profile) with the filters
//! in [`filters`], and whitespace control on those. Everything else (`include`, `if`, `for`,
//! `assign`, other variables and filters, Liquid that does not parse) stays as written, each
//! with a [`Problem`] at its place.
//!
//! Every article runs only [`present`]; the rest is reached when it finds Liquid, so that
//! the first WebAssembly download (split by what real articles run) carries little of it.
//! Names are compared as integers ([`key`]) rather than strings, for the same reason: strings
//! are data, which stays in the first download.

mod filters;
mod pass;
mod scan;
mod values;

use crate::profile::Profile;
use crate::value::Map;
use std::fmt;

pub use pass::run;

/// Whether `body` holds `{%` or `{{`: Jekyll runs Liquid only then.
pub fn present(body: &str) -> bool {
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(i) = crate::swar::find(&bytes[from..], b'{') {
        from += i + 1;
        if matches!(bytes.get(from), Some(b'{' | b'%')) {
            return true;
        }
    }
    false
}

/// What Liquid sees of the article and its site.
pub struct Context<'a> {
    /// The front matter, as read.
    pub data: &'a Map,
    /// Jekyll's keys: `page.title`, `page.date`… as Jekyll derives them.
    pub page: &'a crate::front_matter::FrontMatter,
    pub profile: &'a Profile,
}

/// The body after Liquid, where lines moved, and what was left.
pub struct Output {
    pub text: String,
    pub lines: LineMap,
    /// Each problem and its byte offset in the body.
    pub problems: Vec<(Problem, usize)>,
}

/// Lines of the body after Liquid back to lines of the body as written: Liquid removes lines
/// (a comment, whitespace control, a highlight's first and last line breaks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineMap {
    /// From line `.0` (1-based, after Liquid) on, lines are `.1 - .0` further on in the text.
    anchors: Vec<(usize, usize)>,
}

impl LineMap {
    /// The line as written of the first line of a block on `line` after Liquid.
    pub fn first(&self, line: usize) -> usize {
        match self.anchors.iter().rev().find(|a| a.0 <= line) {
            Some(&(after, written)) => written + (line - after),
            None => line,
        }
    }

    /// The line as written of the last line of a block ending on `line` after Liquid.
    pub fn last(&self, line: usize) -> usize {
        self.first(line + 1) - 1
    }

    /// Line `after` (after Liquid) shows line `written`.
    fn anchor(&mut self, after: usize, written: usize) {
        if self.first(after) == written {
            return;
        }
        if self.anchors.last().is_some_and(|a| a.0 == after) {
            self.anchors.pop();
        }
        self.anchors.push((after, written));
    }
}

/// Why Liquid is left as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// It needs the site: its configuration, posts, data, or a URL that depends on them.
    Site,
    /// `{% include NAME %}`.
    Include(String),
    /// A tag Folio does not run (`if`, `for`, `assign`, a plugin's).
    Tag,
    /// A filter Folio does not run, or one it cannot make exact with these values.
    Filter(String),
    /// A variable that is not `page.*`, `site.url` or `site.baseurl`.
    Variable,
    /// `{% raw %}`, `{{` or a block never closed: Jekyll stops with an error.
    Unclosed,
    /// Liquid that does not parse: Jekyll stops with an error.
    Syntax,
}

/// A problem with the Liquid of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `text` (the tag, clipped) is shown as written.
    Left { text: String, reason: Reason },
    /// `{{ page.KEY }}` for a key the front matter does not have prints nothing, as in Jekyll.
    Nothing { text: String },
}

impl Problem {
    /// Jekyll stops on Liquid that does not parse: an error; the rest are warnings.
    pub fn is_error(&self) -> bool {
        matches!(self, Problem::Left { reason: Reason::Unclosed | Reason::Syntax, .. })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, why) = match self {
            Problem::Nothing { text } => return write!(f, "Liquid `{text}` prints nothing: no such front matter key"),
            Problem::Left { text, reason } => (text, reason),
        };
        write!(f, "Liquid `{text}` is left as written: ")?;
        match why {
            Reason::Site => f.write_str("it needs the site"),
            Reason::Include(name) => write!(f, "Jekyll puts the site's _includes/{name} here"),
            Reason::Tag => f.write_str("Folio does not run this tag"),
            Reason::Filter(name) => write!(f, "Folio does not run `{name}` here"),
            Reason::Variable => f.write_str("Folio does not know this variable"),
            Reason::Unclosed => f.write_str("it is not closed"),
            Reason::Syntax => f.write_str("it is not valid Liquid"),
        }
    }
}

/// A name as an integer, to compare with [`key`]s of known names without their text as data.
/// Names longer than 24 bytes are none of them.
pub(crate) const fn key(name: &[u8]) -> (u128, u64) {
    if name.len() > 24 {
        return (u128::MAX, u64::MAX);
    }
    let (mut low, mut high, mut i) = (0u128, 0u64, 0);
    while i < name.len() {
        if i < 16 {
            low |= (name[i] as u128) << (8 * i);
        } else {
            high |= (name[i] as u64) << (8 * (i - 16));
        }
        i += 1;
    }
    (low, high)
}

#[cfg(test)]
mod tests;

/// Runs the Liquid of the body of `source` (from `body_start`) in place: the body replaced by
/// what Liquid gives, the problems positioned in the whole file. `None` when Liquid is off.
/// Out of line: only articles with Liquid come here (see the module's notes on size).
#[inline(never)]
pub fn run_in_place(source: &mut String, body_start: usize, context: &Context) -> Option<(LineMap, Vec<crate::Diagnostic>)> {
    let output = run(&source[body_start..], context)?;
    let index = crate::diagnostic::LineIndex::new(source);
    let diagnostics = output
        .problems
        .iter()
        .map(|(problem, at)| {
            let position = index.position(body_start + at);
            match problem.is_error() {
                true => crate::Diagnostic::error(position, problem.to_string()),
                false => crate::Diagnostic::warning(position, problem.to_string()),
            }
        })
        .collect();
    source.replace_range(body_start.., &output.text);
    Some((output.lines, diagnostics))
}
