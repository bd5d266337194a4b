//! The shared parity tools' HTML normalisation (`shared/tools/parity/htmlnorm.py`), in Rust.
//!
//! Both sides of a comparison are parsed with the HTML5 algorithm (html5ever here, html5lib
//! there; context element `div`, scripting off as in `html5lib.parseFragment`), then written
//! back as a list of top-level blocks in htmlnorm.py's canonical form: attributes sorted, class
//! tokens sorted, runs of white space folded to one space, white space next to block tags
//! dropped, highlighter `<span>`s inside `<pre>` dropped, comments as `<!--…-->`, loose text
//! as `#text:…`. Names outside the HTML namespace keep it, as html5lib's ElementTree does
//! (`<{http://www.w3.org/2000/svg}svg>`, `{http://www.w3.org/1999/xlink}href`).
//!
//! Each step mirrors a line of htmlnorm.py, including its string-level regular expressions
//! (which also act on text and on attribute values, as there); `scripts/check-htmlnorm-port.py`
//! checks that both give the same blocks on every reference file.
//!
//! One known difference, on purpose: an element foster-parented out of a table (`<table><tr>
//! <pre>`) at the top level of the fragment is kept before the table, as browsers do, where
//! html5lib's ElementTree builder loses it (its `insertBefore` does not record the node, so
//! `parseFragment` leaves it behind, with the text that follows it).

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, Namespace, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// htmlnorm.py's `BLOCK`: tags next to which white space is not content.
const BLOCK: &[&str] = &[
    "address", "article", "aside", "audio", "blockquote", "body", "br", "caption", "col", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "iframe", "img", "li", "main", "nav", "ol", "p", "pre", "section", "source",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "video",
];

/// Top-level blocks of an HTML fragment, each in canonical form (htmlnorm.py's `blocks`).
pub fn blocks(fragment: &str) -> Vec<String> {
    let mut opts = ParseOpts::default();
    // html5lib parses fragments with scripting off, so `<noscript>` holds markup, not text.
    opts.tree_builder.scripting_enabled = false;
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let dom = parse_fragment(RcDom::default(), opts, context, Vec::new(), false).one(fragment);
    // The fragment's nodes are the children of the `html` element the parser puts them in.
    let root = dom.document.children.borrow()[0].clone();
    let mut out = Vec::new();
    for item in items(&root) {
        match item {
            Item::Text(text) => {
                let text = strip(&fold(&text)).to_owned();
                if !text.is_empty() {
                    out.push(format!("#text:{text}"));
                }
            }
            Item::Node(node) => out.push(canon(&node, false)),
        }
    }
    out
}

/// Share of blocks that match in order: twice the longest common subsequence over the total
/// number of blocks (htmlnorm.py's `block_similarity`); 1.0 for two empty lists.
pub fn block_similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// A child as ElementTree sees it: an element or comment, or all the text up to the next one
/// (ElementTree keeps one `text`/`tail` string where a DOM may hold adjacent text nodes).
enum Item {
    Node(Handle),
    Text(String),
}

fn items(parent: &Handle) -> Vec<Item> {
    // html5lib keeps a template's contents as its children; html5ever in a separate fragment.
    let parent = match &parent.data {
        NodeData::Element { template_contents, .. } => template_contents.borrow().clone().unwrap_or_else(|| parent.clone()),
        _ => parent.clone(),
    };
    let mut items = Vec::new();
    for child in parent.children.borrow().iter() {
        match &child.data {
            NodeData::Text { contents } => match items.last_mut() {
                Some(Item::Text(text)) => text.push_str(contents.borrow().as_ref()),
                _ => items.push(Item::Text(contents.borrow().to_string())),
            },
            NodeData::Element { .. } | NodeData::Comment { .. } => items.push(Item::Node(child.clone())),
            // A fragment parse drops doctypes, and HTML has no processing instructions.
            NodeData::Document | NodeData::Doctype { .. } | NodeData::ProcessingInstruction { .. } => {}
        }
    }
    items
}

