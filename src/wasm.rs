//! The WebAssembly edge: the only module that touches wasm-bindgen, js-sys and web-sys.
//!
//! Each export converts its arguments, calls the core, and converts the result back to
//! plain JavaScript data. A panic becomes a JavaScript `Error` carrying the panic message;
//! the facade (`www/folio.js`) then resets the instance so the module keeps working.

use crate::diagnostic::{Diagnostic, Position};
use crate::options::Options;
use crate::value::Value;
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
  /** The base option set: Jekyll 3.8 (the default), Jekyll 3.9/4.1+, or kramdown's own. */
  preset?: "jekyll" | "jekyll4" | "kramdown";
  /** kramdown options merged over the preset, named as in Jekyll's `kramdown:` configuration. */
  kramdown?: Record<string, unknown>;
}

/** An error or warning, positioned in the whole file (line 0: not in the article, e.g. an option). */
export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
}

/** A rendered article. */
export interface Article {
  /** Every front matter key, in order; empty when there is none or it is broken. */
  frontMatter: Record<string, unknown>;
  title: string | null;
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
    let (options, problems) = read_options(options)?;
    let mut article = crate::render(source, &options);
    article.diagnostics.extend(problems);
    to_js(&article)
}

/// Panics with `message`: lets tests check that a panic reaches JavaScript and that the
/// module works afterwards.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

fn read_options(options: JsValue) -> Result<(Options, Vec<Diagnostic>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((Options::jekyll(), Vec::new()));
    }
    let settings: Value = serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("render options: {e}")))?;
    let mut resolved = match settings.get("preset").and_then(Value::as_str) {
        None | Some("jekyll") => Options::jekyll(),
        Some("jekyll4") => Options::jekyll4(),
        Some("kramdown") => Options::kramdown(),
        Some(other) => return Err(JsError::new(&format!("unknown preset `{other}`: use jekyll, jekyll4 or kramdown"))),
    };
    let problems = match settings.get("kramdown") {
        Some(kramdown) => resolved.merge(kramdown),
        None => Vec::new(),
    };
    let diagnostics = problems.iter().map(|p| Diagnostic::warning(Position::OUTSIDE, p.to_string())).collect();
    Ok((resolved, diagnostics))
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
}

#[wasm_bindgen]
impl Preview {
    /// Renders `source` into `output` (title, then body) and lists problems in `diagnostics`,
    /// now and again `delay_ms` after each pause in typing.
    #[wasm_bindgen(constructor)]
    pub fn new(source: HtmlTextAreaElement, output: Element, diagnostics: Element, delay_ms: u32) -> Result<Preview, JsValue> {
        let state = Rc::new(PreviewState { source, output, diagnostics, delay_ms, pending: RefCell::new(None) });
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
        let article = crate::render(&self.source.value(), &Options::jekyll());
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
