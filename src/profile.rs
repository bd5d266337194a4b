//! Site profiles: the part of a Jekyll site (its `_config.yml` and its layouts) that shapes
//! an article's page.
//!
//! A profile is a small YAML or JSON document:
//!
//! ```yaml
//! name: numerique
//! url: https://www.numerique.gouv.fr   # absolute URLs start with this (Jekyll's `absolute_url`)
//! baseurl: ""                          # the site's path under `url` (Jekyll's `relative_url`)
//! timezone: Europe/Paris               # an IANA zone or a fixed offset (`+01:00`); UTC when absent
//! lang: fr                             # the page's language, and the dates'
//! kramdown: {}                         # kramdown options, merged over Jekyll's defaults
//! front_matter:                        # the site's own front-matter keys and their part on the page
//!   markdown: [chapeau-text]           # Markdown text, rendered like Jekyll's `markdownify`
//!   summary: chapeau-text              # shown under the title, rendered as Markdown
//!   hero: { image: une-ou-diaporama[0].image, alt: une-ou-diaporama[0].alternative-textuelle }
//!   files: { list: files, url: file, name: nom }   # attached files, linked for download
//! ```
//!
//! Keys are paths into the front matter: `.` goes into a mapping, `[N]` into a list. Every
//! field is optional and defaults to the `jekyll` profile's; unknown keys and bad values are
//! reported and ignored. Two profiles are built in: `jekyll` and `numerique`
//! (`src/profiles/*.yml`).

use std::sync::OnceLock;
use crate::article::{Attachment, Image};
use crate::options::{OptionError, Options};
use crate::sanitize::url;
use crate::value::{Map, Value};
use crate::yaml::{self, YamlError};
use std::fmt;

/// A site profile, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub name: String,
    /// The site's scheme and host, `https://example.org` (empty: URLs stay relative).
    pub url: String,
    /// The site's path under `url`, `/blog` (empty at the root).
    pub baseurl: String,
    /// An IANA zone (`Europe/Paris`) or a fixed offset (`+01:00`, `UTC`).
    pub timezone: String,
    /// A BCP 47 language tag (`fr`, `en-GB`).
    pub lang: String,
    /// kramdown's options for the body and the Markdown fields.
    pub options: Options,
    pub roles: Roles,
}

/// Which front-matter keys play which part on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roles {
    /// Keys holding Markdown text, rendered like Jekyll's `markdownify`.
    pub markdown: Vec<String>,
    /// The key whose Markdown is shown under the title.
    pub summary: Option<String>,
    /// Where the hero image's path is, and its alternative text.
    pub hero_image: Option<KeyPath>,
    pub hero_alt: Option<KeyPath>,
    /// Where the attached files are.
    pub files: Option<FilesRole>,
}

/// Attached files: a list in the front matter, and where each item holds its URL and name.
#[derive(Clone, Debug, PartialEq)]
pub struct FilesRole {
    pub list: KeyPath,
    pub url: KeyPath,
    pub name: Option<KeyPath>,
}

