//! The WebAssembly edge: the only module that touches wasm-bindgen, js-sys and web-sys.
//!
//! Each export converts its arguments, calls the core, and converts the result back to
//! plain JavaScript data, through JSON text both ways: one call across the boundary
//! (`JSON.stringify`, `JSON.parse`) instead of one per field. A panic becomes a JavaScript
//! `Error` carrying the panic message; the facade (`www/folio.js`) then resets the instance so
//! the module keeps working.

use crate::diagnostic::{Diagnostic, Position};
use crate::json::{self, ToJson, Writer};
use crate::options::Options;
use crate::profile::Profile;
use crate::render_arena::ArenaAlloc;
#[cfg(target_feature = "simd128")]
use crate::size_classes::SizeClasses;
use crate::sanitize::Policy;
use crate::value::Value;
use crate::Request;
use std::borrow::Cow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod dom_sanitize;
#[cfg(feature = "editor")]
mod drafts;
mod intl;
pub(crate) mod numbers;
#[cfg(feature = "editor")]
mod preview;
mod text;

use intl::IntlCalendar;

/// A render's short-lived allocations are bumped off a 1 MiB arena (an article's render fits in
/// it; `render` settles it when it ends); the rest goes to talc, which allocates and frees
/// faster than Rust's default dlmalloc, in fewer bytes of code.
#[global_allocator]
static ALLOCATOR: ArenaAlloc<Heap, { 1 << 20 }> = ArenaAlloc::new(heap());

/// With SIMD (every browser since 2023), a long body's blocks are written with size classes in
/// front of talc; the module without SIMD, for older engines, has no room for their code under
/// the 150 KB download.
#[cfg(target_feature = "simd128")]
type Heap = SizeClasses<talc::wasm::WasmDynamicTalc>;
#[cfg(not(target_feature = "simd128"))]
type Heap = talc::wasm::WasmDynamicTalc;

const fn heap() -> Heap {
    #[cfg(target_feature = "simd128")]
    return SizeClasses::new(talc::wasm::new_wasm_dynamic_allocator());
    #[cfg(not(target_feature = "simd128"))]
    return talc::wasm::new_wasm_dynamic_allocator();
}
#[cfg(feature = "editor")]
pub use drafts::*;
#[cfg(feature = "editor")]
pub use preview::LivePreview;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `render`. Every field is optional. */
export interface RenderOptions {
  /** The site: a built-in profile's name ("jekyll", the default, or "numerique"), or a profile
   *  object (url, baseurl, timezone, lang, kramdown, front_matter; see README.md). */
  profile?: string | Record<string, unknown>;
  /** The article's file name or path: `2016-12-23-slug.md` gives the date and slug when the
   *  front matter has none. */
  fileName?: string;
  /** The base kramdown option set instead of the profile's: Jekyll 3.8, Jekyll 3.9/4.1+, or kramdown's own. */
  preset?: "jekyll" | "jekyll4" | "kramdown";
  /** kramdown options merged over the profile's (or the preset's), named as in Jekyll's `kramdown:` configuration. */
  kramdown?: Record<string, unknown>;
  /** Safe mode, for untrusted authors: raw HTML, attribute lists and URLs are held to the policy
   *  (src/sanitize/policy.rs) and the output goes through the browser's HTML parser. `true`, or
   *  the policy's configurable part. Off by default: the author is trusted. Needs a DOM. */
  safe?: boolean | { iframeHosts?: string[]; idPrefix?: string };
  /** The site's URL: root-relative links and images of the body (and the hero image and files)
   *  become URLs of that site, for an article shown away from it. Overrides the profile's `url`. */
  baseUrl?: string;
  /** Where the article was fetched from: its root-relative links resolve against the profile's
   *  `url`, or this URL's origin when the profile has none; its file name gives `fileName`. */
  articleUrl?: string;
  /** Also return `pageHtml`, the `<article>` element's content (header, body, files). */
  page?: boolean;
  /** Return the body (and the page) as nodes to show, `bodyNodes` (`pageNodes`), instead of
   *  `bodyHtml` (`pageHtml`): the browser has parsed them (and safe mode checked them) already, so
   *  showing them needs no second parse. Needs a DOM. */
  nodes?: boolean;
  /** Mark each top-level block of the body with `data-source-line="START-END"` (lines of the
   *  whole file) and return the blocks as `bodyBlocks`. Off by default: published HTML stays clean. */
  sourceMap?: boolean;
  /** `false`: no `outline` in the result. The headers are not gathered. */
  outline?: boolean;
  /** `false`: no `wordCount` nor `readingMinutes` in the result. Counting reads all of the body's
   *  text again: a page that shows neither (as `<folio-article>`) renders 6–8% faster without. */
  wordCount?: boolean;
}

