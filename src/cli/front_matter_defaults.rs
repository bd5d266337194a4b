//! A site's front matter defaults (`defaults:` in `_config.yml`), chosen for a file as Jekyll
//! 4.3's `FrontmatterDefaults#all` chooses them.
//!
//! Each set has a `scope` (a `path` and a `type`) and `values`. A set applies to a file when its
//! type is the file's (`pages`, `posts` for posts and drafts alike, or a collection's name) and
//! the file's path starts with its path; a path with a `*` is a glob, expanded on disk, each
//! match a path the file's may start with. The sets that apply are merged in their order, each
//! over the ones before when its scope weighs at least as much as the last that did (a longer
//! path, or the same length with a type), else under them. Jekyll's quirks are kept and said:
//! `/docs` matches nothing, `type: drafts` matches nothing (drafts are posts).

use super::dir_glob;
use super::yaml_places::Step;
use folio::value::{deep_merge, Map};
use folio::Value;
use std::fmt;
use std::path::Path;

/// A site's sets of defaults, in their order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatterDefaults {
    sets: Vec<DefaultSet>,
}

#[derive(Clone, Debug, PartialEq)]
struct DefaultSet {
    /// `None` for a set without `scope`, which applies to every file.
    scope: Option<Scope>,
    values: Map,
}

#[derive(Clone, Debug, PartialEq)]
struct Scope {
    /// The path as written; empty when it is not text, which applies everywhere.
    path: String,
    /// What a glob path matches on disk, relative to the site (set by [`FrontMatterDefaults::expand_globs`]).
    globbed: Vec<String>,
    /// The type, `page`, `post` and `draft` read as their plurals.
    kind: Option<String>,
}

impl Scope {
    /// Jekyll's `sanitize_path`: without a leading `/`.
    fn weight(&self) -> usize {
        self.path.strip_prefix('/').unwrap_or(&self.path).len()
    }
}

/// A problem in `defaults:`, at the value it names.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultsProblem {
    /// A set that is not a mapping, or whose `values` is not one: Jekyll warns and ignores it.
    Ignored { what: &'static str, found: &'static str },
    /// A `scope` that is no mapping, or a `type` that is not text: Jekyll stops on it.
    StopsJekyll { what: &'static str, expected: &'static str, found: &'static str },
    /// A `path` that is not text: applied everywhere, but Jekyll stops when it weighs it against
    /// another set that applies to the same file.
    PathNotText { found: &'static str },
    /// A set without `scope`, which Jekyll stops on where another set before it applies too.
    NoScope,
    /// A `date` that is neither a time nor text: Jekyll cannot read it and stops.
    Date { found: &'static str },
    /// Jekyll 2's type names, which Jekyll reads as their plural and warns about.
    Deprecated { written: String, read: &'static str },
    /// A scope that Jekyll 4.3 matches with no file.
    MatchesNothing { why: &'static str },
}

impl DefaultsProblem {
    /// Whether Jekyll stops on it, which makes it an error.
    pub fn stops_jekyll(&self) -> bool {
        matches!(self, DefaultsProblem::StopsJekyll { .. } | DefaultsProblem::Date { .. })
    }
}

impl fmt::Display for DefaultsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultsProblem::Ignored { what, found } => {
                write!(f, "`defaults`: {what} takes a mapping, not {found}: Jekyll warns and ignores this set")
            }
            DefaultsProblem::StopsJekyll { what, expected, found } => {
                write!(f, "`defaults`: {what} takes {expected}, not {found}: Jekyll stops on it")
            }
            DefaultsProblem::PathNotText { found } => write!(
                f,
                "`defaults`: a scope's `path` takes text, not {found}: this set applies to every file, and Jekyll stops \
                 where another set applies to the same file (quote it)"
            ),
            DefaultsProblem::NoScope => f.write_str(
                "`defaults`: a set without `scope` applies to every file, and Jekyll stops where a set before it applies \
                 too: give it `scope: {path: \"\"}`",
            ),
            DefaultsProblem::Date { found } => write!(
                f,
                "`defaults`: a default `date` takes a time (2024-01-15 10:00:00) or text, not {found}: Jekyll stops on it"
            ),
            DefaultsProblem::Deprecated { written, read } => {
                write!(f, "`defaults`: type `{written}` is Jekyll 2's name, read as `{read}` (Jekyll warns of it)")
            }
            DefaultsProblem::MatchesNothing { why } => write!(f, "`defaults`: this scope matches no file in Jekyll 4.3: {why}"),
        }
    }
}

impl FrontMatterDefaults {
    /// Reads the value of `defaults:` (a list, else nothing, as Jekyll has it); each problem is
    /// handed to `problem` with the steps to its value from the list.
    pub fn read(value: &Value, problem: &mut dyn FnMut(&[Step], DefaultsProblem)) -> FrontMatterDefaults {
        let Value::Seq(items) = value else { return FrontMatterDefaults::default() };
        let mut sets = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = |steps: &[Step]| [&[Step::Item(i)], steps].concat();
            let values = match (item, item.get("values")) {
                (Value::Map(_), Some(Value::Map(values))) => values.clone(),
                (Value::Map(_), values) => {
                    let found = values.map_or("nothing", Value::kind);
                    problem(&at(&[Step::Key("values")]), DefaultsProblem::Ignored { what: "`values`", found });
                    continue;
                }
                (other, _) => {
                    problem(&at(&[]), DefaultsProblem::Ignored { what: "a set", found: other.kind() });
                    continue;
                }
            };
            match values.iter().find(|(key, _)| key == "date") {
                Some((_, Value::Time(_) | Value::String(_))) | None => {}
                Some((_, other)) => problem(&at(&[Step::Key("values"), Step::Key("date")]), DefaultsProblem::Date { found: other.kind() }),
            }
            let scope = match item.get("scope") {
                None => {
                    problem(&at(&[]), DefaultsProblem::NoScope);
                    None
                }
                Some(scope @ Value::Map(_)) => {
                    Some(read_scope(scope, &mut |steps, p| problem(&at(&[&[Step::Key("scope")], steps].concat()), p)))
                }
                Some(other) => {
                    let found = other.kind();
                    problem(&at(&[Step::Key("scope")]), DefaultsProblem::StopsJekyll { what: "`scope`", expected: "a mapping", found });
                    continue;
                }
            };
            sets.push(DefaultSet { scope, values });
        }
        FrontMatterDefaults { sets }
    }

    /// Expands the glob paths on disk, in the site's folder `source`, whose collections are
    /// in `collections_dir`, as Jekyll does once for a build.
    pub fn expand_globs(&mut self, source: &Path, collections_dir: &str) {
        for scope in self.sets.iter_mut().filter_map(|set| set.scope.as_mut()).filter(|scope| scope.path.contains('*')) {
            let matches = match scope.path.starts_with('/') {
                // Jekyll joins it to the site's folder as a path of its own, so it matches none of
                // the site's files.
                true => Vec::new(),
                false => dir_glob::glob(source, &scope.path),
            };
            scope.globbed = matches.iter().map(|path| strip_collections_dir(path, collections_dir).to_owned()).collect();
        }
    }

    /// The defaults of a file at `path` (relative to the site, or to its collections' folder for
    /// a post, draft or collection document) of type `kind`, merged as Jekyll merges them.
    pub fn all(&self, path: &str, kind: &str, collections_dir: &str) -> Map {
        let mut defaults = Map::new();
        let mut last: Option<Option<&Scope>> = None;
        for set in self.sets.iter().filter(|set| set.scope.as_ref().is_none_or(|scope| applies(scope, path, kind, collections_dir))) {
            let scope = set.scope.as_ref();
            if last.is_none_or(|last| has_precedence(last, scope)) {
                deep_merge(&mut defaults, set.values.clone());
                last = Some(scope);
            } else {
                let mut under = set.values.clone();
                deep_merge(&mut under, defaults);
                defaults = under;
            }
        }
        defaults
    }
}

