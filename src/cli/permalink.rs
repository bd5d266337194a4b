//! URLs as Jekyll 4.3 makes them from permalinks (`Jekyll::URL`, `Drops::UrlDrop`,
//! `Page#template`): the site's `permalink:` style or template, or a file's own `permalink:`,
//! its placeholders (`:year`, `:title`, `:categories`…) filled in, then cleaned.

use folio::calendar::ENGLISH;
use folio::datetime::{Date, DateTime};
use folio::ruby_case::downcase;
use folio::slug::{slugify, Mode};
use std::fmt;

/// A permalink Jekyll cannot fill in, which stops the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownPlaceholder(pub String);

impl fmt::Display for UnknownPlaceholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the permalink has `:{}`, which Jekyll does not know: it stops", self.0)
    }
}

/// The template of posts for the site's `permalink:` (Jekyll's `style_to_permalink`).
pub fn posts_template(style: &str) -> &str {
    match style {
        "none" => "/:categories/:title:output_ext",
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        template => template,
    }
}

/// The template of a page named `basename` (Jekyll's `Page#template` for HTML output).
pub fn page_template(style: &str, basename: &str) -> String {
    if basename == "index" {
        return "/:path/".to_owned();
    }
    // `Utils.add_permalink_suffix`: a style ends the template as it ends (`weekdate` neither way).
    let suffix = match style {
        "pretty" => "/",
        "date" | "ordinal" | "none" => ":output_ext",
        custom if custom.ends_with('/') => "/",
        custom if custom.ends_with(":output_ext") => ":output_ext",
        _ => "",
    };
    format!("/:path/:basename{suffix}")
}

/// What a post's placeholders are made of (Jekyll's `UrlDrop`).
pub struct Post<'a> {
    pub date: DateTime,
    /// The front matter's `slug`, else the file name's.
    pub slug: &'a str,
    /// The file's name without its extension (`2016-12-23-hello`).
    pub basename: &'a str,
    /// Its path from its `_posts` folder's parent, without extension (`/_posts/2016-12-23-hello`).
    pub path: &'a str,
    pub categories: &'a [String],
}

impl Post<'_> {
    /// The URL from `template` (the post's own `permalink:`, else its collection's).
    pub fn url(&self, template: &str) -> Result<Option<String>, UnknownPlaceholder> {
        let mut out = String::new();
        let mut rest = template;
        while let Some(colon) = rest.find(':') {
            out.push_str(&rest[..colon]);
            let name_len = rest[colon + 1..].find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(rest.len() - colon - 1);
            let name = &rest[colon + 1..colon + 1 + name_len];
            rest = &rest[colon + 1 + name_len..];
            if name.is_empty() {
                out.push(':');
                continue;
            }
            // `:month_:day` is `:month` then `_`: a name ending in `_` may be the name without it.
            let value = match self.placeholder(name) {
                Some(value) => value,
                None => match name.strip_suffix('_').and_then(|short| self.placeholder(short)) {
                    Some(value) => value + "_",
                    None => return Err(UnknownPlaceholder(name.to_owned())),
                },
            };
            let Some(escaped) = escape_path(&value) else { return Ok(None) };
            out.push_str(&escaped);
        }
        out.push_str(rest);
        Ok(Some(sanitize(&out)))
    }

    fn placeholder(&self, name: &str) -> Option<String> {
        let (time, date) = (&self.date, self.date.date);
        let days = date.days_since_epoch();
        // 1970-01-01 was a Thursday: Monday is 1, Sunday 7.
        let weekday = (days + 3).rem_euclid(7) + 1;
        let day_name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday as usize - 1];
        let two = |n: u8| format!("{n:02}");
        Some(match name {
            "collection" => "posts".to_owned(),
            "name" => slugify(self.basename, Mode::Default, false),
            "title" => slugify(self.slug, Mode::Pretty, true),
            "slug" => slugify(self.slug, Mode::Default, false),
            // Ruby's `downcase`, as Jekyll's: a final Σ is σ, where Rust's `str::to_lowercase` makes ς.
            "categories" => unique(self.categories.iter().map(|c| downcase(c))),
            "slugified_categories" => unique(self.categories.iter().map(|c| slugify(c, Mode::Default, false))),
            "year" => date.year.to_string(),
            "month" => two(date.month),
            "day" => two(date.day),
            "hour" => two(time.hour),
            "minute" => two(time.minute),
            "second" => two(time.second),
            "i_day" => date.day.to_string(),
            "i_month" => date.month.to_string(),
            "short_month" => ENGLISH[usize::from(date.month) - 1][..3].to_owned(),
            "long_month" => ENGLISH[usize::from(date.month) - 1].to_owned(),
            "short_year" => format!("{:02}", date.year.rem_euclid(100)),
            "w_year" => iso_week(date).0.to_string(),
            "week" => format!("{:02}", iso_week(date).1),
            "w_day" => weekday.to_string(),
            "short_day" => day_name[..3].to_owned(),
            "long_day" => day_name.to_owned(),
            "y_day" => format!("{:03}", days - Date { month: 1, day: 1, ..date }.days_since_epoch() + 1),
            "output_ext" => ".html".to_owned(),
            "path" => self.path.to_owned(),
            _ => return None,
        })
    }
}

