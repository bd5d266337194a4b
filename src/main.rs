//! `folio`: render Jekyll articles from the command line, or check a whole site.
//!
//! It uses only the library's public API, like any other caller.

mod cli;

use cli::site_links::SiteLinks;
use cli::sites::{Setup, Sites};
use cli::targets::Collector;
use folio::diagnostic::Position;
use folio::sanitize::Policy;
use folio::value::Map;
use folio::{options::OptionError, page, profile, yaml, Diagnostic, Options, Profile, Request, Value};
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: folio render [--body | --page | --json] [--safe] [SITE OPTIONS] FILE|-
       folio check [--list] [SITE OPTIONS] PATH...
       folio --help | --version
site options: [--profile NAME|PATH] [--options KRAMDOWN_OPTIONS.yml]
              [--config CONFIG.yml[,MORE.yml...] | --no-config]

render  prints the body HTML (--body, the default), the whole article page (--page),
        or the rendered article as JSON (--json). FILE `-` reads standard input.
        --safe renders an untrusted article: nothing in it can run script (raw HTML,
        attribute lists and URLs are held to the safe-mode policy; ids get `folio-`).
check   renders the articles under each PATH (`-`: standard input) and prints each
        diagnostic as FILE:LINE:COLUMN: SEVERITY: MESSAGE; exits 1 if any is an error.
        In a Jekyll site, the articles are what Jekyll converts: Markdown files
        (markdown_ext) with front matter (or without, with jekyll-optional-front-matter),
        posts (named YYYY-MM-DD-title.md, front matter or not), drafts, collections'
        documents; not what Jekyll leaves out (_site,
        names starting with . _ # ~, node_modules, vendor/bundle, the site's exclude:
        unless include: names it). Elsewhere, every .md and .markdown file. A FILE named
        is checked whatever its name. The summary says how many Markdown files were left
        out for want of front matter. --list lists the files instead of checking them.
        A file found that does not read (a broken link) is one error; the others are
        still checked.

A Jekyll site is the folder of a _config.yml (or _config.yaml) in or above the FILE or
PATH, or met in a folder walked. Folio reads its kramdown:, highlighter:, url:, baseurl:,
timezone:, lang:, markdown_ext:, exclude:, include:, collections:, collections_dir:,
destination:, defaults: (front matter merged under each file's, as Jekyll 4.3 merges it),
permalink:, includes_dir:, theme:, future:, unpublished: (Liquid's include, include_relative, post_url, link and
page.url run in a site, with its posts and pages) and what turns jekyll-optional-front-matter
on or off (plugins:, gems:, optional_front_matter:, require_front_matter:, a github-pages
Gemfile.lock), reports a bad value of these where it
is, and says so when markdown: names another converter than kramdown. --config a.yml,b.yml
configures the current folder's site with these files instead, later ones deep-merged over
earlier ones, as Jekyll's --config. --no-config reads no _config.yml: every .md and
.markdown file is checked, with the profile alone.

--profile names the site: a built-in profile (jekyll, the default, or numerique)
or a profile file (YAML or JSON: url, baseurl, timezone, lang, kramdown options,
front-matter roles; see README.md). Its kramdown options start from Jekyll's
(input: GFM, auto_ids: true, hard_wrap: false, ...). A site's _config.yml sets its
kramdown options over the profile's, and its url, baseurl, timezone and lang unless
--profile is given. --options reads more kramdown options as YAML (keys with or
without a leading `:`) and merges them over all those. A site whose Gemfile.lock
locks Jekyll 3.9, 3.10 or 4.1 on gets what that Jekyll adds over all those
(default_lang: plaintext, guess_lang): code naming no language as it writes it.
A file named YYYY-MM-DD-slug.md gives the date and slug when the front matter has none.

Exit status: 0 fine, 1 errors found by check, 2 bad usage or unreadable input.";

/// A failure that stops the command: bad usage or unreadable input (exit status 2).
#[derive(Debug)]
enum CliError {
    Usage(String),
    Read { path: String, error: std::io::Error },
    /// Not UTF-8 from this position on (Jekyll reads only UTF-8).
    NotUtf8 { path: String, at: Position },
    Options { path: String, message: String },
    Profile { name: String, message: String },
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message}\n\n{USAGE}"),
            CliError::Read { path, error } => write!(f, "cannot read {path}: {error}"),
            CliError::NotUtf8 { path, at } => write!(f, "cannot read {path}:{}:{}: {NOT_UTF8}", at.line, at.column),
            CliError::Options { path, message } => write!(f, "cannot use options file {path}: {message}"),
            CliError::Profile { name, message } => write!(f, "cannot use profile {name}: {message}"),
        }
    }
}

