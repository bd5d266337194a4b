//! A Jekyll site's `_config.yml`: what of it changes the articles' HTML, and which files Jekyll
//! converts.
//!
//! A configuration has many keys (title, plugins, theme…). Folio reads those it has a use for:
//! `kramdown`, `highlighter`, `markdown`, `url`, `baseurl`, `timezone`, `lang` (themes' key for
//! `<html lang>`) shape the HTML; `markdown_ext`, `exclude`, `include`, `collections`,
//! `collections_dir` and `destination` say which files are read ([`Reading`]). The others are
//! left alone, silently. A bad value of a key Folio reads is reported where it is, and ignored
//! as a profile's is; what Jekyll itself stops on (YAML it cannot read, an `exclude` that is no
//! list) is an error. Read as Jekyll 4.3 reads it (Debian's, and the current one).

use super::front_matter_defaults::{DefaultsProblem, FrontMatterDefaults};
use super::yaml_places::{self, Step};
use folio::calendar::{Builtin, Calendar};
use folio::diagnostic::{LineIndex, Position};
use folio::options::{OptionError, Options};
use folio::value::{deep_merge, Map};
use folio::yaml::{self, YamlError, YamlWarningKind};
use folio::{Diagnostic, Profile, Value};
use std::fmt;
use std::path::{Path, PathBuf};

/// The files Jekyll reads its configuration from, the first that exists.
pub const NAMES: [&str; 3] = ["_config.yml", "_config.yaml", "_config.toml"];

/// What Jekyll 4 leaves out of every site; a site's `exclude:` adds to it (Jekyll 3's replaced it).
pub const DEFAULT_EXCLUDE: [&str; 10] = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// The keys read; the others are Jekyll's business.
const READ: [&str; 23] = [
    "url",
    "baseurl",
    "timezone",
    "lang",
    "kramdown",
    "highlighter",
    "markdown",
    "markdown_ext",
    "exclude",
    "include",
    "collections",
    "collections_dir",
    "destination",
    "defaults",
    "plugins",
    "gems",
    "optional_front_matter",
    "require_front_matter",
    "permalink",
    "includes_dir",
    "theme",
    "future",
    "unpublished",
];

/// The configuration file of the site that holds `folder` (an absolute path): in it, or in the
/// nearest folder above it that has one.
pub fn find(folder: &Path) -> Option<PathBuf> {
    folder.ancestors().find_map(in_folder)
}

/// The configuration file in `folder`, if it has one.
pub fn in_folder(folder: &Path) -> Option<PathBuf> {
    NAMES.iter().map(|name| folder.join(name)).find(|path| path.is_file())
}

/// What Folio uses of a site's configuration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteConfig {
    /// The site's fields, where the configuration sets them.
    pub url: Option<String>,
    pub baseurl: Option<String>,
    pub timezone: Option<String>,
    pub lang: Option<String>,
    /// The kramdown options it sets that read, by kramdown's names (its `highlighter` among
    /// them, which Jekyll hands kramdown as `syntax_highlighter`).
    pub kramdown: Map,
    pub reading: Reading,
    /// Its front matter defaults (`defaults:`).
    pub defaults: FrontMatterDefaults,
    pub optional_front_matter: OptionalFrontMatter,
    /// What Liquid's tags need of the site: its permalinks, includes and theme.
    pub links: Links,
}

/// What the site's URLs and includes are made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Links {
    /// `permalink`: a style (`date`, `pretty`, `ordinal`, `weekdate`, `none`) or a template.
    pub permalink: String,
    /// `includes_dir`: the folder of `{% include %}`'s files.
    pub includes_dir: String,
    /// Whether `theme` names a theme, whose includes Folio does not read.
    pub theme: bool,
    /// `future` and `unpublished`: whether posts dated later than the build, and posts with
    /// `published: false`, are published all the same.
    pub future: bool,
    pub unpublished: bool,
}

