// Where a render's time goes, function by function: the working tree's core built with its
// names (bench/named-build.mjs), each input rendered for about two seconds under V8's sampling
// profiler (the inspector's, in this process), then each function's self time and its inclusive
// time (the samples it was anywhere on the stack for), as shares of all samples. Counts
// (bench/calls.mjs) say how often; this says how long, including the host's side of the edge
// (`encodeInto`, `JSON.parse`, `ucs2Slice`). A profile inflates short functions' shares: compare
// changes with bench/ab.mjs, not with this.
//
//   node bench/profile.mjs [--inputs id,id,...] [--rows N] [--interval MICROSECONDS]
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inputById, loadInputs } from "./inputs.mjs";
import { ROOT } from "../tests/e2e/harness.mjs";
import { namedBuild } from "./named-build.mjs";

const { values: flags } = parseArgs({
  options: {
    inputs: { type: "string", default: "article" },
    rows: { type: "string", default: "40" },
    interval: { type: "string", default: "50" },
  },
});
const out = `${ROOT}target/profile`;
namedBuild(out);
const module = await import(pathToFileURL(`${out}/folio.js`).href);
module.initSync({ module: readFileSync(`${out}/folio_bg.wasm`) });

/** Each function's samples: alone at the top of the stack, and anywhere on it (once a sample). */
function byFunction(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const name = (node) => (node.callFrame.functionName || `(anonymous ${node.callFrame.url.split("/").pop()})`).replace(/\[[0-9a-f]{16}\]/g, "");
  const self = new Map();
  const inclusive = new Map();
  for (const id of profile.samples) {
    const top = name(nodes.get(id));
    self.set(top, (self.get(top) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(name(nodes.get(at)));
    for (const each of seen) inclusive.set(each, (inclusive.get(each) ?? 0) + 1);
  }
  return { self, inclusive, total: profile.samples.length };
}

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: Number(flags.interval) });
const inputs = loadInputs();
for (const id of flags.inputs.split(",")) {
  const input = inputById(inputs, id);
  if (!input || input.browserOnly) throw new Error(`profile: no input ${id} to render in Node`);
  // Warmed up first, so that the samples are of the optimised code.
  const warmUp = performance.now();
  while (performance.now() - warmUp < 500) module.render(input.text, input.options);
  await session.post("Profiler.start");
  const start = performance.now();
  let renders = 0;
  for (; performance.now() - start < 2000; renders++) module.render(input.text, input.options);
  const { profile } = await session.post("Profiler.stop");
  const { self, inclusive, total } = byFunction(profile);
  const share = (n) => `${((100 * n) / total).toFixed(2).padStart(6)}%`;
  console.log(`${id}: ${renders} renders, ${((performance.now() - start) / renders).toFixed(4)} ms each under the profiler; ${total} samples`);
  console.log("  self   inclusive  function");
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(flags.rows))) {
    console.log(`${share(n)}  ${share(inclusive.get(name))}  ${name.slice(0, 140)}`);
  }
}
session.disconnect();