/** An error or warning, positioned in the whole file (line 0: not in the article, e.g. an option). */
export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
}

/** A rendered article. Dates and times are ISO 8601 text. */
export interface Article {
  /** Every front matter key, in order; empty when there is none or it is broken. */
  frontMatter: Record<string, unknown>;
  /** The keys Jekyll interprets, as Jekyll reads them. */
  title: string | null;
  /** `2016-12-23T17:50:00+01:00`, shown in the profile's time zone. */
  date: string | null;
  layout: string | null;
  permalink: string | null;
  published: boolean;
  categories: string[];
  tags: string[];
  excerpt: string | null;
  excerptSeparator: string;
  slug: string | null;
  /** Every other front matter key, in order. */
  data: Record<string, unknown>;
  /** The date in the profile's language: "23 décembre 2016". */
  dateText: string | null;
  /** The profile's language. */
  lang: string;
  excerptHtml: string | null;
  /** The profile's Markdown fields, rendered: key → HTML. */
  markdownHtml: Record<string, string>;
  summaryHtml: string | null;
  hero: { src: string; alt: string } | null;
  files: { href: string; name: string }[];
  /** The body's HTML; not with `nodes: true`. */
  bodyHtml?: string;
  /** With `page: true`: the `<article>` element's content (header, body, attached files). */
  pageHtml?: string;
  /** With `nodes: true`: the body as nodes, to put in the page as they are (they move there);
   *  none where the HTML is withheld (an error in `diagnostics`). */
  bodyNodes?: DocumentFragment;
  /** With `nodes: true` and `page: true`: the `<article>` element's content as nodes. */
  pageNodes?: DocumentFragment;
  /** The body's headers: level, id, text and line in the file. Left out with `outline: false`
   *  (the facade's `render` says so in its type, `ArticleFor`). */
  outline: { level: number; id: string; text: string; line: number }[];
  /** Left out with `wordCount: false`, as `readingMinutes`. */
  wordCount: number;
  readingMinutes: number;
  /** With `sourceMap: true`: the body's top-level blocks and their lines in the file. */
  bodyBlocks?: { html: string; startLine: number; endLine: number }[];
  diagnostics: Diagnostic[];
}
"#;

// The core's download traps at once on a panic (scripts/build.sh: without panic messages it is
// 3 KB smaller), which the facade reports as a panic: no hook runs there.
#[cfg(not(panic = "immediate-abort"))]
#[wasm_bindgen(start)]
fn start() {
    // Without unwinding, a panic would trap with a bare "unreachable"; throwing from the
    // hook hands its message to JavaScript instead, as an Error named `FolioPanic` so the
    // facade knows to reset the instance (the panicking one is left mid-call).
    std::panic::set_hook(Box::new(|info| {
        // The message alone: the location is redacted in the small standard library's build.
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let error = js_sys::Error::new(message.unwrap_or("Folio panicked"));
        error.set_name("FolioPanic");
        wasm_bindgen::throw_val(error.into())
    }));
}

/// Renders one article (front matter and Markdown body).
#[wasm_bindgen(unchecked_return_type = "Article")]
pub fn render(#[wasm_bindgen(unchecked_param_type = "string")] source: JsValue, #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue) -> Result<JsValue, JsError> {
    let result = render_article(&source, options);
    // Everything the render allocated is dropped by now, except caches made on first use.
    ALLOCATOR.settle();
    #[cfg(target_feature = "simd128")]
    ALLOCATOR.fallback().settle();
    result
}

/// The bytes at the start of the allocator's arena that a render cannot use (what outlived
/// earlier renders): for tests, which check that renders leave nothing else behind.
pub fn arena_bytes_kept() -> usize {
    ALLOCATOR.used()
}

