//! Liquid, as Jekyll runs it on a post's body before kramdown: what can be run faithfully
//! without the site's other files, and the rest left as written with a warning.
//!
//! The body is parsed as Liquid parses a template (`tree`), then run (`pass`): tags (`tags`:
//! `raw`, `comment`, `highlight`, `assign`, `capture`, `if`, `for`…), their conditions and
//! expressions (`condition`, `expression`) over the variables in `scope` (`page.*`, the
//! profile's `site.url` and `site.baseurl`, what the template sets), numbers as Ruby reckons
//! them (`number`), and the filters in `filters`. Natively, for an article in a Jekyll site
//! ([`Site`], which the command line gives), `include` and `include_relative` (`include`),
//! `post_url`, `link` and `page.url` (`site`) run too. What needs the site otherwise (these
//! without one, `site.posts`, a variable nothing set) stays as written with the whole block it
//! decides, each with a [`Problem`] at its place.
//!
//! Every article is surveyed ([`crate::survey`]), and only one with `{{` or `{%` comes to [`run_on`], which
//! runs the pass and is followed by [`place`] once the article is rendered. In the core's
//! download the pass is rare code (scripts/build.sh): only the hook is in its first module.

use crate::profile::Profile;
use crate::value::{Map, Value};
use std::fmt;

pub use pass::run;
#[cfg(not(target_arch = "wasm32"))]
pub use site::{PostUrl, Site, SiteError};

/// What Liquid sees of the article and its site.
pub struct Context<'a> {
    /// The front matter, as read.
    pub data: &'a Map,
    /// Jekyll's keys: `page.title`, `page.date`… as Jekyll derives them.
    pub page: &'a crate::front_matter::FrontMatter,
    pub profile: &'a Profile,
    /// The site's zone, Jekyll's `TZ`: its date filters show times in it.
    pub zone: &'a crate::front_matter::date::Zone<'a>,
    /// The front matter's keys holding an integer past 64 bits: Ruby keeps it exact, Folio
    /// has read it as a float.
    pub big_integers: &'a [String],
    /// The Jekyll site the article is in, natively, when the caller knows it.
    #[cfg(not(target_arch = "wasm32"))]
    pub site: Option<&'a dyn Site>,
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

/// How many times loops run in all, in one body, at most.
pub const MAX_STEPS: usize = 100_000;

/// How many bytes of text and values Liquid makes in all, in one body, at most: a template
/// that doubles a text over and over would otherwise take all memory (in Jekyll too; Folio
/// runs in the editor at each keystroke).
pub const MAX_MADE: usize = 16 << 20;

/// Why Liquid is left as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// It needs the site: its configuration, posts, data, or a URL that depends on them.
    Site,
    /// `{% include NAME %}`.
    Include(String),
    /// A tag Folio does not run (a plugin's, `tablerow`).
    Tag,
    /// A filter Folio does not run, or one it cannot make exact with these values.
    Filter(String),
    /// A variable nothing Folio ran set, which a tag left as written (an include, a plugin's)
    /// may have set.
    Variable,
    /// Markup Liquid's strict parser does not read (Jekyll reads it laxly, with a warning).
    Lax,
    /// Numbers past what Folio reckons exactly (Ruby's Bignums and long BigDecimals).
    Inexact,
    /// Loops that would run more than [`MAX_STEPS`] times in all: the editor must stay quick.
    TooLong,
    /// More than [`MAX_MADE`] bytes made in all.
    TooBig,
    /// `{% raw %}`, `{{` or a block never closed: Jekyll stops with an error.
    Unclosed,
    /// Liquid that does not parse: Jekyll stops with an error.
    Syntax,
    /// Blocks nested deeper than Liquid's limit, 100: Jekyll stops with an error.
    TooDeep,
    /// Liquid that parses but fails as it runs: Jekyll stops with this error.
    Failed(Failure),
    /// A tag that needs the site, which does not run there (most stop Jekyll).
    #[cfg(not(target_arch = "wasm32"))]
    Stopped(SiteError),
    /// The include (its path in the site) holds this problem, which leaves it as written.
    #[cfg(not(target_arch = "wasm32"))]
    Within(String, Box<Problem>),
}

