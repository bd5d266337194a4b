// The core's two builds (scripts/build.sh): with WebAssembly SIMD (pkg/simd/) and without it
// (pkg/), through the same glue. www/folio.js loads the one the engine runs (www/simd.js), and the
// two must render alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, serverAndBrowser } from "./harness.mjs";
import { CONFORMANCE_CASES, CORPUS_ARTICLES } from "./inputs.mjs";

const node = createRequire(import.meta.url)("../../pkg/node/folio.js");
const SEED = readFileSync(join(ROOT, "www/articles/ogp-societe-civile.md"), "utf8");

const session = serverAndBrowser();

/**
 * A page that has started Folio through www/folio.js, its rare code in too, with the core's
 * modules it requested; `simd: false` makes the page's engine refuse SIMD, as Safari before 16.4
 * does.
 */
async function started({ simd }) {
  const tab = await session.browser.newPage();
  if (!simd) await tab.addInitScript(() => { WebAssembly.validate = () => false; });
  const modules = [];
  tab.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) modules.push(path.slice(1));
  });
  await tab.goto(`${session.server.url}README.md`);
  await tab.evaluate(async () => {
    window.folio = await import("/www/folio.js");
    await window.folio.startComplete();
  });
  return { tab, modules };
}

const renderSeed = (tab) => tab.evaluate((seed) => JSON.stringify(window.folio.render(seed, { profile: "numerique", page: true })), SEED);

test("an engine with SIMD loads the SIMD build and its rare code, and nothing of the other", async () => {
  const { tab, modules } = await started({ simd: true });
  assert.deepEqual(modules.sort(), ["pkg/simd/folio_bg.wasm", "pkg/simd/folio_rare_bg.wasm"]);
  assert.equal(await renderSeed(tab), JSON.stringify(node.render(SEED, { profile: "numerique", page: true })));
  await tab.close();
});

test("an engine without SIMD loads the build without it, which renders the seed as the SIMD build does", async () => {
  const { tab, modules } = await started({ simd: false });
  assert.deepEqual(modules.sort(), ["pkg/folio_bg.wasm", "pkg/folio_rare_bg.wasm"]);
  assert.equal(await renderSeed(tab), JSON.stringify(node.render(SEED, { profile: "numerique", page: true })));
  await tab.close();
});

test("the SIMD build, split, renders every conformance case and corpus article as the whole SIMD module does in Node", async () => {
  const inputs = [...CONFORMANCE_CASES, ...CORPUS_ARTICLES];
  const { tab } = await started({ simd: true });
  const got = await tab.evaluate((inputs) => inputs.map((text) => JSON.stringify(window.folio.render(text))), inputs);
  const differing = inputs.filter((text, i) => got[i] !== JSON.stringify(node.render(text)));
  assert.equal(differing.length, 0, `${differing.length} of ${inputs.length} renders differ, the first:\n${differing[0]}`);
  await tab.close();
});

test("an engine without WebAssembly (iOS in Lockdown Mode) still loads the widget, which reports the failure", async () => {
  const tab = await session.browser.newPage();
  await tab.addInitScript(() => { delete globalThis.WebAssembly; });
  await tab.goto(`${session.server.url}README.md`);
  const detail = await tab.evaluate(async () => {
    await import("/www/folio-embed.js");
    const widget = document.createElement("folio-article");
    const failed = new Promise((resolve) => widget.addEventListener("folio-error", (event) => resolve(event.detail), { once: true }));
    widget.source = "# Title\n";
    document.body.append(widget);
    return failed;
  });
  assert.ok(detail.kind && detail.message, JSON.stringify(detail));
  await tab.close();
});