fn render_article(source: &JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let settings = Settings::read(options)?;
    let source = source.dyn_ref::<js_sys::JsString>().ok_or_else(|| JsError::new("render: the article's text is not a string"))?;
    let source = text::utf8_of(source);
    let mut article = settings.render(source);
    let body = joined(&article.body_html);
    let page = settings.page.then(|| {
        let (before, after) = crate::page::around_body(&article);
        (text::js_string(&before), JsValue::from(text::js_string(&after)))
    });
    let nodes = settings.nodes.then(|| article_nodes(&body, page.as_ref(), settings.policy.as_ref()));
    if let Some(None) = nodes {
        withhold(&mut article);
    }
    // The HTML, most of the bytes, crosses as strings of its own: inside the JSON text it would
    // be escaped here and scanned again by JSON.parse (7% of a 1 MB document's render).
    let mut members = article.json_members();
    members.retain(|&(key, _)| key != "bodyHtml");
    let object = to_js(&Object(members))?;
    match nodes {
        // Withheld (the error above), there is nothing to show.
        Some(nodes) => {
            if let Some(nodes) = nodes {
                set(&object, if page.is_some() { "pageNodes" } else { "bodyNodes" }, &nodes)?;
            }
        }
        None => {
            set(&object, "bodyHtml", &body)?;
            if let Some((before, after)) = page {
                set(&object, "pageHtml", &before.concat(&body).concat(&after))?;
            }
        }
    }
    Ok(object)
}

/// Says why `article` has no nodes. Not inlined, as [`crate::html_withheld`].
#[inline(never)]
fn withhold(article: &mut crate::Article) {
    article.diagnostics.push(crate::html_withheld());
}

/// The body's nodes (in safe mode, checked: the render left the body's final pass to this), or
/// the page's around them; `None` without a DOM, or where the page's Trusted Types refuse the HTML.
fn article_nodes(body: &JsValue, page: Option<&(js_sys::JsString, JsValue)>, policy: Option<&Policy>) -> Option<web_sys::DocumentFragment> {
    let body = dom_sanitize::parse(body, policy)?.content();
    let Some((before, after)) = page else { return Some(body) };
    // Folio's own markup around the body, and fields safe mode has checked apart (the summary):
    // the body goes in its container, which follows the header and a line break
    // (`page::around_body`), after the line break the container holds. (The calls the sanitiser
    // makes already find it: each other one would add to the first download.)
    let page = dom_sanitize::parse(&before.concat(after), None)?.content();
    let container = page.first_child()?.next_sibling()?.next_sibling()?;
    container.insert_before(&body, None).ok()?;
    Some(page)
}

/// Members written as one JSON object.
struct Object<'a>(Vec<json::Member<'a>>);

impl ToJson for Object<'_> {
    fn write_json(&self, json: &mut Writer) {
        json.object(&self.0);
    }
}

/// The pieces as one JavaScript string, joined outside this memory.
fn joined(html: &crate::HtmlPieces) -> JsValue {
    let mut pieces = html.pieces();
    match (pieces.next(), pieces.next()) {
        (None, _) => JsValue::from_str(""),
        (Some(only), None) => text::js_string(only).into(),
        _ => html.pieces().map(text::js_string).collect::<js_sys::Array>().join("").into(),
    }
}

fn set(object: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(object, &key.into(), value).map(drop).map_err(js_error)
}

/// `render`'s options, read once: what rendering needs besides the text.
struct Settings {
    /// A built-in profile is borrowed, unless the settings change it.
    profile: Cow<'static, Profile>,
    file_name: Option<String>,
    policy: Option<Policy>,
    resolve_links: bool,
    /// Where the article was read from, for its relative links.
    article_url: Option<String>,
    source_map: bool,
    page: bool,
    /// The body (or page) is handed on as nodes.
    nodes: bool,
    /// The outline, and the word count with the reading time, are made (both unless set `false`).
    outline: bool,
    word_count: bool,
    /// Problems with the options themselves, added to each article's diagnostics.
    problems: Vec<Diagnostic>,
}

impl Settings {
    fn read(options: JsValue) -> Result<Settings, JsError> {
        let settings = read_settings(options)?;
        let (mut profile, problems) = read_profile(&settings)?;
        let text = |key| settings.get(key).and_then(Value::as_str).filter(|s| !s.is_empty());
        let article_url = text("articleUrl");
        // The site the article's root-relative links belong to: given, else the profile's, else
        // the origin the article came from.
        let base_url = text("baseUrl").map(str::to_owned).or_else(|| {
            profile.url.is_empty().then(|| article_url.and_then(origin)).flatten()
        });
        let resolve_links = base_url.is_some() || article_url.is_some();
        if let Some(url) = base_url {
            profile.to_mut().url = url;
        }
        let file_name = text("fileName").map(str::to_owned).or_else(|| article_url.and_then(crate::links::file_name_of_url));
        Ok(Settings {
            file_name,
            policy: safe_policy(&settings),
            resolve_links,
            article_url: article_url.map(str::to_owned),
            source_map: settings.get("sourceMap") == Some(&Value::Bool(true)),
            page: settings.get("page") == Some(&Value::Bool(true)),
            nodes: settings.get("nodes") == Some(&Value::Bool(true)),
            outline: settings.get("outline") != Some(&Value::Bool(false)),
            word_count: settings.get("wordCount") != Some(&Value::Bool(false)),
            profile,
            problems,
        })
    }