/// Why running Liquid fails, where Jekyll stops the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    DividedByZero,
    /// Two values `<`, `>`, `sort`… cannot order: their kinds.
    Compared(&'static str, &'static str),
    /// A filter's or a tag's argument that is not a whole number.
    NotAnInteger,
    /// `concat` given what is not a list, `sort` given nil.
    NotAList,
    /// `url_decode` giving bytes that are not UTF-8.
    NotUtf8,
    /// Jekyll's `number_of_words` or `slugify` given what is not text: it calls text's methods.
    NotText,
    /// A filter given more or fewer arguments than its Ruby method takes.
    Arguments,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::DividedByZero => f.write_str("it divides by zero"),
            Failure::Compared(a, b) => write!(f, "it compares {a} with {b}"),
            Failure::NotAnInteger => f.write_str("it needs a whole number"),
            Failure::NotAList => f.write_str("it needs a list"),
            Failure::NotUtf8 => f.write_str("it decodes to what is not UTF-8"),
            Failure::NotText => f.write_str("it needs a text"),
            Failure::Arguments => f.write_str("a filter has the wrong number of arguments"),
        }
    }
}

/// A problem with the Liquid of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `text` (the tag, clipped) is shown as written.
    Left { text: String, reason: Reason },
    /// `{{ page.KEY }}` for a key the front matter does not have, or a variable nothing sets,
    /// prints nothing, as in Jekyll: why.
    Nothing { text: String, why: &'static str },
    /// `{% post_url %}` found its post by Jekyll's old matching, which Jekyll warns of: the post
    /// is `name` now.
    #[cfg(not(target_arch = "wasm32"))]
    OldPostName { text: String, name: String },
}

impl Problem {
    /// Jekyll stops on Liquid that does not parse or fails: an error; the rest are warnings.
    pub fn is_error(&self) -> bool {
        match self {
            Problem::Left { reason: Reason::Unclosed | Reason::Syntax | Reason::TooDeep | Reason::Failed(_), .. } => true,
            #[cfg(not(target_arch = "wasm32"))]
            Problem::Left { reason: Reason::Stopped(error), .. } => error.stops_jekyll(),
            #[cfg(not(target_arch = "wasm32"))]
            Problem::Left { reason: Reason::Within(_, problem), .. } => problem.is_error(),
            _ => false,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, why) = match self {
            Problem::Nothing { text, why } => return write!(f, "Liquid `{text}` prints nothing: {why}"),
            #[cfg(not(target_arch = "wasm32"))]
            Problem::OldPostName { text, name } => {
                return write!(f, "Liquid `{text}` names the post as Jekyll's old matching does, which it warns of: write `{{% post_url {name} %}}`")
            }
            Problem::Left { text, reason } => (text, reason),
        };
        write!(f, "Liquid `{text}` is left as written: ")?;
        match why {
            Reason::Site => f.write_str("it needs the site"),
            Reason::Include(name) => write!(f, "Jekyll puts the site's _includes/{name} here"),
            Reason::Tag => f.write_str("Folio does not run this"),
            Reason::Filter(name) => write!(f, "Folio does not run `{name}` here"),
            Reason::Variable => f.write_str("Folio does not know this variable"),
            Reason::Lax => f.write_str("Folio reads only what Liquid's strict parser reads"),
            Reason::Inexact => f.write_str("Folio cannot reckon with numbers this big exactly"),
            Reason::TooLong => write!(f, "Folio runs loops {MAX_STEPS} times at most in all"),
            Reason::TooBig => write!(f, "Folio makes at most {} MB of text with Liquid", MAX_MADE >> 20),
            Reason::Unclosed => f.write_str("it is not closed"),
            Reason::Syntax => f.write_str("it is not valid Liquid"),
            Reason::TooDeep => f.write_str("it nests blocks deeper than Liquid's 100"),
            Reason::Failed(failure) => write!(f, "Jekyll stops here, as {failure}"),
            #[cfg(not(target_arch = "wasm32"))]
            Reason::Stopped(error) => error.fmt(f),
            #[cfg(not(target_arch = "wasm32"))]
            Reason::Within(file, problem) => write!(f, "in {file}, {problem}"),
        }
    }
}

mod condition;
mod expression;
mod filters;
#[cfg(not(target_arch = "wasm32"))]
mod include;
mod number;
mod pass;
mod scan;
mod scope;
#[cfg(not(target_arch = "wasm32"))]
mod site;
mod tags;
mod tree;

/// What running Liquid left to do once the article is rendered: its lines put back, its
/// problems added.
pub struct Ran {
    lines: LineMap,
    body_line: u32,
    problems: Vec<crate::Diagnostic>,
}