/// A page's URL: `template` (or its own `permalink:`) with `:path` (its folder), `:basename`
/// and `:output_ext` replaced in turn, as Jekyll fills a template from a hash.
pub fn page_url(template: &str, folder: &str, basename: &str) -> Option<String> {
    let mut url = template.to_owned();
    for (key, value) in [("path", folder), ("basename", basename), ("output_ext", ".html")] {
        if !url.contains(':') {
            break;
        }
        url = url.replace(&format!(":{key}"), &escape_path(value)?);
    }
    Some(sanitize(&url))
}

/// Jekyll's `sanitize_url`: one leading `/`, `..` made `/`, `./` removed, `/` runs squeezed.
pub fn sanitize(url: &str) -> String {
    let url = format!("/{url}").replace("..", "/").replace("./", "");
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// Jekyll's `URL.escape_path` (Addressable's encoding of a path), for the characters Folio
/// encodes exactly; `None` for `?`, `#`, `%`, `[`, `]` and other ASCII punctuation.
fn escape_path(path: &str) -> Option<String> {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':' | b'@' => out.push(char::from(byte)),
            b' ' | 0x80.. => out.push_str(&format!("%{byte:02X}")),
            _ => return None,
        }
    }
    Some(out)
}

/// Each item once, in order, joined by `/`.
fn unique(items: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("/")
}

/// The ISO 8601 week-numbering year and week of `date` (`%G`, `%V`).
fn iso_week(date: Date) -> (i32, i64) {
    let days = date.days_since_epoch();
    let weekday = (days + 3).rem_euclid(7);
    // The week's Thursday decides its year.
    let thursday = Date::from_days_since_epoch(days - weekday + 3);
    let first = Date { year: thursday.year, month: 1, day: 1 }.days_since_epoch();
    (thursday.year, (days - weekday + 3 - first) / 7 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(year: i32, month: u8, day: u8, categories: &[String]) -> Post<'_> {
        let date = DateTime::from_civil(Date::new(year, month, day).unwrap(), 9, 5, 7, 0, 3600);
        Post { date, slug: "Hello World", basename: "2016-12-23-Hello World", path: "/_posts/2016-12-23-Hello World", categories }
    }

    #[test]
    fn jekyll_s_styles_and_placeholders_fill_in_as_its_url_drop_does() {
        let cats = ["Travel".to_owned(), "Asia Trip".to_owned(), "travel".to_owned()];
        let p = post(2016, 1, 3, &cats);
        let url = |template: &str| p.url(template).unwrap().unwrap();
        assert_eq!(url(posts_template("date")), "/travel/asia%20trip/2016/01/03/Hello-World.html");
        assert_eq!(url(posts_template("pretty")), "/travel/asia%20trip/2016/01/03/Hello-World/");
        assert_eq!(url(posts_template("ordinal")), "/travel/asia%20trip/2016/003/Hello-World.html");
        assert_eq!(url(posts_template("weekdate")), "/travel/asia%20trip/2016/W53/Sun/Hello-World.html");
        assert_eq!(url("/:short_year/:i_month/:i_day/:hour:minute:second/:slug"), "/16/1/3/090507/hello-world");
        assert_eq!(url("/:month_:day/:w_year-:w_day/:slugified_categories/:name"), "/01_03/2015-7/travel/asia-trip/2016-12-23-hello-world");
        assert_eq!(p.url("/:nope/"), Err(UnknownPlaceholder("nope".into())));
    }

    #[test]
    fn categories_are_lowered_as_ruby_lowers_them_character_by_character() {
        // `ruby -e 'puts "ΣΟΦΟΣ".downcase'` prints σοφοσ: no final sigma.
        let cats = ["ΣΟΦΟΣ".to_owned()];
        assert_eq!(post(2016, 1, 3, &cats).url("/:categories/").unwrap().unwrap(), "/%CF%83%CE%BF%CF%86%CE%BF%CF%83/");
    }

    #[test]
    fn pages_fill_in_from_a_hash_and_urls_are_cleaned() {
        assert_eq!(page_template("date", "about"), "/:path/:basename:output_ext");
        assert_eq!(page_template("pretty", "about"), "/:path/:basename/");
        assert_eq!(page_template("weekdate", "about"), "/:path/:basename");
        assert_eq!(page_template("/:title/", "index"), "/:path/");
        assert_eq!(page_url("/:path/:basename:output_ext", "/blog", "about").unwrap(), "/blog/about.html");
        assert_eq!(page_url("/:path/", "", "index").unwrap(), "/");
        assert_eq!(sanitize("a/../b/./c//d"), "/a///b/c/d".replace("///", "/"));
    }
}