/// A path into the front matter: `une-ou-diaporama[0].image`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPath(Vec<Step>);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl KeyPath {
    /// Reads `a.b[0].c`; `None` when it is not a path (empty parts, a bad index).
    pub fn parse(text: &str) -> Option<KeyPath> {
        let mut steps = Vec::new();
        for part in text.split('.') {
            let (key, mut indexes) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
            if key.is_empty() {
                return None;
            }
            steps.push(Step::Key(key.to_owned()));
            while !indexes.is_empty() {
                let (index, rest) = indexes.split_once(']')?;
                steps.push(Step::Index(index.parse().ok()?));
                indexes = match rest.strip_prefix('[') {
                    Some(next) => next,
                    None if rest.is_empty() => rest,
                    None => return None,
                };
            }
        }
        Some(KeyPath(steps))
    }

    /// The value at this path in `data`, if every step exists.
    pub fn get<'a>(&self, data: &'a Map) -> Option<&'a Value> {
        let (Step::Key(first), rest) = self.0.split_first()? else { return None };
        let mut value = data.iter().find(|(k, _)| k == first).map(|(_, v)| v)?;
        for step in rest {
            value = match (step, value) {
                (Step::Key(key), Value::Map(map)) => map.iter().find(|(k, _)| k == key).map(|(_, v)| v)?,
                (Step::Index(i), Value::Seq(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// What can be wrong with a profile.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileError {
    /// No built-in profile has this name.
    UnknownProfile { name: String },
    /// The document is not YAML (or JSON).
    Unreadable(YamlError),
    /// A key that profiles do not have (`front_matter.heroes`); ignored.
    UnknownKey { key: String },
    /// A known key with a value of the wrong kind; ignored.
    BadValue { key: String, expected: &'static str, found: &'static str },
    /// A front-matter path that does not parse; ignored.
    BadPath { key: String, path: String },
    /// A problem in the `kramdown:` block.
    Kramdown(OptionError),
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::UnknownProfile { name } => {
                write!(f, "no built-in profile is named `{name}` (there are: {})", BUILTIN.join(", "))
            }
            ProfileError::Unreadable(error) => write!(f, "profile is not valid YAML or JSON: {error}"),
            ProfileError::UnknownKey { key } => write!(f, "profile: unknown key `{key}` (ignored)"),
            ProfileError::BadValue { key, expected, found } => {
                write!(f, "profile: `{key}` takes {expected}, not {found} (ignored)")
            }
            ProfileError::BadPath { key, path } => write!(
                f,
                "profile: `{key}` is not a front-matter path like `key`, `key.sub` or `key[0].sub`: `{path}` (ignored)"
            ),
            ProfileError::Kramdown(error) => write!(f, "profile: {error}"),
        }
    }
}

/// So that `?` takes it into `Box<dyn Error>` and other error types.
impl std::error::Error for ProfileError {}

/// The names of the built-in profiles.
pub const BUILTIN: [&str; 2] = ["jekyll", "numerique"];

impl Default for Profile {
    fn default() -> Self {
        Profile::jekyll()
    }
}

impl Profile {
    /// A plain Jekyll site: Jekyll's kramdown options, UTC, English, no roles.
    pub fn jekyll() -> Profile {
        Profile::builtin("jekyll").expect("built in")
    }

    /// The Jekyll profile with other kramdown options (what [`crate::render`] uses).
    pub fn with_options(options: &Options) -> Profile {
        Profile { options: options.clone(), ..Profile::jekyll() }
    }

    /// A built-in profile by name. Each is made once: every render starts from one, and reading
    /// its document for each was a tenth of the time of rendering a short article.
    pub fn builtin(name: &str) -> Option<Profile> {
        Profile::builtin_ref(name).cloned()
    }

    /// A built-in profile by name, as made once, for a caller that changes nothing in it (the
    /// module's render, which copied it for every article). Each is what its document in
    /// `src/profiles/` reads as (a test says so).
    pub fn builtin_ref(name: &str) -> Option<&'static Profile> {
        static JEKYLL: OnceLock<Profile> = OnceLock::new();
        static NUMERIQUE: OnceLock<Profile> = OnceLock::new();
        match name {
            "jekyll" => Some(JEKYLL.get_or_init(|| Profile { name: "jekyll".into(), ..Profile::empty() })),
            "numerique" => Some(NUMERIQUE.get_or_init(numerique)),
            _ => None,
        }
    }

    /// A built-in profile by name, or an error that lists the names.
    pub fn named(name: &str) -> Result<Profile, ProfileError> {
        Profile::named_ref(name).cloned()
    }

    /// [`Profile::named`], as read once (see [`Profile::builtin_ref`]).
    pub fn named_ref(name: &str) -> Result<&'static Profile, ProfileError> {
        Profile::builtin_ref(name).ok_or_else(|| ProfileError::UnknownProfile { name: name.to_owned() })
    }

    /// Reads a profile document (YAML or JSON): fields it leaves out are the `jekyll` profile's.
    pub fn from_yaml(text: &str) -> Result<(Profile, Vec<ProfileError>), ProfileError> {
        let value = yaml::load(text).map_err(ProfileError::Unreadable)?;
        Ok(Profile::from_value(&value))
    }

    /// Reads a profile from data (a JavaScript object, a parsed document) over the `jekyll` profile.
    pub fn from_value(value: &Value) -> (Profile, Vec<ProfileError>) {
        Profile::from_value_over(value, Profile::jekyll())
    }

    fn empty() -> Profile {
        Profile {
            name: String::new(),
            url: String::new(),
            baseurl: String::new(),
            timezone: "UTC".into(),
            lang: "en".into(),
            options: Options::jekyll(),
            roles: Roles::default(),
        }
    }

    fn from_value_over(value: &Value, mut profile: Profile) -> (Profile, Vec<ProfileError>) {
        let mut problems = Vec::new();
        let Value::Map(entries) = value else {
            problems.push(ProfileError::BadValue { key: "(profile)".into(), expected: "a mapping", found: value.kind() });
            return (profile, problems);
        };
        for (key, value) in entries {
            let mut text = |target: &mut String| match value {
                Value::String(s) => *target = s.clone(),
                Value::Null => target.clear(),
                other => problems.push(ProfileError::BadValue { key: key.clone(), expected: "a string", found: other.kind() }),
            };
            match key.as_str() {
                "name" => text(&mut profile.name),
                "url" => text(&mut profile.url),
                "baseurl" => text(&mut profile.baseurl),
                "timezone" => text(&mut profile.timezone),
                "lang" => text(&mut profile.lang),
                "kramdown" => problems.extend(profile.options.merge(value).into_iter().map(ProfileError::Kramdown)),
                "front_matter" => read_roles(value, &mut profile.roles, &mut problems),
                _ => problems.push(ProfileError::UnknownKey { key: key.clone() }),
            }
        }
        (profile, problems)
    }

    /// A site path as a URL of the site, as Jekyll's `absolute_url` writes it when the profile
    /// has a `url`, else as `relative_url` does: `url` + `baseurl` + `/path`. URLs with a scheme
    /// (`https:`, `mailto:`) or a host (`//cdn…`) and fragments (`#x`) are left as they are.
    ///
    /// Where `url` and `baseurl` would make a script's URL (`javascript:`), the path is left as
    /// written: they may come from whoever links to a page (the reader takes them from its
    /// address), and [`Profile::site_is_web`] says so.
    pub fn site_url(&self, path: &str) -> String {
        if url::scheme(path).is_some() || path.starts_with("//") || path.starts_with('#') {
            return path.to_owned();
        }
        let joined = self.joined(path);
        if url::is_allowed(&joined) { joined } else { path.to_owned() }
    }

    /// Whether the site's URL (`url` and `baseurl`) is one links may start with: no scheme, or
    /// one a safe article may link to (`http`, `https`…).
    pub fn site_is_web(&self) -> bool {
        // That of `url` + `baseurl` + `/`, which `url` decides: a `/` follows it, which ends a
        // scheme as relative (made for each render, the joined URL took as long as the test).
        url::is_allowed(&self.url)
    }

    fn joined(&self, path: &str) -> String {
        let base = self.baseurl.trim_end_matches('/');
        let base = if base.is_empty() || base.starts_with('/') { base.to_owned() } else { format!("/{base}") };
        let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
        format!("{}{base}{path}", self.url.trim_end_matches('/'))
    }
}

