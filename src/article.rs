//! The result of rendering one article.

use crate::diagnostic::{Diagnostic, Severity};
use crate::value::{Map, Value};
use serde::Serialize;

/// One rendered article: its front matter as data, its body as HTML, and what went wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Every key of the front matter, in order (empty when there is none or it is broken).
    #[serde(serialize_with = "as_object")]
    pub front_matter: Map,
    /// The `title` of the front matter, as text.
    pub title: Option<String>,
    /// The body as HTML.
    pub body_html: String,
    /// Errors and warnings, positioned in the whole file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

fn as_object<S: serde::Serializer>(map: &Map, serializer: S) -> Result<S::Ok, S::Error> {
    // Value::Map serialises as an ordered mapping; no copy of the data is made.
    Value::serialize_map(map, serializer)
}
