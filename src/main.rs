//! `folio`: render Jekyll articles from the command line, or check a whole site.
//!
//! It uses only the library's public API, like any other caller.

use folio::diagnostic::Position;
use folio::sanitize::Policy;
use folio::{options::OptionError, page, profile, yaml, Diagnostic, Options, Profile, Request};
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: folio render [--body | --page | --json] [--safe] [--profile NAME|PATH] [--options KRAMDOWN_OPTIONS.yml] FILE|-
       folio check [--profile NAME|PATH] [--options KRAMDOWN_OPTIONS.yml] PATH...
       folio --help | --version

render  prints the body HTML (--body, the default), the whole article page (--page),
        or the rendered article as JSON (--json). FILE `-` reads standard input.
        --safe renders an untrusted article: nothing in it can run script (raw HTML,
        attribute lists and URLs are held to the safe-mode policy; ids get `folio-`).
check   renders every .md and .markdown file under each PATH (`-`: standard input) and
        prints each diagnostic as FILE:LINE:COLUMN: SEVERITY: MESSAGE; exits 1 if any is
        an error. A file found that does not read (a broken link) is one error; the
        others are still checked.

--profile names the site: a built-in profile (jekyll, the default, or numerique)
or a profile file (YAML or JSON: url, baseurl, timezone, lang, kramdown options,
front-matter roles; see README.md). Its kramdown options start from Jekyll's
(input: GFM, auto_ids: true, hard_wrap: false, ...). --options reads more kramdown
options as YAML (keys with or without a leading `:`) and merges them over those.
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
    Render { output: Output, profile: Profile, input: String, safe: bool },
    Check { profile: Profile, paths: Vec<PathBuf> },
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
    let mut options_path = None;
    let mut operands = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("body") if command == "render" => output = Output::Body,
            Long("page") if command == "render" => output = Output::Page,
            Long("json") if command == "render" => output = Output::Json,
            Long("safe") if command == "render" => safe = true,
            Long("profile") => profile_name = Some(parser.value()?.string()?),
            Long("options") => options_path = Some(parser.value()?.string()?),
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(operand) => operands.push(operand.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if !matches!(command.as_str(), "render" | "check") {
        return Err(CliError::Usage(format!("unknown command `{command}`")));
    }
    let mut profile = read_profile(profile_name.as_deref().unwrap_or("jekyll"))?;
    if let Some(path) = options_path {
        read_options(&path, &mut profile.options)?;
    }
    match command.as_str() {
        "render" => match <[String; 1]>::try_from(operands) {
            Ok([input]) => Ok(Command::Render { output, profile, input, safe }),
            Err(_) => Err(CliError::Usage("render takes exactly one FILE (or - for standard input)".into())),
        },
        "check" if operands.is_empty() => Err(CliError::Usage("check needs at least one PATH".into())),
        _ => Ok(Command::Check { profile, paths: operands.into_iter().map(PathBuf::from).collect() }),
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

/// Reads a kramdown options file and merges it over `options`; problems with single options are
/// warnings, an unreadable or unparsable file stops the command.
fn read_options(path: &str, options: &mut Options) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|error| CliError::Read { path: path.into(), error })?;
    let settings = yaml::load(&text).map_err(|e| CliError::Options {
        path: path.into(),
        message: format!("{e} ({})", folio::diagnostic::LineIndex::new(&text).position(e.offset)),
    })?;
    for problem in options.merge(&settings) {
        if let OptionError::NotAMapping { .. } = problem {
            return Err(CliError::Options { path: path.into(), message: problem.to_string() });
        }
        eprintln!("{path}: warning: {problem}");
    }
    Ok(())
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Help => println!("{USAGE}"),
        Command::Version => println!("folio {}", env!("CARGO_PKG_VERSION")),
        Command::Render { output, profile, input, safe } => {
            let source = read_input(&input)?;
            let policy = Policy::default();
            let request = Request { safe: safe.then_some(&policy), ..request(&profile, &input) };
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
        Command::Check { profile, paths } => return check(&paths, &profile),
    }
    Ok(ExitCode::SUCCESS)
}

/// A render request for the file `input` (standard input has no name).
fn request<'a>(profile: &'a Profile, input: &'a str) -> Request<'a> {
    Request { file_name: (input != "-").then_some(input), ..Request::new(profile) }
}

fn check(paths: &[PathBuf], profile: &Profile) -> Result<ExitCode, CliError> {
    let mut files = Vec::new();
    let mut folders = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
        } else {
            collect_articles(path, &mut files, &mut folders)?;
        }
    }
    let mut errors = 0;
    let mut warnings = 0;
    // Problems of the profile or options, not of an article, are the same for every file: said once.
    let mut said_outside = HashSet::new();
    let mut out = std::io::stdout().lock();
    for file in &files {
        let name = file.display().to_string();
        let (diagnostics, rendered) = match read_input(&name) {
            Ok(source) => {
                let mut diagnostics = folio::render_with(&source, &request(profile, &name)).diagnostics;
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
            match diagnostic.severity {
                folio::Severity::Error => errors += 1,
                folio::Severity::Warning => warnings += 1,
            }
            // A closed pipe (`folio check . | head`) ends the listing, not with a panic.
            if writeln!(out, "{}", located(&name, &diagnostic)).is_err() {
                return Ok(ExitCode::from(u8::from(errors > 0)));
            }
        }
    }
    eprintln!("folio check: {}, {}, {}", counted(files.len(), "file"), counted(errors, "error"), counted(warnings, "warning"));
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

const NOT_UTF8: &str = "this file is not UTF-8 text from here on, and Jekyll reads only UTF-8; save it as UTF-8";

/// The line and column of the first byte of `bytes` that is not UTF-8, `valid` bytes in.
fn first_invalid(bytes: &[u8], valid: usize) -> Position {
    let text = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let count = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
    Position { line: count(text.matches('\n').count()), column: count(text[line_start..].chars().count()) }
}

/// Files named on the command line are checked whatever their name; folders are walked for
/// `n` and the noun, plural unless `n` is one: `1 file`, `3 errors`.
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// `.md` and `.markdown` files, in a stable order, each folder once however many links lead to
/// it (a link to a folder above it would otherwise be walked without end).
fn collect_articles(path: &Path, files: &mut Vec<PathBuf>, folders: &mut HashSet<PathBuf>) -> Result<(), CliError> {
    let unreadable = |error| CliError::Read { path: path.display().to_string(), error };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_dir() {
        files.push(path.to_owned());
        return Ok(());
    }
    if !folders.insert(std::fs::canonicalize(path).map_err(unreadable)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(path).map_err(unreadable)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(unreadable)?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_articles(&entry, files, folders)?;
        } else if matches!(entry.extension().and_then(|e| e.to_str()), Some("md" | "markdown")) {
            files.push(entry);
        }
    }
    Ok(())
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