/// The `numerique` profile (`src/profiles/numerique.yml`), made as it reads: reading the
/// document on the first render kept the profile reader (its problems, paths, kramdown options)
/// in the first download, for profiles a page rarely gives.
fn numerique() -> Profile {
    let key = |key: &str| Step::Key(key.into());
    let hero = |part: &str| Some(KeyPath(vec![key("une-ou-diaporama"), Step::Index(0), key(part)]));
    Profile {
        name: "numerique".into(),
        url: "https://www.numerique.gouv.fr".into(),
        timezone: "Europe/Paris".into(),
        lang: "fr".into(),
        roles: Roles {
            markdown: vec!["chapeau-text".into()],
            summary: Some("chapeau-text".into()),
            hero_image: hero("image"),
            hero_alt: hero("alternative-textuelle"),
            files: Some(FilesRole { list: KeyPath(vec![key("files")]), url: KeyPath(vec![key("file")]), name: Some(KeyPath(vec![key("nom")])) }),
        },
        ..Profile::empty()
    }
}

/// What a profile's roles pick from one front matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picked {
    /// Each Markdown field present, rendered: key → HTML.
    pub markdown_html: Vec<(String, String)>,
    pub summary_html: Option<String>,
    pub hero: Option<Image>,
    pub files: Vec<Attachment>,
}