impl Default for Links {
    fn default() -> Self {
        Links { permalink: "date".into(), includes_dir: "_includes".into(), theme: false, future: false, unpublished: false }
    }
}

/// What the configuration says of the `jekyll-optional-front-matter` plugin, which makes
/// Markdown files without front matter pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionalFrontMatter {
    /// Whether `plugins:` (or Jekyll 3's `gems:`) lists it.
    pub listed: bool,
    /// Whether `optional_front_matter: {enabled: false}` or `require_front_matter:` turns it off.
    pub disabled: bool,
}

impl OptionalFrontMatter {
    /// Whether the plugin runs: listed, or loaded by GitHub Pages' gem, and not turned off.
    pub fn is_on(&self, github_pages: bool) -> bool {
        (self.listed || github_pages) && !self.disabled
    }
}

/// Which files Jekyll reads, and which of them are Markdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Extensions of Markdown files, lower case, without the dot (`markdown_ext`).
    pub markdown_ext: Vec<String>,
    /// Patterns of what is left out (Jekyll's and the site's), and of what is read all the same.
    pub exclude: Vec<String>,
    pub include: Vec<String>,
    /// The collections' names: each is read from the folder `_NAME` (posts are read apart).
    pub collections: Vec<String>,
    /// Whether Markdown pages without front matter are pages all the same
    /// (`jekyll-optional-front-matter`).
    pub optional_front_matter: bool,
    /// The folder that holds the collections, posts and drafts (empty: the site's).
    pub collections_dir: String,
    /// Where Jekyll writes the site, which it never reads.
    pub destination: String,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            markdown_ext: "markdown,mkdown,mkdn,mkd,md".split(',').map(String::from).collect(),
            exclude: DEFAULT_EXCLUDE.map(String::from).to_vec(),
            include: vec![".htaccess".into()],
            collections: Vec::new(),
            optional_front_matter: false,
            collections_dir: String::new(),
            destination: "_site".into(),
        }
    }
}

/// A problem with a site's configuration, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub at: Position,
    pub kind: ConfigErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConfigErrorKind {
    /// Not YAML: Jekyll stops on it; Folio uses Jekyll's defaults.
    Unreadable(YamlError),
    /// A `_config.toml`, which Folio cannot read; Jekyll's defaults are used.
    Toml,
    /// The document is not a mapping: Jekyll warns and uses its defaults.
    NotAMapping { found: &'static str },
    /// A key read with a value of the wrong kind; ignored.
    BadValue { key: String, expected: &'static str, found: &'static str },
    /// A key read with a value of the wrong kind that Jekyll stops on; Folio uses the default.
    StopsJekyll { key: String, expected: &'static str, found: &'static str },
    /// An item of `exclude`, `include` or `collections` that is not text (`2019`), which Jekyll
    /// ignores.
    NotText { key: String, item: String },
    /// A problem in the `kramdown:` block; that option is ignored.
    Kramdown(OptionError),
    /// A `timezone` that names no zone; ignored.
    UnknownTimeZone { name: String },
    /// `markdown:` names another converter than kramdown, which Folio renders as.
    OtherConverter { name: String },
    /// A key read that is set again, here; the last one counts.
    Repeated { key: String, first: Position },
    /// A problem in `defaults:`.
    Defaults(DefaultsProblem),
}

impl ConfigError {
    /// As a diagnostic of the configuration file: an error where Jekyll would not build the
    /// site, else a warning.
    pub fn diagnostic(&self) -> Diagnostic {
        let message = self.kind.to_string();
        match self.kind {
            ConfigErrorKind::Unreadable(_) | ConfigErrorKind::StopsJekyll { .. } => Diagnostic::error(self.at, message),
            ConfigErrorKind::Defaults(ref problem) if problem.stops_jekyll() => Diagnostic::error(self.at, message),
            _ => Diagnostic::warning(self.at, message),
        }
    }
}

impl fmt::Display for ConfigErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigErrorKind::Unreadable(error) => write!(f, "not valid YAML: {error}; Jekyll stops on it"),
            ConfigErrorKind::Toml => f.write_str("Folio reads only YAML, not `_config.toml`: Jekyll's defaults are used"),
            ConfigErrorKind::NotAMapping { found } => {
                write!(f, "the configuration is {found}, not a mapping of keys to values: Jekyll uses its defaults")
            }
            ConfigErrorKind::BadValue { key, expected, found } => write!(f, "`{key}` takes {expected}, not {found} (ignored)"),
            ConfigErrorKind::StopsJekyll { key, expected, found } => {
                write!(f, "`{key}` takes {expected}, not {found}: Jekyll stops on it")
            }
            ConfigErrorKind::NotText { key, item } => {
                write!(f, "`{key}`: `{item}` is not text, so Jekyll ignores it (quote it)")
            }
            ConfigErrorKind::Kramdown(error) => error.fmt(f),
            ConfigErrorKind::UnknownTimeZone { name } => write!(f, "no time zone is named `{name}` (ignored)"),
            ConfigErrorKind::OtherConverter { name } => write!(
                f,
                "this site's Markdown is converted by `{name}`, not kramdown: Folio renders it as kramdown would"
            ),
            ConfigErrorKind::Repeated { key, first } => {
                write!(f, "`{key}` is set again here (first on line {}): the last one counts", first.line)
            }
            ConfigErrorKind::Defaults(problem) => problem.fmt(f),
        }
    }
}

