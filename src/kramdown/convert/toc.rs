//! The table of contents that `{:toc}` on a list asks for: nested lists of links to the
//! headers within `toc_levels`, id `markdown-toc` unless the list has one.

use crate::kramdown::element::{Attrs, Element, Kind, Mark};

/// The list for `entries` (level, id, header content), of the `{:toc}` list's kind.
pub(super) fn tree(entries: &[(u8, String, Vec<Element>)], kind: Kind, mut attr: Attrs) -> Element {
    if !attr.contains("id") {
        attr.set("id", "markdown-toc");
    }
    let toc_id = attr.get("id").expect("set above").to_owned();
    let mut list = Element::new(kind);
    list.attr = attr;
    let mut pos = 0;
    list.children = items(entries, &mut pos, 0, kind, &toc_id);
    list
}

/// The entries from `pos` deeper than `parent_level`, each with its deeper followers nested.
fn items(entries: &[(u8, String, Vec<Element>)], pos: &mut usize, parent_level: u8, kind: Kind, toc_id: &str) -> Vec<Element> {
    let mut result = Vec::new();
    while let Some((level, id, content)) = entries.get(*pos).filter(|(level, _, _)| *level > parent_level) {
        *pos += 1;
        let mut link = Element::new(Kind::A);
        // Joined, not `format!`: a document's every header is an entry of each of its tables.
        link.attr.set("href", ["#", id].concat());
        link.attr.set("id", [toc_id, "-", id].concat());
        link.children = toc_entry(content.clone());
        let mut para = Element::new(Kind::P);
        para.flags.set(Mark::Transparent, true);
        para.children.push(link);
        let mut item = Element::new(Kind::Li);
        item.children.push(para);
        let nested = items(entries, pos, *level, kind, toc_id);
        if !nested.is_empty() {
            let mut sublist = Element::new(kind);
            sublist.children = nested;
            item.children.push(sublist);
        }
        result.push(item);
    }
    result
}

/// A header's content as a TOC entry: footnote references removed, links unwrapped.
fn toc_entry(elements: Vec<Element>) -> Vec<Element> {
    let mut out = Vec::with_capacity(elements.len());
    for mut el in elements {
        if el.kind == Kind::Footnote {
            continue;
        }
        el.children = toc_entry(std::mem::take(&mut el.children));
        if el.kind == Kind::A {
            out.append(&mut el.children);
        } else {
            out.push(el);
        }
    }
    out
}
