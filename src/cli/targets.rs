//! What `folio check` renders: the files named, whatever their names, and the articles of the
//! folders named, each with the site it belongs to.
//!
//! A folder in a Jekyll site (a `_config.yml` in it or above it) is read as Jekyll reads the
//! site ([`site_files`]). A folder in none is walked for every `.md` and `.markdown` file, each
//! folder once however links loop; a folder met on the way that holds a `_config.yml` is read
//! as its site (a repository whose `docs/` is one).

use super::site_config;
use super::site_files::{self, SiteFiles};
use super::sites::{real_path, Site, Sites};
use crate::CliError;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The files to render, and what was left out.
#[derive(Default)]
pub struct Targets {
    /// Each file as it is shown, with its site.
    pub files: Vec<(PathBuf, Option<Rc<Site>>)>,
    /// How many Markdown files of sites have no front matter, which Jekyll copies as they are.
    pub without_front_matter: usize,
    /// Markdown files in `_posts` that Jekyll leaves out, their names not starting with a date.
    pub undated_posts: Vec<PathBuf>,
}

/// A folder or file of a site that does not read stops the command, as outside sites.
impl From<site_files::Unreadable> for CliError {
    fn from(unreadable: site_files::Unreadable) -> Self {
        CliError::Read { path: unreadable.path.display().to_string(), error: unreadable.error }
    }
}

/// Gathers the targets of the paths named, one after the other.
pub struct Collector<'s, 'a> {
    sites: &'s mut Sites<'a>,
    pub targets: Targets,
    /// Folders walked outside sites, by their real path.
    folders: HashSet<PathBuf>,
    /// Each site's files, found once, by the site's folder.
    site_files: HashMap<PathBuf, SiteFiles>,
    /// Files of sites already listed or counted, by their real path (a site's folder named
    /// twice, or a folder and one inside it).
    listed: HashSet<PathBuf>,
}

impl<'s, 'a> Collector<'s, 'a> {
    pub fn new(sites: &'s mut Sites<'a>) -> Self {
        Collector { sites, targets: Targets::default(), folders: HashSet::new(), site_files: HashMap::new(), listed: HashSet::new() }
    }

    /// Adds what `path` names: standard input (`-`), a file, or a folder's articles.
    pub fn add(&mut self, path: &Path) -> Result<(), CliError> {
        if path.as_os_str() == "-" {
            self.targets.files.push((path.to_owned(), None));
            return Ok(());
        }
        let metadata = std::fs::metadata(path).map_err(|error| CliError::Read { path: path.display().to_string(), error })?;
        let site = self.sites.of(path)?;
        match site {
            Some(site) if metadata.is_dir() => self.site_folder(path, site),
            None if metadata.is_dir() => self.walk(path),
            site => {
                self.targets.files.push((path.to_owned(), site));
                Ok(())
            }
        }
    }

    /// The articles of `site` that are in the folder `path`.
    fn site_folder(&mut self, path: &Path, site: Rc<Site>) -> Result<(), CliError> {
        let real = real_path(path)?;
        if !self.site_files.contains_key(&site.root) {
            let found = site_files::find(&site.root, &site.reading)?;
            self.site_files.insert(site.root.clone(), found);
        }
        let found = &self.site_files[&site.root];
        // Each file below `path` not listed yet, as `path` names it: `site/_posts/a.md` for
        // `site`, `./_posts/a.md` for `.`.
        let listed = &mut self.listed;
        let mut below = |files: &[PathBuf]| -> Vec<PathBuf> {
            let below = files.iter().filter_map(|file| Some((file, path.join(file.strip_prefix(&real).ok()?))));
            below.filter(|(file, _)| listed.insert(file.to_path_buf())).map(|(_, shown)| shown).collect()
        };
        let articles = below(&found.articles);
        self.targets.without_front_matter += below(&found.without_front_matter).len();
        self.targets.undated_posts.extend(below(&found.undated_posts));
        self.targets.files.extend(articles.into_iter().map(|shown| (shown, Some(Rc::clone(&site)))));
        Ok(())
    }

    /// Every `.md` and `.markdown` file below `path`, a folder in no site, in a stable order.
    fn walk(&mut self, path: &Path) -> Result<(), CliError> {
        let unreadable = |error| CliError::Read { path: path.display().to_string(), error };
        if !self.folders.insert(std::fs::canonicalize(path).map_err(unreadable)?) {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).map_err(unreadable)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(unreadable)?;
        entries.sort();
        for entry in entries {
            if !entry.is_dir() {
                if matches!(entry.extension().and_then(|e| e.to_str()), Some("md" | "markdown")) {
                    self.targets.files.push((entry, None));
                }
                continue;
            }
            match site_config::in_folder(&entry).filter(|_| self.sites.reads_config()) {
                Some(config) => {
                    let site = self.sites.at(&config)?;
                    self.site_folder(&entry, site)?;
                }
                None => self.walk(&entry)?,
            }
        }
        Ok(())
    }
}
