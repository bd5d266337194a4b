//! The WebAssembly edge: the only module that touches wasm-bindgen, js-sys and web-sys.
//!
//! Each export converts its arguments, calls the core, and converts the result back to
//! plain JavaScript data. A panic becomes a JavaScript `Error` carrying the panic message;
//! the facade (`www/folio.js`) then resets the instance so the module keeps working.

use crate::calendar::{self, Calendar};
use crate::datetime::Date;
use crate::diagnostic::{Diagnostic, Position};
use crate::options::Options;
use crate::profile::Profile;
use crate::value::Value;
use crate::Request;
use gloo_timers::callback::Timeout;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

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
  bodyHtml: string;
  diagnostics: Diagnostic[];
}
"#;

#[wasm_bindgen(start)]
fn start() {
    // Without unwinding, a panic would trap with a bare "unreachable"; throwing from the
    // hook hands its message to JavaScript instead, as an Error named `FolioPanic` so the
    // facade knows to reset the instance (the panicking one is left mid-call).
    std::panic::set_hook(Box::new(|info| {
        let error = js_sys::Error::new(&info.to_string());
        error.set_name("FolioPanic");
        wasm_bindgen::throw_val(error.into())
    }));
}

/// Renders one article (front matter and Markdown body).
#[wasm_bindgen(unchecked_return_type = "Article")]
pub fn render(source: &str, #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue) -> Result<JsValue, JsError> {
    to_js(&render_article(source, options)?)
}

fn render_article(source: &str, options: JsValue) -> Result<crate::Article, JsError> {
    let settings = read_settings(options)?;
    let (profile, problems) = read_profile(&settings)?;
    let file_name = settings.get("fileName").and_then(Value::as_str);
    let mut article = crate::render_with(source, &Request { profile: &profile, file_name, calendar: &IntlCalendar });
    article.diagnostics.extend(problems);
    Ok(article)
}

/// Panics with `message`: lets tests check that a panic reaches JavaScript and that the
/// module works afterwards.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

fn read_settings(options: JsValue) -> Result<Value, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Value::Map(Vec::new()));
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("render options: {e}")))
}

/// The profile named or given in the settings, with `preset` and `kramdown` applied over it;
/// problems with single keys become warnings.
fn read_profile(settings: &Value) -> Result<(Profile, Vec<Diagnostic>), JsError> {
    let (mut profile, mut problems) = match settings.get("profile") {
        None | Some(Value::Null) => (Profile::jekyll(), Vec::new()),
        Some(Value::String(name)) => (Profile::named(name).map_err(|e| JsError::new(&e.to_string()))?, Vec::new()),
        Some(object) => {
            let (profile, problems) = Profile::from_value(object);
            (profile, problems.iter().map(ToString::to_string).collect())
        }
    };
    match settings.get("preset").and_then(Value::as_str) {
        None => {}
        Some("jekyll") => profile.options = Options::jekyll(),
        Some("jekyll4") => profile.options = Options::jekyll4(),
        Some("kramdown") => profile.options = Options::kramdown(),
        Some(other) => return Err(JsError::new(&format!("unknown preset `{other}`: use jekyll, jekyll4 or kramdown"))),
    }
    if let Some(kramdown) = settings.get("kramdown") {
        problems.extend(profile.options.merge(kramdown).iter().map(ToString::to_string));
    }
    Ok((profile, problems.into_iter().map(|p| Diagnostic::warning(Position::OUTSIDE, p)).collect()))
}

/// The browser's calendar: time zones and month names from `Intl`, falling back to the
/// built-in one for what `Intl` refuses (an unknown language tag).
struct IntlCalendar;

impl Calendar for IntlCalendar {
    fn utc_offset(&self, zone: &str, unix_seconds: i64) -> Option<i32> {
        if let Some(offset) = calendar::fixed_offset(zone) {
            return Some(offset);
        }
        // "GMT+01:00" (or "GMT" at UTC) from the zone's long offset name at that moment.
        let format = date_time_format("en-US", &[("timeZone", zone), ("timeZoneName", "longOffset")])?;
        let moment = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
        let parts = format.format_to_parts(&moment);
        let name = parts.iter().find_map(|part| {
            let kind = js_sys::Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            (kind == "timeZoneName").then(|| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string())?
        })?;
        match name.strip_prefix("GMT")? {
            "" => Some(0),
            offset => calendar::fixed_offset(offset),
        }
    }

