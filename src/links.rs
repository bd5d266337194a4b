//! Root-relative links and images (`/uploads/a.jpg`) made URLs of the article's site, as
//! Jekyll's `absolute_url` would, when the caller asks: an article shown away from its site
//! (on a partner's page, in the reader) must still reach its images and pages.

use crate::kramdown::element::Element;

/// Rewrites every `href` and `src` under `el` that starts with one `/` through `site_url`.
pub fn resolve_root_relative(el: &mut Element, site_url: &dyn Fn(&str) -> String) {
    for child in &mut el.children {
        for key in ["href", "src"] {
            if let Some(value) = child.attr.get(key).filter(|v| v.starts_with('/') && !v.starts_with("//")) {
                let resolved = site_url(value);
                child.attr.set(key, resolved);
            }
        }
        resolve_root_relative(child, site_url);
    }
}

#[cfg(test)]
mod tests {
    use crate::kramdown::Document;
    use crate::Options;

    #[test]
    fn root_relative_urls_get_the_site_and_others_stay() {
        let mut document = Document::parse("![a](/u/a.jpg) [b](/page) [c](//cdn/x) [d](rel/x) [e](https://x/)\n", &Options::jekyll());
        super::resolve_root_relative(&mut document.root, &|path| format!("https://site{path}"));
        let html = document.to_html();
        for expected in ["src=\"https://site/u/a.jpg\"", "href=\"https://site/page\"", "href=\"//cdn/x\"", "href=\"rel/x\"", "href=\"https://x/\""] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
    }
}
