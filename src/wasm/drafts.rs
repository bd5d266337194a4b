//! The editor's drafts in `localStorage`: the index ([`crate::drafts::Index`]) under
//! `folio-drafts`, each draft's text under `folio-draft:ID`. Writing throws when the storage
//! refuses (full, or turned off), with the browser's reason, so the editor can say so: a text
//! is never dropped silently.

use super::{js_error, message_of, to_js};
use crate::drafts::Index;
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Storage;

#[wasm_bindgen]
extern "C" {
    /// A `Storage` given its values as the page's own strings.
    type TextStorage;
    #[wasm_bindgen(method, js_name = setItem, catch)]
    fn set_item(this: &TextStorage, key: &str, text: &JsString) -> Result<(), JsValue>;
}

/// Stores `text` as the editor gave it: a draft's text goes to the storage without a copy into
/// this memory and back (the editor saves at every keystroke).
fn set_text(storage: &Storage, key: &str, text: &JsString) -> Result<(), JsValue> {
    storage.unchecked_ref::<TextStorage>().set_item(key, text)
}

const INDEX_KEY: &str = "folio-drafts";

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** The drafts kept in this browser, in the order they were made, and the one open. */
export interface DraftList {
  /** The draft open; absent when there is none. */
  current?: string;
  drafts: { id: string; name: string; profile: string; updated: number }[];
}
"#;

fn text_key(id: &str) -> String {
    format!("folio-draft:{id}")
}

fn storage() -> Result<Storage, JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("drafts need a browser window"))?;
    window.local_storage().map_err(js_error)?.ok_or_else(|| JsError::new("this browser keeps no local storage"))
}

fn load(storage: &Storage) -> Result<Index, JsError> {
    Ok(storage.get_item(INDEX_KEY).map_err(js_error)?.map(|text| Index::parse(&text)).unwrap_or_default())
}

fn store(storage: &Storage, index: &Index) -> Result<JsValue, JsError> {
    storage.set_item(INDEX_KEY, &index.to_text()).map_err(saving_failed)?;
    to_js(index)
}

fn saving_failed(error: JsValue) -> JsError {
    JsError::new(&format!("the draft could not be saved: {}", message_of(&error)))
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Changes the index with `change` and stores it; an unknown id is an error.
fn change(id: &str, change: impl FnOnce(&mut Index) -> bool) -> Result<JsValue, JsError> {
    let storage = storage()?;
    let mut index = load(&storage)?;
    if !change(&mut index) {
        return Err(JsError::new(&format!("there is no draft `{id}`")));
    }
    store(&storage, &index)
}

/// The drafts and the one open.
#[wasm_bindgen(js_name = drafts, unchecked_return_type = "DraftList")]
pub fn drafts() -> Result<JsValue, JsError> {
    to_js(&load(&storage()?)?)
}

/// The text of draft `id`; `undefined` when it has none stored.
#[wasm_bindgen(js_name = draftText)]
pub fn draft_text(id: &str) -> Result<Option<String>, JsError> {
    storage()?.get_item(&text_key(id)).map_err(js_error)
}

/// Stores `text` as draft `id`'s and notes the time. A draft deleted meanwhile in another tab is
/// listed again as `name` with `profile`, and opened, so what was typed into it stays reachable;
/// true then.
#[wasm_bindgen(js_name = saveDraft)]
pub fn save_draft(id: &str, name: &str, profile: &str, text: &JsString) -> Result<bool, JsError> {
    let storage = storage()?;
    set_text(&storage, &text_key(id), text).map_err(saving_failed)?;
    let mut index = load(&storage)?;
    let listed_again = index.touch(id, name, profile, now());
    storage.set_item(INDEX_KEY, &index.to_text()).map_err(saving_failed)?;
    Ok(listed_again)
}

/// A new draft holding `text`, opened; the index is changed only once the text is stored.
#[wasm_bindgen(js_name = createDraft, unchecked_return_type = "DraftList")]
pub fn create_draft(name: &str, profile: &str, text: &JsString) -> Result<JsValue, JsError> {
    let storage = storage()?;
    let mut index = load(&storage)?;
    let id = index.create(name, profile, now());
    set_text(&storage, &text_key(&id), text).map_err(saving_failed)?;
    store(&storage, &index)
}

/// Opens draft `id`.
#[wasm_bindgen(js_name = selectDraft, unchecked_return_type = "DraftList")]
pub fn select_draft(id: &str) -> Result<JsValue, JsError> {
    change(id, |index| index.select(id))
}

#[wasm_bindgen(js_name = renameDraft, unchecked_return_type = "DraftList")]
pub fn rename_draft(id: &str, name: &str) -> Result<JsValue, JsError> {
    change(id, |index| index.rename(id, name))
}

/// The site profile draft `id` is previewed with.
#[wasm_bindgen(js_name = setDraftProfile, unchecked_return_type = "DraftList")]
pub fn set_draft_profile(id: &str, profile: &str) -> Result<JsValue, JsError> {
    change(id, |index| index.set_profile(id, profile))
}

/// Deletes draft `id` and its text; the most recently changed other draft is opened.
#[wasm_bindgen(js_name = deleteDraft, unchecked_return_type = "DraftList")]
pub fn delete_draft(id: &str) -> Result<JsValue, JsError> {
    let list = change(id, |index| index.remove(id))?;
    storage()?.remove_item(&text_key(id)).map_err(js_error)?;
    Ok(list)
}
