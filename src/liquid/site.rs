//! What Liquid asks of the site's other files, natively, when the article is in a Jekyll site
//! (the command line knows it): the text of an include, the URL of a post or a file, the keys
//! Jekyll computes for the page (`page.url`, `page.id`); and the tags that ask, `post_url` and
//! `link` (`include` has its own module). Without a site, these stay as written.

use super::pass::{Flow, Pass};
use super::include::Markup;
use super::tree::{clip, Kind, Node};
use super::{filters, Problem, Reason};
use crate::value::Value;
use std::fmt;

/// A Jekyll site, as the article being rendered sees it.
pub trait Site {
    /// The text of the include `file`: from the site's includes folder, or with `relative`
    /// from the article's own folder.
    fn include(&self, file: &str, relative: bool) -> Result<String, SiteError>;
    /// The URL (without `baseurl`) of the post `name` (`2010-07-21-name`, `sub/2010-07-21-name`).
    fn post_url(&self, name: &str) -> Result<PostUrl, SiteError>;
    /// The URL (without `baseurl`) of the page, post or static file at `path` in the site.
    fn link(&self, path: &str) -> Result<String, SiteError>;
    /// A key Jekyll computes for the article (`url`, `id`, a post's `categories`), where the
    /// site tells it.
    fn page_key(&self, key: &str) -> Option<Value>;
}

/// The post `post_url` names.
pub struct PostUrl {
    pub url: String,
    /// Found by Jekyll's old matching, of which it warns: the name it goes by now.
    pub named_as: Option<String>,
}

/// Why a tag that needs the site does not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteError {
    /// No include of this name in these folders (shown relative to the site): Jekyll stops.
    NoInclude { file: String, folders: Vec<String> },
    /// Not in the site's includes, which a theme may have: Folio reads no theme.
    ThemeInclude { file: String },
    /// An include's name with a `..`, `//` or characters Jekyll refuses: Jekyll stops.
    IncludeName(String),
    /// An include's parameters that are not `key="value"`, `key='value'` or `key=variable`.
    IncludeParameters(String),
    /// Includes inside includes past Liquid's 100 levels (an include that includes itself).
    TooDeep,
    /// `post_url` naming no post Jekyll publishes: Jekyll stops.
    NoPost(String),
    /// `post_url` naming what is not `YYYY-MM-DD-title`: Jekyll stops.
    PostName(String),
    /// `link` naming no file of the site: Jekyll stops.
    NoFile(String),
    /// A file of the site whose URL Folio does not compute (a collection's document…).
    Unknown(String),
}

impl SiteError {
    /// Whether Jekyll stops the build on it (the rest are left as written, a warning).
    pub fn stops_jekyll(&self) -> bool {
        !matches!(self, SiteError::ThemeInclude { .. } | SiteError::Unknown(_))
    }
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::NoInclude { file, folders } => {
                write!(f, "Jekyll stops here, as there is no `{file}` in {}", folders.join(" or "))
            }
            SiteError::ThemeInclude { file } => {
                write!(f, "`{file}` is not in the site's includes: it may be the theme's, which Folio does not read")
            }
            SiteError::IncludeName(file) => {
                write!(f, "Jekyll stops here, as `{file}` is not a valid include name (no `..`, `//`, spaces or quotes)")
            }
            SiteError::IncludeParameters(params) => {
                write!(f, "Jekyll stops here, as `{params}` does not read as parameters (key=\"value\", key='value' or key=variable)")
            }
            SiteError::TooDeep => f.write_str("Jekyll stops here, as includes nest deeper than Liquid's 100 (does one include itself?)"),
            SiteError::NoPost(name) => {
                write!(f, "Jekyll stops here, as the site publishes no post `{name}` (none has that name, or it is dated later or not published)")
            }
            SiteError::PostName(name) => {
                write!(f, "Jekyll stops here, as `{name}` is not a post's name (YYYY-MM-DD-title)")
            }
            SiteError::NoFile(path) => write!(f, "Jekyll stops here, as the site has no file `{path}`"),
            SiteError::Unknown(path) => write!(f, "Folio does not compute the URL of `{path}`"),
        }
    }
}

/// What Jekyll stops on as it parses a tag, before anything runs: an include's parameters that
/// do not read, a `post_url` name without a date.
fn parsed(tag: &str, markup: &str) -> Result<(), SiteError> {
    match tag {
        "include" | "include_relative" => Markup::read(markup).map(drop),
        // `PostComparer::MATCHER`: `[FOLDERS/]` then `\d+-\d+-\d+-`.
        "post_url" => {
            let name = markup.strip_prefix('/').unwrap_or(markup);
            let file = name.rsplit_once('/').map_or(name, |(_, file)| file);
            let mut parts = file.splitn(4, '-');
            let dated = (0..3).all(|_| parts.next().is_some_and(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())));
            match dated && parts.next().is_some() {
                true => Ok(()),
                false => Err(SiteError::PostName(name.to_owned())),
            }
        }
        _ => Ok(()),
    }
}

impl Pass<'_, '_> {
    /// Errors at the tags Jekyll stops on as it parses the template ([`parsed`]), in every
    /// branch, whether it runs or not.
    pub fn parse_errors(&mut self, nodes: &[Node]) {
        for node in nodes {
            match &node.kind {
                Kind::Tag(tag, markup) => {
                    if let Err(error) = parsed(tag, markup) {
                        let text = clip(self.text, node.start, node.end);
                        self.problem(Problem::Left { text, reason: Reason::Stopped(error) }, node.start);
                    }
                }
                Kind::Block(block) => block.branches.iter().for_each(|branch| self.parse_errors(&branch.nodes)),
                _ => {}
            }
        }
    }

    /// `include`, `include_relative`, `post_url` and `link` in a site.
    pub fn site_tag(&mut self, site: &dyn Site, node: &Node, tag: &str, markup: &str) -> Result<Flow, Reason> {
        parsed(tag, markup).map_err(Reason::Stopped)?;
        let url = match tag {
            "post_url" => site.post_url(markup).map(|post| {
                if let Some(name) = post.named_as {
                    self.problem(Problem::OldPostName { text: clip(self.text, node.start, node.end), name }, node.start);
                }
                post.url
            }),
            "link" => {
                // Jekyll renders the path as Liquid first: `{% link {{ page.other }} %}`.
                let (path, _) = self.text_apart(markup, node.start)?;
                site.link(path.trim_matches(crate::kramdown::patterns::is_space_char))
            }
            _ => return self.include(site, node, markup, tag == "include_relative"),
        };
        let url = url.map_err(Reason::Stopped)?;
        // Both tags give the URL through `relative_url`: with the site's `baseurl`.
        let url = filters::apply("relative_url", Value::String(url), &[], self.scope.context)?;
        self.made(node, &filters::print(&url)?);
        Ok(Flow::Go)
    }

    /// `text` run as a template of its own in this scope: what it prints and how it ended. A
    /// problem that leaves some of it as written leaves the caller (`Err`); one that does not
    /// is said at `at`.
    pub fn text_apart(&mut self, text: &str, at: usize) -> Result<(String, Flow), Reason> {
        let (printed, problems, flow) = self.run_apart(text);
        for (problem, _) in problems {
            match problem {
                Problem::Left { reason, .. } => return Err(reason),
                problem => self.problem(problem, at),
            }
        }
        Ok((printed, flow?))
    }
}
