//! The core compiled to WebAssembly, run in headless Chromium by wasm-bindgen-test:
//! render, put the HTML into the page's DOM, and query it there.
#![cfg(target_arch = "wasm32")]

use folio::wasm::Preview;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/articles/ogp-societe-civile.md");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn element(tag: &str) -> Element {
    let element = document().create_element(tag).unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

#[wasm_bindgen_test]
fn the_seed_renders_to_a_dom_with_its_headings_and_links() {
    let article = folio::render(SEED, &folio::Options::jekyll());
    assert!(article.diagnostics.is_empty(), "{:?}", article.diagnostics);
    assert_eq!(article.jekyll.title.as_deref(), Some("La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert"));
    let host = element("div");
    host.set_inner_html(&article.body_html);
    let headings = host.query_selector_all("h4").unwrap();
    assert_eq!(headings.length(), 5);
    let first = headings.item(0).unwrap().text_content().unwrap();
    assert!(first.starts_with("Le rôle incontournable"), "{first}");
    assert_eq!(host.query_selector_all("a[href^='http'][target='_blank']").unwrap().length(), 8);
    assert_eq!(host.query_selector_all("blockquote.encadre").unwrap().length(), 2);
    assert_eq!(host.query_selector_all("figure.image-left + p > strong").unwrap().length(), 1);
    let quoted = host.query_selector("blockquote h4").unwrap().unwrap().text_content().unwrap();
    assert_eq!(quoted, "Utopies numériques");
}

#[wasm_bindgen_test]
fn a_broken_front_matter_gives_a_positioned_error_and_the_body_still_renders() {
    let article = folio::render("---\ntitle: \"open\nx: 1\n---\n\n## Body\n", &folio::Options::jekyll());
    assert_eq!(article.diagnostics.len(), 1);
    assert!(article.diagnostics[0].line >= 2);
    let host = element("div");
    host.set_inner_html(&article.body_html);
    assert_eq!(host.query_selector("h2").unwrap().unwrap().text_content().unwrap(), "Body");
}

#[wasm_bindgen_test]
fn the_js_render_returns_a_plain_object_with_camel_case_fields() {
    let value = folio::wasm::render("---\ntitle: T\ntags: [a]\n---\nx\n", wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let get = |key: &str| js_sys::Reflect::get(&value, &key.into()).unwrap();
    assert_eq!(get("title").as_string().as_deref(), Some("T"));
    assert_eq!(get("bodyHtml").as_string().as_deref(), Some("<p>x</p>\n"));
    let tags = js_sys::Reflect::get(&get("frontMatter"), &"tags".into()).unwrap();
    assert!(js_sys::Array::is_array(&tags));
    assert_eq!(js_sys::Array::from(&tags).length(), 1);
}

#[wasm_bindgen_test]
fn the_preview_renders_at_once_and_again_after_input() {
    let source: HtmlTextAreaElement = element("textarea").dyn_into().unwrap();
    let output = element("article");
    let problems = element("ul");
    source.set_value("---\ntitle: First\n---\nOne");
    let preview = Preview::new(source.clone(), output.clone(), problems.clone(), 0, wasm_bindgen::JsValue::UNDEFINED).unwrap();
    assert!(output.inner_html().contains("<h1>First</h1>"));
    source.set_value("---\ntitle: Second\n---\nTwo");
    preview.update();
    assert!(output.inner_html().contains("<p>Two</p>"));
    assert_eq!(problems.child_element_count(), 0);
}

fn get(value: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn options(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn the_numerique_profile_dates_the_seed_in_french_through_intl() {
    let article = folio::wasm::render(SEED, options(r#"{"profile": "numerique"}"#)).unwrap();
    assert_eq!(get(&article, "date").as_string().as_deref(), Some("2016-12-23T17:50:00+01:00"));
    assert_eq!(get(&article, "dateText").as_string().as_deref(), Some("23 décembre 2016"));
    assert_eq!(get(&article, "lang").as_string().as_deref(), Some("fr"));
    let hero = get(&article, "hero");
    assert_eq!(get(&hero, "src").as_string().as_deref(), Some("https://www.numerique.gouv.fr/uploads/societe-civile-ogp_une.jpg"));
    assert!(get(&article, "summaryHtml").as_string().unwrap().starts_with("<p>Membres d"));
}

#[wasm_bindgen_test]
fn intl_knows_daylight_saving_time_and_the_file_name_gives_the_date() {
    let profile = r#"{"profile": {"timezone": "Europe/Paris", "lang": "en-GB"}, "fileName": "_posts/2016-07-14-fete.md"}"#;
    let article = folio::wasm::render("---
title: Fête
---
x
", options(profile)).unwrap();
    assert_eq!(get(&article, "date").as_string().as_deref(), Some("2016-07-14T00:00:00+02:00"));
    assert_eq!(get(&article, "dateText").as_string().as_deref(), Some("14 July 2016"));
    assert_eq!(get(&article, "slug").as_string().as_deref(), Some("fete"));
}

#[wasm_bindgen_test]
fn unknown_profile_keys_and_zones_are_warnings() {
    let article = folio::wasm::render("x", options(r#"{"profile": {"colour": "blue", "timezone": "Mars/Olympus"}}"#)).unwrap();
    let messages: Vec<String> = js_sys::Array::from(&get(&article, "diagnostics"))
        .iter()
        .map(|d| get(&d, "message").as_string().unwrap())
        .collect();
    assert!(messages.contains(&"profile: unknown key `colour` (ignored)".to_owned()), "{messages:?}");
    assert!(messages.contains(&"profile: unknown time zone `Mars/Olympus`; dates are shown in UTC".to_owned()), "{messages:?}");
}
