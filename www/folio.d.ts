// Types of the facade (www/folio.js). The data types come from the generated bindings.
import type { Article, DraftList, PreviewPanels, PreviewUpdate, RenderOptions } from "../pkg/folio.js";

export type { Article, Diagnostic, DraftList, PreviewPanels, PreviewUpdate, RenderOptions } from "../pkg/folio.js";

/** A panic inside Folio's Rust core; the module has been reset and can be used again. */
export class FolioPanicError extends Error {
  name: "FolioPanicError";
}

/**
 * Loads the WebAssembly module, once. By default the .wasm is fetched next to pkg/folio.js;
 * a bundler can pass its URL (or a Response, or a compiled WebAssembly.Module).
 */
export function start(wasm?: string | URL | Response | WebAssembly.Module): Promise<unknown>;

/** Renders an article: front matter, body, the profile's fields, diagnostics. Call after start(). */
export function render(source: string, options?: RenderOptions): Article;

/** Panics inside Rust (for tests of the panic path). */
export function panicForTests(message: string): never;

/**
 * The editor's live preview: renders into an `<article>`, patching only what changed, fills the
 * panels, and maps source lines to the preview and back. It rebuilds itself after a panic.
 */
export class LivePreview {
  constructor(article: Element, scroller: Element, options?: RenderOptions, panels?: PreviewPanels);
  setOptions(options: RenderOptions): void;
  update(source: string): PreviewUpdate;
  scrollTopForLine(line: number): number;
  lineAtScrollTop(): number;
  lineAt(node: Node): number | undefined;
  elementForLine(line: number): Element | undefined;
}

/** The drafts in this browser's local storage; changes return the list, `save` throws when storage refuses. */
export const drafts: {
  list(): DraftList;
  text(id: string): string | undefined;
  save(id: string, text: string): void;
  create(name: string, profile: string, text: string): DraftList;
  select(id: string): DraftList;
  rename(id: string, name: string): DraftList;
  setProfile(id: string, profile: string): DraftList;
  remove(id: string): DraftList;
};
