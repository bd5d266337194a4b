//! The result of rendering one article: everything a page needs, as plain data.

use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::FrontMatter;
use crate::html_pieces::HtmlPieces;
use crate::json::{Member, ToJson, Writer};
use crate::value::Map;

/// One rendered article. In JavaScript and JSON the fields are camelCase, Jekyll's typed keys
/// sit at the top level (`title`, `date`, `tags`, …) and dates are ISO 8601 text.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Every key of the front matter as read, in order (empty when there is none or it is broken).
    pub front_matter: Map,
    /// The keys Jekyll interprets, typed, and the others (`data`).
    pub jekyll: FrontMatter,
    /// The date written out in the profile's language ("23 décembre 2016").
    pub date_text: Option<String>,
    /// The profile's language, the page's `lang`.
    pub lang: String,
    /// The excerpt as HTML: the front matter's `excerpt`, else the body's first part
    /// (see [`crate::front_matter::excerpt`]); none when `excerpt_separator` is empty.
    pub excerpt_html: Option<String>,
    /// The profile's Markdown fields, rendered like Jekyll's `markdownify`: key → HTML.
    pub markdown_html: Vec<(String, String)>,
    /// The profile's summary field, rendered.
    pub summary_html: Option<String>,
    /// The hero image, its URL resolved against the site.
    pub hero: Option<Image>,
    /// Attached files, their URLs resolved against the site.
    pub files: Vec<Attachment>,
    /// The body as HTML.
    pub body_html: HtmlPieces,
    /// The body's headers, in order: the table of contents a reader or editor shows (`None`
    /// where the request did not ask for it).
    pub outline: Option<Vec<OutlineEntry>>,
    /// Words in the body, and the minutes it takes to read them (`None` where the request did
    /// not ask for them).
    pub word_count: Option<usize>,
    pub reading_minutes: Option<usize>,
    /// With a source map: the body's top-level blocks, each with its lines in the file.
    pub body_blocks: Vec<crate::preview::BodyBlock>,
    /// Errors and warnings, positioned in the whole file.
    pub diagnostics: Vec<Diagnostic>,
    /// The body's link definitions (with the `link_defs` option's): URL and title by kramdown's
    /// normalised id, what a paragraph rendered alone needs to resolve its references. Not in
    /// the JSON.
    pub link_definitions: crate::name_map::NameMap<(String, Option<String>)>,
}

/// A header of the body: level (as written, after `header_offset`), id, text, line in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub line: u32,
}

/// An image and its alternative text (empty: decorative).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// A file to download, and the name to show for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub href: String,
    pub name: String,
}

impl Article {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// The members of the article's JSON object, in order: camelCase keys, Jekyll's typed keys
    /// at the top level ([`FrontMatter::json_members`]), `bodyBlocks` only with a source map.
    pub fn json_members(&self) -> Vec<Member<'_>> {
        let mut members: Vec<Member> = vec![("frontMatter", &self.front_matter)];
        members.extend(self.jekyll.json_members());
        members.extend_from_slice(&[
            ("dateText", &self.date_text),
            ("lang", &self.lang),
            ("excerptHtml", &self.excerpt_html),
            ("markdownHtml", &self.markdown_html),
            ("summaryHtml", &self.summary_html),
            ("hero", &self.hero),
            ("files", &self.files),
            ("bodyHtml", &self.body_html),
        ]);
        // Left out, not null, where not asked for: no article lacks them.
        if let Some(outline) = &self.outline {
            members.push(("outline", outline));
        }
        if let (Some(words), Some(minutes)) = (&self.word_count, &self.reading_minutes) {
            members.extend_from_slice(&[("wordCount", words), ("readingMinutes", minutes)]);
        }
        if !self.body_blocks.is_empty() {
            members.push(("bodyBlocks", &self.body_blocks));
        }
        members.push(("diagnostics", &self.diagnostics));
        members
    }
}

/// Dates and times as ISO 8601 text.
impl ToJson for Article {
    fn write_json(&self, json: &mut Writer) {
        json.object(&self.json_members());
    }
}

impl ToJson for OutlineEntry {
    fn write_json(&self, json: &mut Writer) {
        json.object(&[("level", &self.level), ("id", &self.id), ("text", &self.text), ("line", &self.line)]);
    }
}

impl ToJson for Image {
    fn write_json(&self, json: &mut Writer) {
        json.object(&[("src", &self.src), ("alt", &self.alt)]);
    }
}

impl ToJson for Attachment {
    fn write_json(&self, json: &mut Writer) {
        json.object(&[("href", &self.href), ("name", &self.name)]);
    }
}