impl SiteConfig {
    /// Reads several configuration files' texts as Jekyll's `--config a.yml,b.yml` does: each
    /// file's mapping deep-merged over the ones before ([`deep_merge`]: `kramdown:` options add
    /// up, a later `exclude:` replaces an earlier one); each file's problems are its own.
    pub fn read_all(texts: &[&str]) -> (SiteConfig, Vec<Vec<ConfigError>>) {
        let mut merged = Map::new();
        let mut problems = Vec::new();
        for text in texts {
            let (settings, found) = Self::settings(text);
            deep_merge(&mut merged, settings);
            problems.push(found);
        }
        // Problems were said of each file, where they are: the merged settings are in no file.
        (Self::of(&merged, ""), problems)
    }

    /// The settings of one configuration file, with its problems.
    fn settings(text: &str) -> (Map, Vec<ConfigError>) {
        let lines = LineIndex::new(text);
        let mut read = Read { text, lines: &lines, config: SiteConfig::default(), problems: Vec::new() };
        let document = match yaml::load_document(text) {
            Ok(document) => document,
            Err(error) => {
                read.problem_at(error.offset, ConfigErrorKind::Unreadable(error));
                return (Map::new(), read.problems);
            }
        };
        let settings = match document.value {
            Value::Map(entries) => entries,
            // An empty file is an empty configuration.
            Value::Null => Map::new(),
            other => {
                read.problem_at(0, ConfigErrorKind::NotAMapping { found: other.kind() });
                Map::new()
            }
        };
        read.entries(&settings);
        for warning in document.warnings {
            if let YamlWarningKind::DuplicateKey { key, first } = warning.kind {
                // Of the root mapping (the first place of one of its keys), not of one inside.
                if READ.contains(&key.as_str()) && document.key_offsets.contains(&first) {
                    read.problem_at(warning.offset, ConfigErrorKind::Repeated { key, first: lines.position(first) });
                }
            }
        }
        read.problems.sort_by_key(|problem| problem.at);
        (settings, read.problems)
    }

    /// What `settings`, read from `text`, set (their problems were said by [`Self::settings`]).
    fn of(settings: &Map, text: &str) -> SiteConfig {
        let lines = LineIndex::new(text);
        let mut read = Read { text, lines: &lines, config: SiteConfig::default(), problems: Vec::new() };
        read.entries(settings);
        read.config
    }

