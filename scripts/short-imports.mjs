// Gives the functions a browser build imports from its glue short names, in the module and in
// the glue alike: wasm-bindgen names each `__wbg_<name>_<16 hex digits>`, and those digits do
// not compress, once in the module and once in the glue (2.2 KB of the core's download, gzip).
// What emscripten does with binaryen's --minify-imports; that pass renames only `env` imports,
// or every import and export (the split's placeholders and the rare module's links with them).
//
//   node scripts/short-imports.mjs DIR    (DIR/folio_bg.wasm and DIR/folio.js, before esbuild)
import { readFileSync, writeFileSync } from "node:fs";

const GLUE_MODULE = "./folio_bg.js";

const [dir] = process.argv.slice(2);
const wasmPath = `${dir}/folio_bg.wasm`;
const gluePath = `${dir}/folio.js`;
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    const byte = value & 0x7f;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

const text = (bytes) => new TextDecoder().decode(bytes);
const name = (s) => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];

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
const parts = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 2) body = renameImports(body, renamed);
  parts.push(Buffer.from([id, ...u32(body.length)]), body);
  at = start + size;
}

// Each import is a key of the glue's imports object, written at a line's start.
for (const [long, short] of renamed) {
  const key = new RegExp(`^(\\s+)${long}:`, "gm");
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) throw new Error(`${gluePath}: ${long} is a key ${found} times, not once`);
  glue = glue.replace(key, `$1${short}:`);
  if (glue.includes(long)) throw new Error(`${gluePath}: ${long} is used elsewhere than as a key`);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
