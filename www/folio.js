// The facade over the generated bindings (pkg/ is build output and never edited):
// it starts the module once, and after a panic resets the instance so that the next
// call works, rethrowing the panic as a FolioPanicError with Rust's message.
import init, * as wasm from "../pkg/folio.js";

/** A panic inside Folio's Rust core; the module has been reset and can be used again. */
export class FolioPanicError extends Error {
  constructor(message) {
    super(message);
    this.name = "FolioPanicError";
  }
}

let ready;
/** Panics so far: objects made before the last one belong to a reset instance. */
let resets = 0;

/**
 * Loads the WebAssembly module (once). The .wasm is fetched relative to pkg/folio.js unless
 * `wasm` says where it is (a URL, a Response, or compiled module), as a bundler may need.
 */
export function start(wasm) {
  ready ??= init(wasm === undefined ? undefined : { module_or_path: wasm });
  return ready;
}

function guarded(call) {
  try {
    return call();
  } catch (error) {
    if (error?.name === "FolioPanic") {
      wasm.__wbg_reset_state();
      resets += 1;
      throw new FolioPanicError(error.message);
    }
    throw error;
  }
}

/**
 * Renders an article (front matter + Markdown body).
 * @param {string} source
 * @param {import("../pkg/folio.js").RenderOptions} [options]
 * @returns {import("../pkg/folio.js").Article}
 */
export function render(source, options) {
  return guarded(() => wasm.render(source, options));
}

/** Panics inside Rust with `message` (for tests of the panic path). */
export function panicForTests(message) {
  return guarded(() => wasm.__panicForTests(message));
}

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
   * @param {import("../pkg/folio.js").RenderOptions} [options] profile, file name, `safe`...
   * @param {import("../pkg/folio.js").PreviewPanels} [panels] problems, outline and stats elements
   */
  constructor(article, scroller, options, panels) {
    this.#args = [article, scroller, options, panels];
  }

  #call(method, ...args) {
    if (this.#generation !== resets) {
      this.#inner = guarded(() => new wasm.LivePreview(...this.#args));
      this.#generation = resets;
    }
    return guarded(() => this.#inner[method](...args));
  }

  /** Other render options (a profile, safe mode); the next update uses them. */
  setOptions(options) {
    this.#args[2] = options;
    if (this.#generation === resets) this.#call("setOptions", options);
  }

  /** @returns {import("../pkg/folio.js").PreviewUpdate} */
  update(source) { return this.#call("update", source); }
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
 * them returns the list ({ current, drafts: [{ id, name, profile, updated }] }); saving throws
 * an Error saying why when the storage refuses.
 */
export const drafts = {
  list: () => guarded(() => wasm.drafts()),
  text: (id) => guarded(() => wasm.draftText(id)),
  save: (id, text) => guarded(() => wasm.saveDraft(id, text)),
  create: (name, profile, text) => guarded(() => wasm.createDraft(name, profile, text)),
  select: (id) => guarded(() => wasm.selectDraft(id)),
  rename: (id, name) => guarded(() => wasm.renameDraft(id, name)),
  setProfile: (id, profile) => guarded(() => wasm.setDraftProfile(id, profile)),
  remove: (id) => guarded(() => wasm.deleteDraft(id)),
};
