// The editor's API over the editor's build (pkg/editor/, made faster than small): the core calls
// of www/folio.js plus the live preview and the drafts. Types: www/folio-editor.d.ts.
import init, * as wasm from "../pkg/editor/folio.js";
import { facade } from "./facade.js";

export { FolioPanicError, FolioTrustedTypesError } from "./facade.js";
const editor = facade(init, wasm, new URL("../pkg/editor/folio_bg.wasm", import.meta.url));
export const { start, render, panicForTests } = editor;
const { guarded } = editor;

/**
 * The editor's live preview (`LivePreview` in src/wasm/preview.rs): renders into an `<article>`,
 * patching only what changed, fills the panels, and maps lines to the preview and back. After a
 * panic it builds itself again over the same elements at the next call (the page is redrawn).
 */
export class LivePreview {
  #args;
  #inner = null;
  #generation = -1;

  /**
   * @param {Element} article the `<article>` to render into (emptied)
   * @param {Element} scroller the element that scrolls the preview
   * @param {import("../pkg/editor/folio.js").RenderOptions} [options] profile, file name, `safe`...
   * @param {import("../pkg/editor/folio.js").PreviewPanels} [panels] problems, outline and stats elements
   */
  constructor(article, scroller, options, panels) {
    this.#args = [article, scroller, options, panels];
  }

  #call(method, ...args) {
    if (this.#generation !== editor.resets()) {
      // The preview writes HTML through Folio's Trusted Types policy where the page has them.
      this.#inner = editor.withPolicy(() => new wasm.LivePreview(...this.#args));
      this.#generation = editor.resets();
    }
    return guarded(() => this.#inner[method](...args));
  }

  /** Other render options (a profile, safe mode); the next update uses them. */
  setOptions(options) {
    this.#args[2] = options;
    if (this.#generation === editor.resets()) this.#call("setOptions", options);
  }

  /** @returns {import("../pkg/editor/folio.js").PreviewUpdate} */
  update(source) { return this.#call("update", source); }
  /**
   * Edits the text last given and renders it: `edits` holds `from, removed, inserted` triples
   * (UTF-16), `length` the edited text's length. `undefined` when they do not fit: call `update`.
   * @returns {import("../pkg/editor/folio.js").PreviewUpdate | undefined}
   */
  edit(edits, length) { return this.#call("edit", edits, length); }
  /** The preview's scrollTop that shows source line `line` (fractional) at the top. */
  scrollTopForLine(line) { return this.#call("scrollTopForLine", line); }
  /** The source line (fractional) at the top of the preview. */
  lineAtScrollTop() { return this.#call("lineAtScrollTop"); }
  /** The first source line of the preview block holding `node`. */
  lineAt(node) { return this.#call("lineAt", node); }
  /** The preview element of the block holding source line `line`. */
  elementForLine(line) { return this.#call("elementForLine", line); }
}

/**
 * The drafts kept in this browser's local storage (src/wasm/drafts.rs). Each call that changes
 * them returns the list ({ current, drafts: [{ id, name, profile, updated }] }); `save(draft, text)`
 * returns whether it listed again a draft deleted in another tab, and throws an Error saying why
 * when the storage refuses.
 */
export const drafts = {
  list: () => guarded(() => wasm.drafts()),
  text: (id) => guarded(() => wasm.draftText(id)),
  save: (draft, text) => guarded(() => wasm.saveDraft(draft.id, draft.name, draft.profile, text)),
  create: (name, profile, text) => guarded(() => wasm.createDraft(name, profile, text)),
  select: (id) => guarded(() => wasm.selectDraft(id)),
  rename: (id, name) => guarded(() => wasm.renameDraft(id, name)),
  setProfile: (id, profile) => guarded(() => wasm.setDraftProfile(id, profile)),
  remove: (id) => guarded(() => wasm.deleteDraft(id)),
};