    fn request(&self) -> Request<'_> {
        Request {
            profile: &self.profile,
            file_name: self.file_name.as_deref(),
            calendar: &IntlCalendar,
            safe: self.policy.as_ref(),
            resolve_links: self.resolve_links,
            article_url: self.article_url.as_deref(),
            source_map: self.source_map,
            caller_parses_body: self.nodes,
            outline: self.outline,
            word_count: self.word_count,
        }
    }

    fn render(&self, source: String) -> crate::Article {
        let mut article = crate::render_owned(source, &self.request());
        // Only when there are some: called with none, the copy's code stayed in the first download.
        if !self.problems.is_empty() {
            article.diagnostics.extend(self.problems.iter().cloned());
        }
        article
    }
}

/// `scheme://host[:port]` of an absolute URL.
fn origin(url: &str) -> Option<String> {
    let at = crate::chunk::find_str(url.as_bytes(), b"://")?;
    let (scheme, rest) = (&url[..at], &url[at + 3..]);
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{host}"))
}

/// The safe-mode policy when the settings ask for safe mode (`safe: true`, or an object
/// with `iframeHosts` and `idPrefix`).
fn safe_policy(settings: &Value) -> Option<Policy> {
    match settings.get("safe")? {
        Value::Bool(false) | Value::Null => None,
        safe @ Value::Map(_) => Some(configured_policy(safe)),
        _ => Some(Policy::default()),
    }
}

// Not inlined, as the options' errors below: the widget and the reader never configure a
// policy, a profile or kramdown options of their own, and wasm-split can then leave these out of
// the first download.

/// The policy `safe: { iframeHosts, idPrefix }` asks for.
#[inline(never)]
fn configured_policy(safe: &Value) -> Policy {
    let mut policy = Policy::default();
    if let Some(Value::Seq(hosts)) = safe.get("iframeHosts") {
        policy.iframe_hosts = hosts.iter().filter_map(Value::as_str).map(str::to_owned).collect();
    }
    if let Some(prefix) = safe.get("idPrefix").and_then(Value::as_str) {
        policy.id_prefix = prefix.to_owned();
    }
    policy
}

/// A profile given as an object, and its problems.
#[inline(never)]
fn profile_of(object: &Value) -> (Profile, Vec<String>) {
    let (profile, problems) = Profile::from_value(object);
    (profile, problems.iter().map(ToString::to_string).collect())
}

/// `options` with the `kramdown` options merged over them, and their problems.
#[inline(never)]
fn merge_kramdown(options: &mut Options, kramdown: &Value) -> Vec<String> {
    options.merge(kramdown).iter().map(ToString::to_string).collect()
}

/// The size of the module's linear memory in bytes, which only grows: the benchmark reads
/// it to know the peak a render needed.
#[wasm_bindgen(js_name = "__memoryBytes")]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>() * 65536
}

/// Panics with `message`: lets tests check that a panic reaches JavaScript and that the
/// module works afterwards.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

/// The options as plain data. Members `JSON.stringify` leaves out (undefined, functions) are as
/// good as absent.
fn read_settings(options: JsValue) -> Result<Value, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Value::Map(Vec::new()));
    }
    let text = js_sys::JSON::stringify(&options).map_err(|error| options_error(&message_of(&error)))?;
    let text = text.as_string().ok_or_else(|| options_error(&"not plain data"))?;
    json::read(&text).map_err(|error| options_error(&error))
}

// The errors below are not inlined either: no real article's options get there.

/// Options that cannot be read at all (a bad single option is a warning instead).
#[inline(never)]
fn options_error(message: &dyn std::fmt::Display) -> JsError {
    JsError::new(&format!("render options: {message}"))
}

