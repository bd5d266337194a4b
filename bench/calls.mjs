// How many times each function of the core's module is entered in one render, and each of its
// loops turns: what a profile of time does not show, a call made at every element or line with
// nothing to do there (stop 70 found four such, bench/README.md: "nothing to do"). The working
// tree is built as the core's download is (scripts/core-build.sh: with SIMD, not split), keeping
// its functions' names, then instrumented by binaryen's --log-execution (a call to an import at
// each function's entry and at the top of each loop) and rendered in Node.
//
//   node bench/calls.mjs [--inputs id,id,...] [--rows N] [--per N]
//
// The inputs are those bench/ab.mjs takes (bench/inputs.mjs, pathological.mjs, constructs.mjs).
// --per divides the counts: 400 for a construct's input gives them per paragraph. The build is
// made in bench/ab.mjs's target directory (the first one builds the standard library there).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inputById, loadInputs } from "./inputs.mjs";
import { ROOT } from "../tests/e2e/harness.mjs";

const { values: flags } = parseArgs({
  options: {
    inputs: { type: "string", default: "article" },
    rows: { type: "string", default: "40" },
    per: { type: "string", default: "1" },
  },
});
const out = `${ROOT}target/calls`;
mkdirSync(out, { recursive: true });

// Built as bench/ab.mjs builds the working tree, with `-g` for wasm-opt to keep the names; then
// the module counted and its text, where each count's number is found in its function.
const script = `touch src/lib.rs && source scripts/core-build.sh && FOLIO_WASM_SIMD=1 core_cargo . --quiet &&
  bindgen "$FOLIO_WASM_TARGET/small-trap-simd/wasm32-unknown-unknown/release/folio.wasm" web "$1" "\${core_opt[@]}" -g --enable-simd &&
  node_modules/.bin/wasm-opt "$1/folio_bg.wasm" "\${features[@]}" --enable-simd -g --log-execution -o "$1/folio_bg.wasm" &&
  node_modules/.bin/wasm-dis "$1/folio_bg.wasm" "\${features[@]}" --enable-simd -o "$1/folio_bg.wat"`;
execFileSync("bash", ["-c", script, "calls", out], {
  cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, FOLIO_WASM_TARGET: `${ROOT}target/ab/target` },
});

/** For each count's number, its function's name and what it counts: the entry, or a loop. */
function countedPlaces(wat) {
  const lines = wat.split("\n");
  const logger = /\(import "[^"]+" "log_execution" \(func \$(\S+?)[ )]/.exec(wat)?.[1];
  if (!logger) throw new Error("calls: no log_execution import in the instrumented module");
  const byFunction = new Map();
  let current = null;
  lines.forEach((line, i) => {
    const header = /^ \(func \$("(?:[^"\\]|\\.)*"|\S+)/.exec(line);
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

const places = countedPlaces(readFileSync(`${out}/folio_bg.wat`, "utf8"));
const counts = new Float64Array(Math.max(...places.keys()) + 1);
// The bindings' imports are made inside the glue: the counter is added to them there.
const glue = readFileSync(`${out}/folio.js`, "utf8");
const counting = glue.replace("const import0 = {", "const import0 = { log_execution: (n) => { globalThis.__folioCalls[n]++; },");
if (counting === glue) throw new Error("calls: the glue's imports were not found (wasm-bindgen's glue changed?)");
writeFileSync(`${out}/folio-counting.js`, counting);
globalThis.__folioCalls = counts;
const module = await import(pathToFileURL(`${out}/folio-counting.js`).href);
module.initSync({ module: readFileSync(`${out}/folio_bg.wasm`) });

const inputs = loadInputs();
for (const id of flags.inputs.split(",")) {
  const input = inputById(inputs, id);
  if (!input || input.browserOnly) throw new Error(`calls: no input ${id} to render in Node`);
  const renders = Math.min(50, Math.max(3, Math.round(1e6 / input.text.length)));
  module.render(input.text, input.options);
  counts.fill(0);
  for (let i = 0; i < renders; i++) module.render(input.text, input.options);
  const per = renders * Number(flags.per);
  const rows = [...counts.entries()].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).slice(0, Number(flags.rows));
  console.log(`${id}: entries and loop turns a render${flags.per === "1" ? "" : `, divided by ${flags.per}`}`);
  for (const [n, c] of rows) {
    const { name, what } = places.get(n) ?? { name: `(${n})`, what: "?" };
    console.log(`${(c / per).toFixed(2).padStart(12)}  ${what.padEnd(8)} ${name.replace(/\[[0-9a-f]{16}\]/g, "")}`);
  }
}
