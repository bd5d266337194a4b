//! The final pass natively: ammonia (html5ever, the HTML5 parsing algorithm) applies the
//! policy to the whole output. The browser build uses the browser's own parser instead
//! (`crate::wasm::dom_sanitize`), since ammonia would add about 300 KB to the download.

use super::policy::{Policy, BLANK_TARGET_REL, ELEMENTS, GLOBAL_ATTRIBUTES, REMOVED_WITH_CONTENT, URL_SCHEMES};
use super::rules;
use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// `html` with everything the policy does not allow removed.
pub fn sanitize(html: &str, policy: &Policy) -> String {
    let policy = policy.clone();
    let mut builder = Builder::empty();
    builder
        .tags(ELEMENTS.iter().map(|(name, _)| *name).collect::<HashSet<_>>())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect::<HashSet<_>>())
        .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect::<HashSet<_>>())
        .tag_attributes(ELEMENTS.iter().map(|(name, attrs)| (*name, attrs.iter().copied().collect())).collect::<HashMap<_, HashSet<_>>>())
        .url_schemes(URL_SCHEMES.iter().copied().collect::<HashSet<_>>())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some(BLANK_TARGET_REL))
        .strip_comments(true)
        .attribute_filter(move |element, attribute, value| rules::attribute(&policy, element, attribute, value).map(Cow::Owned));
    // Links get their `rel` from `link_rel`, which ammonia puts on every link.
    for element in ["iframe", "input"] {
        for (name, value) in rules::forced_attributes(element) {
            builder.set_tag_attribute_value(element, *name, *value);
        }
    }
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_bad_urls_are_removed() {
        let out = sanitize(
            r#"<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)" target="_blank">a</a><img src=x onerror=alert(1)></p>"#,
            &Policy::default(),
        );
        assert_eq!(out, r#"<p>Hi<a target="_blank" rel="noopener noreferrer">a</a><img src="x"></p>"#);
    }

    #[test]
    fn frames_are_sandboxed_and_task_boxes_disabled() {
        let out = sanitize(
            r#"<iframe src="https://www.youtube.com/embed/x"></iframe><input type="checkbox" checked>"#,
            &Policy::default(),
        );
        assert!(out.contains(r#"sandbox="allow-scripts allow-same-origin allow-presentation allow-popups""#), "{out}");
        assert!(out.contains(r#"disabled="disabled""#), "{out}");
    }

    #[test]
    fn article_markup_stays_with_prefixed_ids() {
        let out = sanitize(
            r##"<figure class="image-left" style="width: 40%; position: fixed"><img src="/u/a.jpg" alt="A"></figure><h2 id="x">T</h2><a href="#x">t</a>"##,
            &Policy::default(),
        );
        assert_eq!(
            out,
            r##"<figure class="image-left" style="width: 40%"><img src="/u/a.jpg" alt="A"></figure><h2 id="folio-x">T</h2><a href="#folio-x" rel="noopener noreferrer">t</a>"##
        );
    }
}