impl From<lexopt::Error> for CliError {
    fn from(error: lexopt::Error) -> Self {
        CliError::Usage(error.to_string())
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Output {
    Body,
    Page,
    Json,
}

enum Command {
    Help,
    Version,
    Render { output: Output, setup: Setup, input: String, safe: bool },
    Check { setup: Setup, paths: Vec<PathBuf>, list: bool },
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("folio: {error}");
            ExitCode::from(2)
        }
    }
}

fn parse_args() -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Value(name)) => name.string()?,
        Some(other) => return Err(other.unexpected().into()),
        None => return Err(CliError::Usage("no command given".into())),
    };
    let mut output = Output::Body;
    let mut profile_name = None;
    let mut safe = false;
    let mut list = false;
    let mut options_path = None;
    let mut site_config = true;
    let mut config_files = Vec::new();
    let mut operands = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("body") if command == "render" => output = Output::Body,
            Long("page") if command == "render" => output = Output::Page,
            Long("json") if command == "render" => output = Output::Json,
            Long("safe") if command == "render" => safe = true,
            Long("list") if command == "check" => list = true,
            Long("profile") => profile_name = Some(parser.value()?.string()?),
            Long("options") => options_path = Some(parser.value()?.string()?),
            Long("no-config") => site_config = false,
            // Jekyll's own spelling: files separated by commas, later ones over earlier ones.
            Long("config") => config_files.extend(parser.value()?.string()?.split(',').map(PathBuf::from)),
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(operand) => operands.push(operand.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if !matches!(command.as_str(), "render" | "check") {
        return Err(CliError::Usage(format!("unknown command `{command}`")));
    }
    let profile = read_profile(profile_name.as_deref().unwrap_or("jekyll"))?;
    let options = options_path.map(|path| read_options(&path, &profile.options)).transpose()?;
    if !site_config && !config_files.is_empty() {
        return Err(CliError::Usage("--config and --no-config do not go together".into()));
    }
    let setup = Setup { profile, profile_named: profile_name.is_some(), options, site_config, config_files };
    match command.as_str() {
        "render" => match <[String; 1]>::try_from(operands) {
            Ok([input]) => Ok(Command::Render { output, setup, input, safe }),
            Err(_) => Err(CliError::Usage("render takes exactly one FILE (or - for standard input)".into())),
        },
        "check" if operands.is_empty() => Err(CliError::Usage("check needs at least one PATH".into())),
        _ => Ok(Command::Check { setup, paths: operands.into_iter().map(PathBuf::from).collect(), list }),
    }
}

/// A built-in profile by name, else a profile file; problems with single keys are warnings,
/// an unreadable file or unknown name stops the command.
fn read_profile(name: &str) -> Result<Profile, CliError> {
    if let Some(profile) = Profile::builtin(name) {
        return Ok(profile);
    }
    let text = std::fs::read_to_string(name).map_err(|error| CliError::Profile {
        name: name.into(),
        message: format!("{} (and it is not a file: {error})", profile::ProfileError::UnknownProfile { name: name.into() }),
    })?;
    let (profile, problems) = Profile::from_yaml(&text).map_err(|e| CliError::Profile { name: name.into(), message: e.to_string() })?;
    for problem in problems {
        eprintln!("{name}: warning: {problem}");
    }
    Ok(profile)
}

