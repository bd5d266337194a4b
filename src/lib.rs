//! Folio renders Jekyll articles (YAML front matter + kramdown Markdown) to the HTML Jekyll
//! would produce, natively and in the browser (WebAssembly).
//!
//! The stages, each in its own module:
//!
//! 1. [`front_matter`] splits the article the way Jekyll does and reads the YAML block;
//! 2. [`body`] turns the Markdown body into HTML;
//! 3. [`page`] lays the article out as a whole HTML page.
//!
//! [`render`] runs them and gathers every problem as a [`Diagnostic`] positioned in the
//! whole file; a broken front matter never stops the body from rendering.

pub mod article;
pub mod datetime;
pub mod body;
pub mod calendar;
pub mod diagnostic;
mod escape;
pub mod front_matter;
pub mod options;
pub mod page;
pub mod profile;
pub mod value;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod yaml;

pub use article::Article;
pub use diagnostic::{Diagnostic, Position, Severity};
pub use options::Options;
pub use value::Value;

use diagnostic::LineIndex;

/// Renders a Markdown body alone (no front matter is looked for), as kramdown would.
pub fn render_body(markdown: &str, _options: &Options) -> String {
    body::to_html(markdown)
}

/// Renders one article: front matter, body and diagnostics.
pub fn render(source: &str, options: &Options) -> Article {
    let lines = LineIndex::new(source);
    let split = front_matter::split(source);
    let front = front_matter::parse(source, &split);
    let title = front.data.iter().find(|(k, _)| k == "title").and_then(|(_, v)| v.to_scalar_string());
    Article {
        title,
        body_html: render_body(&source[split.body_start..], options),
        diagnostics: front.diagnostics(&lines),
        front_matter: front.data,
    }
}
