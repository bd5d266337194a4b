//! Plain pulldown-cmark in WebAssembly, for the benchmark only (see Cargo.toml).

use wasm_bindgen::prelude::*;

/// The HTML of `markdown` as CommonMark, the way the native reference row renders it.
#[wasm_bindgen]
pub fn render(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    html
}
