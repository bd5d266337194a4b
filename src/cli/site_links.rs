//! What Liquid's site tags find in a Jekyll site, as Jekyll 4.3 finds it: the files of
//! `{% include %}` (the site's `includes_dir`) and `{% include_relative %}` (the article's
//! folder), the URLs of `{% post_url %}` and `{% link %}`, and the article's `page.url` and
//! `page.id`. Posts and pages are read once per site, when a tag first asks for them.

use super::permalink::{self, Post, UnknownPlaceholder};
use super::site_files::{self, jekyll_type};
use super::sites::Site;
use folio::calendar::Builtin;
use folio::front_matter::{self, date::Zone, FrontMatter};
use folio::datetime::Date;
use folio::liquid::{PostUrl, SiteError};
use folio::Value;
use std::path::Path;

/// A file's URL, or why there is none to give.
type Url = Result<String, SiteError>;

/// A file of the index: its path, its URL, and for a post what Jekyll's old matching compares.
struct Entry {
    path: String,
    url: Url,
    date: Option<Date>,
    slug: Option<String>,
}

/// The posts and pages of a site, by their paths in it (with `/`).
#[derive(Default)]
pub struct Index {
    posts: Vec<Entry>,
    pages: Vec<Entry>,
}

impl Index {
    /// Reads the site's posts and Markdown pages: the posts Jekyll publishes (not one with
    /// `published: false`, nor one dated later than now, unless the site says `unpublished:` or
    /// `future:`).
    pub fn of(site: &Site) -> Index {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let links = &site.links;
        let mut index = Index::default();
        let Ok(files) = site_files::find(&site.root, &site.reading) else { return index };
        for file in files.articles {
            let Some(path) = relative(site, &file) else { continue };
            match kind(site, &path) {
                Kind::Post => {
                    if let Some((page, url)) = read(site, &path) {
                        let future = page.date.is_some_and(|date| date.unix_seconds() > now);
                        if (page.published || links.unpublished) && (!future || links.future) {
                            let (date, slug) = (page.date.map(|date| date.date), page.slug);
                            index.posts.push(Entry { path, url, date, slug });
                        }
                    }
                }
                Kind::Page => {
                    let url = read(site, &path).map_or_else(|| Err(SiteError::Unknown(path.clone())), |(_, url)| url);
                    index.pages.push(Entry { path, url, date: None, slug: None });
                }
                Kind::Other => {}
            }
        }
        index
    }
}

/// What Jekyll makes of a file, as far as its URL goes.
enum Kind {
    Post,
    Page,
    /// A draft or a collection's document.
    Other,
}

fn kind(site: &Site, path: &str) -> Kind {
    match jekyll_type(path, &site.reading).1.as_str() {
        "posts" if path.split('/').any(|folder| folder == "_posts") => Kind::Post,
        "pages" => Kind::Page,
        _ => Kind::Other,
    }
}