impl Profile {
    /// Applies the roles to `data`, rendering Markdown with `markdownify` and resolving URLs
    /// against the site. Roles whose keys are absent pick nothing.
    pub fn pick(&self, data: &Map, markdownify: impl Fn(&str) -> String) -> Picked {
        let roles = &self.roles;
        let text = |value: &Value| value.to_scalar_string().filter(|s| !s.is_empty());
        let field = |key: &str| data.iter().find(|(k, _)| k == key).and_then(|(_, v)| text(v));
        let markdown_html: Vec<(String, String)> = roles.markdown.iter().filter_map(|key| Some((key.clone(), markdownify(&field(key)?)))).collect();
        // The summary is usually one of the Markdown fields (numerique's `chapeau-text`): its
        // HTML is taken from there, not rendered (and in safe mode parsed by the browser) twice.
        let summary_html = roles.summary.as_deref().and_then(|key| match markdown_html.iter().find(|(k, _)| k == key) {
            Some((_, html)) => Some(html.clone()),
            None => field(key).map(|summary| markdownify(&summary)),
        });
        let hero = roles.hero_image.as_ref().and_then(|path| path.get(data)).and_then(text).map(|src| Image {
            src: self.site_url(&src),
            alt: roles.hero_alt.as_ref().and_then(|path| path.get(data)).and_then(text).unwrap_or_default(),
        });
        let files = match roles.files.as_ref().and_then(|role| Some((role, role.list.get(data)?))) {
            Some((role, Value::Seq(items))) => items
                .iter()
                .filter_map(|item| {
                    let Value::Map(item) = item else { return None };
                    let url = role.url.get(item).and_then(text)?;
                    let name = role.name.as_ref().and_then(|path| path.get(item)).and_then(text);
                    let name = name.unwrap_or_else(|| url.rsplit('/').next().unwrap_or(&url).to_owned());
                    Some(Attachment { href: self.site_url(&url), name })
                })
                .collect(),
            _ => Vec::new(),
        };
        Picked { markdown_html, summary_html, hero, files }
    }
}

fn read_roles(value: &Value, roles: &mut Roles, problems: &mut Vec<ProfileError>) {
    let Value::Map(entries) = value else {
        problems.push(ProfileError::BadValue { key: "front_matter".into(), expected: "a mapping", found: value.kind() });
        return;
    };
    for (key, value) in entries {
        let name = format!("front_matter.{key}");
        match key.as_str() {
            "markdown" => match value {
                Value::Seq(items) => roles.markdown = items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
                Value::String(s) => roles.markdown = vec![s.clone()],
                other => problems.push(ProfileError::BadValue { key: name, expected: "a list of keys", found: other.kind() }),
            },
            "summary" => match value {
                Value::String(s) => roles.summary = Some(s.clone()),
                Value::Null => roles.summary = None,
                other => problems.push(ProfileError::BadValue { key: name, expected: "a key", found: other.kind() }),
            },
            "hero" => {
                for (part, path) in sub_paths(value, &name, &["image", "alt"], problems) {
                    match part {
                        "image" => roles.hero_image = path,
                        _ => roles.hero_alt = path,
                    }
                }
            }
            "files" => {
                let (mut list, mut url, mut file_name) = (None, None, None);
                for (part, path) in sub_paths(value, &name, &["list", "url", "name"], problems) {
                    *match part {
                        "list" => &mut list,
                        "url" => &mut url,
                        _ => &mut file_name,
                    } = path;
                }
                roles.files = match (list, url) {
                    (Some(list), Some(url)) => Some(FilesRole { list, url, name: file_name }),
                    (None, None) if file_name.is_none() => None,
                    _ => {
                        problems.push(ProfileError::BadValue { key: name, expected: "both `list` and `url`", found: "one of them" });
                        None
                    }
                }
            }
            _ => problems.push(ProfileError::UnknownKey { key: name }),
        }
    }
}

