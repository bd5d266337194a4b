// The core's browser build in two modules (scripts/build.sh, split_rare): what real articles use,
// and the rare code, linked on first use. The split must change no output, a first render of an
// ordinary article must not download the rare module, and an article needing it must render
// right away, whether the rare module was prefetched or not. The widget, which shows one article,
// downloads it only for an article that needs it, once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, serverAndBrowser } from "./harness.mjs";
import { dataOf } from "../../scripts/wasm-binary.mjs";
import * as split from "../../pkg/folio.js";
import { CONFORMANCE_CASES as cases, CORPUS_ARTICLES as articles } from "./inputs.mjs";

const whole = createRequire(import.meta.url)("../../pkg/node/folio.js");
const RARE = "pkg/folio_rare_bg.wasm";
const SIMD_RARE = "pkg/simd/folio_rare_bg.wasm";
// An article whose render runs rare code (kramdown's options extension), and shows "x".
const RARE_ARTICLE = '{::options auto_ids="false" /}\n\nx\n';

const OPTIONS = [undefined, { preset: "kramdown" }, { profile: "numerique", page: true, sourceMap: true }];
/** What the whole module gives for each text and options, as JSON. */
const expected = (inputs) => inputs.flatMap((text) => OPTIONS.map((options) => JSON.stringify(whole.render(text, options))));

const session = serverAndBrowser();

test("the build split both of the core's builds in two", () => {
  for (const rare of [RARE, SIMD_RARE]) {
    assert.ok(existsSync(join(ROOT, rare)), `${rare} is missing: was wasm-split built (scripts/wasm-split.sh)?`);
  }
});

/** A module's data, as address → byte. */
function dataBytes(path) {
  const out = new Map();
  for (const { address, bytes } of dataOf(readFileSync(join(ROOT, path)))) bytes.forEach((byte, i) => out.set(address + i, byte));
  return out;
}

test("each rare module brings the read-only data only its code reads, which the first module holds as zeros", () => {
  for (const dir of ["pkg", "pkg/simd"]) {
    const first = dataBytes(`${dir}/folio_bg.wasm`);
    const moved = [...dataBytes(`${dir}/folio_rare_bg.wasm`)].filter(([address, byte]) => byte !== first.get(address));
    assert.ok(moved.length > 4000, `${dir}: only ${moved.length} bytes moved to the rare module`);
    const held = moved.filter(([address]) => first.get(address)).length;
    assert.equal(held, 0, `${dir}: ${held} moved bytes are still in the first module`);
  }
});

test("the split core renders every conformance case and corpus article as the whole module does", () => {
  split.initSync({ module: readFileSync(join(ROOT, "pkg/folio_bg.wasm")) });
  const inputs = [...cases, ...articles];
  const got = inputs.flatMap((text) => OPTIONS.map((options) => JSON.stringify(split.render(text, options))));
  const want = expected(inputs);
  const differing = got.map((json, i) => json !== want[i]).filter(Boolean).length;
  assert.equal(differing, 0, `${differing} of ${got.length} renders differ`);
});

/**
 * A page of the server that counts its requests for the rare module (of either build: the glue
 * alone loads the one without SIMD, www/folio.js the one with it in Chromium).
 */
async function page() {
  const tab = await session.browser.newPage();
  tab.rareRequests = 0;
  tab.rareTypes = [];
  tab.on("request", (request) => {
    if (!request.url().endsWith("/folio_rare_bg.wasm")) return;
    tab.rareRequests += 1;
    tab.rareTypes.push(request.resourceType());
  });
  await tab.goto(`${session.server.url}README.md`);
  return tab;
}

/** Renders `inputs` in `tab` with the page's `window.render`, as JSON. */
function renderIn(tab, inputs) {
  return tab.evaluate(({ inputs, options }) =>
    inputs.flatMap((text) => options.map((o) => JSON.stringify(window.render(text, o ?? undefined)))),
  { inputs, options: OPTIONS });
}

test("a first render of the seed, in the widget's ways, does not download the rare module", async () => {
  const tab = await page();
  const seed = readFileSync(join(ROOT, "www/articles/ogp-societe-civile.md"), "utf8");
  const html = await tab.evaluate(async (seed) => {
    const glue = await import("/pkg/folio.js");
    await glue.default();
    // As www/facade.js renders on a page with Trusted Types (Chromium has them): through Folio's policy.
    const policy = trustedTypes.createPolicy("folio", { createHTML: (html) => html });
    return [false, true].flatMap((safe) => {
      glue.__folioHtmlPolicy(policy);
      const html = glue.render(seed, { profile: "numerique", safe, page: true }).pageHtml;
      glue.__folioHtmlPolicy(policy);
      return [html, glue.render(seed, { profile: "numerique", safe, page: true, nodes: true }).pageNodes.textContent];
    });
  }, seed);
  assert.match(html[2], /société civile/);
  assert.match(html[3], /société civile/);
  assert.equal(tab.rareRequests, 0);
  await tab.close();
});

test("an article needing the rare code renders at once: the rare module is read synchronously", async () => {
  const tab = await page();
  // The glue alone, without the facade's prefetch.
  await tab.evaluate(async () => {
    const glue = await import("/pkg/folio.js");
    await glue.default();
    window.render = glue.render;
  });
  const got = await renderIn(tab, cases);
  assert.deepEqual(got, expected(cases));
  assert.equal(tab.rareRequests, 1);
  await tab.close();
});