/// `file`'s path in the site, with `/`.
fn relative(site: &Site, file: &Path) -> Option<String> {
    let real = std::fs::canonicalize(file).ok()?;
    Some(real.strip_prefix(&site.root).ok()?.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/"))
}

/// The front matter of the site's file `path` (over its defaults) as Jekyll reads it, and the
/// URL Jekyll gives it; `None` if it does not read.
fn read(site: &Site, path: &str) -> Option<(FrontMatter, Url)> {
    let source = std::fs::read_to_string(site.root.join(path)).ok()?;
    let split = front_matter::split(&source);
    let mut read = front_matter::read(&source, &split);
    read.put_over(&site.front_matter_defaults(&site.root.join(path)));
    let zone = Zone { name: &site.profile.timezone, calendar: &Builtin };
    let page = FrontMatter::interpret(&read.data, Some(path), &zone, &mut Vec::new());
    let style = &site.links.permalink;
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let basename = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let url = match kind(site, path) {
        Kind::Post => post_url(&page, path, basename, style),
        Kind::Page => {
            let template = page.permalink.clone().unwrap_or_else(|| permalink::page_template(style, basename));
            permalink::page_url(&template, folder, basename).ok_or_else(|| SiteError::Unknown(path.to_owned()))
        }
        Kind::Other => Err(SiteError::Unknown(path.to_owned())),
    };
    Some((page, url))
}

/// A post's URL: its own `permalink:` or the site's, with its categories (the folders above
/// `_posts` first, as Jekyll merges them).
fn post_url(page: &FrontMatter, path: &str, basename: &str, style: &str) -> Url {
    let unknown = || SiteError::Unknown(path.to_owned());
    let below = path.split_once("_posts/").ok_or_else(unknown)?.1;
    let categories = categories(page, path);
    let stem = below.rsplit_once('.').map_or(below, |(stem, _)| stem);
    let (Some(date), Some(slug)) = (page.date, page.slug.as_deref()) else { return Err(unknown()) };
    let cleaned = format!("/_posts/{stem}");
    let post = Post { date, slug, basename, path: &cleaned, categories: &categories };
    let template = page.permalink.as_deref().unwrap_or_else(|| permalink::posts_template(style));
    match post.url(template) {
        Ok(Some(url)) => Ok(url),
        Ok(None) => Err(unknown()),
        Err(UnknownPlaceholder(name)) => Err(SiteError::Unknown(format!("{path} (its permalink has `:{name}`)"))),
    }
}

/// A post's categories as Jekyll merges them: the folders above `_posts`, then its front
/// matter's, each once.
fn categories(page: &FrontMatter, path: &str) -> Vec<String> {
    let above = path.split_once("_posts/").map_or("", |(above, _)| above);
    let mut categories: Vec<String> = above.split('/').filter(|folder| !folder.is_empty()).map(str::to_owned).collect();
    for category in &page.categories {
        if !categories.contains(category) {
            categories.push(category.clone());
        }
    }
    categories
}

/// A site's tags, for its file `article`.
pub struct SiteLinks<'s> {
    pub site: &'s Site,
    /// The article's path in the site, if it is in it.
    pub article: Option<String>,
}

impl<'s> SiteLinks<'s> {
    pub fn new(site: &'s Site, file: &Path) -> Self {
        SiteLinks { site, article: relative(site, file) }
    }

    fn index(&self) -> &Index {
        self.site.index.get_or_init(|| Index::of(self.site))
    }

    /// Whether a file `FILE.EXT` that is not Markdown is in `_posts/FOLDERS` or `FOLDERS/_posts`.
    fn unread_post(&self, folders: &str, file: &str) -> bool {
        let reading = &self.site.reading;
        let root = self.site.root.join(&reading.collections_dir);
        let unread = |name: &str| {
            let extension = name.strip_prefix(file).and_then(|rest| rest.strip_prefix('.'));
            extension.is_some_and(|extension| !reading.markdown_ext.contains(&extension.to_lowercase()))
        };
        [root.join("_posts").join(folders), root.join(folders).join("_posts")].iter().any(|folder| {
            let entries = std::fs::read_dir(folder).into_iter().flatten().flatten();
            entries.into_iter().any(|entry| unread(&entry.file_name().to_string_lossy()))
        })
    }
}

