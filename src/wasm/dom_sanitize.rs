//! Safe mode's final pass in the browser: the HTML is parsed by the browser's own parser
//! into an inert `<template>` (nothing loads, nothing runs), the policy is applied to that
//! tree node by node (the DOMPurify approach), and the tree is written back out, or handed on
//! as nodes to a caller that shows them (`render`'s `nodes`).
//!
//! The policy removes `svg`, `math`, `template`, `noscript` and every other element whose
//! parse could change when the output is parsed again, so what is inserted later is what
//! was checked here.

use crate::sanitize::rules::{self, ElementRule};
use crate::sanitize::Policy;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlTemplateElement, Node};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

#[wasm_bindgen]
extern "C" {
    /// Folio's Trusted Types policy (`www/facade.js`): a page enforcing Trusted Types refuses
    /// the plain strings given to `innerHTML`.
    pub type HtmlPolicy;
    #[wasm_bindgen(method, js_name = createHTML)]
    fn create_html(this: &HtmlPolicy, html: &JsValue) -> JsValue;
}

thread_local! {
    static HTML_POLICY: OnceCell<HtmlPolicy> = const { OnceCell::new() };
}

/// The policy renders parse through, where the browser has Trusted Types: `www/facade.js` gives
/// it before each render, as a reset instance has none (the first given stays; there is one).
#[wasm_bindgen(js_name = "__folioHtmlPolicy")]
pub fn set_html_policy(policy: HtmlPolicy) {
    HTML_POLICY.with(|cell| drop(cell.set(policy)));
}

/// Puts the HTML string `html` in `element` (its `innerHTML`), through Folio's policy where there
/// is one: a page enforcing Trusted Types refuses a plain string, and throws (`Err`) where it
/// refuses the HTML.
pub fn set_html(element: &Element, html: &JsValue) -> Result<(), JsValue> {
    let html = HTML_POLICY.with(|policy| policy.get().map_or_else(|| html.clone(), |policy| policy.create_html(html)));
    js_sys::Reflect::set(element, &"innerHTML".into(), &html).map(drop)
}

/// `html` with everything the policy does not allow removed; `None` without a DOM (Node.js) or
/// where the page's Trusted Types refuse the HTML (a `default` policy of its own that turns it down).
pub fn sanitize(html: &str, policy: &Policy) -> Option<String> {
    Some(parse(&html.into(), Some(policy))?.inner_html())
}

/// The HTML string `html` parsed into an inert `<template>` (nothing loads, nothing runs), with
/// everything `policy` does not allow removed; all of it where the caller trusts it (Folio's own
/// markup, or safe mode off). `None` as for [`sanitize`].
pub fn parse(html: &JsValue, policy: Option<&Policy>) -> Option<HtmlTemplateElement> {
    let document = web_sys::window()?.document()?;
    let template: HtmlTemplateElement = document.create_element("template").ok()?.dyn_into().ok()?;
    // Through the policy only into a template, inert: the tree is filtered before anything reads it.
    // An assignment the page refuses leaves nothing to show (the caller withholds the HTML).
    set_html(&template, html).ok()?;
    let Some(policy) = policy else { return Some(template) };
    let root: Node = template.content().into();
    // An explicit stack: articles can nest deeply, the WebAssembly stack is small.
    let mut parents = vec![root];
    while let Some(parent) = parents.pop() {
        let mut next = parent.first_child();
        while let Some(node) = next {
            next = node.next_sibling();
            match node.node_type() {
                Node::TEXT_NODE => {}
                Node::ELEMENT_NODE => {
                    let element: &Element = node.unchecked_ref();
                    match rule(policy, element) {
                        ElementRule::Keep => {
                            filter_attributes(policy, element);
                            parents.push(node.clone());
                        }
                        ElementRule::Unwrap => {
                            // The children take the element's place and are checked in turn.
                            if let Some(first) = node.first_child() {
                                next = Some(first);
                            }
                            while let Some(child) = node.first_child() {
                                parent.insert_before(&child, Some(&node)).ok()?;
                            }
                            parent.remove_child(&node).ok()?;
                        }
                        ElementRule::Remove => {
                            parent.remove_child(&node).ok()?;
                        }
                    }
                }
                // Comments, processing instructions, CDATA: never kept.
                _ => {
                    parent.remove_child(&node).ok()?;
                }
            }
        }
    }
    Some(template)
}

fn rule(policy: &Policy, element: &Element) -> ElementRule {
    if element.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
        return ElementRule::Remove;
    }
    rules::element(policy, &element.local_name(), &|name| element.get_attribute(name))
}

fn filter_attributes(policy: &Policy, element: &Element) {
    let name = element.local_name();
    for attribute in element.get_attribute_names().iter().filter_map(|a| a.as_string()) {
        let value = element.get_attribute(&attribute).unwrap_or_default();
        match rules::attribute(policy, &name, &attribute, &value) {
            Some(kept) if kept == value => {}
            Some(kept) => {
                let _ = element.set_attribute(&attribute, &kept);
            }
            None => {
                let _ = element.remove_attribute(&attribute);
            }
        }
    }
    for (attribute, value) in rules::forced_attributes(&name) {
        let _ = element.set_attribute(attribute, value);
    }
}