/// The paths of a role's parts (`hero: {image: …, alt: …}`), reporting unknown parts and bad paths.
fn sub_paths<'k>(
    value: &Value,
    name: &str,
    parts: &[&'k str],
    problems: &mut Vec<ProfileError>,
) -> Vec<(&'k str, Option<KeyPath>)> {
    let Value::Map(entries) = value else {
        problems.push(ProfileError::BadValue { key: name.to_owned(), expected: "a mapping", found: value.kind() });
        return Vec::new();
    };
    let mut found = Vec::new();
    for (key, value) in entries {
        let key_name = format!("{name}.{key}");
        let Some(part) = parts.iter().find(|p| **p == key) else {
            problems.push(ProfileError::UnknownKey { key: key_name });
            continue;
        };
        match value {
            Value::Null => found.push((*part, None)),
            Value::String(s) => match KeyPath::parse(s) {
                Some(path) => found.push((*part, Some(path))),
                None => problems.push(ProfileError::BadPath { key: key_name, path: s.clone() }),
            },
            other => problems.push(ProfileError::BadValue { key: key_name, expected: "a front-matter path", found: other.kind() }),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_profiles_are_their_documents_read() {
        for name in BUILTIN {
            let text = match name {
                "jekyll" => include_str!("profiles/jekyll.yml"),
                _ => include_str!("profiles/numerique.yml"),
            };
            let (read, problems) = Profile::from_value_over(&yaml::load(text).unwrap(), Profile::empty());
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert_eq!(Profile::named(name).unwrap(), read, "{name}");
        }
        let numerique = Profile::named("numerique").unwrap();
        assert_eq!((numerique.lang.as_str(), numerique.timezone.as_str()), ("fr", "Europe/Paris"));
        assert_eq!(numerique.roles.summary.as_deref(), Some("chapeau-text"));
        assert_eq!(numerique.roles.hero_image.unwrap().to_string(), "une-ou-diaporama[0].image");
    }

    #[test]
    fn its_errors_box_into_dyn_error_as_the_readme_s_main_does() -> Result<(), Box<dyn std::error::Error>> {
        let profile = Profile::named("numerique")?;
        assert_eq!(profile.lang, "fr");
        let unknown: Result<Profile, Box<dyn std::error::Error>> = Profile::named("nosuch").map_err(Into::into);
        assert!(unknown.unwrap_err().to_string().contains("jekyll, numerique"));
        Ok(())
    }

    #[test]
    fn an_unknown_built_in_name_lists_the_names() {
        let error = Profile::named("nope").unwrap_err();
        assert_eq!(error.to_string(), "no built-in profile is named `nope` (there are: jekyll, numerique)");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_reported_and_the_rest_is_read() {
        let (profile, problems) = Profile::from_yaml(
            "lang: de\ncolour: blue\nkramdown: {hard_wrap: true, nope: 1}\nfront_matter:\n  heroes: x\n  hero: {image: 'a[x]'}\n  summary: [1]\n",
        )
        .unwrap();
        assert_eq!(profile.lang, "de");
        assert!(profile.options.hard_wrap);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "profile: unknown key `colour` (ignored)",
                "profile: unknown kramdown option `nope` (ignored)",
                "profile: unknown key `front_matter.heroes` (ignored)",
                "profile: `front_matter.hero.image` is not a front-matter path like `key`, `key.sub` or `key[0].sub`: `a[x]` (ignored)",
                "profile: `front_matter.summary` takes a key, not a list (ignored)",
            ]
        );
    }

    #[test]
    fn paths_walk_mappings_and_lists() {
        let data = match yaml::load("une: [{image: /a.jpg}]\nfiles: [{file: /f.pdf, nom: F}]\n").unwrap() {
            Value::Map(m) => m,
            _ => unreachable!(),
        };
        assert_eq!(KeyPath::parse("une[0].image").unwrap().get(&data).and_then(Value::as_str), Some("/a.jpg"));
        assert_eq!(KeyPath::parse("une[1].image").unwrap().get(&data), None);
        assert_eq!(KeyPath::parse("a..b"), None);
        assert_eq!(KeyPath::parse("a[0]x"), None);
        assert_eq!(KeyPath::parse("a[0][1].b").unwrap().to_string(), "a[0][1].b");
    }

    #[test]
    fn roles_pick_markdown_the_hero_and_the_files_from_the_front_matter() {
        let data = match yaml::load(
            "chapeau-text: Un *chapeau*\nune-ou-diaporama:\n- image: /uploads/une.jpg\n  alternative-textuelle: Une foule\nfiles:\n- file: /f/a.pdf\n  nom: Le rapport\n- file: /f/b.odt\n- nom: no file\n",
        )
        .unwrap()
        {
            Value::Map(m) => m,
            _ => unreachable!(),
        };
        let picked = Profile::named("numerique").unwrap().pick(&data, |md| format!("<p>{md}</p>"));
        assert_eq!(picked.markdown_html, [("chapeau-text".to_owned(), "<p>Un *chapeau*</p>".to_owned())]);
        assert_eq!(picked.summary_html.as_deref(), Some("<p>Un *chapeau*</p>"));
        let hero = picked.hero.unwrap();
        assert_eq!((hero.src.as_str(), hero.alt.as_str()), ("https://www.numerique.gouv.fr/uploads/une.jpg", "Une foule"));
        let files: Vec<(&str, &str)> = picked.files.iter().map(|f| (f.href.as_str(), f.name.as_str())).collect();
        assert_eq!(
            files,
            [("https://www.numerique.gouv.fr/f/a.pdf", "Le rapport"), ("https://www.numerique.gouv.fr/f/b.odt", "b.odt")]
        );
        assert_eq!(Profile::jekyll().pick(&data, |md| md.to_owned()), Picked::default());
    }

    #[test]
    fn a_summary_that_is_also_a_markdown_field_is_rendered_once() {
        let data = match yaml::load("chapeau-text: Un *chapeau*\nresume: Un _résumé_\n").unwrap() {
            Value::Map(m) => m,
            _ => unreachable!(),
        };
        let mut profile = Profile::named("numerique").unwrap();
        let rendered = std::cell::RefCell::new(Vec::new());
        let markdownify = |md: &str| {
            rendered.borrow_mut().push(md.to_owned());
            format!("<p>{md}</p>")
        };
        let picked = profile.pick(&data, markdownify);
        assert_eq!(picked.summary_html.as_deref(), Some("<p>Un *chapeau*</p>"));
        assert_eq!(rendered.take(), ["Un *chapeau*"]);
        // A summary outside the Markdown fields is rendered for itself.
        profile.roles.summary = Some("resume".into());
        let picked = profile.pick(&data, markdownify);
        assert_eq!(picked.summary_html.as_deref(), Some("<p>Un _résumé_</p>"));
        assert_eq!(rendered.take(), ["Un *chapeau*", "Un _résumé_"]);
    }

    #[test]
    fn site_paths_become_urls_of_the_site_as_jekyll_filters_write_them() {
        let mut profile = Profile::jekyll();
        assert_eq!(profile.site_url("/uploads/a.jpg"), "/uploads/a.jpg");
        profile.baseurl = "blog/".into();
        assert_eq!(profile.site_url("uploads/a.jpg"), "/blog/uploads/a.jpg");
        profile.url = "https://example.org/".into();
        assert_eq!(profile.site_url("/a.jpg"), "https://example.org/blog/a.jpg");
        assert_eq!(profile.site_url("https://cdn.example/a.jpg"), "https://cdn.example/a.jpg");
        assert_eq!(profile.site_url("//cdn.example/a.jpg"), "//cdn.example/a.jpg");
        assert_eq!(profile.site_url("#top"), "#top");
    }

    #[test]
    fn a_site_url_that_would_make_script_urls_leaves_site_paths_as_written() {
        let mut profile = Profile::jekyll();
        for url in ["javascript:alert(1);x=", " JavaScript:alert(1)//", "java\tscript:alert(1)//", "data:text/html,<script>x</script>//"] {
            profile.url = url.into();
            assert!(!profile.site_is_web(), "{url:?}");
            assert_eq!(profile.site_url("/about/"), "/about/", "{url:?}");
        }
        for (url, baseurl) in [("https://example.org", "/blog"), ("", "javascript:x"), ("java", "script:x"), ("//cdn.example", "")] {
            (profile.url, profile.baseurl) = (url.into(), baseurl.into());
            assert!(profile.site_is_web(), "{url:?} {baseurl:?}: a scheme no page runs, or none");
        }
        // As the joined URL says, whatever the base.
        let urls = ["", "/", "java", "javascript", "javascript:", "javascript\t", "java/script:x", " JavaScript:x", "https://a.example/", "x:y", "  ", "///", "data:"];
        for url in urls {
            for baseurl in ["", "/", "blog", ":x", "script:x", "javascript:x", "//"] {
                (profile.url, profile.baseurl) = (url.into(), baseurl.into());
                assert_eq!(profile.site_is_web(), url::is_allowed(&profile.joined("/")), "{url:?} {baseurl:?}");
            }
        }
    }
}
