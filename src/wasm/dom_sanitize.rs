//! Safe mode's final pass in the browser: the HTML is parsed by the browser's own parser
//! into an inert `<template>` (nothing loads, nothing runs), the policy is applied to that
//! tree node by node (the DOMPurify approach), and the tree is written back out.
//!
//! The policy removes `svg`, `math`, `template`, `noscript` and every other element whose
//! parse could change when the output is parsed again, so what is inserted later is what
//! was checked here.

use crate::sanitize::rules::{self, ElementRule};
use crate::sanitize::Policy;
use std::cell::OnceCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTemplateElement, Node};

/// The nodes the walk visits (`NodeFilter`'s bits): elements, and what is never kept
/// (CDATA sections, processing instructions, comments). Text is left to the browser: it is
/// most of the nodes, and each one looked at was two calls out of WebAssembly for nothing.
const SHOW_ELEMENTS_AND_MARKUP: u32 = 0x1 | 0x8 | 0x40 | 0x80;

/// `html` with everything the policy does not allow removed; `None` without a DOM (Node.js).
pub fn sanitize(html: &str, policy: &Policy) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let template = template(&document)?;
    template.set_inner_html(html);
    let root: Node = template.content().into();
    // A tree walker, not a node iterator: the document keeps every node iterator up to date
    // through its changes until it is collected, and a page rendering many articles would
    // make each change slower.
    let walker = document.create_tree_walker_with_what_to_show(&root, SHOW_ELEMENTS_AND_MARKUP).ok()?;
    // An unwrapped element loses its tag once the walk is done, its children having been
    // visited inside it: the rules do not depend on where an element is.
    let mut unwrapped = Vec::new();
    while let Some(node) = walker.next_node().ok()? {
        // Comments, processing instructions, CDATA, and elements outside HTML's namespace
        // (SVG, MathML), whose interfaces are not `HTMLElement`'s: never kept.
        let rule = match node.dyn_ref::<HtmlElement>() {
            Some(element) => {
                let name = element.local_name();
                let rule = rules::element(policy, &name, |attribute| element.get_attribute(attribute));
                if rule == ElementRule::Keep {
                    filter_attributes(policy, element, &name);
                }
                rule
            }
            None => ElementRule::Remove,
        };
        match rule {
            ElementRule::Keep => {}
            ElementRule::Unwrap => unwrapped.push(node),
            ElementRule::Remove => {
                // The walk goes on from the node before, whose next is then what followed.
                if walker.previous_node().ok()?.is_none() {
                    walker.set_current_node(&root);
                }
                node.parent_node()?.remove_child(&node).ok()?;
            }
        }
    }
    for node in unwrapped {
        let parent = node.parent_node()?;
        while let Some(child) = node.first_child() {
            parent.insert_before(&child, Some(&node)).ok()?;
        }
        parent.remove_child(&node).ok()?;
    }
    let clean = template.inner_html();
    // The article's nodes are not kept until the next render.
    template.set_inner_html("");
    Some(clean)
}

/// The `<template>` articles are parsed into (its content is inert: nothing loads, nothing
/// runs), made once: making one per render cost a quarter of the parse.
fn template(document: &web_sys::Document) -> Option<HtmlTemplateElement> {
    thread_local!(static TEMPLATE: OnceCell<HtmlTemplateElement> = const { OnceCell::new() });
    TEMPLATE.with(|cell| {
        if cell.get().is_none() {
            let _ = cell.set(document.create_element("template").ok()?.dyn_into().ok()?);
        }
        cell.get().cloned()
    })
}

fn filter_attributes(policy: &Policy, element: &Element, name: &str) {
    // Most elements have none: asking costs no list of names.
    let names = if element.has_attributes() { element.get_attribute_names() } else { js_sys::Array::new() };
    for attribute in names.iter().filter_map(|a| a.as_string()) {
        let value = element.get_attribute(&attribute).unwrap_or_default();
        match rules::attribute(policy, name, &attribute, &value) {
            Some(kept) if kept == value => {}
            Some(kept) => {
                let _ = element.set_attribute(&attribute, &kept);
            }
            None => {
                let _ = element.remove_attribute(&attribute);
            }
        }
    }
    for (attribute, value) in rules::forced_attributes(name) {
        let _ = element.set_attribute(attribute, value);
    }
}