    /// Sets what the configuration says over `profile`: its kramdown options always, its
    /// `url`, `baseurl`, `timezone` and `lang` when `site_fields` (not when a profile was named).
    pub fn apply_to(&self, profile: &mut Profile, site_fields: bool) {
        if site_fields {
            let fields = [
                (&mut profile.url, &self.url),
                (&mut profile.baseurl, &self.baseurl),
                (&mut profile.timezone, &self.timezone),
                (&mut profile.lang, &self.lang),
            ];
            for (field, value) in fields {
                if let Some(value) = value {
                    field.clone_from(value);
                }
            }
        }
        for (name, value) in &self.kramdown {
            // Only options that read were kept.
            let set = profile.options.set(name, value);
            debug_assert!(set.is_ok(), "{set:?}");
        }
    }
}

/// Ruby's truth: anything but false and nothing.
fn truthy(value: &Value) -> bool {
    !matches!(value, Value::Null | Value::Bool(false))
}

/// A configuration being read.
struct Read<'a> {
    text: &'a str,
    lines: &'a LineIndex<'a>,
    config: SiteConfig,
    problems: Vec<ConfigError>,
}

impl Read<'_> {
    fn entries(&mut self, entries: &Map) {
        let mut highlighter = None;
        for (key, value) in entries {
            match key.as_str() {
                "url" => self.config.url = self.text_of(key, value),
                "baseurl" => self.config.baseurl = self.text_of(key, value),
                "lang" => self.config.lang = self.text_of(key, value),
                "timezone" => match self.text_of(key, value) {
                    Some(name) if Builtin.utc_offset(&name, 0).is_none() => {
                        self.problem(&[key], ConfigErrorKind::UnknownTimeZone { name });
                    }
                    zone => self.config.timezone = zone,
                },
                "kramdown" => self.kramdown(value),
                "highlighter" => highlighter = Some(value),
                "markdown" => {
                    if let Some(name) = self.text_of(key, value).filter(|name| !name.eq_ignore_ascii_case("kramdown")) {
                        self.problem(&[key], ConfigErrorKind::OtherConverter { name });
                    }
                }
                "markdown_ext" => match value {
                    // Jekyll splits on commas and lowers the case, and trims nothing.
                    Value::String(list) => {
                        self.config.reading.markdown_ext = list.split(',').map(str::to_lowercase).collect();
                    }
                    other => self.stops_jekyll(key, "extensions separated by commas", other),
                },
                "exclude" => {
                    if let Some(mut exclude) = self.list_of_text(key, value, true) {
                        let defaults = DEFAULT_EXCLUDE.iter().filter(|pattern| !exclude.iter().any(|p| p == *pattern));
                        let defaults: Vec<String> = defaults.map(|pattern| pattern.to_string()).collect();
                        exclude.extend(defaults);
                        self.config.reading.exclude = exclude;
                    }
                }
                "include" => {
                    if let Some(patterns) = self.list_of_text(key, value, true) {
                        self.config.reading.include = patterns;
                    }
                }
                "collections" => self.collections(value),
                "collections_dir" | "destination" | "permalink" | "includes_dir" => {
                    if let Some(text) = self.text_of(key, value) {
                        let (reading, links) = (&mut self.config.reading, &mut self.config.links);
                        let field = match key.as_str() {
                            "collections_dir" => &mut reading.collections_dir,
                            "destination" => &mut reading.destination,
                            "permalink" => &mut links.permalink,
                            _ => &mut links.includes_dir,
                        };
                        *field = text;
                    }
                }
                "defaults" => self.defaults(value),
                "theme" => self.config.links.theme = truthy(value),
                "future" => self.config.links.future = truthy(value),
                "unpublished" => self.config.links.unpublished = truthy(value),
                "plugins" | "gems" => {
                    // Either list loads it: Jekyll 3.5 on reads `gems:` as `plugins:`.
                    let listed = self.list_of_text(key, value, false).unwrap_or_default();
                    self.config.optional_front_matter.listed |= listed.iter().any(|name| name == "jekyll-optional-front-matter");
                }
                "optional_front_matter" => {
                    self.config.optional_front_matter.disabled |= value.get("enabled") == Some(&Value::Bool(false));
                }
                "require_front_matter" => self.config.optional_front_matter.disabled |= truthy(value),
                _ => {}
            }
        }
        // Jekyll hands kramdown its `highlighter` unless `kramdown:` names one.
        if let Some(value) = highlighter.filter(|_| !self.config.kramdown.iter().any(|(name, _)| name == "syntax_highlighter")) {
            match Options::jekyll().set("syntax_highlighter", value) {
                Ok(()) => self.config.kramdown.push(("syntax_highlighter".into(), value.clone())),
                Err(_) => self.bad_value("highlighter", "a highlighter's name or nothing", value),
            }
        }
    }

    fn kramdown(&mut self, value: &Value) {
        let entries = match value {
            Value::Map(entries) => entries,
            Value::Null => return,
            other => return self.bad_value("kramdown", "a mapping of kramdown options", other),
        };
        // Each option is tried on options of its own: a profile's are not known yet.
        let mut tried = Options::jekyll();
        for (written, value) in entries {
            let name = written.trim_start_matches(':');
            match tried.set(name, value) {
                Ok(()) => self.config.kramdown.push((name.to_owned(), value.clone())),
                Err(error) => self.problem(&["kramdown", written], ConfigErrorKind::Kramdown(error)),
            }
        }
    }

    /// Front matter defaults: a list of sets (Jekyll ignores anything else).
    fn defaults(&mut self, value: &Value) {
        if !matches!(value, Value::Seq(_) | Value::Null) {
            return self.bad_value("defaults", "a list of sets of defaults", value);
        }
        let mut problems = Vec::new();
        self.config.defaults = FrontMatterDefaults::read(value, &mut |steps, problem| {
            let path = [&[Step::Key("defaults")], steps].concat();
            problems.push((yaml_places::value_at(self.text, &path), problem));
        });
        for (offset, problem) in problems {
            let offset = offset.or_else(|| yaml::value_at(self.text, "defaults")).unwrap_or(0);
            self.problem_at(offset, ConfigErrorKind::Defaults(problem));
        }
    }

    /// Collections' names: a list, or a mapping whose keys they are (their settings do not
    /// change which files are read). Jekyll keeps letters, digits, `_`, `-` and `.` of a name.
    fn collections(&mut self, value: &Value) {
        let names = match value {
            Value::Map(entries) => entries.iter().map(|(name, _)| name.clone()).collect(),
            Value::Null => Vec::new(),
            Value::Seq(_) => match self.list_of_text("collections", value, false) {
                Some(names) => names,
                None => return,
            },
            other => return self.bad_value("collections", "a list or a mapping of collections", other),
        };
        let clean = |name: String| name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')).collect();
        self.config.reading.collections = names.into_iter().map(clean).collect();
    }

    /// A text value (`None` for nothing); another kind is reported.
    fn text_of(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            Value::Null => None,
            other => {
                self.bad_value(key, "a string", other);
                None
            }
        }
    }

    /// The text items of a list; items of another kind are reported, as is a value that is no
    /// list (which Jekyll stops on when `stops`).
    fn list_of_text(&mut self, key: &str, value: &Value, stops: bool) -> Option<Vec<String>> {
        let Value::Seq(items) = value else {
            if stops {
                self.stops_jekyll(key, "a list", value);
            } else {
                self.bad_value(key, "a list", value);
            }
            return None;
        };
        let mut texts = Vec::new();
        for item in items {
            match item {
                Value::String(text) => texts.push(text.clone()),
                other => {
                    let item = other.to_scalar_string().unwrap_or_else(|| other.kind().to_owned());
                    self.problem(&[key], ConfigErrorKind::NotText { key: key.to_owned(), item });
                }
            }
        }
        Some(texts)
    }

    fn bad_value(&mut self, key: &str, expected: &'static str, value: &Value) {
        self.problem(&[key], ConfigErrorKind::BadValue { key: key.to_owned(), expected, found: value.kind() });
    }

    fn stops_jekyll(&mut self, key: &str, expected: &'static str, value: &Value) {
        self.problem(&[key], ConfigErrorKind::StopsJekyll { key: key.to_owned(), expected, found: value.kind() });
    }

    /// A problem with the value at `path`, placed at the value (at the top-level key's where
    /// the value cannot be found, as after tabs the YAML reader settled).
    fn problem(&mut self, path: &[&str], kind: ConfigErrorKind) {
        let offset = yaml::value_at_path(self.text, path).or_else(|| yaml::value_at(self.text, path[0])).unwrap_or(0);
        self.problem_at(offset, kind);
    }

    fn problem_at(&mut self, offset: usize, kind: ConfigErrorKind) {
        self.problems.push(ConfigError { at: self.lines.position(offset), kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One configuration file's settings and problems.
    fn read(text: &str) -> (SiteConfig, Vec<ConfigError>) {
        let (config, mut problems) = SiteConfig::read_all(&[text]);
        (config, problems.remove(0))
    }

    fn messages(problems: &[ConfigError]) -> Vec<String> {
        problems.iter().map(|p| format!("{}: {}", p.at, p.kind)).collect()
    }

    #[test]
    fn an_empty_configuration_is_jekyll_s_defaults() {
        for text in ["", "# nothing\n", "title: My blog\nplugins: [jekyll-feed]\nauthor: me\n"] {
            let (config, problems) = read(text);
            assert_eq!((config, problems), (SiteConfig::default(), Vec::new()), "{text:?}");
        }
        let reading = Reading::default();
        assert_eq!(reading.markdown_ext, ["markdown", "mkdown", "mkdn", "mkd", "md"]);
        assert_eq!((reading.include, reading.destination), (vec![".htaccess".to_owned()], "_site".to_owned()));
    }

    #[test]
    fn the_site_s_exclude_adds_to_jekyll_s_and_its_include_replaces_jekyll_s() {
        let (config, problems) = read("exclude: [docs, node_modules]\ninclude: [.well-known]\n");
        assert!(problems.is_empty(), "{problems:?}");
        let exclude = &config.reading.exclude;
        assert_eq!(exclude[..3], ["docs", "node_modules", ".sass-cache"]);
        assert_eq!(exclude.len(), 11, "node_modules once: {exclude:?}");
        assert_eq!(config.reading.include, [".well-known"]);
    }

    #[test]
    fn collections_are_a_list_or_a_mapping_and_their_names_are_cleaned_as_jekyll_does() {
        let (config, _) = read("collections: [recipes, 'my stuff!']\n");
        assert_eq!(config.reading.collections, ["recipes", "mystuff"]);
        let (config, _) = read("collections:\n  recipes:\n    output: true\n  team: {}\ncollections_dir: content\n");
        assert_eq!((config.reading.collections, config.reading.collections_dir), (vec!["recipes".into(), "team".into()], "content".into()));
    }

    #[test]
    fn markdown_extensions_are_split_on_commas_and_lowered() {
        let (config, _) = read("markdown_ext: MD,txt\n");
        assert_eq!(config.reading.markdown_ext, ["md", "txt"]);
    }

    #[test]
    fn the_highlighter_reaches_kramdown_unless_kramdown_names_one() {
        let (config, _) = read("highlighter: none\nkramdown: {input: kramdown}\n");
        assert_eq!(config.kramdown, [("input".into(), Value::String("kramdown".into())), ("syntax_highlighter".into(), Value::String("none".into()))]);
        let (config, _) = read("highlighter: none\nkramdown: {syntax_highlighter: rouge}\n");
        assert_eq!(config.kramdown, [("syntax_highlighter".into(), Value::String("rouge".into()))]);
        let mut profile = Profile::jekyll();
        read("highlighter: none\n").0.apply_to(&mut profile, true);
        assert_eq!(profile.options.syntax_highlighter, None);
    }

    #[test]
    fn site_fields_are_applied_only_when_asked_and_kramdown_options_always() {
        let (config, problems) = read("url: https://x.example\nbaseurl: /b\ntimezone: \"+02:00\"\nlang: fr\nkramdown:\n  :hard_wrap: true\n");
        assert!(problems.is_empty(), "{problems:?}");
        let mut profile = Profile::jekyll();
        config.apply_to(&mut profile, false);
        assert_eq!((profile.url.as_str(), profile.lang.as_str(), profile.options.hard_wrap), ("", "en", true));
        config.apply_to(&mut profile, true);
        let fields = [profile.url.as_str(), &profile.baseurl, &profile.timezone, &profile.lang];
        assert_eq!(fields, ["https://x.example", "/b", "+02:00", "fr"]);
    }

    #[test]
    fn problems_are_placed_at_their_values_and_the_rest_is_read() {
        // The first `lang` is not Jekyll's, so not a problem: the last one counts.
        let text = "lang: [fr]\nexclude:\n  - 2019\n  - drafts\ncollections: recipes\nkramdown: {toc_levels: x, hard_wrap: true}\nmarkdown_ext: [md]\nlang: de\n";
        let (config, problems) = read(text);
        assert_eq!(
            messages(&problems),
            [
                "3:3: `exclude`: `2019` is not text, so Jekyll ignores it (quote it)",
                "5:14: `collections` takes a list or a mapping of collections, not a string (ignored)",
                "6:24: kramdown option `toc_levels` takes a range like 1..6 or a list of levels, not `x` (ignored)",
                "7:15: `markdown_ext` takes extensions separated by commas, not a list: Jekyll stops on it",
                "8:1: `lang` is set again here (first on line 1): the last one counts",
            ]
        );
        assert_eq!(config.lang.as_deref(), Some("de"));
        assert_eq!(config.reading.exclude[0], "drafts");
        assert_eq!(config.kramdown, [("hard_wrap".into(), Value::Bool(true))]);
        assert_eq!(problems[3].diagnostic().severity, folio::Severity::Error);
    }

    #[test]
    fn only_keys_read_and_set_again_in_the_root_mapping_are_reported() {
        let (_, problems) = read("title: a\ntitle: b\nauthor: {url: x, url: y}\nurl: z\n");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn several_files_are_deep_merged_in_order_each_with_its_own_problems() {
        let first = "lang: fr\nexclude: [a]\nkramdown: {auto_ids: false, hard_wrap: true}\ncollections: {recipes: {}}\n";
        let second = "exclude: [b]\nkramdown: {hard_wrap: false, toc_levels: x}\ncollections: {team: {}}\n";
        let (config, problems) = SiteConfig::read_all(&[first, second]);
        assert_eq!(config.lang.as_deref(), Some("fr"));
        assert_eq!(config.reading.exclude[..2], ["b", ".sass-cache"]);
        assert_eq!(config.kramdown, [("auto_ids".into(), Value::Bool(false)), ("hard_wrap".into(), Value::Bool(false))]);
        assert_eq!(config.reading.collections, ["recipes", "team"]);
        assert_eq!(problems.iter().map(|p| messages(p)).collect::<Vec<_>>(), [vec![], vec!["2:42: kramdown option `toc_levels` takes a range like 1..6 or a list of levels, not `x` (ignored)".to_owned()]]);
    }

    #[test]
    fn a_document_that_is_not_a_mapping_or_not_yaml_is_reported_and_leaves_the_defaults() {
        let (config, problems) = read("- a\n- b\n");
        assert_eq!((config, messages(&problems)), (SiteConfig::default(), vec!["1:1: the configuration is a list, not a mapping of keys to values: Jekyll uses its defaults".to_owned()]));
        let (config, problems) = read("url: x\nkramdown: [\n");
        assert_eq!(config, SiteConfig::default());
        assert_eq!(problems[0].diagnostic().severity, folio::Severity::Error);
        assert!(messages(&problems)[0].starts_with("3:1: not valid YAML:"), "{problems:?}");
    }
}
