//! The core compiled to WebAssembly, run in headless Chromium by wasm-bindgen-test:
//! render, put the HTML into the page's DOM, and query it there.
#![cfg(target_arch = "wasm32")]

use folio::wasm::LivePreview;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/floats.rs"]
mod floats;

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
    host.set_inner_html(&article.body_html.to_string());
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
    host.set_inner_html(&article.body_html.to_string());
    assert_eq!(host.query_selector("h2").unwrap().unwrap().text_content().unwrap(), "Body");
}

#[wasm_bindgen_test]
fn the_js_render_returns_a_plain_object_with_camel_case_fields() {
    let value = folio::wasm::render(text("---\ntitle: T\ntags: [a]\n---\nx\n"), wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let get = |key: &str| js_sys::Reflect::get(&value, &key.into()).unwrap();
    assert_eq!(get("title").as_string().as_deref(), Some("T"));
    assert_eq!(get("bodyHtml").as_string().as_deref(), Some("<p>x</p>\n"));
    let tags = js_sys::Reflect::get(&get("frontMatter"), &"tags".into()).unwrap();
    assert!(js_sys::Array::is_array(&tags));
    assert_eq!(js_sys::Array::from(&tags).length(), 1);
}

#[wasm_bindgen_test]
fn an_outline_and_word_count_set_false_are_left_out_of_the_result() {
    let source = "# Head\n\nTwo words.\n";
    let full = folio::wasm::render(text(source), JsValue::UNDEFINED).unwrap();
    assert_eq!(js_sys::Array::from(&get(&full, "outline")).length(), 1);
    assert_eq!(get(&full, "wordCount").as_f64(), Some(3.0));
    assert_eq!(get(&full, "readingMinutes").as_f64(), Some(1.0));
    let lean = folio::wasm::render(text(source), options(r#"{"outline": false, "wordCount": false}"#)).unwrap();
    let has = |key: &str| js_sys::Reflect::has(&lean, &key.into()).unwrap();
    assert!(!has("outline") && !has("wordCount") && !has("readingMinutes"));
    assert_eq!(get(&lean, "bodyHtml").as_string(), get(&full, "bodyHtml").as_string());
    assert_eq!(js_sys::Array::from(&get(&lean, "diagnostics")).length(), 0, "both are known options");
}

#[wasm_bindgen_test]
fn options_cross_as_json_and_what_an_article_lacks_comes_back_as_null() {
    let options = options(r#"{"page": true, "kramdown": {"auto_ids": false}}"#);
    // JSON.stringify leaves out undefined members and functions: they are as good as absent.
    js_sys::Reflect::set(&options, &"fileName".into(), &wasm_bindgen::JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&options, &"safe".into(), &js_sys::Function::new_no_args("return true")).unwrap();
    let article = folio::wasm::render(text("---\nratio: .nan\n---\n# Head\n\n<b onclick=\"x\">y</b>\n"), options).unwrap();
    assert!(get(&article, "title").is_null(), "a missing title should be null, as the Article type says");
    assert!(get(&get(&article, "frontMatter"), "ratio").is_null(), "NaN has no JSON form: it should be null");
    let page = get(&article, "pageHtml").as_string().unwrap();
    assert!(page.contains("<h1>Head</h1>"), "the kramdown options should apply (no header ids): {page}");
    assert!(page.contains("onclick"), "safe mode should stay off: {page}");
}

#[wasm_bindgen_test]
fn the_page_is_the_header_the_body_and_the_files_as_the_core_writes_them() {
    let profile = folio::Profile::named("numerique").unwrap();
    let sources = [
        "---\ntitle: Un titre\ntags: [a, b]\nchapeau-text: Un *chapeau*\nfiles:\n- file: /f/a.pdf\n  nom: Le rapport\n---\nLe corps *ici*.\n\n## Suite\n",
        "---\ntitle: Sans corps\n---\n",
    ];
    for source in sources {
        let article = folio::wasm::render(text(source), options(r#"{"profile": "numerique", "page": true}"#)).unwrap();
        let page = get(&article, "pageHtml").as_string().unwrap();
        let native = folio::page::article_html(&folio::render_with(source, &folio::Request::new(&profile)));
        assert_eq!(page, native);
        assert!(page.contains(&get(&article, "bodyHtml").as_string().unwrap()));
    }
}

/// A live preview over a fresh `<article>` inside a scrolling `<div>`.
fn live_preview(options: &str) -> (LivePreview, Element) {
    let scroller = element("div");
    let article = document().create_element("article").unwrap();
    scroller.append_child(&article).unwrap();
    let preview = LivePreview::new(article.clone(), scroller, self::options(options), wasm_bindgen::JsValue::UNDEFINED).unwrap();
    (preview, article)
}

fn body_children(article: &Element) -> Vec<Element> {
    let list = article.query_selector_all(".article-body > *").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn number(value: &wasm_bindgen::JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap()
}

/// `LivePreview::edit`'s triples: `from, removed, inserted`.
fn edits(triples: &[(u32, u32, &str)]) -> js_sys::Array {
    triples.iter().flat_map(|&(from, removed, inserted)| [JsValue::from(from), JsValue::from(removed), JsValue::from(inserted)]).collect()
}

#[wasm_bindgen_test]
fn an_edit_renders_as_the_whole_edited_text_would() {
    let (mut preview, article) = live_preview("{}");
    preview.update(&js("---\ntitle: Société\n---\n# Un\n\nDeux 😀 trois\n")).unwrap();
    // "Deux 😀 trois" starts at UTF-16 offset 29; the emoji is two units, so "trois" is at 37.
    let update = preview.edit(edits(&[(37, 5, "quatre"), (29, 0, "Et ")]), 47).unwrap();
    assert_eq!(number(&update, "replacedBlocks"), 1.0);
    let (mut whole, expected) = live_preview("{}");
    whole.update(&js("---\ntitle: Société\n---\n# Un\n\nEt Deux 😀 quatre\n")).unwrap();
    assert_eq!(article.inner_html(), expected.inner_html());
    assert!(article.inner_html().contains("<p data-source-line=\"6-6\">Et Deux 😀 quatre</p>"), "{}", article.inner_html());
}

#[wasm_bindgen_test]
fn typing_in_a_paragraph_renders_it_alone_and_the_page_is_the_full_render() {
    let (mut preview, article) = live_preview("{}");
    let text = "# Un\n\nPremier paragraphe.\n\nDeuxième, à éditer.\n\n## Deux\n\nDernier.\n";
    assert!(!get(&preview.update(&js(text)).unwrap(), "incremental").as_bool().unwrap(), "the first render is a full one");
    // Typing " Oui" and a line break after "éditer." (UTF-16 offset 46).
    let update = preview.edit(edits(&[(46, 0, " Oui\nNon")]), 74).unwrap();
    assert!(get(&update, "incremental").as_bool().unwrap(), "an edit inside a paragraph should render it alone");
    let (mut whole, expected) = live_preview("{}");
    whole.update(&js("# Un\n\nPremier paragraphe.\n\nDeuxième, à éditer. Oui\nNon\n\n## Deux\n\nDernier.\n")).unwrap();
    assert_eq!(article.inner_html(), expected.inner_html());
    assert!(article.inner_html().contains("<h2 data-source-line=\"8-8\""), "the blocks below move down a line: {}", article.inner_html());
}

#[wasm_bindgen_test]
fn an_edit_that_does_not_fit_the_text_asks_for_the_whole_text() {
    let (mut preview, article) = live_preview("{}");
    preview.update(&js("# One\n")).unwrap();
    let shown = article.inner_html();
    assert!(preview.edit(edits(&[(40, 0, "x")]), 47).unwrap().is_undefined(), "an edit past the end");
    assert!(preview.edit(edits(&[(0, 0, "x")]), 99).unwrap().is_undefined(), "a length that does not match");
    assert_eq!(article.inner_html(), shown, "nothing should be rendered from text out of step");
    assert!(preview.edit(js_sys::Array::of1(&"x".into()), 1).is_err(), "not triples");
}

#[wasm_bindgen_test]
fn the_live_preview_replaces_only_the_edited_block() {
    let (mut preview, article) = live_preview("{}");
    let first = preview.update(&js("---\ntitle: T\n---\n# One\n\nTwo\n\nThree\n")).unwrap();
    assert_eq!(number(&first, "blocks"), 3.0);
    let before = body_children(&article);
    let update = preview.update(&js("---\ntitle: T\n---\n# One\n\nTwo, edited\n\nThree\n")).unwrap();
    let after = body_children(&article);
    assert_eq!(number(&update, "replacedBlocks"), 1.0, "one block should be replaced");
    assert!(before[0].is_same_node(Some(&after[0])), "the block before the edit should be the same node");
    assert!(!before[1].is_same_node(Some(&after[1])), "the edited block should be new");
    assert!(before[2].is_same_node(Some(&after[2])), "the block after the edit should be the same node");
    assert_eq!(after[1].outer_html(), "<p data-source-line=\"6-6\">Two, edited</p>");
    assert_eq!(article.query_selector("header h1").unwrap().unwrap().text_content().unwrap(), "T");
}

#[wasm_bindgen_test]
fn a_line_added_above_moves_the_blocks_without_replacing_them() {
    let (mut preview, article) = live_preview("{}");
    preview.update(&js("---\ntitle: T\n---\n# One\n\nTwo\n\nThree\n")).unwrap();
    let before = body_children(&article);
    let update = preview.update(&js("---\ntitle: T\nx: 1\n---\n\n# One\n\nTwo\n\nThree\n")).unwrap();
    let after = body_children(&article);
    assert_eq!(number(&update, "replacedBlocks"), 0.0);
    assert_eq!(number(&update, "movedBlocks"), 3.0);
    for (old, new) in before.iter().zip(&after) {
        assert!(old.is_same_node(Some(new)), "a moved block should keep its node");
    }
    let lines: Vec<String> = after.iter().map(|e| e.get_attribute("data-source-line").unwrap()).collect();
    assert_eq!(lines, ["6-6", "8-8", "10-10"]);
    assert_eq!(preview.line_at(&after[2].first_child().unwrap()), Some(10), "a click on the text inside goes to the block's line");
    assert!(preview.element_for_line(8).unwrap().is_same_node(Some(&after[1])));
    assert!(preview.element_for_line(9).is_none(), "a blank line belongs to no block");
}

#[wasm_bindgen_test]
fn blank_lines_between_blocks_change_only_white_space() {
    let (mut preview, article) = live_preview("{}");
    let body = |article: &Element| article.query_selector(".article-body").unwrap().unwrap().inner_html();
    preview.update(&js("# One\n\nTwo\n")).unwrap();
    let before = body_children(&article);
    let update = preview.update(&js("# One\n\n\nTwo\n")).unwrap();
    assert_eq!(number(&update, "replacedBlocks"), 0.0);
    assert!(before[0].is_same_node(Some(&body_children(&article)[0])));
    assert_eq!(body(&article), "<h1 data-source-line=\"1-1\" id=\"one\">One</h1>\n\n<p data-source-line=\"4-4\">Two</p>\n");
    preview.update(&js("# One\nTwo\n")).unwrap();
    assert_eq!(body(&article), "<h1 data-source-line=\"1-1\" id=\"one\">One</h1>\n<p data-source-line=\"2-2\">Two</p>\n");
}

#[wasm_bindgen_test]
fn typing_in_the_title_keeps_the_hero_image() {
    let (mut preview, article) = live_preview(r#"{"profile": "numerique"}"#);
    let source = |title: &str| format!("---\ntitle: {title}\nune-ou-diaporama:\n- image: /hero.jpg\n---\nBody\n");
    preview.update(&js(&source("A"))).unwrap();
    let hero = article.query_selector("header img").unwrap().unwrap();
    let update = preview.update(&js(&source("AB"))).unwrap();
    assert_eq!(number(&update, "replacedBlocks"), 1.0, "only the title should be replaced");
    assert!(hero.is_same_node(article.query_selector("header img").unwrap().as_ref().map(|e| e.as_ref())));
    assert_eq!(article.query_selector("header h1").unwrap().unwrap().text_content().unwrap(), "AB");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(preview.line_at(&hero), Some(1), "the header belongs to the front matter");
}

#[wasm_bindgen_test]
fn switching_the_profile_rerenders_what_it_changes() {
    let (mut preview, article) = live_preview(r#"{"profile": "jekyll"}"#);
    let source = "---\ntitle: T\nune-ou-diaporama:\n- image: /hero.jpg\n---\nBody\n";
    preview.update(&js(source)).unwrap();
    assert!(article.query_selector("header img").unwrap().is_none());
    let body = body_children(&article);
    preview.set_options(options(r#"{"profile": "numerique"}"#)).unwrap();
    preview.update(&js(source)).unwrap();
    assert!(article.query_selector("header img").unwrap().is_some(), "the numerique profile has a hero image");
    assert!(body[0].is_same_node(Some(&body_children(&article)[0])), "the body did not change");
}

#[wasm_bindgen_test]
fn problems_and_outline_fill_their_panels() {
    let scroller = element("div");
    let article = document().create_element("article").unwrap();
    scroller.append_child(&article).unwrap();
    let (problems, outline, stats) = (element("ul"), element("ol"), element("p"));
    let panels = js_sys::Object::new();
    js_sys::Reflect::set(&panels, &"diagnostics".into(), &problems).unwrap();
    js_sys::Reflect::set(&panels, &"outline".into(), &outline).unwrap();
    js_sys::Reflect::set(&panels, &"stats".into(), &stats).unwrap();
    let mut preview = LivePreview::new(article, scroller, wasm_bindgen::JsValue::UNDEFINED, panels.into()).unwrap();
    let update = preview.update(&js("---\ntitle: \"open\n---\n## Heading\n\nTwo words\n")).unwrap();
    assert_eq!(js_sys::Array::from(&get(&update, "diagnostics")).length(), 1);
    assert!(problems.query_selector("li.error button[data-line='2']").unwrap().is_some(), "{}", problems.inner_html());
    assert_eq!(outline.query_selector("button").unwrap().unwrap().get_attribute("data-line").as_deref(), Some("4"));
    assert_eq!(stats.text_content().as_deref(), Some("3 words · 1 min read"));
    let again = preview.update(&js("---\ntitle: \"open\n---\n## Heading\n\nTwo words!\n")).unwrap();
    assert!(get(&again, "diagnostics").is_undefined(), "unchanged diagnostics should not be sent again");
}

#[wasm_bindgen_test]
fn a_long_article_shows_exactly_its_html_whether_parsed_at_once_or_block_by_block() {
    let sections: String = (1..=30).map(|i| format!("## Section {i}\n\nText *{i}*.\n\n")).collect();
    // The second holds the separator the pieces are parsed with: they are parsed one by one.
    for source in [sections.clone(), format!("{sections}<!--folio:piece-->\n\nEnd.\n")] {
        let (mut preview, article) = live_preview("{}");
        preview.update(&js(&source)).unwrap();
        let expected = get(&folio::wasm::render(text(&source), options(r#"{"sourceMap": true}"#)).unwrap(), "bodyHtml").as_string().unwrap();
        let body = article.query_selector(".article-body").unwrap().unwrap();
        let reference = element("div");
        reference.set_inner_html(&expected);
        assert_eq!(body.inner_html(), reference.inner_html());
        assert!(body.child_element_count() >= 60);
        // Another article altogether replaces every block.
        preview.update(&js("# Other\n")).unwrap();
        assert_eq!(body.inner_html(), "<h1 data-source-line=\"1-1\" id=\"other\">Other</h1>\n");
    }
}

#[wasm_bindgen_test]
fn drafts_are_kept_in_local_storage() {
    use folio::wasm::{create_draft, delete_draft, draft_text, drafts, rename_draft, save_draft};
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    // The editor gives its text as a JavaScript string, which goes to the storage as it is.
    let text = |text: &str| js_sys::JsString::from(text);
    let list = create_draft("first.md", "numerique", &text("# One\n")).unwrap();
    let id = get(&list, "current").as_string().unwrap();
    assert!(!save_draft(&id, "first.md", "numerique", &text("# One, saved\n")).unwrap(), "a listed draft is not listed again");
    assert_eq!(draft_text(&id).unwrap().as_deref(), Some("# One, saved\n"));
    rename_draft(&id, "renamed.md").unwrap();
    let list = drafts().unwrap();
    let first = js_sys::Array::from(&get(&list, "drafts")).get(0);
    assert_eq!(get(&first, "name").as_string().as_deref(), Some("renamed.md"));
    assert_eq!(get(&first, "profile").as_string().as_deref(), Some("numerique"));
    let list = delete_draft(&id).unwrap();
    assert!(get(&list, "current").is_undefined(), "no draft is open when the last is deleted");
    assert_eq!(draft_text(&id).unwrap(), None, "a deleted draft's text should be gone");
    // Another tab deleted it while this one still edits it: saving lists it again, opened.
    assert!(save_draft(&id, "renamed.md", "numerique", &text("# Kept\n")).unwrap());
    let list = drafts().unwrap();
    assert_eq!(get(&list, "current").as_string().as_deref(), Some(id.as_str()));
    assert_eq!(draft_text(&id).unwrap().as_deref(), Some("# Kept\n"));
}

fn get(value: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn options(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// An article's text as JavaScript gives it to the live preview.
fn js(source: &str) -> js_sys::JsString {
    source.into()
}

/// An article's text as JavaScript gives it to `render`.
fn text(source: &str) -> JsValue {
    JsValue::from_str(source)
}

#[wasm_bindgen_test]
fn a_long_text_crosses_into_webassembly_unchanged() {
    // The host writes a text into memory in two rounds (one byte a UTF-16 unit, then three a
    // unit for what is left, src/wasm/text.rs): accents, typographic quotes and a character
    // outside the BMP, far past the first round's end, must arrive as they left.
    let source = format!("---\ntitle: Long\n---\n{}", "Élan « vif » d’été 😀 — fin.\n\n".repeat(3000));
    assert!(source.encode_utf16().count() > 1 << 16);
    let article = folio::wasm::render(text(&source), JsValue::UNDEFINED).unwrap();
    let expected = folio::render(&source, &folio::Options::jekyll()).body_html.to_string();
    assert_eq!(get(&article, "bodyHtml").as_string().unwrap(), expected);
    assert_eq!(get(&article, "title").as_string().as_deref(), Some("Long"));
}

#[wasm_bindgen_test]
fn the_numerique_profile_dates_the_seed_in_french_through_intl() {
    let article = folio::wasm::render(text(SEED), options(r#"{"profile": "numerique"}"#)).unwrap();
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
    let article = folio::wasm::render(text("---
title: Fête
---
x
"), options(profile)).unwrap();
    assert_eq!(get(&article, "date").as_string().as_deref(), Some("2016-07-14T00:00:00+02:00"));
    assert_eq!(get(&article, "dateText").as_string().as_deref(), Some("14 July 2016"));
    assert_eq!(get(&article, "slug").as_string().as_deref(), Some("fete"));
}

#[wasm_bindgen_test]
fn misnamed_render_options_and_options_of_the_wrong_kind_are_warnings() {
    let article = folio::wasm::render(text("# hi\n"), options(r#"{"Profile": "numerique", "page": "yes", "fileName": 20161223}"#)).unwrap();
    let messages: Vec<String> = js_sys::Array::from(&get(&article, "diagnostics")).iter().map(|d| get(&d, "message").as_string().unwrap()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("unknown render option `Profile` (the options are profile, fileName"), "{}", messages[0]);
    assert_eq!(messages[1], "render option `page` should be a boolean, not a string; it is left out");
    assert_eq!(messages[2], "render option `fileName` should be a string, not an integer; it is left out");
    // A `safe` of the wrong kind fails closed: safe mode is on, and the warning says so.
    let article = folio::wasm::render(text("<a href=\"javascript:x\" onclick=\"y\">a</a>\n"), options(r#"{"safe": "no"}"#)).unwrap();
    let first = js_sys::Array::from(&get(&article, "diagnostics")).get(0);
    assert_eq!(get(&first, "message").as_string().as_deref(), Some("render option `safe` should be a boolean or a mapping, not a string; safe mode is on"));
    assert!(!get(&article, "bodyHtml").as_string().unwrap().contains("onclick"));
    let article = folio::wasm::render(text("# hi\n"), JsValue::from_str("numerique")).unwrap();
    let first = js_sys::Array::from(&get(&article, "diagnostics")).get(0);
    assert_eq!(get(&first, "message").as_string().as_deref(), Some("render options should be an object, not a string; they are left out"));
}

#[wasm_bindgen_test]
fn a_date_of_the_first_century_is_written_in_its_own_year() {
    let article = folio::wasm::render(text("---\ndate: 0099-06-01\n---\nx\n"), options(r#"{"profile": "numerique"}"#)).unwrap();
    assert_eq!(get(&article, "dateText").as_string().as_deref(), Some("1 juin 99"), "not 1999, as Date.UTC would make it");
}

#[wasm_bindgen_test]
fn unknown_profile_keys_and_zones_are_warnings() {
    let article = folio::wasm::render(text("x"), options(r#"{"profile": {"colour": "blue", "timezone": "Mars/Olympus"}}"#)).unwrap();
    let messages: Vec<String> = js_sys::Array::from(&get(&article, "diagnostics"))
        .iter()
        .map(|d| get(&d, "message").as_string().unwrap())
        .collect();
    assert!(messages.contains(&"profile: unknown key `colour` (ignored)".to_owned()), "{messages:?}");
    assert!(messages.contains(&"profile: unknown time zone `Mars/Olympus`; dates are shown in UTC".to_owned()), "{messages:?}");
}

#[wasm_bindgen_test]
fn yaml_floats_read_and_write_as_ruby_and_json_do_through_javascripts_number() {
    floats::check_all();
}

#[wasm_bindgen_test]
fn renders_leave_the_allocators_arena_as_they_found_it() {
    // A render's allocations are bumped off an arena that starts over when the render ends:
    // one that kept something past its end would leave the next render less room every time.
    let all_ways = [r#"{}"#, r#"{"page": true}"#, r#"{"safe": true}"#, r#"{"profile": "numerique", "page": true}"#];
    let render = |options: &str| folio::wasm::render(text(SEED), js_sys::JSON::parse(options).unwrap()).unwrap();
    // The first render each way makes the caches that are kept on purpose.
    all_ways.iter().for_each(|options| drop(render(options)));
    let kept = folio::wasm::arena_bytes_kept();
    for options in all_ways {
        let article = render(options);
        assert!(get(&article, "bodyHtml").as_string().unwrap().contains("<h4"));
        assert_eq!(folio::wasm::arena_bytes_kept(), kept, "{options}");
    }
}

#[wasm_bindgen_test]
fn a_body_longer_than_the_arena_renders_alike_every_time_and_gives_its_memory_back() {
    // Past the arena's 1 MiB, each block's spans and HTML come from size classes in front of
    // talc (src/size_classes.rs, in the build with SIMD): a block given back to the wrong list
    // would show in the HTML, one kept would grow the memory at every render.
    let unit = "Un paragraphe *en italique*, avec un [lien](https://example.org/) et `du code`.\n\n\
                - un élément\n- et un autre, **gras**\n\n> une citation\n> sur deux lignes\n\n";
    // The texts stay JavaScript's: large strings in this memory between renders would move
    // what the renders allocate.
    let html = |source: &JsValue| get(&folio::wasm::render(source.clone(), JsValue::UNDEFINED).unwrap(), "bodyHtml");
    let repeats = 10_000;
    let long: JsValue = js_sys::JsString::from(unit).repeat(repeats).into();
    assert!(js_sys::JsString::from(long.clone()).length() > 1 << 20, "longer than the arena by itself");
    let expected: JsValue = js_sys::JsString::from(html(&text(unit))).repeat(repeats).into();
    let memory = || wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
    let mut sizes = Vec::new();
    for _ in 0..6 {
        assert!(html(&long) == expected, "the long body's HTML is its unit's, repeated");
        sizes.push(memory());
    }
    // The first renders lay the free memory out (this test's build, unoptimised, settles at the
    // third); from then on, a render that kept memory would grow it every time.
    assert!(sizes[2..].iter().all(|&size| size == sizes[2]), "renders after the third need no more memory: {sizes:?}");
}

#[wasm_bindgen_test]
fn the_browser_pass_of_safe_mode_removes_unwraps_and_keeps_the_rest_in_order() {
    use folio::sanitize::Policy;
    let sanitize = |html: &str| folio::wasm::dom_sanitize::sanitize(html, &Policy::default()).unwrap();
    // Removed first nodes (a comment, then a script), nested unwrapped tags whose content is
    // checked inside them, foreign elements, attributes filtered on a kept element.
    assert_eq!(
        sanitize("<!--c--><script>x</script><font><font>a<script>y</script><b onclick=\"x\" class=\"k\">b</b></font>c</font><svg><a>z</a></svg>d<!--e-->"),
        "a<b class=\"k\">b</b>cd"
    );
    assert_eq!(sanitize("<p><math><mi>x</mi></math><em>e</em></p><style>p{}</style>f"), "<p><em>e</em></p>f");
    // Ids are prefixed and links made unable to reach back, on every pass.
    assert_eq!(
        sanitize("<h2 id=\"a\">A</h2><a href=\"#a\" target=\"_blank\">l</a>"),
        format!("<h2 id=\"folio-a\">A</h2><a href=\"#folio-a\" target=\"_blank\" rel=\"{}\">l</a>", folio::sanitize::policy::BLANK_TARGET_REL)
    );
    // The parse of one call leaves nothing behind for the next.
    assert_eq!(sanitize("<p>one</p>"), "<p>one</p>");
    assert_eq!(sanitize(""), "");
}

#[wasm_bindgen_test]
fn in_safe_mode_the_excerpt_taken_from_the_body_is_the_excerpt_filtered_alone() {
    let (profile, policy) = (folio::Profile::jekyll(), folio::sanitize::Policy::default());
    // What the browser's serialiser writes otherwise than kramdown: quotes, `&`, `>`, no-break spaces.
    let bodies = [SEED, "Un \"mot\" & un autre > tout\u{a0}: *fin* -- `a&b`.\n\nSuite.\n"];
    for body in bodies {
        let request = folio::Request { safe: Some(&policy), ..folio::Request::new(&profile) };
        let article = folio::render_with(body, &request);
        let alone = folio::render_with(body, &folio::Request { source_map: true, ..request }).excerpt_html;
        let excerpt = article.excerpt_html.expect("an excerpt");
        assert!(article.body_html.to_string().starts_with(&excerpt), "taken from the body: {excerpt}");
        assert_eq!(Some(excerpt), alone);
    }
}

#[wasm_bindgen_test]
fn the_browser_pass_of_safe_mode_parses_through_the_trusted_types_policy_it_is_given() {
    use folio::sanitize::Policy;
    use folio::wasm::dom_sanitize::{sanitize, set_html_policy};
    // A stand-in for Folio's policy that keeps what it is given (it stays the instance's policy
    // for the tests after this one, and passes HTML through as the real one does).
    let policy = js_sys::Object::new();
    let given = js_sys::Array::new();
    js_sys::Reflect::set(&policy, &"given".into(), &given).unwrap();
    let create_html = js_sys::Function::new_with_args("html", "this.given.push(html); return html");
    js_sys::Reflect::set(&policy, &"createHTML".into(), &create_html).unwrap();
    set_html_policy(policy.unchecked_into());
    assert_eq!(sanitize("<p onclick=\"x\">one</p>", &Policy::default()).unwrap(), "<p>one</p>");
    assert_eq!(given.to_vec(), [JsValue::from_str("<p onclick=\"x\">one</p>")]);
}

/// Every date spelling of tests/fixtures/date_spellings.tsv (Ruby's `Time.parse` answers, which
/// tests/date_spellings.rs checks natively against the tz database), read here through `Intl`:
/// the same moment as Ruby, or reported where Folio reports it natively too, or where the zone's
/// name is one `Intl` does not give (it names American and European zones' abbreviations).
#[wasm_bindgen_test]
fn date_spellings_read_through_intl_as_ruby_reads_them() {
    let mut differences = Vec::new();
    let mut read_by_zone_name = 0;
    for line in include_str!("fixtures/date_spellings.tsv").lines() {
        let [zone, spelling, ruby, folio_reads] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("{line:?}") };
        let source = format!("---\ndate: '{}'\n---\n", spelling.replace('\'', "''"));
        let article = folio::wasm::render(text(&source), options(&format!(r#"{{"profile": {{"timezone": "{zone}"}}}}"#))).unwrap();
        let date = get(&article, "date").as_string();
        let messages: Vec<String> = js_sys::Array::from(&get(&article, "diagnostics")).iter().map(|d| get(&d, "message").as_string().unwrap()).collect();
        let ruby_reads = !matches!(ruby, "refused" | "today");
        let unnamed_zone = messages.iter().any(|m| m.contains("has a zone Folio cannot place"));
        match date {
            Some(date) if date == ruby => read_by_zone_name += usize::from(spelling.contains(['C', 'B']) && spelling.ends_with("ST")),
            None if !(ruby_reads && folio_reads == "reads") || unnamed_zone => {}
            other => differences.push(format!("{spelling} in {zone}: Ruby {ruby}, Folio {other:?} {messages:?}")),
        }
    }
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
    assert!(read_by_zone_name > 20, "European zone names (CET, CEST, BST) read through Intl: {read_by_zone_name}");
}
