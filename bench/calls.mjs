// How many times each function of the core's module is entered in one render, and each of its
// loops turns: what a profile of time does not show, a call made at every element or line with
// nothing to do there (stop 70 found four such, bench/README.md: "nothing to do"). The working
// tree is built as the core's download is (scripts/core-build.sh: with SIMD, not split), keeping
// its functions' names, then instrumented by binaryen's --log-execution (a call to an import at
// each function's entry and at the top of each loop) and rendered in Node.
//
//   node bench/calls.mjs [--inputs id,id,...] [--rows N] [--per N] [--copies | --callers NAME]
//
// The inputs are those bench/ab.mjs takes (bench/inputs.mjs, pathological.mjs, constructs.mjs).
// --per divides the counts: 400 for a construct's input gives them per paragraph. --copies counts
// instead each place's bulk memory operations (memory.copy, memory.fill) and their mean bytes:
// V8 makes each one a call out of WebAssembly into C, whatever its length (stop 71 found
// constants chosen at run time copied so). --callers counts instead each call of the function
// NAME (as the module's text names it, `target/calls/folio_bg.wat`, with its crate's hash) by the
// place it is called from: who grows a vector (`finish_grow`), who copies a string (`to_vec`),
// which inlined search a function is called from. The build is made in bench/ab.mjs's target
// directory (the first one builds the standard library there).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inputById, loadInputs } from "./inputs.mjs";
import { ROOT } from "../tests/e2e/harness.mjs";
import { namedBuild } from "./named-build.mjs";

const { values: flags } = parseArgs({
  options: {
    inputs: { type: "string", default: "article" },
    rows: { type: "string", default: "40" },
    per: { type: "string", default: "1" },
    copies: { type: "boolean", default: false },
    callers: { type: "string" },
  },
});
const out = `${ROOT}target/calls`;

// The names build (bench/named-build.mjs), then the module counted and its text, where each
// count's number is found in its function.
namedBuild(out, `node_modules/.bin/wasm-opt "$1/folio_bg.wasm" "\${features[@]}" --enable-simd -g --log-execution -o "$1/folio_bg.wasm" &&
  node_modules/.bin/wasm-dis "$1/folio_bg.wasm" "\${features[@]}" --enable-simd -o "$1/folio_bg.wat"`);

/** A function's first line in wasm-dis's text, its name (quoted when it has spaces) captured. */
const FUNCTION = /^ \(func \$("(?:[^"\\]|\\.)*"|\S+)/;

/** For each count's number, its function's name and what it counts: the entry, or a loop. */
function countedPlaces(wat) {
  const lines = wat.split("\n");
  const logger = /\(import "[^"]+" "log_execution" \(func \$(\S+?)[ )]/.exec(wat)?.[1];
  if (!logger) throw new Error("calls: no log_execution import in the instrumented module");
  const byFunction = new Map();
  let current = null;
  lines.forEach((line, i) => {
    const header = FUNCTION.exec(line);
    if (header) current = header[1].replace(/^"|"$/g, "");
    else if (line.trim() === `(call $${logger}`) {
      const number = Number(/\(i32\.const (\d+)\)/.exec(lines[i + 1])[1]);
      byFunction.set(current, [...(byFunction.get(current) ?? []), number]);
    }
  });
  // binaryen numbers a function's loops as it leaves them, then its entry: the entry's is the last.
  const places = new Map();
  for (const [name, numbers] of byFunction) {
    const entry = Math.max(...numbers);
    numbers.sort((a, b) => a - b).forEach((n, k) => places.set(n, { name, what: n === entry ? "entry" : `loop ${k + 1}` }));
  }
  return places;
}

/**
 * The module's lines with each bulk memory operation made a call to a function that counts it,
 * with its place's number, then does it (the functions added); and each place's function and operation.
 */
