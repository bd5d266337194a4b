// Folio's core API over the core build: what the widget, the reader and the npm package load,
// with SIMD where the engine has it (pkg/simd/), else without (pkg/); both use the same glue. The
// editor's live preview and drafts are in www/folio-editor.js, a build of their own.
// Types: www/folio.d.ts.
import init, * as wasm from "../pkg/folio.js";
import { facade } from "./facade.js";
import { hasSimd } from "./simd.js";

export { FolioPanicError, FolioRareCodeError, FolioTrustedTypesError } from "./facade.js";
const module = new URL(hasSimd() ? "../pkg/simd/folio_bg.wasm" : "../pkg/folio_bg.wasm", import.meta.url);
export const { start, startComplete, render, panicForTests } = facade(init, wasm, module);
