//! The final pass natively: ammonia (html5ever, the HTML5 parsing algorithm) applies the
//! policy to the whole output. The browser build uses the browser's own parser instead
//! (`crate::wasm::dom_sanitize`), since ammonia would add about 300 KB to the download.

use super::policy::{Policy, BLANK_TARGET_REL, ELEMENTS, GLOBAL_ATTRIBUTES, REMOVED_WITH_CONTENT, URL_SCHEMES};
use super::rules::{self, ElementRule};
use ammonia::{Builder, UrlRelative};
use html5ever::serialize::{serialize, SerializeOpts, TraversalScope};
use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom, SerializableHandle};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// `html` with everything the policy does not allow removed.
pub fn sanitize(html: &str, policy: &Policy) -> String {
    let html = without_refused_elements(html, policy);
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
    builder.clean(&html).to_string()
}

/// `html` without the elements the policy removes for their attributes (an `<iframe>` of a host
/// it does not allow, an `<input>` other than a checkbox), as the browser pass removes them:
/// ammonia's lists say which tags and attributes stay, not that a tag goes for its attributes.
fn without_refused_elements<'a>(html: &'a str, policy: &Policy) -> Cow<'a, str> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<iframe") && !lower.contains("<input") {
        return Cow::Borrowed(html);
    }
    let context = QualName::new(None, ns!(html), local_name!("body"));
    let dom = parse_fragment(RcDom::default(), ParseOpts::default(), context, Vec::new(), false).one(html);
    // The fragment's nodes are the children of the `<html>` element the parser puts them in.
    let root = dom.document.children.borrow()[0].clone();
    let mut parents: Vec<Handle> = vec![root.clone()];
    while let Some(parent) = parents.pop() {
        parent.children.borrow_mut().retain(|node| {
            let NodeData::Element { name, attrs, .. } = &node.data else { return true };
            let attr = |key: &str| attrs.borrow().iter().find(|a| &*a.name.local == key).map(|a| a.value.to_string());
            let refused = rules::element(policy, &name.local, &attr) == ElementRule::Remove;
            if !refused {
                parents.push(node.clone());
            }
            !refused
        });
    }
    let mut out = Vec::new();
    let opts = SerializeOpts { traversal_scope: TraversalScope::ChildrenOnly(None), ..SerializeOpts::default() };
    serialize(&mut out, &SerializableHandle::from(root), opts).expect("writing to memory");
    Cow::Owned(String::from_utf8(out).expect("html5ever writes UTF-8"))
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
    fn frames_of_hosts_not_allowed_and_inputs_other_than_checkboxes_go_as_in_the_browser() {
        let out = sanitize(
            r#"<p>a<IFRAME src="https://evil.example/"></IFRAME>b<input type="password">c<iframe src="https://www.youtube.com/embed/x"></iframe><input type=checkbox></p>"#,
            &Policy::default(),
        );
        assert!(!out.contains("evil") && !out.contains("password"), "{out}");
        assert!(out.starts_with("<p>abc<iframe src=\"https://www.youtube.com/embed/x\""), "{out}");
        assert!(out.contains("<input type=\"checkbox\""), "{out}");
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