function countingBulkMemory(wat) {
  const places = [];
  let current = null;
  const lines = wat.split("\n").map((line) => {
    const header = FUNCTION.exec(line);
    if (header) current = header[1].replace(/^"|"$/g, "");
    // wasm-dis writes an operation with operands on lines of their own: `(memory.copy` alone.
    const op = /^(\s*)\(memory\.(copy|fill)$/.exec(line);
    if (!op) return line;
    places.push({ name: current, what: op[2] });
    return `${op[1]}(call $__folio_${op[2]} (i32.const ${places.length - 1})`;
  });
  const counted = (op) => ` (func $__folio_${op} (param $place i32) (param $to i32) (param $from i32) (param $bytes i32)
  (call $__folio_bulk (local.get $place) (local.get $bytes))
  (memory.${op} (local.get $to) (local.get $from) (local.get $bytes)))\n`;
  return { lines, added: counted("copy") + counted("fill"), places };
}

/**
 * The module's lines with each call of `callee` made a call to a function of its own (added) that
 * counts it, with its place's number, then makes it; and each place's calling function.
 */
function countingCalls(wat, callee) {
  const lines = wat.split("\n");
  const quoted = [callee, `"${callee}"`].find((name) => lines.some((line) => line.startsWith(` (func $${name} `)));
  if (!quoted) throw new Error(`calls: no function ${callee} in the module's text`);
  const header = lines.find((line) => line.startsWith(` (func $${quoted} `));
  const params = [...header.matchAll(/\(param \$\S+ (\w+)\)/g)].map((m) => m[1]);
  const result = /\(result ([^)]+)\)/.exec(header)?.[1];
  const places = [];
  let current = null;
  const counted = lines.map((line) => {
    const function_ = FUNCTION.exec(line);
    if (function_) current = function_[1].replace(/^"|"$/g, "");
    // wasm-dis writes a call with operands as `(call $name` alone on its line, without as `(call $name)`.
    const call = /^(\s*)\(call \$("(?:[^"\\]|\\.)*"|[^\s()]+)(\)?)$/.exec(line);
    if (!call || call[2] !== quoted) return line;
    places.push({ name: current, what: "call" });
    return `${call[1]}(call $__folio_site_${places.length - 1}${call[3]}`;
  });
  if (places.length === 0) throw new Error(`calls: nothing calls ${callee}`);
  const locals = params.map((type, k) => `(param $p${k} ${type})`).join(" ");
  const passed = params.map((_, k) => `(local.get $p${k})`).join(" ");
  const wrappers = places.map((_, n) => ` (func $__folio_site_${n} ${locals}${result ? ` (result ${result})` : ""}
  (call $__folio_bulk (i32.const ${n}) (i32.const 0))
  (call $${quoted} ${passed}))\n`).join("");
  return { lines: counted, added: wrappers, places };
}

/**
 * A counting module (`lines`, the functions `added` to it) written as `name`, with the import its
 * counting calls, and assembled: its places by number, and its binary's path.
 */
function assembled(name, { lines, added, places }) {
  const text = lines.join("\n")
    .replace(/\n \(import /, `\n (import "./folio_bg.js" "bulk_memory" (func $__folio_bulk (param i32 i32)))\n (import `)
    .replace(/\n \(func /, `\n${added} (func `);
  writeFileSync(`${out}/${name}.wat`, text);
  execFileSync("bash", ["-c", `source scripts/core-build.sh && node_modules/.bin/wasm-as "$1" "\${features[@]}" --enable-simd -o "$2"`, "calls", `${out}/${name}.wat`, `${out}/${name}.wasm`], { cwd: ROOT, stdio: "inherit" });
  return { places: new Map(places.map((place, n) => [n, place])), wasm: `${out}/${name}.wasm` };
}

const wat = readFileSync(`${out}/folio_bg.wat`, "utf8");
const { places, wasm } = flags.callers ? assembled("folio_callers", countingCalls(wat, flags.callers))
  : flags.copies ? assembled("folio_copies", countingBulkMemory(wat))
  : { places: countedPlaces(wat), wasm: `${out}/folio_bg.wasm` };
const counts = new Float64Array(Math.max(...places.keys()) + 1);
const bytes = new Float64Array(counts.length);
// The bindings' imports are made inside the glue: the counters are added to them there.
const glue = readFileSync(`${out}/folio.js`, "utf8");
const counting = glue.replace("const import0 = {", `const import0 = {
  log_execution: (n) => { if (!globalThis.__folioByPlace) globalThis.__folioCalls[n]++; },
  bulk_memory: (n, length) => { globalThis.__folioCalls[n]++; globalThis.__folioBytes[n] += length; },`);
if (counting === glue) throw new Error("calls: the glue's imports were not found (wasm-bindgen's glue changed?)");
writeFileSync(`${out}/folio-counting.js`, counting);
globalThis.__folioCalls = counts;
globalThis.__folioBytes = bytes;
globalThis.__folioByPlace = flags.copies || flags.callers !== undefined;
const module = await import(pathToFileURL(`${out}/folio-counting.js`).href);
module.initSync({ module: readFileSync(wasm) });

const inputs = loadInputs();
for (const id of flags.inputs.split(",")) {
  const input = inputById(inputs, id);
  if (!input || input.browserOnly) throw new Error(`calls: no input ${id} to render in Node`);
  const renders = Math.min(50, Math.max(3, Math.round(1e6 / input.text.length)));
  module.render(input.text, input.options);
  counts.fill(0);
  bytes.fill(0);
  for (let i = 0; i < renders; i++) module.render(input.text, input.options);
  const per = renders * Number(flags.per);
  const rows = [...counts.entries()].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).slice(0, Number(flags.rows));
  const counted = flags.copies ? "bulk memory operations (mean bytes)" : flags.callers ? `calls of ${flags.callers}, by the function calling` : "entries and loop turns";
  console.log(`${id}: ${counted} a render${flags.per === "1" ? "" : `, divided by ${flags.per}`}`);
  for (const [n, c] of rows) {
    const { name, what } = places.get(n) ?? { name: `(${n})`, what: "?" };
    const mean = flags.copies ? ` ${(bytes[n] / c).toFixed(1).padStart(7)} B` : "";
    console.log(`${(c / per).toFixed(2).padStart(12)}${mean}  ${what.padEnd(8)} ${name.replace(/\[[0-9a-f]{16}\]/g, "")}`);
  }
}
