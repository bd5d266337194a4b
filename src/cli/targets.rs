//! What `folio check` renders: the files named, whatever their names, and every `.md` and
//! `.markdown` file in the folders named, each folder once however links loop; each file with
//! the site it belongs to.

use super::sites::{Site, Sites};
use crate::CliError;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The files to render.
#[derive(Default)]
pub struct Targets {
    /// Each file as it is shown, with its site.
    pub files: Vec<(PathBuf, Option<Rc<Site>>)>,
}

/// Gathers the targets of the paths named, one after the other.
pub struct Collector<'s, 'a> {
    sites: &'s mut Sites<'a>,
    pub targets: Targets,
    /// Folders walked, by their real path.
    folders: HashSet<PathBuf>,
}

impl<'s, 'a> Collector<'s, 'a> {
    pub fn new(sites: &'s mut Sites<'a>) -> Self {
        Collector { sites, targets: Targets::default(), folders: HashSet::new() }
    }

    /// Adds what `path` names: standard input (`-`), a file, or a folder's articles.
    pub fn add(&mut self, path: &Path) -> Result<(), CliError> {
        if path.as_os_str() == "-" {
            self.targets.files.push((path.to_owned(), None));
            return Ok(());
        }
        let metadata = std::fs::metadata(path).map_err(|error| CliError::Read { path: path.display().to_string(), error })?;
        let site = self.sites.of(path)?;
        if metadata.is_dir() {
            self.walk(path, site.as_ref())
        } else {
            self.targets.files.push((path.to_owned(), site));
            Ok(())
        }
    }

    /// Every `.md` and `.markdown` file below `path`, a folder of `site`, in a stable order.
    fn walk(&mut self, path: &Path, site: Option<&Rc<Site>>) -> Result<(), CliError> {
        let unreadable = |error| CliError::Read { path: path.display().to_string(), error };
        if !self.folders.insert(std::fs::canonicalize(path).map_err(unreadable)?) {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).map_err(unreadable)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(unreadable)?;
        entries.sort();
        for entry in entries {
            if entry.is_dir() {
                self.walk(&entry, site)?;
            } else if matches!(entry.extension().and_then(|e| e.to_str()), Some("md" | "markdown")) {
                self.targets.files.push((entry, site.cloned()));
            }
        }
        Ok(())
    }
}
