//! The keys Jekyll itself interprets, typed; every other key kept as data, in order.

use super::date::{self, Zone};
use super::Problem;
use crate::datetime::DateTime;
use crate::json::Member;
use crate::value::{Map, Value};

/// The keys of Jekyll's own, as Jekyll reads them (`Jekyll::Document`, `Jekyll::Utils`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// `title`; for a dated file without one, the slug in title case (Jekyll's `titleize_slug`).
    pub title: Option<String>,
    /// `date` (or the file name's date), shown in the site's zone: see [`super::date`].
    pub date: Option<DateTime>,
    pub layout: Option<String>,
    pub permalink: Option<String>,
    /// False only when `published: false`.
    pub published: bool,
    /// `categories` (a list, or words split on white space), then `category` (one, kept whole).
    pub categories: Vec<String>,
    /// `tag` or else `tags`, read like the categories, but a tag given twice stays twice (Jekyll's
    /// `populate_tags` does not make them unique).
    pub tags: Vec<String>,
    /// An `excerpt` written in the front matter (else Jekyll derives one from the body).
    pub excerpt: Option<String>,
    /// `excerpt_separator`, by default `"\n\n"`.
    pub excerpt_separator: String,
    /// `slug`, else the file name's.
    pub slug: Option<String>,
    /// Every other key, in order.
    pub extra: Map,
}

/// The interpreted keys (`category` and `categories` count as one).
const JEKYLL_KEYS: [&str; 12] = [
    "title", "date", "layout", "permalink", "published", "categories", "category", "tags", "tag", "excerpt",
    "excerpt_separator", "slug",
];

impl FrontMatter {
    /// The keys as members of the article's JSON object: camelCase, the other keys as `data`.
    pub fn json_members(&self) -> [Member<'_>; 11] {
        [
            ("title", &self.title),
            ("date", &self.date),
            ("layout", &self.layout),
            ("permalink", &self.permalink),
            ("published", &self.published),
            ("categories", &self.categories),
            ("tags", &self.tags),
            ("excerpt", &self.excerpt),
            ("excerptSeparator", &self.excerpt_separator),
            ("slug", &self.slug),
            ("data", &self.extra),
        ]
    }

    /// Reads Jekyll's keys from `data`. `file_name` (a path) gives the date and slug when the front
    /// matter has none. A `date` that cannot be read is reported under `problems` by its key.
    pub fn interpret(data: &Map, file_name: Option<&str>, zone: &Zone, problems: &mut Vec<(Problem, String)>) -> FrontMatter {
        let get = |key: &str| data.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let text = |key: &str| get(key).and_then(Value::to_scalar_string).filter(|s| !s.is_empty());
        let (file_date, file_slug) = file_name.map(date::from_file_name).unzip();
        let file_date = file_date.flatten();

        let date = match get("date") {
            Some(value) => match date::read(value, zone) {
                Ok(date) => Some(date),
                Err(error) => {
                    problems.push((Problem::Date(error), "date".into()));
                    file_date.map(|d| date::midnight(d, zone))
                }
            },
            None => file_date.map(|d| date::midnight(d, zone)),
        };
        // `data["title"] ||= titleize_slug(slug)`: an empty title is kept, and the slug is the file's.
        let title = get("title").filter(|value| **value != Value::Null).and_then(Value::to_scalar_string);
        let title = title.or_else(|| file_date.and(file_slug.as_deref()).map(titleize_slug));
        let slug = text("slug").or(file_slug);
        FrontMatter {
            title,
            date,
            layout: text("layout"),
            permalink: text("permalink"),
            published: !matches!(get("published"), Some(Value::Bool(false))),
            categories: categories(get("category"), get("categories")),
            tags: pluralized(get("tag"), get("tags"), Vec::new()),
            excerpt: text("excerpt"),
            excerpt_separator: get("excerpt_separator").and_then(Value::to_scalar_string).unwrap_or_else(|| "\n\n".into()),
            slug,
            extra: data.iter().filter(|(k, _)| !JEKYLL_KEYS.contains(&k.as_str())).cloned().collect(),
        }
    }
}

/// Jekyll's `Utils.pluralized_array_from_hash`, added to `items`: the singular key's value kept
/// whole, else the plural key's list, or its text split on white space; flattened, without
/// nothing, as text.
fn pluralized(singular: Option<&Value>, plural: Option<&Value>, mut items: Vec<String>) -> Vec<String> {
    match singular {
        Some(value) if *value != Value::Null => flatten(value, &mut items),
        _ => listed(plural, &mut items),
    }
    items
}

/// Jekyll's `populate_categories`: the `categories` list (its text split on white space), then
/// [`pluralized`] `category` or `categories`, so that both keys count; each once.
fn categories(singular: Option<&Value>, plural: Option<&Value>) -> Vec<String> {
    let mut items = Vec::new();
    listed(plural, &mut items);
    once_each(pluralized(singular, plural, items))
}

/// A plural key's items: a list flattened, or a text split on white space.
fn listed(plural: Option<&Value>, out: &mut Vec<String>) {
    match plural {
        Some(Value::String(words)) => out.extend(words.split_ascii_whitespace().map(str::to_owned)),
        Some(list @ Value::Seq(_)) => flatten(list, out),
        _ => {}
    }
}

fn once_each(mut items: Vec<String>) -> Vec<String> {
    let mut seen = crate::name_map::NameMap::new();
    items.retain(|item| seen.insert(item.clone(), ()).is_none());
    items
}

