//! The Markdown files of a Jekyll site that Jekyll converts, found as its reader finds them
//! (Jekyll 4.3's `Reader`, `EntryFilter`, `PostReader` and `Collection`):
//!
//! - folders are read from the site's own down, leaving out names that start with `.`, `_`,
//!   `#` or `~` or end with `~`, what `exclude:` matches (Jekyll's list and the site's) and the
//!   `destination`, unless `include:` matches them;
//! - a page is a file with front matter: a Markdown file without it is copied as it is;
//! - the `_posts` of every folder read (within `collections_dir`) hold posts, named
//!   `YYYY-MM-DD-title.md`, with front matter or not; its `_drafts` drafts, which Jekyll
//!   converts with `--drafts`;
//! - each collection of `collections:` is read from its folder `_NAME`, its documents being
//!   the files with front matter;
//! - a file that `include:` names is read wherever it is.

use super::fnmatch;
use super::site_config::Reading;
use std::collections::{BTreeSet, HashSet};
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

/// What a site holds in Markdown, each list in the order of the paths.
#[derive(Debug, Default, PartialEq)]
pub struct SiteFiles {
    /// What Jekyll converts: pages, posts, drafts and collections' documents.
    pub articles: Vec<PathBuf>,
    /// Markdown files without front matter, which Jekyll copies as they are.
    pub without_front_matter: Vec<PathBuf>,
    /// Markdown files in `_posts` whose names do not start with a date, which Jekyll leaves out.
    pub undated_posts: Vec<PathBuf>,
}

/// A folder or file that could not be read while looking for the site's files.
#[derive(Debug)]
pub struct Unreadable {
    pub path: PathBuf,
    pub error: io::Error,
}

/// The Markdown files of the site whose folder is `root`.
pub fn find(root: &Path, reading: &Reading) -> Result<SiteFiles, Unreadable> {
    let mut walk = Walk {
        root,
        reading,
        destination: root.join(&reading.destination),
        seen: HashSet::new(),
        articles: BTreeSet::new(),
        without_front_matter: BTreeSet::new(),
        undated_posts: BTreeSet::new(),
    };
    walk.folder("")?;
    for name in &reading.collections {
        // Posts are read in every folder; `data` is `_data`, which holds no documents.
        if !matches!(name.as_str(), "posts" | "data") {
            walk.collection(name)?;
        }
    }
    for pattern in &reading.include {
        let path = root.join(pattern.trim_start_matches('/'));
        if path.is_file() && walk.is_markdown(&path) {
            walk.page(path);
        }
    }
    // A post needs no front matter: one that `include:` also brings in as a page is no static file.
    let without_front_matter = walk.without_front_matter.difference(&walk.articles).cloned().collect();
    Ok(SiteFiles {
        articles: walk.articles.into_iter().collect(),
        without_front_matter,
        undated_posts: walk.undated_posts.into_iter().collect(),
    })
}

/// The names (without extension, in upper case) that `jekyll-optional-front-matter` leaves as
/// they are, as its `FILENAME_BLACKLIST` has them.
const META_FILES: [&str; 8] =
    ["README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"];

struct Walk<'a> {
    root: &'a Path,
    reading: &'a Reading,
    destination: PathBuf,
    /// Folders of pages read, by their real path.
    seen: HashSet<PathBuf>,
    articles: BTreeSet<PathBuf>,
    without_front_matter: BTreeSet<PathBuf>,
    undated_posts: BTreeSet<PathBuf>,
}

