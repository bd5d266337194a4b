//! The first pass, on the kramdown tree: what Folio itself would write (links, images,
//! attribute lists on any element, raw HTML elements kramdown parsed) is filtered before
//! any HTML exists, with the same rules as the final pass.

use super::rules::{self, ElementRule};
use super::url::decode_references;
use super::Policy;
use crate::kramdown::element::{Attrs, Element, Kind};

/// Filters `root`'s descendants in place. Ids are left for the final pass to prefix, as it
/// sees the ids the converter adds too (footnotes, table of contents).
pub fn filter(root: &mut Element, policy: &Policy) {
    let policy = Policy { id_prefix: String::new(), ..policy.clone() };
    filter_children(root, &policy);
}

fn filter_children(root: &mut Element, policy: &Policy) {
    let children = std::mem::take(&mut root.children);
    for mut child in children {
        let name = tag_name(&child);
        if let Some(name) = &name {
            let attr = |key: &str| child.attr.get(key).map(decode_references);
            match rules::element(policy, name, attr) {
                ElementRule::Remove => continue,
                ElementRule::Unwrap => {
                    filter_children(&mut child, policy);
                    root.children.append(&mut child.children);
                    continue;
                }
                ElementRule::Keep => child.attr = filter_attributes(policy, name, &child.attr),
            }
        }
        match child.kind {
            // Comments and `{::nomarkdown}` output are markup of the author's own.
            Kind::XmlComment | Kind::XmlPi | Kind::Comment => continue,
            Kind::Raw => child.options.raw_types = vec!["text".into()],
            _ => {}
        }
        filter_children(&mut child, policy);
        root.children.push(child);
    }
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
fn tag_name(el: &Element) -> Option<String> {
    use Kind::*;
    let name = match el.kind {
        HtmlElement => return Some(el.value.to_ascii_lowercase()),
        Header => return Some(format!("h{}", el.flags.level.clamp(1, 6))),
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
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::Document;
    use crate::Options;

    fn safe_html(markdown: &str) -> String {
        let mut document = Document::parse(markdown, &Options::jekyll());
        filter(&mut document.root, &Policy::default());
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