/// One element or comment in canonical form (htmlnorm.py's `_canon`).
fn canon(node: &Handle, in_pre: bool) -> String {
    let (name, attrs) = match &node.data {
        NodeData::Element { name, attrs, .. } => (name, attrs),
        NodeData::Comment { contents } => return format!("<!--{}-->", strip(&fold(contents))),
        _ => unreachable!("items() yields only elements and comments"),
    };
    let tag = qualified(&name.ns, &name.local);
    let mut attrs: Vec<(String, String)> =
        attrs.borrow().iter().map(|a| (qualified(&a.name.ns, &a.name.local), a.value.to_string())).collect();
    attrs.sort();
    let mut head = format!("<{tag}");
    for (key, value) in &attrs {
        let value = if key == "class" {
            let mut tokens: Vec<&str> = value.split(is_space).filter(|t| !t.is_empty()).collect();
            tokens.sort();
            tokens.join(" ")
        } else {
            value.clone()
        };
        head.push_str(&format!(" {key}=\"{value}\""));
    }
    head.push('>');

    let pre = in_pre || tag == "pre";
    let mut inner = String::new();
    for item in items(node) {
        match item {
            Item::Text(text) if pre => inner.push_str(&text),
            Item::Text(text) => inner.push_str(&fold(&text)),
            Item::Node(child) => inner.push_str(&canon(&child, pre)),
        }
    }
    if tag == "pre" {
        // Token colours of a syntax highlighter are a theme, not content: keep the text only.
        inner = drop_spans(&inner);
    }
    if !pre {
        inner = trim_blocks(&inner);
    }
    format!("{head}{inner}</{tag}>")
}

/// ElementTree's name: the local name in the HTML namespace (or none), `{namespace}local` otherwise.
fn qualified(namespace: &Namespace, local: &str) -> String {
    if *namespace == ns!(html) || namespace.is_empty() {
        local.to_owned()
    } else {
        format!("{{{namespace}}}{local}")
    }
}

/// Python's `str.isspace()`, which is also what `\s` matches in a `str` pattern: Unicode's
/// White_Space plus the information separators U+001C–U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` in a `str` pattern: `_` and what `str.isalnum()` accepts. Rust's
/// `is_alphanumeric` also counts the few marks and symbols that are Other_Alphabetic (such as
/// U+24B6 Ⓐ); these only matter right after `<p`, `<span`… in text, where no corpus has them.
fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `re.sub(r"\s+", " ", s)`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if is_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// `str.strip()`.
fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `re.sub(r"\s*(</?(?:BLOCK…)\b[^>]*>)\s*", r"\1", inner).strip()`: white space on either side
/// of a block tag is dropped.
fn trim_blocks(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut copied = 0;
    let mut from = 0;
    while let Some(lt) = inner[from..].find('<').map(|i| from + i) {
        let Some(tag_end) = tag_end(inner, lt, |name| BLOCK.contains(&name)) else {
            from = lt + 1;
            continue;
        };
        // The match starts where the run of white space before the tag starts, but never
        // inside what the previous match consumed.
        let space_start = lt - inner[copied..lt].chars().rev().take_while(|&c| is_space(c)).map(char::len_utf8).sum::<usize>();
        out.push_str(&inner[copied..space_start]);
        out.push_str(&inner[lt..tag_end]);
        copied = tag_end + (inner[tag_end..].len() - inner[tag_end..].trim_start_matches(is_space).len());
        from = copied;
    }
    out.push_str(&inner[copied..]);
    strip(&out).to_owned()
}

/// `re.sub(r"</?span\b[^>]*>", "", inner)`.
fn drop_spans(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut copied = 0;
    let mut from = 0;
    while let Some(lt) = inner[from..].find('<').map(|i| from + i) {
        match tag_end(inner, lt, |name| name == "span") {
            Some(end) => {
                out.push_str(&inner[copied..lt]);
                copied = end;
                from = end;
            }
            None => from = lt + 1,
        }
    }
    out.push_str(&inner[copied..]);
    out
}

/// Where `</?NAME\b[^>]*>` ends when it matches at `lt` (the byte after its `>`), for a NAME
/// that `accepts`. A name made of word characters followed by `\b` is the whole run of word
/// characters after `<` or `</`, and `[^>]*>` runs to the next `>`, wherever it is.
fn tag_end(s: &str, lt: usize, accepts: impl Fn(&str) -> bool) -> Option<usize> {
    let start = lt + 1 + usize::from(s[lt + 1..].starts_with('/'));
    let len: usize = s[start..].chars().take_while(|&c| is_word(c)).map(char::len_utf8).sum();
    if !accepts(&s[start..start + len]) {
        return None;
    }
    s[start + len..].find('>').map(|gt| start + len + gt + 1)
}
