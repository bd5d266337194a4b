//! Links and images of the body made URLs that work away from the article's site (on a
//! partner's page, in the reader), when the caller asks:
//!
//! - root-relative ones (`/uploads/a.jpg`) become URLs of the site, as Jekyll's
//!   `absolute_url` would write them;
//! - relative ones (`images/map.png`, `../b.md`) are resolved against the article's own URL,
//!   as a browser would resolve them on the article's page.
//!
//! Fragments (`#x`), queries (`?q`), URLs with a scheme and network paths (`//cdn`) stay.

use crate::chunk;
use crate::kramdown::element::Element;
use crate::sanitize::url;

/// Where the body's URLs point: the site, and the article's own URL when it has one.
pub struct Base<'a> {
    pub site_url: &'a dyn Fn(&str) -> String,
    pub article_url: Option<&'a str>,
}

/// Rewrites every `href`, `src` and `poster` under `el`.
pub fn resolve(el: &mut Element, base: &Base) {
    for child in &mut el.children {
        for key in ["href", "src", "poster"] {
            let Some(value) = child.attr.get(key) else { continue };
            if let Some(resolved) = resolve_one(value.trim(), base) {
                child.attr.set(key, resolved);
            }
        }
        resolve(child, base);
    }
}

fn resolve_one(value: &str, base: &Base) -> Option<String> {
    if value.is_empty() || value.starts_with(['#', '?']) || value.starts_with("//") || url::scheme(value).is_some() {
        return None;
    }
    if value.starts_with('/') {
        return Some((base.site_url)(value));
    }
    // The article's URL may come from whoever links to a page, as the site's may (see
    // `Profile::site_url`): a script's URL (`javascript:`) is never made.
    base.article_url.map(|article| join(article, value)).filter(|url| url::is_allowed(url))
}

/// The file name at the end of a URL's path, its escapes decoded (`caf%C3%A9.md` is `café.md`,
/// the name Jekyll read); kept as written where they do not make UTF-8.
pub fn file_name_of_url(url: &str) -> Option<String> {
    let name = url.split(['?', '#']).next()?.rsplit('/').next()?;
    Some(if name.contains('%') { decoded(name) } else { name.to_owned() })
}

// Not inlined: names with escapes are rare, and wasm-split can leave this out of the first download.
#[inline(never)]
fn decoded(name: &str) -> String {
    let bytes = name.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, ..) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| name.to_owned())
}

/// `relative` resolved against `base` (RFC 3986's merge and dot removal). A base that is a
/// relative path itself (`post.md`, `posts/p.md`) gives a relative path.
fn join(base: &str, relative: &str) -> String {
    let scheme_end = chunk::find_str(base.as_bytes(), b"://");
    if scheme_end.is_none() && !base.starts_with('/') {
        let joined = join(&["/", base].concat(), relative);
        return joined[1..].to_owned();
    }
    let authority_end = scheme_end.map_or(0, |i| i + 3);
    let path_start = base[authority_end..].find('/').map_or(base.len(), |i| authority_end + i);
    let base_path = base[path_start..].split(['?', '#']).next().unwrap_or("");
    let directory = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
    let (path, rest) = relative.find(['?', '#']).map_or((relative, ""), |i| relative.split_at(i));
    let mut segments: Vec<&str> = Vec::new();
    let merged = [if directory.is_empty() { "/" } else { directory }, path].concat();
    let trailing = merged.ends_with('/') || merged.ends_with("/.") || merged.ends_with("/..");
    for segment in merged.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let mut out = format!("{}/{}", &base[..path_start], segments.join("/"));
    if trailing && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::Document;
    use crate::Options;

    #[test]
    fn relative_urls_resolve_against_the_article_like_a_browser() {
        let base = "https://site.example/blog/2024/post.md?v=1";
        assert_eq!(join(base, "images/a.png"), "https://site.example/blog/2024/images/a.png");
        assert_eq!(join(base, "../b.md#x"), "https://site.example/blog/b.md#x");
        assert_eq!(join(base, "./"), "https://site.example/blog/2024/");
        assert_eq!(join("https://site.example", "a"), "https://site.example/a");
        assert_eq!(join(base, "../../../x"), "https://site.example/x");
        assert_eq!(join("post.md", "rel.html"), "rel.html", "a file name alone");
        assert_eq!(join("posts/p.md", "../img.png?s=1"), "img.png?s=1");
        assert_eq!(join("/posts/p.md", "img.png"), "/posts/img.png");
    }

    #[test]
    fn each_kind_of_url_goes_where_it_belongs() {
        let mut document = Document::parse(
            "![a](/u/a.jpg) [b](/page) [c](//cdn/x) [d](rel/x) [e](https://x/) [f](#top) [g](mailto:a@b.c)\n",
            &Options::jekyll(),
        );
        let site = |path: &str| format!("https://site{path}");
        resolve(&mut document.root, &Base { site_url: &site, article_url: Some("https://site/posts/p.md") });
        let html = document.to_html();
        for expected in [
            "src=\"https://site/u/a.jpg\"",
            "href=\"https://site/page\"",
            "href=\"//cdn/x\"",
            "href=\"https://site/posts/rel/x\"",
            "href=\"https://x/\"",
            "href=\"#top\"",
            "href=\"mailto:a@b.c\"",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
    }

    #[test]
    fn the_file_name_of_a_url_is_its_last_segment_with_its_escapes_decoded() {
        assert_eq!(file_name_of_url("https://ex.org/blog/2016-12-23-caf%C3%A9.md?x=1#y").as_deref(), Some("2016-12-23-café.md"));
        assert_eq!(file_name_of_url("post.md").as_deref(), Some("post.md"));
        assert_eq!(file_name_of_url("a/100%25-b%2.md").as_deref(), Some("100%-b%2.md"));
        assert_eq!(file_name_of_url("a/%FF.md").as_deref(), Some("%FF.md"), "not UTF-8 once decoded");
    }

    #[test]
    fn an_article_url_that_would_make_script_urls_leaves_relative_urls_as_written() {
        let mut document = Document::parse("[d](rel/x) [e](../y)\n", &Options::jekyll());
        resolve(&mut document.root, &Base { site_url: &|p: &str| p.to_owned(), article_url: Some("javascript:alert(1)//a/p.md") });
        let html = document.to_html();
        assert!(html.contains("href=\"rel/x\"") && html.contains("href=\"../y\""), "{html}");
    }

    #[test]
    fn without_the_article_url_relative_urls_stay() {
        let mut document = Document::parse("[d](rel/x)\n", &Options::jekyll());
        resolve(&mut document.root, &Base { site_url: &|p: &str| p.to_owned(), article_url: None });
        assert!(document.to_html().contains("href=\"rel/x\""));
    }
}