impl Walk<'_> {
    /// Jekyll's `read_directories`: the pages of the folder `dir` (relative to the site, empty
    /// for its own) and of the folders below it, and the posts and drafts of each.
    fn folder(&mut self, dir: &str) -> Result<(), Unreadable> {
        let folder = self.root.join(dir);
        if !first_visit(&mut self.seen, &folder)? {
            return Ok(());
        }
        for (name, path) in entries(&folder)? {
            let is_dir = path.is_dir();
            if !self.keeps(dir, &name, is_dir) {
                continue;
            }
            if is_dir {
                if path != self.destination {
                    self.folder(&joined(dir, &name))?;
                }
            } else if self.is_markdown(&path) {
                self.page(path);
            }
        }
        let collections_dir = &self.reading.collections_dir;
        // Jekyll compares the strings: `collections_dir: blog` holds `blogs/_posts` too.
        if collections_dir.is_empty() || format!("/{dir}").starts_with(&format!("/{collections_dir}")) {
            self.posts(&joined(dir, "_posts"), false)?;
            self.posts(&joined(dir, "_drafts"), true)?;
        }
        Ok(())
    }

    /// A Markdown file outside posts: converted when it has front matter, or when
    /// `jekyll-optional-front-matter` makes it a page (it makes every Markdown file Jekyll would
    /// copy as it is one, a collection's too, but for meta files).
    /// One that does not read (a broken link) is checked all the same, which says why.
    fn page(&mut self, path: PathBuf) {
        let made_page = self.reading.optional_front_matter && !self.meta_file(&path);
        let static_file = !made_page && matches!(has_front_matter(&path), Ok(false));
        let kept = if static_file { &mut self.without_front_matter } else { &mut self.articles };
        kept.insert(path);
    }

    /// The posts (or drafts) in the folder `base`: its Markdown files below it, hidden ones
    /// aside, each kept or not by its path below it, whatever the folders between.
    fn posts(&mut self, base: &str, drafts: bool) -> Result<(), Unreadable> {
        for (entry, path) in self.files_below(base, false)? {
            if !self.keeps(base, &entry, false) || !self.is_markdown(&path) {
                continue;
            }
            let name = entry.rsplit('/').next().unwrap_or(&entry);
            let kept = if drafts || is_post_name(name) { &mut self.articles } else { &mut self.undated_posts };
            kept.insert(path);
        }
        Ok(())
    }

    /// A collection's documents: the Markdown files below `_NAME` (in `collections_dir`),
    /// hidden ones included, that have front matter.
    fn collection(&mut self, name: &str) -> Result<(), Unreadable> {
        let folder = format!("_{name}");
        for (entry, path) in self.files_below(&joined(&self.reading.collections_dir, &folder), true)? {
            // Jekyll filters a collection's entries as if it were at the site's root, whatever
            // its `collections_dir`.
            if self.keeps(&folder, &entry, false) && self.is_markdown(&path) {
                self.page(path);
            }
        }
        Ok(())
    }

    /// Jekyll's `EntryFilter`: whether `entry`, a name in the folder `base` or a path below it,
    /// is read.
    fn keeps(&self, base: &str, entry: &str, is_dir: bool) -> bool {
        if entry.ends_with('.') {
            return false;
        }
        let name = entry.rsplit('/').next().unwrap_or(entry);
        let include = &self.reading.include;
        let included = include.iter().any(|pattern| glob_includes(pattern, entry, is_dir) || glob_includes(pattern, name, is_dir));
        let site_path = joined(base, entry);
        let mut exclude = self.reading.exclude.iter().filter(|pattern| !include.contains(pattern));
        if exclude.any(|pattern| glob_includes(pattern, &site_path, is_dir)) && !included {
            return false;
        }
        let special = |text: &str| text.starts_with(['.', '_', '#', '~']);
        included || !(special(entry) || special(name) || entry.ends_with('~'))
    }

    /// Whether `jekyll-optional-front-matter` leaves the file alone as a repository's meta file
    /// (README, LICENSE…, whatever the case) that `include:` does not name.
    fn meta_file(&self, path: &Path) -> bool {
        let stem = path.file_stem().map(|stem| stem.to_string_lossy().to_uppercase()).unwrap_or_default();
        let relative = path.strip_prefix(self.root).unwrap_or(path).to_string_lossy().into_owned();
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let mut include = self.reading.include.iter().filter(|pattern| !self.reading.exclude.contains(pattern));
        let included = include.any(|pattern| glob_includes(pattern, &relative, false) || glob_includes(pattern, &name, false));
        META_FILES.contains(&stem.as_str()) && !included
    }

    /// Whether the file's extension is one of `markdown_ext`, whatever its case.
    fn is_markdown(&self, path: &Path) -> bool {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        extension.is_some_and(|extension| self.reading.markdown_ext.contains(&extension))
    }

    /// Every file below the site's folder `base`, as paths relative to it (`sub/name.md`),
    /// those with a hidden name on the way only when `hidden`: Ruby's `Dir.glob("**/*")`,
    /// with `FNM_DOTMATCH` or without.
    fn files_below(&self, base: &str, hidden: bool) -> Result<Vec<(String, PathBuf)>, Unreadable> {
        let mut files = Vec::new();
        let mut folders = vec![(String::new(), self.root.join(base))];
        // Apart from the folders of pages: `include: [_posts]` reads `_posts` as both.
        let mut seen = HashSet::new();
        while let Some((relative, folder)) = folders.pop() {
            if !folder.is_dir() || !first_visit(&mut seen, &folder)? {
                continue;
            }
            for (name, path) in entries(&folder)?.into_iter().filter(|(name, _)| hidden || !name.starts_with('.')) {
                let entry = joined(&relative, &name);
                if path.is_dir() {
                    folders.push((entry, path));
                } else {
                    files.push((entry, path));
                }
            }
        }
        Ok(files)
    }
}