    fn long_date(&self, date: Date, lang: &str) -> String {
        let text = date_time_format(lang, &[("dateStyle", "long"), ("timeZone", "UTC")]).map(|format| {
            let noon = js_sys::Date::utc(f64::from(date.year), f64::from(date.month - 1)) + (f64::from(date.day) - 0.5) * 86_400_000.0;
            let parts = format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(noon)));
            parts.iter().filter_map(|part| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string()).collect::<String>()
        });
        text.unwrap_or_else(|| calendar::Builtin.long_date(date, lang))
    }
}

/// `new Intl.DateTimeFormat(locale, options)`, or `None` where it throws (a bad zone or tag).
fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<js_sys::Intl::DateTimeFormat> {
    let settings = js_sys::Object::new();
    for (key, value) in options {
        js_sys::Reflect::set(&settings, &(*key).into(), &(*value).into()).ok()?;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let arguments = js_sys::Array::of2(&locale.into(), &settings);
    js_sys::Reflect::construct(&constructor, &arguments).ok().map(JsCast::unchecked_into)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// A live preview: re-renders a text area's Markdown into an element after typing pauses.
#[wasm_bindgen]
pub struct Preview {
    state: Rc<PreviewState>,
    _on_input: Closure<dyn FnMut()>,
}

struct PreviewState {
    source: HtmlTextAreaElement,
    output: Element,
    diagnostics: Element,
    delay_ms: u32,
    pending: RefCell<Option<Timeout>>,
    /// The render options given to the constructor, read again at each update.
    options: JsValue,
}

#[wasm_bindgen]
impl Preview {
    /// Renders `source` into `output` (the article's header, body and files, see `page.rs`) and
    /// lists problems in `diagnostics`, now and again `delay_ms` after each pause in typing.
    /// `options` are those of `render` (a profile, a file name, kramdown options).
    #[wasm_bindgen(constructor)]
    pub fn new(
        source: HtmlTextAreaElement,
        output: Element,
        diagnostics: Element,
        delay_ms: u32,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
    ) -> Result<Preview, JsValue> {
        let state = Rc::new(PreviewState { source, output, diagnostics, delay_ms, pending: RefCell::new(None), options });
        let on_input = {
            let state = Rc::clone(&state);
            Closure::<dyn FnMut()>::new(move || PreviewState::schedule(&state))
        };
        state.source.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
        state.update();
        Ok(Preview { state, _on_input: on_input })
    }

    /// Renders the current text at once.
    pub fn update(&self) {
        self.state.update();
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self
            .state
            .source
            .remove_event_listener_with_callback("input", self._on_input.as_ref().unchecked_ref());
    }
}

impl PreviewState {
    fn schedule(state: &Rc<PreviewState>) {
        let next = Rc::clone(state);
        // Replacing the pending timeout cancels it: only the last pause renders.
        *state.pending.borrow_mut() = Some(Timeout::new(state.delay_ms, move || next.update()));
    }

    fn update(&self) {
        let article = match render_article(&self.source.value(), self.options.clone()) {
            Ok(article) => article,
            Err(error) => {
                let message: JsValue = error.into();
                let text = js_sys::Error::from(message).message().as_string().unwrap_or_default();
                self.diagnostics.set_inner_html(&diagnostics_html(&[Diagnostic::error(Position::OUTSIDE, text)]));
                return;
            }
        };
        let _ = self.output.set_attribute("lang", &article.lang);
        self.output.set_inner_html(&crate::page::article_html(&article));
        self.diagnostics.set_inner_html(&diagnostics_html(&article.diagnostics));
    }
}

fn diagnostics_html(diagnostics: &[Diagnostic]) -> String {
    let mut html = String::new();
    for d in diagnostics {
        html.push_str(&format!("<li class=\"{}\" data-line=\"{}\">", d.severity, d.line));
        crate::escape::text(&mut html, &d.to_string());
        html.push_str("</li>");
    }
    html
}
