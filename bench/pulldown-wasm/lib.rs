//! pulldown-cmark in WebAssembly, for the benchmark only (see Cargo.toml).

use pulldown_cmark::{html, Options, Parser};
use wasm_bindgen::prelude::*;

/// CommonMark alone, as the native reference row renders it.
#[cfg(not(feature = "extended"))]
const EXTENSIONS: Options = Options::empty();

/// The extensions that have a counterpart in what Folio renders: tables, footnotes,
/// strikethrough and task lists (GFM), smart punctuation (kramdown's typography), heading
/// attributes (attribute lists and ids), YAML front matter, math and definition lists. What a
/// renderer of pulldown-cmark's design costs for comparable constructs: where a parser
/// rewritten in that style would start from (bench/README.md).
#[cfg(feature = "extended")]
const EXTENSIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_SMART_PUNCTUATION)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_MATH)
    .union(Options::ENABLE_DEFINITION_LIST);

/// The HTML of `markdown`.
#[wasm_bindgen]
pub fn render(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, EXTENSIONS));
    out
}