/// Reads a kramdown options file, to merge over the options of each site; problems with single
/// options (found by merging it over `options`) are warnings, an unreadable or unparsable file
/// stops the command.
fn read_options(path: &str, options: &Options) -> Result<Value, CliError> {
    let text = std::fs::read_to_string(path).map_err(|error| CliError::Read { path: path.into(), error })?;
    let settings = yaml::load(&text).map_err(|e| CliError::Options {
        path: path.into(),
        message: format!("{e} ({})", folio::diagnostic::LineIndex::new(&text).position(e.offset)),
    })?;
    for problem in options.clone().merge(&settings) {
        if let OptionError::NotAMapping { .. } = problem {
            return Err(CliError::Options { path: path.into(), message: problem.to_string() });
        }
        eprintln!("{path}: warning: {problem}");
    }
    Ok(settings)
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Help => println!("{USAGE}"),
        Command::Version => println!("folio {}", env!("CARGO_PKG_VERSION")),
        Command::Render { output, setup, input, safe } => {
            let mut sites = Sites::new(&setup);
            let site = if input == "-" { None } else { sites.of(input.as_ref())? };
            for (file, problem) in &sites.problems {
                eprintln!("{}", located(file, problem));
            }
            let source = read_input(&input)?;
            let policy = Policy::default();
            let defaults = site.as_ref().map(|site| site.front_matter_defaults(input.as_ref()));
            let links = site.as_deref().map(|site| SiteLinks::new(site, input.as_ref()));
            let request = request(sites.profile(site.as_deref()), &input, defaults.as_ref(), links.as_ref());
            let request = Request { safe: safe.then_some(&policy), ..request };
            let mut article = folio::render_with(&source, &request);
            Diagnostic::in_file_order(&mut article.diagnostics);
            let text = match output {
                Output::Body => article.body_html.to_string(),
                Output::Page => page::to_html(&article),
                Output::Json => folio::json::to_string_pretty(&article) + "\n",
            };
            // A closed pipe (`folio render x | head`) is not an error worth a message.
            let _ = std::io::stdout().write_all(text.as_bytes());
            for diagnostic in &article.diagnostics {
                eprintln!("{}", located(&input, diagnostic));
            }
        }
        Command::Check { setup, paths, list } => return check(&paths, &setup, list),
    }
    Ok(ExitCode::SUCCESS)
}

/// A render request for the file `input` (standard input has no name), with its site's front
/// matter defaults and what Liquid finds in the site.
fn request<'a>(profile: &'a Profile, input: &'a str, defaults: Option<&'a Map>, links: Option<&'a SiteLinks>) -> Request<'a> {
    let site = links.map(|links| links as &dyn folio::liquid::Site);
    Request { file_name: (input != "-").then_some(input), front_matter_defaults: defaults, site, ..Request::new(profile) }
}