fn flatten(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::Seq(items) => items.iter().for_each(|item| flatten(item, out)),
        other => out.extend(other.to_scalar_string()),
    }
}

/// Jekyll's `Utils.titleize_slug`: `ogp-societe-civile` → `Ogp Societe Civile`, each word
/// capitalised as Ruby does it (the rest of the word in lower case: `HELLO` → `Hello`).
fn titleize_slug(slug: &str) -> String {
    let mut title = String::with_capacity(slug.len());
    // Ruby's `split` drops the empty words at the end.
    for (index, word) in slug.trim_end_matches('-').split('-').enumerate() {
        if index > 0 {
            title.push(' ');
        }
        // Slugs are mostly ASCII: Ruby's case mappings, with their title case, only for the others.
        if word.is_ascii() {
            let start = title.len();
            title.push_str(word);
            title[start..].make_ascii_lowercase();
            title[start..start + word.len().min(1)].make_ascii_uppercase();
        } else {
            title.push_str(&crate::ruby_case::capitalize(word));
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Builtin;

    fn interpret(yaml: &str, file_name: Option<&str>) -> (FrontMatter, Vec<(Problem, String)>) {
        let Value::Map(data) = crate::yaml::load(yaml).unwrap() else { panic!("a mapping") };
        let mut problems = Vec::new();
        let zone = Zone { name: "Europe/Paris", calendar: &Builtin };
        (FrontMatter::interpret(&data, file_name, &zone, &mut problems), problems)
    }

    #[test]
    fn a_plural_key_given_as_text_is_split_on_white_space_and_a_singular_one_kept_whole() {
        let (fm, _) = interpret("tags: jekyll  release\ncategory: Open data\n", None);
        assert_eq!(fm.tags, ["jekyll", "release"]);
        assert_eq!(fm.categories, ["Open data"]);
        let (fm, _) = interpret("tag: one tag\ntags: [a, b]\ncategories: [x, [y, x], null, 3]\n", None);
        assert_eq!(fm.tags, ["one tag"]);
        assert_eq!(fm.categories, ["x", "y", "3"]);
    }

    #[test]
    fn categories_and_a_category_both_count_as_in_jekyll() {
        let (fm, _) = interpret("categories: politique numerique
category: extra
", None);
        assert_eq!(fm.categories, ["politique", "numerique", "extra"]);
        let (fm, _) = interpret("categories: [a, b]
category: [x, a]
", None);
        assert_eq!(fm.categories, ["a", "b", "x"]);
        let (fm, _) = interpret("tags: [a, b]
tag: x
", None);
        assert_eq!(fm.tags, ["x"], "tags are one key or the other");
    }

    #[test]
    fn only_published_false_unpublishes() {
        assert!(!interpret("published: false\n", None).0.published);
        assert!(interpret("published: no way\n", None).0.published);
        assert!(interpret("title: x\n", None).0.published);
    }

    #[test]
    fn other_keys_are_kept_in_order_as_data() {
        let (fm, _) = interpret("z: 1\ntitle: T\nchapeau-text: C\nlayout: post\na: 2\n", None);
        let keys: Vec<&str> = fm.extra.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "chapeau-text", "a"]);
        assert_eq!(fm.layout.as_deref(), Some("post"));
    }

    #[test]
    fn a_dated_file_name_gives_date_slug_and_title_when_the_front_matter_has_none() {
        let (fm, _) = interpret("layout: post\n", Some("_posts/2016-12-23-ogp-societe-civile.md"));
        assert_eq!(fm.date.unwrap().to_string(), "2016-12-23T00:00:00+01:00");
        assert_eq!(fm.slug.as_deref(), Some("ogp-societe-civile"));
        assert_eq!(fm.title.as_deref(), Some("Ogp Societe Civile"));
        let (fm, _) = interpret("date: 2017-01-02 10:00:00 +01:00\nslug: own\ntitle: T\n", Some("2016-12-23-x.md"));
        assert_eq!(fm.date.unwrap().to_string(), "2017-01-02T10:00:00+01:00");
        assert_eq!((fm.slug.as_deref(), fm.title.as_deref()), (Some("own"), Some("T")));
        let (fm, _) = interpret("slug: own\n", Some("2016-12-23-HELLO-wORLD-école.md"));
        assert_eq!(fm.title.as_deref(), Some("Hello World École"), "from the file's slug, capitalised as Ruby does");
        let (fm, _) = interpret("layout: post\n", Some("2020-01-01-ßa-ǆemal-ﬁx.md"));
        assert_eq!(fm.title.as_deref(), Some("Ssa ǅemal Fix"), "the first letter in title case, as Ruby's capitalize has it");
        let (fm, _) = interpret("slug: own\n", Some("2016-12-23-a--b-.md"));
        assert_eq!(fm.title.as_deref(), Some("A  B"), "each empty word keeps its space, but a trailing one, as Ruby's split drops it");
        let (fm, _) = interpret("title: ''\n", Some("2016-12-23-x.md"));
        assert_eq!(fm.title.as_deref(), Some(""), "an empty title is kept");
    }

    #[test]
    fn an_unreadable_date_is_reported_by_its_key() {
        let (fm, problems) = interpret("date: soon\n", None);
        assert_eq!(fm.date, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].1, "date");
    }

    #[test]
    fn the_excerpt_separator_defaults_to_a_blank_line() {
        assert_eq!(interpret("a: 1\n", None).0.excerpt_separator, "\n\n");
        assert_eq!(interpret("excerpt_separator: <!--more-->\n", None).0.excerpt_separator, "<!--more-->");
    }
}
