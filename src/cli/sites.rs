//! The Jekyll sites of the files and folders named, each configuration read once, and the
//! profile each site's articles are rendered with.
//!
//! That profile is `--profile`'s (the `jekyll` one by default); the site's `_config.yml` sets
//! its kramdown options over it, and its `url`, `baseurl`, `timezone` and `lang` unless
//! `--profile` named one (what a person names on the command line wins); `--options` comes
//! last, over both. A site whose `Gemfile.lock` locks a Jekyll later than 3.8 gets what that
//! Jekyll adds to the highlighter's options, over all those. Standard input belongs to no site.

use super::front_matter_defaults::FrontMatterDefaults;
use super::jekyll_version::{self, Highlighting};
use super::site_files;
use super::site_config::{self, ConfigError, ConfigErrorKind, Links, Reading, SiteConfig};
use super::site_links::Index;
use crate::CliError;
use folio::value::Map;
use folio::{Diagnostic, Position, Profile, Value};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// What the command line says of the site, before any configuration is read.
pub struct Setup {
    /// `--profile`'s, or the `jekyll` profile, without `--options`.
    pub profile: Profile,
    /// Whether `--profile` named it: its site fields then win over a configuration's.
    pub profile_named: bool,
    /// `--options`' kramdown options, merged last.
    pub options: Option<Value>,
    /// Whether sites' configurations are read (not with `--no-config`).
    pub site_config: bool,
    /// `--config`'s files, which configure the current folder's site (none: each site's own).
    pub config_files: Vec<PathBuf>,
}

impl Setup {
    /// The profile to render with, for a site of this configuration built by this Jekyll, or for none.
    pub fn profile(&self, config: Option<&SiteConfig>, highlighting: &Highlighting) -> Profile {
        let mut profile = self.profile.clone();
        if let Some(config) = config {
            config.apply_to(&mut profile, !self.profile_named);
        }
        if let Some(options) = &self.options {
            // Its problems were said when it was read.
            profile.options.merge(options);
        }
        let guess_lang = match &self.options {
            Some(Value::Map(options)) => guess_lang_in(options),
            _ => None,
        };
        highlighting.apply(&mut profile.options, guess_lang.or_else(|| config.and_then(|config| guess_lang_in(&config.kramdown))));
        profile
    }
}

/// The `guess_lang` kramdown option among `settings`, as last set.
fn guess_lang_in(settings: &[(String, Value)]) -> Option<&Value> {
    settings.iter().rev().find(|(key, _)| key.trim_start_matches(':') == "guess_lang").map(|(_, value)| value)
}

/// A Jekyll site.
pub struct Site {
    /// Its folder, as a real path.
    pub root: PathBuf,
    pub profile: Profile,
    pub reading: Reading,
    /// Its front matter defaults, their globs expanded.
    pub defaults: FrontMatterDefaults,
    pub links: Links,
    /// Its posts and pages, read when Liquid first asks for one.
    pub index: OnceCell<Index>,
}

impl Site {
    /// The front matter defaults of its file `file` (a path that exists), as Jekyll chooses them.
    pub fn front_matter_defaults(&self, file: &Path) -> Map {
        let Some(relative) = std::fs::canonicalize(file).ok().and_then(|real| Some(real.strip_prefix(&self.root).ok()?.to_owned())) else {
            return Map::new();
        };
        let relative = relative.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/");
        let (path, kind) = site_files::jekyll_type(&relative, &self.reading);
        self.defaults.all(path, &kind, &self.reading.collections_dir)
    }
}

/// The sites found so far.
pub struct Sites<'a> {
    setup: &'a Setup,
    /// The profile of files in no site.
    lone: Profile,
    /// Each site, by the real paths of its configuration files.
    by_config: HashMap<Vec<PathBuf>, Rc<Site>>,
    /// The problems of the configurations read, not shown yet: the file, and the problem.
    pub problems: Vec<(String, Diagnostic)>,
}

impl<'a> Sites<'a> {
    pub fn new(setup: &'a Setup) -> Self {
        Sites { setup, lone: setup.profile(None, &Highlighting::AsJekyll38), by_config: HashMap::new(), problems: Vec::new() }
    }

    /// Whether a folder's own configuration makes it a site (not with `--no-config` or `--config`).
    pub fn reads_config(&self) -> bool {
        self.setup.site_config && self.setup.config_files.is_empty()
    }

