//! Whether HTML could run script once a browser parses it: the XSS suites' judge.
//!
//! The output is parsed with the HTML5 algorithm (scripting on, as in a page) and every
//! node is checked against what can execute or load active content: script-bearing
//! elements, event-handler attributes, URLs with a scheme other than http, https, mailto or
//! tel, style values that load or run, frames from unlisted hosts.

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

const ACTIVE: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form",
    "svg", "math", "template", "noscript", "xmp", "plaintext", "noembed", "noframes", "portal",
];

/// The reasons `html` is unsafe; empty when it is safe.
pub fn problems(html: &str, iframe_hosts: &[&str]) -> Vec<String> {
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let dom = parse_fragment(RcDom::default(), ParseOpts::default(), context, Vec::new(), false).one(html);
    let mut found = Vec::new();
    let mut stack: Vec<Handle> = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, attrs, .. } = &node.data {
            let tag = name.local.to_string();
            let namespace = name.ns.to_string();
            if namespace != "http://www.w3.org/1999/xhtml" {
                found.push(format!("foreign element <{tag}> ({namespace})"));
            }
            let attr = |key: &str| attrs.borrow().iter().find(|a| &*a.name.local == key).map(|a| a.value.to_string());
            if ACTIVE.contains(&tag.as_str()) {
                let framed = attr("src").and_then(|src| src.strip_prefix("https://").map(str::to_owned)).is_some_and(|rest| {
                    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                    iframe_hosts.contains(&host)
                });
                if !(tag == "iframe" && framed && attr("sandbox").is_some()) {
                    found.push(format!("<{tag}> element"));
                }
            }
            for a in attrs.borrow().iter() {
                let key = a.name.local.to_ascii_lowercase().to_string();
                let value = a.value.to_string();
                if key.starts_with("on") {
                    found.push(format!("<{tag} {key}> event handler"));
                }
                if matches!(key.as_str(), "href" | "src" | "action" | "formaction" | "xlink:href" | "data" | "poster" | "background" | "srcdoc" | "cite") {
                    let cleaned: String = value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                    let scheme = cleaned.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
                    let is_scheme = scheme.as_deref().is_some_and(|s| s.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
                    if key == "srcdoc" || (is_scheme && !matches!(scheme.as_deref(), Some("http" | "https" | "mailto" | "tel"))) {
                        found.push(format!("<{tag} {key}=\"{value}\">"));
                    }
                }
                if key == "style" {
                    let lower = value.to_ascii_lowercase();
                    if ["url(", "expression", "javascript", "\\", "@import", "behavior", "binding"].iter().any(|bad| lower.contains(bad)) {
                        found.push(format!("<{tag} style=\"{value}\">"));
                    }
                }
            }
        }
        stack.extend(node.children.borrow().iter().cloned());
        if let NodeData::Element { template_contents, .. } = &node.data {
            if let Some(contents) = template_contents.borrow().as_ref() {
                stack.push(contents.clone());
            }
        }
    }
    found
}