/// Renders what `paths` name and lists the problems found; with `list`, lists the files instead
/// of rendering them (the sites' problems are still listed).
fn check(paths: &[PathBuf], setup: &Setup, list: bool) -> Result<ExitCode, CliError> {
    let mut sites = Sites::new(setup);
    let mut collector = Collector::new(&mut sites);
    for path in paths {
        collector.add(path)?;
    }
    let targets = collector.targets;
    let mut listing = Listing { out: std::io::stdout().lock(), errors: 0, warnings: 0 };
    // The sites' configurations first, then the posts Jekyll leaves out, then the articles.
    let undated = Diagnostic::warning(Position::OUTSIDE, UNDATED_POST);
    let site_problems = sites.problems.iter().map(|(file, problem)| (file.clone(), problem));
    let undated_posts = targets.undated_posts.iter().map(|post| (post.display().to_string(), &undated));
    for (file, problem) in site_problems.chain(undated_posts) {
        if !listing.print(&file, problem) {
            return Ok(listing.status());
        }
    }
    // Problems of the profile or options, not of an article, are the same for every file: said once.
    let mut said_outside = HashSet::new();
    for (file, site) in &targets.files {
        let name = file.display().to_string();
        if list {
            if writeln!(listing.out, "{name}").is_err() {
                return Ok(listing.status());
            }
            continue;
        }
        let (diagnostics, rendered) = match read_input(&name) {
            Ok(source) => {
                let defaults = site.as_ref().map(|site| site.front_matter_defaults(file));
                let links = site.as_deref().map(|site| SiteLinks::new(site, file));
                let request = request(sites.profile(site.as_deref()), &name, defaults.as_ref(), links.as_ref());
                let mut diagnostics = folio::render_with(&source, &request).diagnostics;
                Diagnostic::in_file_order(&mut diagnostics);
                (diagnostics, true)
            }
            // One file that does not read is one error: the others are still checked.
            Err(CliError::NotUtf8 { at, .. }) => (vec![Diagnostic::error(at, NOT_UTF8)], false),
            Err(CliError::Read { error, .. }) => (vec![Diagnostic::error(Position::OUTSIDE, format!("cannot read it: {error}"))], false),
            Err(error) => return Err(error),
        };
        for diagnostic in diagnostics {
            if rendered && diagnostic.position() == Position::OUTSIDE && !said_outside.insert(diagnostic.message.clone()) {
                continue;
            }
            if !listing.print(&name, &diagnostic) {
                return Ok(listing.status());
            }
        }
    }
    let without = match targets.without_front_matter {
        0 => String::new(),
        1 => "; 1 Markdown file without front matter left out (Jekyll copies it as it is)".to_owned(),
        n => format!("; {n} Markdown files without front matter left out (Jekyll copies them as they are)"),
    };
    let (files, errors, warnings) = (counted(targets.files.len(), "file"), counted(listing.errors, "error"), counted(listing.warnings, "warning"));
    eprintln!("folio check: {files}, {errors}, {warnings}{without}");
    Ok(listing.status())
}

const UNDATED_POST: &str =
    "Jekyll leaves this post out, and so does `folio check`: a post's name starts with its date (YYYY-MM-DD-title.md)";

/// `check`'s listing: a line for each diagnostic, counted.
struct Listing<W> {
    out: W,
    errors: usize,
    warnings: usize,
}

impl<W: Write> Listing<W> {
    /// Prints `diagnostic` of `file`; `false` when the output is closed (`folio check . | head`),
    /// which ends the listing, not with a panic.
    fn print(&mut self, file: &str, diagnostic: &Diagnostic) -> bool {
        match diagnostic.severity {
            folio::Severity::Error => self.errors += 1,
            folio::Severity::Warning => self.warnings += 1,
        }
        writeln!(self.out, "{}", located(file, diagnostic)).is_ok()
    }

    fn status(&self) -> ExitCode {
        ExitCode::from(u8::from(self.errors > 0))
    }
}

const NOT_UTF8: &str = "this file is not UTF-8 text from here on, and Jekyll reads only UTF-8; save it as UTF-8";

/// The line and column of the first byte of `bytes` that is not UTF-8, `valid` bytes in.
fn first_invalid(bytes: &[u8], valid: usize) -> Position {
    let text = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let count = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
    Position { line: count(text.matches('\n').count()), column: count(text[line_start..].chars().count()) }
}

/// `n` and the noun, plural unless `n` is one: `1 file`, `3 errors`.
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn read_input(name: &str) -> Result<String, CliError> {
    let read = |error| CliError::Read { path: name.into(), error };
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(read)?;
    } else {
        bytes = std::fs::read(name).map_err(read)?;
    }
    // A byte order mark is left to `front_matter::split`, as for text from anywhere else.
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        CliError::NotUtf8 { path: name.into(), at: first_invalid(e.as_bytes(), valid) }
    })
}

fn located(file: &str, diagnostic: &Diagnostic) -> String {
    let separator = if diagnostic.position() == Position::OUTSIDE { " " } else { "" };
    format!("{file}:{separator}{diagnostic}")
}