    /// The site that holds `path`, a file or folder that exists: with `--config`, the current
    /// folder's, as Jekyll's; else the one whose configuration is in it or in the nearest folder above it.
    pub fn of(&mut self, path: &Path) -> Result<Option<Rc<Site>>, CliError> {
        if !self.setup.site_config {
            return Ok(None);
        }
        let real = real_path(path)?;
        if !self.setup.config_files.is_empty() {
            let here = real_path(Path::new("."))?;
            return match real.starts_with(&here) {
                true => self.site(here, &self.setup.config_files).map(Some),
                false => Ok(None),
            };
        }
        let folder = if real.is_dir() { real.as_path() } else { real.parent().unwrap_or(&real) };
        site_config::find(folder).map(|config| self.at(&config)).transpose()
    }

    /// The site whose configuration file is `config`.
    pub fn at(&mut self, config: &Path) -> Result<Rc<Site>, CliError> {
        let real = real_path(config)?;
        self.site(real.parent().unwrap_or(&real).to_owned(), &[config.to_owned()])
    }

    /// The site in the folder `root` configured by the files `configs`, read the first time.
    fn site(&mut self, root: PathBuf, configs: &[PathBuf]) -> Result<Rc<Site>, CliError> {
        let configs = configs.iter().map(|config| real_path(config)).collect::<Result<Vec<_>, _>>()?;
        if let Some(site) = self.by_config.get(&configs) {
            return Ok(Rc::clone(site));
        }
        let names: Vec<String> = configs.iter().map(|config| shown(config)).collect();
        let mut texts = Vec::new();
        for (config, name) in configs.iter().zip(&names) {
            // Folio reads no TOML: such a file is said to be unread, and counts for nothing.
            if config.extension().is_some_and(|e| e == "toml") {
                self.problems.push((name.clone(), ConfigError { at: Position::OUTSIDE, kind: ConfigErrorKind::Toml }.diagnostic()));
            } else {
                texts.push((name, crate::read_input(name)?));
            }
        }
        let (read, problems) = SiteConfig::read_all(&texts.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>());
        for ((name, _), problems) in texts.iter().zip(problems) {
            self.problems.extend(problems.iter().map(|problem| ((*name).clone(), problem.diagnostic())));
        }
        let (highlighting, github_pages) = self.jekyll_of(&root);
        let mut defaults = read.defaults.clone();
        defaults.expand_globs(&root, &read.reading.collections_dir);
        let mut reading = read.reading.clone();
        reading.optional_front_matter = read.optional_front_matter.is_on(github_pages);
        let profile = self.setup.profile(Some(&read), &highlighting);
        let site = Rc::new(Site { root, profile, reading, defaults, links: read.links.clone(), index: OnceCell::new() });
        self.by_config.insert(configs, Rc::clone(&site));
        Ok(site)
    }

    /// What the Jekyll of the site at `root` hands the highlighter, from the site's
    /// `Gemfile.lock` (Jekyll 3.8's options without one), and whether it is GitHub Pages';
    /// what its articles lose is said.
    fn jekyll_of(&mut self, root: &Path) -> (Highlighting, bool) {
        let lock = root.join("Gemfile.lock");
        let text = std::fs::read_to_string(&lock).unwrap_or_default();
        let github_pages = jekyll_version::is_github_pages(&text);
        let Some((version, at)) = jekyll_version::locked(&text) else {
            return (Highlighting::AsJekyll38, github_pages);
        };
        let highlighting = Highlighting::of(version);
        self.problems.extend(highlighting.warning(at).map(|warning| (shown(&lock), warning)));
        (highlighting, github_pages)
    }

    /// The profile of a file of `site`, or of none.
    pub fn profile<'s>(&'s self, site: Option<&'s Site>) -> &'s Profile {
        site.map_or(&self.lone, |site| &site.profile)
    }
}

/// `path` with its links followed and made absolute, or why it cannot be.
pub fn real_path(path: &Path) -> Result<PathBuf, CliError> {
    std::fs::canonicalize(path).map_err(|error| CliError::Read { path: path.display().to_string(), error })
}

/// A real path as a person would name it here: relative to the current folder when below it.
fn shown(path: &Path) -> String {
    let here = std::env::current_dir().and_then(std::fs::canonicalize).unwrap_or_default();
    path.strip_prefix(&here).unwrap_or(path).display().to_string()
}
