// Folio's core API over the core build (pkg/): what the widget, the reader and the npm package
// load. The editor's live preview and drafts are in www/folio-editor.js, a build of their own.
// Types: www/folio.d.ts.
import init, * as wasm from "../pkg/folio.js";
import { facade } from "./facade.js";

export { FolioPanicError, FolioRareCodeError, FolioTrustedTypesError } from "./facade.js";
export const { start, startComplete, render, panicForTests } = facade(init, wasm, new URL("../pkg/folio_bg.wasm", import.meta.url));
