//! The demo's live preview: re-renders a text area's Markdown into an element after typing pauses.

use super::render_article;
use crate::diagnostic::{Diagnostic, Position};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

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
