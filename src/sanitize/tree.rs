//! The first pass, on the kramdown tree: what Folio itself would write (links, images,
//! attribute lists on any element, raw HTML elements kramdown parsed) is filtered before
//! any HTML exists, with the same rules as the final pass.

use super::rules::{self, ElementRule};
use super::url::decode_references;
use super::Policy;
use crate::kramdown::element::{Attrs, Element, Kind};
use std::borrow::Cow;

/// The tree pass for one render: its policy made once, with ids left for the final pass to
/// prefix, as it sees the ids the converter adds too (footnotes, table of contents).
pub struct TreeFilter {
    policy: Policy,
}

impl TreeFilter {
    pub fn new(policy: &Policy) -> Self {
        TreeFilter { policy: Policy { id_prefix: String::new(), ..policy.clone() } }
    }

    /// Filters `root`'s descendants in place.
    pub fn apply(&self, root: &mut Element) {
        filter_children(root, &self.policy);
    }
}

/// What becomes of an element of the tree.
fn rule(child: &Element, policy: &Policy) -> ElementRule {
    match child.kind {
        // Comments and `{::nomarkdown}` output are markup of the author's own.
        Kind::XmlComment | Kind::XmlPi | Kind::Comment => ElementRule::Remove,
        _ => tag_name(child).map_or(ElementRule::Keep, |name| {
            rules::element(policy, &name, &|key| child.attr.get(key).map(decode_references))
        }),
    }
}

fn filter_children(root: &mut Element, policy: &Policy) {
    // Most lists keep every child: they are filtered where they are, and only a list losing or
    // unwrapping one is made anew.
    if root.children.iter().all(|child| rule(child, policy) == ElementRule::Keep) {
        root.children.iter_mut().for_each(|child| filter_kept(child, policy));
        return;
    }
    for mut child in std::mem::take(&mut root.children) {
        match rule(&child, policy) {
            ElementRule::Remove => {}
            ElementRule::Unwrap => {
                filter_children(&mut child, policy);
                root.children.append(&mut child.children);
            }
            ElementRule::Keep => {
                filter_kept(&mut child, policy);
                root.children.push(child);
            }
        }
    }
}

/// A kept element: its attributes filtered, its raw output made text, its children filtered.
fn filter_kept(child: &mut Element, policy: &Policy) {
    if !child.attr.is_empty() {
        if let Some(name) = tag_name(child) {
            child.attr = filter_attributes(policy, &name, &child.attr);
        }
    }
    if child.kind == Kind::Raw {
        child.options.raw_types = vec!["text".into()];
    }
    filter_children(child, policy);
}

fn filter_attributes(policy: &Policy, element: &str, attrs: &Attrs) -> Attrs {
    let mut kept = Attrs::default();
    for (key, value) in attrs.iter() {
        if let Some(value) = rules::attribute(policy, element, key, &decode_references(value)) {
            kept.set(key, value);
        }
    }
    kept
}

/// The HTML element an element of the tree becomes, for the policy's lookups.
fn tag_name(el: &Element) -> Option<Cow<'static, str>> {
    use Kind::*;
    let name = match el.kind {
        HtmlElement => return Some(Cow::Owned(el.value.to_ascii_lowercase())),
        Header => ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(el.flags.level.clamp(1, 6)) - 1],
        P => "p",
        Blockquote => "blockquote",
        Codeblock => "pre",
        Hr => "hr",
        Ul => "ul",
        Ol => "ol",
        Li => "li",
        Dl => "dl",
        Dt => "dt",
        Dd => "dd",
        Table => "table",
        Thead => "thead",
        Tbody => "tbody",
        Tfoot => "tfoot",
        Tr => "tr",
        Td => "td",
        Em => "em",
        Strong => "strong",
        A => "a",
        Img => "img",
        Codespan => "code",
        Abbreviation => "abbr",
        Math => "span",
        _ => return None,
    };
    Some(Cow::Borrowed(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::Document;
    use crate::Options;

    fn safe_html(markdown: &str) -> String {
        let mut document = Document::parse(markdown, &Options::jekyll());
        TreeFilter::new(&Policy::default()).apply(&mut document.root);
        document.to_html()
    }

    #[test]
    fn attribute_lists_cannot_add_event_handlers() {
        let html = safe_html("Para\n{: onclick=\"alert(1)\" .ok}\n");
        assert_eq!(html, "<p class=\"ok\">Para</p>\n");
    }

    #[test]
    fn ids_are_left_for_the_final_pass() {
        assert_eq!(safe_html("# Title\n"), "<h1 id=\"title\">Title</h1>\n");
    }

    #[test]
    fn raw_scripts_and_comments_are_dropped_and_unknown_tags_unwrapped() {
        let html = safe_html("<div><font color=red>x</font><script>alert(1)</script><!-- c --></div>\n");
        assert!(!html.contains("script") && !html.contains("font") && !html.contains("<!--"), "{html}");
        assert!(html.contains('x'), "{html}");
    }
}