impl folio::liquid::Site for SiteLinks<'_> {
    fn include(&self, file: &str, relative: bool) -> Result<String, SiteError> {
        let folder = match (relative, &self.article) {
            (false, _) => self.site.links.includes_dir.clone(),
            (true, Some(article)) => article.rsplit_once('/').map_or(String::new(), |(folder, _)| folder.to_owned()),
            (true, None) => String::new(),
        };
        let path = self.site.root.join(&folder).join(file);
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Ok(text);
        }
        if self.site.links.theme && !relative {
            return Err(SiteError::ThemeInclude { file: file.to_owned() });
        }
        let shown = if folder.is_empty() { "the site's folder".to_owned() } else { format!("{folder}/") };
        Err(SiteError::NoInclude { file: file.to_owned(), folders: vec![shown] })
    }

    /// Jekyll's `PostComparer`: `[FOLDERS/]DATE-SLUG` (a name the tag has checked) names the
    /// post at `_posts/FOLDERS/DATE-SLUG.EXT` or `FOLDERS/_posts/DATE-SLUG.EXT`.
    fn post_url(&self, name: &str) -> Result<PostUrl, SiteError> {
        let name = name.strip_prefix('/').unwrap_or(name);
        let (folders, file) = name.rsplit_once('/').map_or(("", name), |(folders, file)| (&name[..folders.len() + 1], file));
        let named = |path: &str| {
            [format!("_posts/{folders}{file}."), format!("{folders}_posts/{file}."), format!("{folders}_posts{file}.")]
                .iter()
                .any(|start| path.strip_prefix(start.as_str()).is_some_and(|ext| ext.starts_with(|c| c != '.')))
        };
        let posts = &self.index().posts;
        if let Some(post) = posts.iter().find(|post| named(&post.path)) {
            return post.url.clone().map(|url| PostUrl { url, named_as: None });
        }
        // Jekyll's old matching, which it warns of: the date (the post's own) and the slug alone.
        let parts: Vec<&str> = file.splitn(4, '-').collect();
        let number = |i: usize| parts[i].parse::<i64>().ok();
        let same = |post: &&Entry| {
            let day = post.date.map(|d| [i64::from(d.year), i64::from(d.month), i64::from(d.day)].map(Some));
            day == Some([number(0), number(1), number(2)]) && post.slug.as_deref() == parts.get(3).copied()
        };
        match posts.iter().find(same) {
            Some(post) => {
                let named_as = post.path.split_once("_posts/").map(|(above, below)| format!("{above}{}", below.rsplit_once('.').map_or(below, |(stem, _)| stem)));
                post.url.clone().map(|url| PostUrl { url, named_as })
            }
            // A post Folio does not read (HTML, or an extension not in `markdown_ext`).
            None if self.unread_post(folders, file) => Err(SiteError::Unknown(name.to_owned())),
            None => Err(SiteError::NoPost(name.to_owned())),
        }
    }

    fn link(&self, path: &str) -> Result<String, SiteError> {
        let index = self.index();
        if let Some(entry) = index.posts.iter().chain(&index.pages).find(|entry| entry.path == path) {
            return entry.url.clone();
        }
        let relative = path.trim_start_matches('/');
        let file = self.site.root.join(relative);
        if relative.is_empty() || !file.is_file() {
            return Err(SiteError::NoFile(path.to_owned()));
        }
        // Jekyll copies what it does not convert: its URL is its path.
        let hidden = relative.split('/').any(|part| part.starts_with(['_', '.']));
        let static_file = !hidden && !relative.ends_with(".html") && !relative.ends_with(".htm");
        match static_file {
            true => permalink::page_url("/:path", relative, "").ok_or_else(|| SiteError::Unknown(path.to_owned())),
            false => Err(SiteError::Unknown(path.to_owned())),
        }
    }

    fn page_key(&self, key: &str) -> Option<Value> {
        let path = self.article.as_deref()?;
        let (page, url) = read(self.site, path)?;
        let is_post = matches!(kind(self.site, path), Kind::Post);
        if key == "categories" {
            let categories = categories(&page, path).into_iter().map(Value::String).collect();
            return is_post.then_some(Value::Seq(categories));
        }
        let url = url.ok()?;
        match key {
            "url" => Some(Value::String(url)),
            // A post's: its URL's folder and its slug (`File.join(File.dirname(url), slug)`).
            "id" if is_post => {
                let folder = url.trim_end_matches('/').rsplit_once('/').map_or("", |(folder, _)| folder);
                Some(Value::String(format!("{folder}/{}", page.slug?)))
            }
            _ => None,
        }
    }
}