#[inline(never)]
fn profile_error(error: &dyn std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

#[inline(never)]
fn unknown_preset(preset: &str) -> JsError {
    JsError::new(&format!("unknown preset `{preset}`: use jekyll, jekyll4 or kramdown"))
}

/// The profile named or given in the settings, with `preset` and `kramdown` applied over it;
/// problems with single keys become warnings.
fn read_profile(settings: &Value) -> Result<(Cow<'static, Profile>, Vec<Diagnostic>), JsError> {
    let (mut profile, mut problems) = match settings.get("profile") {
        None | Some(Value::Null) => (Cow::Borrowed(Profile::builtin_ref("jekyll").expect("built in")), Vec::new()),
        Some(Value::String(name)) => (Cow::Borrowed(Profile::named_ref(name).map_err(|e| profile_error(&e))?), Vec::new()),
        Some(object) => {
            let (profile, problems) = profile_of(object);
            (Cow::Owned(profile), problems)
        }
    };
    let preset = match settings.get("preset").and_then(Value::as_str) {
        None => None,
        Some("jekyll") => Some(Options::jekyll()),
        Some("jekyll4") => Some(Options::jekyll4()),
        Some("kramdown") => Some(Options::kramdown()),
        Some(other) => return Err(unknown_preset(other)),
    };
    if let Some(options) = preset {
        profile.to_mut().options = options;
    }
    if let Some(kramdown) = settings.get("kramdown") {
        problems.extend(merge_kramdown(&mut profile.to_mut().options, kramdown));
    }
    problems.extend(misnamed_options(settings));
    Ok((profile, problems.into_iter().map(|p| Diagnostic::warning(Position::OUTSIDE, p)).collect()))
}

/// `render`'s options, each with the kinds of value it takes (see `RenderOptions`).
const RENDER_OPTIONS: &[(&str, &[&str])] = &[
    ("profile", &["a string", "a mapping"]),
    ("fileName", &["a string"]),
    ("preset", &["a string"]),
    ("kramdown", &["a mapping"]),
    ("safe", &["a boolean", "a mapping"]),
    ("baseUrl", &["a string"]),
    ("articleUrl", &["a string"]),
    ("page", &["a boolean"]),
    ("sourceMap", &["a boolean"]),
    ("nodes", &["a boolean"]),
    ("outline", &["a boolean"]),
    ("wordCount", &["a boolean"]),
];

/// The kinds of value option `key` takes; none for an unknown option.
fn kinds_of(key: &str) -> Option<&'static [&'static str]> {
    RENDER_OPTIONS.iter().find(|(name, _)| *name == key).map(|(_, kinds)| *kinds)
}

/// Whether `value` may be given as option `key` (null stands for leaving it out); none for an unknown option.
fn fits(key: &str, value: &Value) -> Option<bool> {
    kinds_of(key).map(|kinds| kinds.contains(&value.kind()) || *value == Value::Null)
}

/// Options misnamed or of the wrong kind, which would otherwise be left out without a word.
fn misnamed_options(settings: &Value) -> Vec<String> {
    match settings {
        Value::Map(entries) if entries.iter().all(|(key, value)| fits(key, value) == Some(true)) => Vec::new(),
        _ => describe_misnamed(settings),
    }
}

// Not inlined: only options in error get here, and wasm-split can leave it out of the first download.
#[inline(never)]
fn describe_misnamed(settings: &Value) -> Vec<String> {
    let Value::Map(entries) = settings else {
        return vec![format!("render options should be an object, not {}; they are left out", settings.kind())];
    };
    let known = RENDER_OPTIONS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ");
    entries
        .iter()
        .filter_map(|(key, value)| match fits(key, value) {
            None => Some(format!("unknown render option `{key}` (the options are {known}); it is left out")),
            Some(false) => {
                let kinds = kinds_of(key).unwrap_or_default().join(" or ");
                // Any `safe` but false or null turns safe mode on (`safe_policy`): it fails closed.
                let outcome = if key == "safe" { "safe mode is on" } else { "it is left out" };
                Some(format!("render option `{key}` should be {kinds}, not {}; {outcome}", value.kind()))
            }
            Some(true) => None,
        })
        .collect()
}

fn to_js(value: &impl ToJson) -> Result<JsValue, JsError> {
    parse_json(&text::js_string(&json::to_string(value))).map_err(js_error)
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string already made (js_sys's takes the text from this memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// A JavaScript exception (an `Error`, a `DOMException`, a thrown string) as a `JsError` with its message.
fn js_error(error: JsValue) -> JsError {
    JsError::new(&message_of(&error))
}

fn message_of(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "a browser call failed".to_owned())
}
