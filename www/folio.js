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
 * A live preview of a text area into an element; see `Preview` in src/wasm.rs.
 * @param {import("../pkg/folio.js").RenderOptions} [options] a profile, a file name, kramdown options
 */
export function preview(source, output, diagnostics, delayMs = 16, options) {
  return guarded(() => new wasm.Preview(source, output, diagnostics, delayMs, options));
}
