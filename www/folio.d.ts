// Types of the core facade (www/folio.js). The data types come from the generated bindings.
import type { Article, RenderOptions } from "../pkg/folio.js";

export type { Article, Diagnostic, RenderOptions } from "../pkg/folio.js";

/** A panic inside Folio's Rust core; the module has been reset and can be used again. */
export class FolioPanicError extends Error {
  name: "FolioPanicError";
}

/**
 * On a page with Trusted Types, render() needs Folio's policy, "folio"; this is thrown when the
 * page's Content-Security-Policy does not allow it (its trusted-types directive should list it).
 */
export class FolioTrustedTypesError extends Error {
  name: "FolioTrustedTypesError";
}

/**
 * Loads the WebAssembly module, once. By default the build the engine runs is fetched from beside
 * pkg/folio.js: pkg/simd/folio_bg.wasm where it has WebAssembly SIMD (every engine since 2023),
 * else pkg/folio_bg.wasm. A bundler can pass either's URL (or a Response, or a compiled
 * WebAssembly.Module); the rare code is then fetched next to that URL.
 */
export function start(wasm?: string | URL | Response | WebAssembly.Module, options?: StartOptions): Promise<unknown>;

export interface StartOptions {
  /**
   * When the rare code (folio_rare_bg.wasm beside the module, the code few articles need) is fetched:
   * "background" (the default), once the module runs, so that a later article needing it does
   * not wait (a render needing it before then reads it synchronously); "on-demand", only once a
   * render needs it: that render throws a FolioRareCodeError, and the caller awaits
   * startComplete() and renders again (for a page showing one article, which most likely never
   * needs it; the page is never held up while it downloads).
   */
  rareCode?: "background" | "on-demand";
}

/**
 * A render needed the rare code, which start() with rareCode "on-demand" leaves until then:
 * await startComplete() and render again. The module has been reset.
 */
export class FolioRareCodeError extends Error {
  name: "FolioRareCodeError";
}

/**
 * As start(), and resolves once the rare code is in too (folio_rare_bg.wasm beside the module, the
 * code few articles need, which start() fetches in the background): for a page that may render offline.
 */
export function startComplete(wasm?: string | URL | Response | WebAssembly.Module): Promise<void>;

/**
 * Whether options `O` ask for `K`: `false` where they set it `false`, `true` where they leave it
 * out or set it `true`, `boolean` where their type says neither.
 */
type Asks<O, K extends "outline" | "wordCount"> = O extends undefined ? true
  : K extends keyof O ? (O[K] extends true | undefined ? true : O[K] extends false ? false : boolean)
  : true;

/** The article `render` returns for options `O`: an `Article`, whose `outline`, `wordCount` and
 *  `readingMinutes` may be left out where the options may set them `false`. */
export type ArticleFor<O extends RenderOptions | undefined> = Omit<Article, "outline" | "wordCount" | "readingMinutes"> &
  (Asks<O, "outline"> extends true ? Pick<Article, "outline"> : Partial<Pick<Article, "outline">>) &
  (Asks<O, "wordCount"> extends true ? Pick<Article, "wordCount" | "readingMinutes"> : Partial<Pick<Article, "wordCount" | "readingMinutes">>);

/** Renders an article: front matter, body, the profile's fields, diagnostics. Call after start(). */
export function render<O extends RenderOptions | undefined = undefined>(source: string, options?: O): ArticleFor<O>;

/** Panics inside Rust (for tests of the panic path). */
export function panicForTests(message: string): never;
