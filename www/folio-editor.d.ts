// Types of the editor's facade (www/folio-editor.js). The data types come from the editor's bindings.
import type { DraftList, PreviewPanels, PreviewUpdate, RenderOptions } from "../pkg/editor/folio.js";

export type { Article, Diagnostic, DraftList, PreviewPanels, PreviewUpdate, RenderOptions } from "../pkg/editor/folio.js";
export { FolioPanicError, FolioTrustedTypesError, start, render, panicForTests } from "./folio.js";

/**
 * The editor's live preview: renders into an `<article>`, patching only what changed, fills the
 * panels, and maps source lines to the preview and back. It rebuilds itself after a panic.
 */
export class LivePreview {
  constructor(article: Element, scroller: Element, options?: RenderOptions, panels?: PreviewPanels);
  setOptions(options: RenderOptions): void;
  update(source: string): PreviewUpdate;
  /** Edits the text last given (`from, removed, inserted` triples, UTF-16) and renders it; `undefined` when they do not fit. */
  edit(edits: (number | string)[], length: number): PreviewUpdate | undefined;
  /** `undefined` before the first update, or with no blocks. */
  scrollTopForLine(line: number): number | undefined;
  lineAtScrollTop(): number | undefined;
  lineAt(node: Node): number | undefined;
  elementForLine(line: number): Element | undefined;
}

/** The drafts in this browser's local storage; changes return the list, `save` throws when storage refuses. */
export const drafts: {
  list(): DraftList;
  text(id: string): string | undefined;
  /** Stores `draft`'s text; true when the draft, deleted in another tab, was listed again (as `name`, opened). */
  save(draft: { id: string; name: string; profile: string }, text: string): boolean;
  create(name: string, profile: string, text: string): DraftList;
  select(id: string): DraftList;
  rename(id: string, name: string): DraftList;
  setProfile(id: string, profile: string): DraftList;
  remove(id: string): DraftList;
};
