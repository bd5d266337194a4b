// Adds the rare module's loader (scripts/split/loader.js) to wasm-bindgen's browser glue: every
// instance the glue makes (at start and after a reset) gets the placeholders that link it.
//
//   node scripts/split/glue.mjs pkg/folio.js
import { readFileSync, writeFileSync } from "node:fs";

const [path] = process.argv.slice(2);
const glue = readFileSync(path, "utf8");
let calls = 0;
const linked = glue.replace(/(?<!function )__wbg_get_imports\(\)/g, () => {
  calls += 1;
  return "__folio_rare(__wbg_get_imports())";
});
// initSync, the asynchronous init and the reset each make an instance (wasm-bindgen 0.2.130).
if (calls !== 3 || !/^let wasmModule, wasmInstance, wasm;$/m.test(glue)) {
  throw new Error(`${path}: not the glue scripts/split/glue.mjs knows (${calls} calls to __wbg_get_imports)`);
}
writeFileSync(path, linked + readFileSync(new URL("loader.js", import.meta.url), "utf8"));
