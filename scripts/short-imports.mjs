// Gives the functions a browser build imports from its glue short names, in the module and in
// the glue alike: wasm-bindgen names each `__wbg_<name>_<16 hex digits>`, and those digits do
// not compress, once in the module and once in the glue (2.2 KB of the core's download, gzip).
// What emscripten does with binaryen's --minify-imports; that pass renames only `env` imports,
// or every import and export (the split's placeholders and the rare module's links with them).
//
//   node scripts/short-imports.mjs DIR    (DIR/folio_bg.wasm and DIR/folio.js, before esbuild)
import { readFileSync, writeFileSync } from "node:fs";
import { assemble, name, readU32, sections, u32 } from "./wasm-binary.mjs";

const GLUE_MODULE = "./folio_bg.js";

const [dir] = process.argv.slice(2);
const wasmPath = `${dir}/folio_bg.wasm`;
const gluePath = `${dir}/folio.js`;
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

const text = (bytes) => new TextDecoder().decode(bytes);

/** `a`, `b`… `Z`, `aa`, `ab`…: valid as JavaScript property names. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let out = "";
  do {
    out = letters[index % letters.length] + out;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return out;
}

/** The import section with the glue's function imports renamed; the renames in `renamed`. */
function renameImports(section, renamed) {
  let [count, at] = readU32(section, 0);
  const out = [...u32(count)];
  while (count--) {
    let length;
    [length, at] = readU32(section, at);
    const module = text(section.subarray(at, (at += length)));
    [length, at] = readU32(section, at);
    let base = text(section.subarray(at, (at += length)));
    const descriptionStart = at;
    const kind = section[at++];
    if (kind !== 0) throw new Error(`${wasmPath}: an import other than a function (kind ${kind}); not handled`);
    [, at] = readU32(section, at);
    if (module === GLUE_MODULE) {
      const short = shortName(renamed.size);
      renamed.set(base, short);
      base = short;
    }
    out.push(...name(module), ...name(base), ...section.subarray(descriptionStart, at));
  }
  if (at !== section.length) throw new Error(`${wasmPath}: the import section has bytes past its imports`);
  return Buffer.from(out);
}

const renamed = new Map();
const renamedModule = assemble(
  wasm,
  sections(wasm).map(({ id, body }) => ({ id, body: id === 2 ? renameImports(body, renamed) : body })),
);

// Each import is a key of the glue's imports object, written at a line's start.
for (const [long, short] of renamed) {
  const key = new RegExp(`^(\\s+)${long}:`, "gm");
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`${gluePath}: ${long} is a key ${found} times, not once`);
  glue = glue.replace(key, `$1${short}:`);
  if (glue.includes(long)) throw new Error(`${gluePath}: ${long} is used elsewhere than as a key`);
}
writeFileSync(wasmPath, renamedModule);
writeFileSync(gluePath, glue);
