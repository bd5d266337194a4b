// An A/B comparison of two revisions of the core, for a change too small for `make bench`'s
// noise: each built as the core's download is (scripts/core-build.sh: with SIMD, not split),
// then both in one process, their batches taken in turn, fastest of many; in Node and in
// headless Chromium, and in each twice, the builds loaded in one order then the other (the
// order alone moves a time by 2–3%).
//
//   node bench/ab.mjs A B [--rounds N] [--inputs id,id,...] [--count]
//
// A and B are git revisions, or `.` for the working tree, each built with its own build
// settings (its scripts/core-build.sh). Each revision is checked out into
// target/ab/trees/ and its build kept in target/ab/builds/ (the working tree's is built again
// every time), built in target/ab/target/ (the first comparison builds the standard library and
// the dependencies there: minutes). The inputs are those of bench/inputs.mjs,
// bench/pathological.mjs (at their n) and bench/constructs.mjs (one kind of construct each); by
// default the 13.4 KB article, the corpus, the seed as the reader and as the widget render it (the
// widget's in Chromium only: safe mode needs its HTML parser), and the table.
//
// With --count, nothing is timed: each build's render of each input (Node's only) is counted
// in instructions under valgrind, in Node with the module compiled by its optimising compiler
// at once (no tier-up midway), one thread, V8 deterministic with fixed seeds, the same
// addresses in every run, and a young generation that no render fills (no garbage collection
// midway): counts of one build come within 0.01%, where timings move by several percent. Node
// runs twice per build and input, for a few renders and for many; the difference, divided by
// the renders between, leaves out its start and the module's compilation. Minutes per input;
// valgrind and setarch are needed (Debian: apt-get install valgrind util-linux).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { inputById, loadInputs } from "./inputs.mjs";
import { compare } from "./ab-measure.mjs";
import { launchBrowser, startServer, ROOT } from "../tests/e2e/harness.mjs";

const { values: flags, positionals: revisions } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "31" },
    inputs: { type: "string", default: "article,corpus,reader,widget,table" },
    count: { type: "boolean", default: false },
  },
});
if (revisions.length !== 2) {
  console.error("usage: node bench/ab.mjs A B [--rounds N] [--inputs id,id,...] [--count] (A, B: git revisions, or . for the working tree)");
  process.exit(2);
}
const rounds = Number(flags.rounds);
const log = (line) => process.stderr.write(`ab: ${line}\n`);
const AB = `${ROOT}target/ab`;

/** The build of `revision` (a directory holding folio.js and folio_bg.wasm), made if needed. */
function built(revision) {
  const git = (...args) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  const working = revision === ".";
  const sha = working ? "working" : git("rev-parse", "--verify", `${revision}^{commit}`);
  const out = `${AB}/builds/${sha}`;
  if (!working && existsSync(`${out}/folio_bg.wasm`)) return out;
  const tree = working ? "." : `${AB}/trees/${sha}`;
  if (!working && !existsSync(tree)) git("worktree", "add", "--detach", tree, sha);
  log(`building ${revision} (${sha})`);
  // Each tree is built with its own scripts/core-build.sh, so that a change to the build's
  // settings is compared too (with the working tree's for both, a revision before the change was
  // built with it, and the build kept for that revision was another's). The tools the settings
  // name are the checkout's (node_modules/.bin/wasm-opt).
  if (!working && !existsSync(`${tree}/node_modules`)) symlinkSync(`${ROOT}node_modules`, `${tree}/node_modules`);
  // Into a target directory of the comparison's own: cargo copies a crate's module to
  // release/folio.wasm only when it compiles it, so a tree found up to date there would leave
  // the other tree's module in its place; the touch makes it compile this tree's.
  const script = `touch src/lib.rs && source scripts/core-build.sh && FOLIO_WASM_SIMD=1 core_cargo . --quiet &&
    bindgen "$FOLIO_WASM_TARGET/small-trap-simd/wasm32-unknown-unknown/release/folio.wasm" web "$1" "\${core_opt[@]}" --enable-simd`;
  execFileSync("bash", ["-c", script, "ab", out], {
    cwd: working ? ROOT : tree, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, FOLIO_WASM_TARGET: `${AB}/target` },
  });
  return out;
}

const inputs = loadInputs();
const tests = flags.inputs.split(",").map((id) => {
  const input = inputById(inputs, id);
  if (!input) throw new Error(`ab: no input ${id} in bench/inputs.mjs, bench/pathological.mjs or bench/constructs.mjs`);
  return input;
});
const dirs = revisions.map(built);

/** Node: each build's bindings imported from their own URL, so each is its own instance. */
async function inNode(order) {
  const modules = [];
  for (const k of order) {
    const module = await import(`${pathToFileURL(`${dirs[k]}/folio.js`)}?${order.join("")}`);
    module.initSync({ module: readFileSync(`${dirs[k]}/folio_bg.wasm`) });
    modules[k] = module;
  }
  return compare(modules, tests.filter((t) => !t.browserOnly), rounds);
}