/// Whether `folder` is read for the first time, by its real path: each once, however links loop.
fn first_visit(seen: &mut HashSet<PathBuf>, folder: &Path) -> Result<bool, Unreadable> {
    let real = std::fs::canonicalize(folder).map_err(|error| Unreadable { path: folder.to_owned(), error })?;
    Ok(seen.insert(real))
}

/// The names and paths in `folder`, in the order of the names.
fn entries(folder: &Path) -> Result<Vec<(String, PathBuf)>, Unreadable> {
    let unreadable = |error| Unreadable { path: folder.to_owned(), error };
    let mut entries = std::fs::read_dir(folder)
        .map_err(unreadable)?
        .map(|entry| entry.map(|e| (e.file_name().to_string_lossy().into_owned(), e.path())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    entries.sort();
    Ok(entries)
}

fn joined(base: &str, name: &str) -> String {
    if base.is_empty() { name.to_owned() } else { format!("{base}/{name}") }
}

/// Jekyll's `glob_include?`: whether `pattern` (of `exclude:` or `include:`) takes `path`,
/// both relative to the site. Jekyll joins both to the site's folder; joined to `/`, they
/// compare the same. A pattern takes what it matches, what starts with it (`docs` takes
/// `docs-old`), and the folder it names with a `/` after it.
fn glob_includes(pattern: &str, path: &str, is_dir: bool) -> bool {
    let pattern = format!("/{}", pattern.trim_start_matches('/'));
    let path = format!("/{}", path.trim_start_matches('/'));
    fnmatch::matches(&pattern, &path) || path.starts_with(&pattern) || (is_dir && pattern == format!("{path}/"))
}

/// Jekyll's `has_yaml_header?`: the file's first line is `---`, white space after it allowed.
/// A byte order mark before it is not allowed: Jekyll then copies the file as it is.
fn has_front_matter(path: &Path) -> io::Result<bool> {
    let mut line = Vec::new();
    std::fs::File::open(path).map(io::BufReader::new)?.read_until(b'\n', &mut line)?;
    let Some(rest) = line.strip_prefix(b"---").and_then(|rest| rest.strip_suffix(b"\n")) else { return Ok(false) };
    Ok(rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c')))
}

/// What Jekyll makes of the site's file at `path` (relative to the site, with `/`), as its
/// front matter defaults see it: the path it goes by (a document's is relative to
/// `collections_dir`) and its type (`posts` for posts and drafts alike, a collection's name for
/// its documents, `pages` for the rest).
pub fn jekyll_type<'a>(path: &'a str, reading: &Reading) -> (&'a str, String) {
    let in_collections = match reading.collections_dir.as_str() {
        "" => Some(path),
        dir => path.strip_prefix(dir).and_then(|rest| rest.strip_prefix('/')),
    };
    if let Some(relative) = in_collections {
        let mut folders = relative.split('/').rev().skip(1);
        let first = relative.split('/').next().and_then(|folder| folder.strip_prefix('_'));
        if let Some(name) = first.filter(|name| reading.collections.iter().any(|c| c == name) && !matches!(*name, "posts" | "data")) {
            return (relative, name.to_owned());
        }
        if folders.any(|folder| matches!(folder, "_posts" | "_drafts")) {
            return (relative, "posts".to_owned());
        }
    }
    (path, "pages".to_owned())
}

/// Whether `name` is a post's, as Jekyll's `DATE_FILENAME_MATCHER` has it: `YYYY-MM-DD-`
/// (two to four digits, then one or two, and one or two), a title, and an extension.
fn is_post_name(name: &str) -> bool {
    let digits = |part: &str, most: usize| (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    let mut parts = name.splitn(4, '-');
    let (Some(year), Some(month), Some(day), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let extension = rest.rfind('.').map(|dot| &rest[dot + 1..]);
    year.len() >= 2 && digits(year, 4) && digits(month, 2) && digits(day, 2) && extension.is_some_and(|e| !e.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_are_named_with_a_date_and_have_an_extension() {
        for name in ["2016-12-23-slug.md", "16-1-2-a.markdown", "2016-12-23-.md", "2016-12-23-a.b.md"] {
            assert!(is_post_name(name), "{name}");
        }
        for name in ["slug.md", "2016-12-23.md", "2016-12-23-slug", "2016-12-23-slug.", "1-12-23-a.md", "20161-12-23-a.md", "2016-123-1-a.md"] {
            assert!(!is_post_name(name), "{name}");
        }
    }

    #[test]
    fn posts_drafts_and_documents_go_by_their_path_in_collections_dir_and_pages_by_theirs() {
        let reading = Reading { collections: vec!["recipes".into()], collections_dir: "content".into(), ..Reading::default() };
        let kind = |path| jekyll_type(path, &reading);
        assert_eq!(kind("content/_posts/2024-01-01-a.md"), ("_posts/2024-01-01-a.md", "posts".into()));
        assert_eq!(kind("content/blog/_drafts/a.md"), ("blog/_drafts/a.md", "posts".into()));
        assert_eq!(kind("content/_recipes/a.md"), ("_recipes/a.md", "recipes".into()));
        assert_eq!(kind("content/about.md"), ("content/about.md", "pages".into()));
        assert_eq!(kind("_posts/2024-01-01-a.md"), ("_posts/2024-01-01-a.md", "pages".into()));
    }

    #[test]
    fn exclude_and_include_patterns_match_as_jekyll_s_do() {
        assert!(glob_includes("node_modules", "node_modules", true));
        assert!(glob_includes("vendor/bundle/", "vendor/bundle", true), "a folder named with its /");
        assert!(!glob_includes("vendor/bundle/", "vendor/bundle", false));
        assert!(glob_includes("vendor/bundle/", "vendor/bundle/x/README.md", false));
        assert!(glob_includes("docs", "docs-old", true), "Jekyll compares the start of the strings");
        assert!(glob_includes("/drafts/*.md", "drafts/a/b.md", false));
        assert!(glob_includes("*.txt", "a/b.txt", false));
        assert!(!glob_includes("docs", "my/docs", true));
    }

    #[test]
    fn front_matter_starts_on_the_first_line_without_a_byte_order_mark() {
        let dir = std::env::temp_dir().join(format!("folio-site-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases: [(&[u8], bool); 6] = [
            (b"---\ntitle: a\n---\n", true),
            (b"--- \t\r\nx", true),
            (b"---", false),
            (b"--- x\n", false),
            (b"\xef\xbb\xbf---\n", false),
            (b"# Title\n---\n", false),
        ];
        for (i, (text, expected)) in cases.into_iter().enumerate() {
            let path = dir.join(format!("{i}.md"));
            std::fs::write(&path, text).unwrap();
            assert_eq!(has_front_matter(&path).unwrap(), expected, "{:?}", String::from_utf8_lossy(text));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