/// A scope's `path` and `type`, with their problems.
fn read_scope(scope: &Value, problem: &mut dyn FnMut(&[Step], DefaultsProblem)) -> Scope {
    let path = match scope.get("path") {
        Some(Value::String(path)) => path.clone(),
        None | Some(Value::Null) => String::new(),
        Some(other) => {
            problem(&[Step::Key("path")], DefaultsProblem::PathNotText { found: other.kind() });
            String::new()
        }
    };
    if path.starts_with('/') && !path.contains('*') {
        problem(&[Step::Key("path")], DefaultsProblem::MatchesNothing { why: "its path starts with `/` (write it without)" });
    }
    let kind = match scope.get("type") {
        None => None,
        Some(Value::String(kind)) => {
            let read = match kind.as_str() {
                "page" => Some("pages"),
                "post" => Some("posts"),
                "draft" => Some("drafts"),
                _ => None,
            };
            if let Some(read) = read {
                problem(&[Step::Key("type")], DefaultsProblem::Deprecated { written: kind.clone(), read });
            }
            let kind = read.map_or_else(|| kind.clone(), str::to_owned);
            if kind == "drafts" {
                problem(&[Step::Key("type")], DefaultsProblem::MatchesNothing { why: "drafts are of type `posts` there" });
            }
            Some(kind)
        }
        Some(other) => {
            let found = other.kind();
            problem(&[Step::Key("type")], DefaultsProblem::StopsJekyll { what: "a scope's `type`", expected: "text", found });
            None
        }
    };
    Scope { path, globbed: Vec::new(), kind }
}

/// Jekyll's `applies?`: the type is the file's, and the file's path starts with the scope's
/// (or with one of its glob's matches).
fn applies(scope: &Scope, path: &str, kind: &str, collections_dir: &str) -> bool {
    if scope.kind.as_ref().is_some_and(|k| k != kind) {
        return false;
    }
    let path = path.strip_prefix('/').unwrap_or(path);
    if scope.path.is_empty() {
        true
    } else if scope.path.contains('*') {
        scope.globbed.iter().any(|prefix| path.starts_with(prefix.as_str()))
    } else {
        path.starts_with(strip_collections_dir(&scope.path, collections_dir))
    }
}

/// Jekyll's `has_precedence?` of `new` over `old`: a longer path, or as long with a type, or
/// as long with neither having one. A set without scope weighs as a path of none.
fn has_precedence(old: Option<&Scope>, new: Option<&Scope>) -> bool {
    let weight = |scope: Option<&Scope>| scope.map_or(0, Scope::weight);
    let typed = |scope: Option<&Scope>| scope.is_some_and(|scope| scope.kind.is_some());
    match weight(new).cmp(&weight(old)) {
        std::cmp::Ordering::Equal => typed(new) || !typed(old),
        other => other.is_gt(),
    }
}

/// Jekyll's `strip_collections_dir`: `path` without `collections_dir/` at its start.
fn strip_collections_dir<'a>(path: &'a str, collections_dir: &str) -> &'a str {
    match collections_dir {
        "" => path,
        dir => path.strip_prefix(dir).and_then(|rest| rest.strip_prefix('/')).unwrap_or(path),
    }
}
