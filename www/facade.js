// What the two facades share (www/folio.js over the core build in pkg/, www/folio-editor.js over
// the editor's build in pkg/editor/; both are build output and never edited): start the module
// once, and after a panic reset the instance so that the next call works, rethrowing the panic
// as a FolioPanicError (with Rust's message in the editor's build); and hold Folio's Trusted Types policy.

/** A panic inside Folio's Rust core; the module has been reset and can be used again. */
export class FolioPanicError extends Error {
  constructor(message) {
    super(message);
    this.name = "FolioPanicError";
  }
}

/**
 * A render needed the core's rare code, which `start(wasm, { rareCode: "on-demand" })` leaves
 * until then: await startComplete() and render again. The module has been reset.
 */
export class FolioRareCodeError extends Error {
  constructor() {
    super("this article needs Folio's rare code (folio_rare_bg.wasm): await startComplete() and render again");
    this.name = "FolioRareCodeError";
  }
}

/** The page's Content-Security-Policy does not allow Folio's Trusted Types policy. */
export class FolioTrustedTypesError extends Error {
  constructor(message) {
    super(message);
    this.name = "FolioTrustedTypesError";
  }
}

// Folio's one Trusted Types policy (README, "On a partner's page"), made on first use where the
// browser has them. createHTML passes HTML through, which is sound as it only gets HTML parsed
// into an inert <template> that safe mode's pass filters before anything reads it
// (src/wasm/dom_sanitize.rs), and the widget's article: that pass's output, or the author's own
// where the host chose to trust the author.
const POLICY = "folio";
let policy; // undefined until made; null where the page needs none; the error where it refuses it

/**
 * The policy, `null` without Trusted Types or where the page lists policies without enforcing
 * them (plain strings then work); throws a FolioTrustedTypesError where the page enforces Trusted
 * Types and refuses the policy.
 */
export function htmlPolicy() {
  if (policy === undefined) {
    try {
      policy = newPolicy();
    } catch (error) {
      policy = error; // asked once: each refusal is a report to the page's CSP endpoint
    }
  }
  if (policy instanceof Error) throw policy;
  return policy;
}

function newPolicy() {
  try {
    return globalThis.trustedTypes?.createPolicy(POLICY, { createHTML: (html) => html }) ?? null;
  } catch {
    try {
      // Whether the page refuses plain strings: an empty one given to an inert template shows it.
      if (globalThis.document) document.createElement("template").innerHTML = "";
      return null;
    } catch {
      throw new FolioTrustedTypesError(`this page's Content-Security-Policy does not allow Folio's Trusted Types policy: its trusted-types directive should list "${POLICY}" (and 'allow-duplicates' where the page makes a policy of that name itself)`);
    }
  }
}

/**
 * The calls every build has, over its generated bindings: `init` is their default export,
 * `wasm` their namespace and `wasmUrl` where their module is, unless `start` is told (read from
 * disk in Node).
 */
export function facade(init, wasm, wasmUrl) {
  let ready;
  /** Panics so far: objects made before the last one belong to a reset instance. */
  let resets = 0;
  /** Whether the module is in: before, the bindings would fail with a bare TypeError. */
  let started = false;
  /** Whether a caller started the rare code's background fetch (see `start`). */
  let rareInBackground = false;

  function guarded(call) {
    if (!started) throw new Error("Folio is not started yet: await start() before rendering");
    try {
      return call();
    } catch (error) {
      // The editor's build throws its panics with Rust's message; the core's traps
      // (scripts/build.sh), as any build does when its memory cannot grow.
      const trapped = error instanceof WebAssembly.RuntimeError;
      // The rare code's loader (scripts/split/loader.js) stops a call that needs it before it
      // is in: the call is left half done, so the instance goes, as after a panic.
      const waiting = error?.name === "FolioRareCodeNeeded";
      if (error?.name === "FolioPanic" || trapped || waiting) {
        wasm.__wbg_reset_state();
        resets += 1;
        if (waiting) throw new FolioRareCodeError();
        throw new FolioPanicError(trapped ? `Folio stopped on an internal error (${error.message})` : error.message);
      }
      throw error;
    }
  }

  /**
   * `guarded(call)`, with Folio's Trusted Types policy given to the instance first where the page
   * has them (a reset instance has none yet): for every call that writes or parses HTML.
   */
  function withPolicy(call) {
    const trusted = htmlPolicy();
    return guarded(() => {
      if (trusted) wasm.__folioHtmlPolicy(trusted);
      return call();
    });
  }

  async function begin(module = wasmUrl) {
    if (typeof module === "string" || module instanceof URL) wasm.__folio_rare_at?.(module);
    // Node's fetch takes no file: URL: there the module's bytes are read from disk, as the rare
    // code's are (scripts/split/loader.js).
    const fs = module instanceof URL && module.protocol === "file:" ? globalThis.process?.getBuiltinModule?.("node:fs") : undefined;
    if (fs) module = fs.readFileSync(module);
    const exports = await init({ module_or_path: module });
    started = true;
    return exports;
  }

  /** Loads the module once; a failed load is not kept, so that the next call fetches it again. */
  function load(module) {
    ready ??= begin(module).catch((error) => {
      ready = undefined;
      throw error;
    });
    return ready;
  }

  return {
    guarded,
    withPolicy,
    resets: () => resets,
    /**
     * Loads the module (once), from next to the bindings unless `module` says where it is. The
     * core's build keeps the code few articles need in a second module, next to the first
     * (scripts/build.sh, split_rare). By default it is fetched in the background once the first
     * runs, so that a later article needing it does not wait for it (a render needing it before
     * then reads it synchronously). With `rareCode: "on-demand"` it is fetched only once a render
     * needs it: that render throws a FolioRareCodeError, for the caller to await startComplete()
     * and render again. That suits a page showing one article, which most likely never needs it,
     * and never holds the page up while it downloads. Once any caller has started it in the
     * background, no render stops for it: a page's own code (the demo's, say) expects its renders
     * to finish, whatever the widgets on it asked for.
     */
    start: async (module, { rareCode = "background" } = {}) => {
      const exports = await load(module);
      if (rareCode !== "on-demand") {
        rareInBackground = true;
        wasm.__folio_rare_prefetch?.();
      }
      wasm.__folio_rare_on_demand?.(!rareInBackground);
      return exports;
    },
    /**
     * As `start`, and resolves once the rare code is in too: a page that may render offline waits
     * for it (the first call into it must not need the network).
     */
    startComplete: async (module) => {
      await load(module);
      await wasm.__folio_rare_prefetch?.();
    },
    render: (source, options) => withPolicy(() => wasm.render(source, options)),
    panicForTests: (message) => guarded(() => wasm.__panicForTests(message)),
  };
}