test("through the facade the rare module is prefetched after start, complete with startComplete, and not requested again", async () => {
  const tab = await page();
  const prefetched = tab.waitForResponse((response) => response.url().endsWith(SIMD_RARE));
  await tab.evaluate(async () => {
    const folio = await import("/www/folio.js");
    await folio.start();
    // Waits for the prefetch start() began (and joins it: no second request).
    await folio.startComplete();
    window.render = folio.render;
  });
  assert.equal((await prefetched).status(), 200);
  const got = await renderIn(tab, cases);
  assert.deepEqual(got, expected(cases));
  assert.equal(tab.rareRequests, 1);
  await tab.close();
});

test("after a panic resets the instance, the rare module brings its data into the new one", async () => {
  const tab = await page();
  await tab.evaluate(async () => {
    const folio = await import("/www/folio.js");
    await folio.start();
    await folio.startComplete();
    window.folio = folio;
    window.render = folio.render;
  });
  // Front matter never closed: its message is data only the rare code reads (scripts/split/rare-data.mjs).
  const inputs = ["---\ntitle: Never closed\n\nBody.\n", ...cases];
  const before = await renderIn(tab, inputs);
  const reset = await tab.evaluate(() => {
    try {
      window.folio.panicForTests("deliberate");
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(reset, "FolioPanicError");
  const after = await renderIn(tab, inputs);
  assert.match(after[0], /never closed by a `---` line/);
  assert.deepEqual(after, expected(inputs));
  assert.deepEqual(before, after);
  await tab.close();
});

/**
 * The text of a `<folio-article>` given `source` in `tab`, once rendered (or its error's kind and message),
 * and a moment after, for any request the render set off to be counted.
 */
function widgetText(tab, source) {
  return tab.evaluate(async (source) => {
    await import("/www/folio-embed.js");
    const widget = document.createElement("folio-article");
    widget.source = source;
    const rendered = new Promise((resolve) => {
      widget.addEventListener("folio-rendered", resolve, { once: true });
      widget.addEventListener("folio-error", (event) => resolve(event.detail), { once: true });
    });
    document.body.append(widget);
    const failed = (await rendered).message && (await rendered);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return failed ? `${failed.kind}: ${failed.message}` : widget.shadowRoot.querySelector(".article-body").textContent.trim();
  }, source);
}

test("the widget renders an article with Liquid once the rare module has come in the background, not by a synchronous read", async () => {
  const tab = await page();
  const text = await widgetText(tab, "---\ntitle: Liquid in a widget\n---\n\n{{ page.title | upcase }}\n");
  assert.equal(text, "LIQUID IN A WIDGET");
  assert.deepEqual(tab.rareTypes, ["fetch"]);
  await tab.close();
});

test("the widget showing an ordinary article never downloads the rare module", async () => {
  const tab = await page();
  const seed = readFileSync(join(ROOT, "www/articles/ogp-societe-civile.md"), "utf8");
  assert.match(await widgetText(tab, seed), /société civile/);
  assert.deepEqual(tab.rareTypes, []);
  await tab.close();
});

test("the widget renders an article needing the rare code once it has fetched it, with no synchronous read", async () => {
  const tab = await page();
  assert.equal(await widgetText(tab, RARE_ARTICLE), "x");
  assert.deepEqual(tab.rareTypes, ["fetch"]);
  await tab.close();
});

test("the widget reports a rare module it could not fetch as a network error, and renders on retry", async () => {
  const tab = await page();
  await tab.route(`**/${SIMD_RARE}`, (route) => route.abort());
  assert.equal(await widgetText(tab, RARE_ARTICLE), "network: Folio's code could not be fetched");
  await tab.unroute(`**/${SIMD_RARE}`);
  const text = await tab.evaluate(async () => {
    const widget = document.querySelector("folio-article");
    const state = widget.getAttribute("state");
    const rendered = new Promise((resolve) => widget.addEventListener("folio-rendered", resolve, { once: true }));
    widget.shadowRoot.querySelector("[part=retry]").click();
    await rendered;
    return `${state}: ${widget.shadowRoot.querySelector(".article-body").textContent.trim()}`;
  });
  assert.equal(text, "error: x");
  await tab.close();
});

test("once a page has started Folio in the background, a render started on demand after it does not stop for the rare code", async () => {
  const tab = await page();
  const got = await tab.evaluate(async (text) => {
    const folio = await import("/www/folio.js");
    await folio.start();
    await folio.start(undefined, { rareCode: "on-demand" });
    return JSON.stringify(folio.render(text));
  }, RARE_ARTICLE);
  assert.equal(got, expected([RARE_ARTICLE])[0]);
  await tab.close();
});

test("started on demand, the facade fetches no rare code until a render needs it, which throws FolioRareCodeError until startComplete()", async () => {
  const tab = await page();
  const got = await tab.evaluate(async (text) => {
    const folio = await import("/www/folio.js");
    await folio.start(undefined, { rareCode: "on-demand" });
    const plain = folio.render("plain *text*").bodyHtml;
    let error;
    try {
      folio.render(text);
    } catch (e) {
      error = e.name;
    }
    await folio.startComplete();
    return [plain, error, JSON.stringify(folio.render(text))];
  }, RARE_ARTICLE);
  assert.deepEqual(got.slice(0, 2), ["<p>plain <em>text</em></p>\n", "FolioRareCodeError"]);
  assert.equal(got[2], expected([RARE_ARTICLE])[0]);
  assert.deepEqual(tab.rareTypes, ["fetch"]);
  await tab.close();
});
