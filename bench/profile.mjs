// Where a render's time goes, function by function: the working tree's core built with its
// names (bench/named-build.mjs), each input rendered for about two seconds under V8's sampling
// profiler, then each function's self time and its inclusive time (the samples it was anywhere
// on the stack for), as shares of all samples. In Node the profiler is the inspector's, in this
// process; with `--engine chromium`, headless Chromium's, through the DevTools protocol, on a page
// of the repository served on 127.0.0.1 (the engines differ at the edge: Chromium has no
// `ucs2Slice`, and its V8 is newer). Counts (bench/calls.mjs) say how often; this says how long,
// including the host's side of the edge (`encodeInto`, `JSON.parse`, `ucs2Slice`, `decode`). A
// profile inflates short functions' shares: compare changes with bench/ab.mjs, not with this.
//
//   node bench/profile.mjs [--inputs id,id,...] [--rows N] [--interval MICROSECONDS] [--engine node|chromium]
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inputById, loadInputs } from "./inputs.mjs";
import { ROOT, launchBrowser, startServer } from "../tests/e2e/harness.mjs";
import { namedBuild } from "./named-build.mjs";

const { values: flags } = parseArgs({
  options: {
    inputs: { type: "string", default: "article" },
    rows: { type: "string", default: "40" },
    interval: { type: "string", default: "50" },
    engine: { type: "string", default: "node" },
  },
});
const ENGINES = ["node", "chromium"];
if (!ENGINES.includes(flags.engine)) throw new Error(`profile: no engine ${flags.engine} (${ENGINES.join(" or ")})`);
const out = `${ROOT}target/profile`;
namedBuild(out);

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

/** Warms up (so that the samples are of the optimised code), then renders `input` for two
 * seconds between `start` and `stop`; the renders made and the milliseconds each took. */
async function timed(render, input, start, stop) {
  const warmUp = performance.now();
  while (performance.now() - warmUp < 500) render(input.text, input.options);
  await start();
  const begin = performance.now();
  let renders = 0;
  for (; performance.now() - begin < 2000; renders++) render(input.text, input.options);
  return { ...(await stop()), renders, ms: (performance.now() - begin) / renders };
}

/** A profiler in Node, this process rendering. */
async function nodeEngine() {
  const module = await import(pathToFileURL(`${out}/folio.js`).href);
  module.initSync({ module: readFileSync(`${out}/folio_bg.wasm`) });
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: Number(flags.interval) });
  return {
    profile: (input) => timed(module.render, input, () => session.post("Profiler.start"), () => session.post("Profiler.stop")),
    close: async () => session.disconnect(),
  };
}

/** A profiler in headless Chromium, its page rendering (the same loop, sent as its source). */
async function chromiumEngine() {
  writeFileSync(`${out}/index.html`, '<!doctype html><meta charset="utf-8"><title>Folio profile</title><link rel="icon" href="data:,">\n');
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`${server.url}target/profile/index.html`);
  await page.evaluate(async () => {
    window.folio = await import(new URL("folio.js", location.href).href);
    await window.folio.default({ module_or_path: new URL("folio_bg.wasm", location.href) });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: Number(flags.interval) });
  await page.exposeFunction("profilerStart", () => cdp.send("Profiler.start"));
  await page.exposeFunction("profilerStop", () => cdp.send("Profiler.stop"));
  await page.evaluate(`window.timed = ${timed}`);
  return {
    profile: (input) => page.evaluate(({ text, options }) => window.timed(window.folio.render, { text, options }, window.profilerStart, window.profilerStop),
      { text: input.text, options: input.options }),
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

const engine = await (flags.engine === "chromium" ? chromiumEngine : nodeEngine)();
const inputs = loadInputs();
for (const id of flags.inputs.split(",")) {
  const input = inputById(inputs, id);
  if (!input || (input.browserOnly && flags.engine === "node")) throw new Error(`profile: no input ${id} to render in ${flags.engine}`);
  const { profile, renders, ms } = await engine.profile(input);
  const { self, inclusive, total } = byFunction(profile);
  const share = (n) => `${((100 * n) / total).toFixed(2).padStart(6)}%`;
  console.log(`${id} in ${flags.engine}: ${renders} renders, ${ms.toFixed(4)} ms each under the profiler; ${total} samples`);
  console.log("  self   inclusive  function");
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(flags.rows))) {
    console.log(`${share(n)}  ${share(inclusive.get(name))}  ${name.slice(0, 140)}`);
  }
}
await engine.close();