/** Instructions a render of `test` takes with the build in `dir` (see --count above). */
function instructions(dir, test) {
  const renders = Math.min(600, Math.max(6, Math.round(8e6 / test.text.length)));
  const few = Math.ceil(renders / 6);
  const count = (n) => {
    // V8's seeds fixed and its work made deterministic (`--predictable`), and addresses the same
    // from run to run (`setarch -R`): without these, four counts of one build spread by 0.78%
    // (the article), with them by 0.003%.
    const node = [process.execPath, "--no-wasm-dynamic-tiering", "--single-threaded", "--predictable", "--hash-seed=1",
      "--random-seed=1", "--min-semi-space-size=256", "--max-semi-space-size=256", `${ROOT}bench/ab-count.mjs`, dir, test.id, String(n)];
    const valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--smc-check=all-non-file", ...node];
    const run = spawnSync("setarch", [machine, "-R", ...valgrind], { encoding: "utf8" });
    const collected = /Collected : (\d+)/.exec(run.stderr ?? "");
    if (run.status !== 0 || !collected) throw new Error(`ab: valgrind failed on ${test.id}: ${run.error?.message ?? run.stderr.slice(-500)}`);
    return Number(collected[1]);
  };
  return (count(few + renders) - count(few)) / renders;
}

/** The machine's architecture, as `setarch` names it. */
const machine = execFileSync("uname", ["-m"], { encoding: "utf8" }).trim();

async function countInstructions() {
  if (spawnSync("valgrind", ["--version"]).error || spawnSync("setarch", ["--version"]).error) {
    console.error("ab: --count needs valgrind and setarch (Debian: apt-get install valgrind util-linux)");
    process.exitCode = 2;
    return;
  }
  const counted = tests.filter((t) => !t.browserOnly);
  writeFileSync(`${AB}/tests.json`, JSON.stringify(counted));
  const modules = [];
  for (const dir of dirs) {
    modules.push(await import(`${pathToFileURL(`${dir}/folio.js`)}?count`));
    modules.at(-1).initSync({ module: readFileSync(`${dir}/folio_bg.wasm`) });
  }
  console.log(`A = ${revisions[0]}, B = ${revisions[1]}: instructions a render (valgrind, Node ${process.version}); B's change`);
  for (const test of counted) {
    const [a, b] = dirs.map((dir) => instructions(dir, test));
    const same = JSON.stringify(modules[0].render(test.text, test.options)) === JSON.stringify(modules[1].render(test.text, test.options));
    if (!same) process.exitCode = 1;
    const change = (b / a - 1) * 100;
    console.log(`  ${test.id.padEnd(10)} A ${Math.round(a).toLocaleString("en")}  B ${Math.round(b).toLocaleString("en")}  ${change >= 0 ? "+" : ""}${change.toFixed(2)}%${same ? "" : "  DIFFERENT OUTPUT"}`);
  }
}

/** Chromium: one page loads both builds, in `order`, and runs the same loop. */
async function inChromium(browser, server, order) {
  const url = (path) => `/${path.slice(ROOT.length)}`;
  writeFileSync(`${AB}/tests.json`, JSON.stringify(tests));
  writeFileSync(`${AB}/index.html`, `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">
import { compare } from "${url(`${ROOT}bench/ab-measure.mjs`)}";
const dirs = ${JSON.stringify(dirs.map(url))};
const modules = [];
for (const k of ${JSON.stringify(order)}) {
  modules[k] = await import(dirs[k] + "/folio.js");
  await modules[k].default({ module_or_path: dirs[k] + "/folio_bg.wasm" });
}
window.run = async (rounds) => compare(modules, await (await fetch("tests.json")).json(), rounds);
</script>`);
  const page = await browser.newPage();
  page.on("pageerror", (error) => log(`chromium: ${error.message}`));
  await page.goto(`${server.url}target/ab/index.html`);
  await page.waitForFunction(() => typeof window.run === "function");
  page.setDefaultTimeout(0);
  const results = await page.evaluate((rounds) => window.run(rounds), rounds);
  await page.close();
  return results;
}

mkdirSync(AB, { recursive: true });
if (flags.count) {
  await countInstructions();
  process.exit(process.exitCode ?? 0);
}
const runs = [];
for (const order of [[0, 1], [1, 0]]) runs.push({ env: `Node ${process.version}`, order, results: await inNode(order) });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const order of [[0, 1], [1, 0]]) runs.push({ env: `Chromium ${browser.version()}`, order, results: await inChromium(browser, server, order) });
} finally {
  await browser.close();
  await server.stop();
}

console.log(`A = ${revisions[0]}, B = ${revisions[1]}: fastest of ${rounds} batches each, ms a render; B's change`);
let differ = false;
for (const { env, order, results } of runs) {
  console.log(`\n${env}, ${order[0] === 0 ? "A" : "B"} loaded first:`);
  for (const [id, { ms, same }] of Object.entries(results)) {
    differ ||= !same;
    const change = (ms[1] / ms[0] - 1) * 100;
    console.log(`  ${id.padEnd(10)} A ${ms[0].toFixed(4)}  B ${ms[1].toFixed(4)}  ${change >= 0 ? "+" : ""}${change.toFixed(1)}%${same ? "" : "  DIFFERENT OUTPUT"}`);
  }
}
// The order's effect falls on B one way and on A the other: the mean of the two cancels it.
console.log("\nB's change, the mean of the two orders:");
for (const env of new Set(runs.map((run) => run.env))) {
  const both = runs.filter((run) => run.env === env);
  const changes = Object.keys(both[0].results).map((id) => {
    const mean = both.reduce((sum, { results }) => sum + results[id].ms[1] / results[id].ms[0] - 1, 0) / both.length;
    return `${id} ${mean >= 0 ? "+" : ""}${(mean * 100).toFixed(1)}%`;
  });
  console.log(`  ${env}: ${changes.join(", ")}`);
}
if (differ) {
  console.log("\nThe two builds' results differ on some input.");
  process.exitCode = 1;
}