/// Runs the Liquid of the article's body (its front matter read for `page`), replacing the body
/// by what Liquid gives; `None` when the front matter turns Liquid off. Out of line, and all
/// here, so that the first download carries little of it (see the module's notes on size).
#[inline(never)]
pub fn run_on(source: &mut String, request: &crate::Request) -> Option<Ran> {
    let profile = request.profile;
    let split = crate::front_matter::split(source);
    let read = request.read_front_matter(source, &split);
    let zone_name = match request.calendar.utc_offset(&profile.timezone, 0) {
        Some(_) => profile.timezone.as_str(),
        None => "UTC",
    };
    let zone = crate::front_matter::date::Zone { name: zone_name, calendar: request.calendar };
    let page = crate::front_matter::FrontMatter::interpret(&read.data, request.file_name, &zone, &mut Vec::new());
    let big_integers = big_integers(source, &split, &read);
    let context = Context {
        data: &read.data,
        page: &page,
        profile,
        zone: &zone,
        big_integers: &big_integers,
        #[cfg(not(target_arch = "wasm32"))]
        site: request.site,
    };
    let output = run(&source[split.body_start..], &context)?;
    let index = crate::diagnostic::LineIndex::new(source);
    let problems = output
        .problems
        .iter()
        .map(|(problem, at)| {
            let position = index.position(split.body_start + at);
            match problem.is_error() {
                true => crate::Diagnostic::error(position, problem.to_string()),
                false => crate::Diagnostic::warning(position, problem.to_string()),
            }
        })
        .collect();
    let body_line = crate::source_map::line_at(source, split.body_start);
    source.replace_range(split.body_start.., &output.text);
    Some(Ran { lines: output.lines, body_line, problems })
}

/// The keys whose value holds a float as big as YAML reads an integer past 64 bits into,
/// written as such an integer (digits only, 19 or more, or in hexadecimal, octal or binary).
fn big_integers(source: &str, split: &crate::front_matter::Split, read: &crate::front_matter::Read) -> Vec<String> {
    fn big_float(value: &Value) -> bool {
        match value {
            Value::Float(f) => f.fract() == 0.0 && f.abs() >= 9.2e18,
            Value::Seq(items) => items.iter().any(big_float),
            Value::Map(entries) => entries.iter().any(|(_, v)| big_float(v)),
            _ => false,
        }
    }
    let end = split.yaml.as_ref().map_or(0, |range| range.end);
    let offsets: Vec<usize> = read.data.iter().map(|(key, _)| read.offset_of(key)).collect();
    let integer = |word: &str| {
        let word = word.trim_start_matches(['-', '+']);
        let digits = word.bytes().filter(u8::is_ascii_digit).count();
        (digits >= 19 && word.bytes().all(|b| b.is_ascii_digit() || b == b'_')) || (word.len() > 18 && word.starts_with('0'))
    };
    read.data
        .iter()
        .zip(&offsets)
        .filter(|((_, value), _)| big_float(value))
        .filter(|(_, &start)| {
            let stop = offsets.iter().copied().filter(|&o| o > start).min().unwrap_or(end).max(start);
            source.get(start..stop).is_some_and(|text| text.split(|c: char| c.is_whitespace() || "[]{},:".contains(c)).any(integer))
        })
        .map(|((key, _), _)| key.clone())
        .collect()
}

/// The article rendered from the body Liquid gave, made an article of the text as written.
#[inline(never)]
pub fn place(article: &mut crate::Article, ran: Ran, source_map: bool) {
    ran.lines.place(article, ran.body_line, source_map);
    article.diagnostics.extend(ran.problems);
}

impl LineMap {
    /// What the article places by line (its blocks and their marks, its outline, kramdown's
    /// warnings), from lines after Liquid to lines as written; the body starts on `body_line`.
    fn place(&self, article: &mut crate::Article, body_line: u32, source_map: bool) {
        if self.anchors.is_empty() {
            return;
        }
        let (from, to) = (body_line as usize - 1, |line: usize| u32::try_from(line).unwrap_or(u32::MAX));
        let first = |line: u32| if line < body_line { line } else { to(self.first(line as usize - from) + from) };
        let last = |line: u32| if line < body_line { line } else { to(self.last(line as usize - from) + from) };
        for block in &mut article.body_blocks {
            let mark = |start: u32, end: u32| format!(" data-source-line=\"{start}-{end}\"");
            let (old_mark, new_mark) = (mark(block.start_line, block.end_line), mark(first(block.start_line), last(block.end_line)));
            if let Some(at) = block.html.find(&old_mark) {
                block.html.replace_range(at..at + old_mark.len(), &new_mark);
            }
            (block.start_line, block.end_line) = (first(block.start_line), last(block.end_line));
        }
        if source_map {
            article.body_html = article.body_blocks.iter().map(|b| b.html.clone()).collect();
        }
        article.outline.iter_mut().flatten().for_each(|entry| entry.line = first(entry.line));
        // Kramdown's warnings; the front matter's are before the body, the profile's on line 0.
        article.diagnostics.iter_mut().for_each(|d| d.line = first(d.line));
    }
}

#[cfg(test)]
mod tests;
