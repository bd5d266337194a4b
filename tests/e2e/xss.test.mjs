// Safe mode in a real browser: every public payload (shared/vectors/dompurify.json) in every
// Markdown construct, and Folio's own Markdown and kramdown vectors (tests/xss/), rendered by
// the real <folio-article> widget in Chromium with alert/confirm/prompt/print, beacons, fetch,
// XHR and window.open hooked, and events fired on every element. Any execution fails the test.
// (No CSP on this page: the sanitiser alone must stop them. All run again on the page enforcing
// Trusted Types, where safe mode's browser pass and the widget go through Folio's policy.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { ARTIFACTS, ROOT, serverAndBrowser } from "./harness.mjs";
import { SHARED } from "../../scripts/shared.mjs";

// Same places as tests/xss.rs: raw HTML block, paragraph, link text, image alt, table cell,
// list item, blockquote.
const CONSTRUCTS = ["{}\n", "Before {} after.\n", "[{}](https://example.org)\n", "![{}](a.png)\n",
  "| a | b |\n|---|---|\n| {} | c |\n", "* {}\n* two\n", "> {}\n"];
const BATCH = 120;
const CULPRITS = 20;

const HOOKS = () => {
  window.__executions = [];
  const record = (what) => (...args) => { window.__executions.push(`${what}(${args.map(String).join(",").slice(0, 80)})`); };
  for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = record(name);
  window.open = record("open");
  navigator.sendBeacon = record("sendBeacon");
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(String(input?.url ?? input), location.href);
    // The widget itself fetches its module and .wasm from this origin.
    if (url.origin === location.origin && /^\/(pkg|www)\//.test(url.pathname)) return realFetch(input, init);
    record("fetch")(url.href);
    return Promise.reject(new Error("blocked by the XSS test"));
  };
  // Following an ordinary link would leave the page; a link that could run script is reported instead.
  document.addEventListener("click", (event) => {
    const link = event.composedPath().find((node) => node.tagName === "A" && node.hasAttribute("href"));
    if (!link) return;
    if (!["http:", "https:", "mailto:", "tel:"].includes(new URL(link.getAttribute("href"), location.href).protocol)) {
      record("link")(link.getAttribute("href"));
    }
    event.preventDefault();
  }, true);
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    // The widget reads its own rare code (pkg/folio_rare_bg.wasm) when an article needs it first.
    const target = new URL(String(url), location.href);
    if (!(target.origin === location.origin && target.pathname.startsWith("/pkg/"))) record("XMLHttpRequest")(url);
    return open.call(this, method, url, ...rest);
  };
};

const EVENTS = ["click", "dblclick", "mousedown", "mouseup", "mouseover", "mouseenter", "mousemove", "mouseout",
  "pointerover", "pointerdown", "focus", "focusin", "blur", "load", "error", "input", "change", "toggle",
  "animationstart", "animationend", "transitionend", "wheel", "keydown", "keyup", "copy", "paste", "scroll",
  "beforetoggle", "contextmenu", "drag", "drop", "submit", "invalid", "play", "loadstart"];

const session = serverAndBrowser();

// Trusted Types enforced, the widget's policy allowed, and nothing else: no script-src, so a
// handler or script that got through would run.
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types folio";

/** Opens the vectors' page, with `csp` as its Content-Security-Policy if given. */
async function vectorsPage(csp) {
  const page = await session.browser.newPage();
  const dialogs = [];
  page.on("dialog", (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  page.dialogs = dialogs;
  await page.addInitScript(HOOKS);
  if (csp) {
    await page.route("**/fixtures/xss.html", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
    });
  }
  await page.goto(`${session.server.url}tests/e2e/fixtures/xss.html`);
  return page;
}

/**
 * Renders `cases` (name, markdown, profile) in one page (with `csp`); returns the executions seen,
 * and as a failure each widget that did not render (a widget showing nothing runs nothing either).
 */
async function run(cases, csp) {
  const page = await vectorsPage(csp);
  const failures = await page.evaluate(async ({ cases, events }) => {
    await customElements.whenDefined("folio-article");
    const host = document.getElementById("widgets");
    const done = [];
    for (const [name, markdown, profile] of cases) {
      const el = document.createElement("folio-article");
      el.dataset.vector = name;
      el.setAttribute("profile", profile);
      el.source = markdown;
      done.push(new Promise((ok) => {
        el.addEventListener("folio-rendered", ok, { once: true });
        el.addEventListener("folio-error", ok, { once: true });
      }));
      host.append(el);
    }
    await Promise.all(done);
    const failures = [...host.querySelectorAll("folio-article:not([state=rendered])")].map((el) => `not rendered: ${el.dataset.vector}`);
    for (const el of host.querySelectorAll("folio-article")) {
      for (const node of el.shadowRoot.querySelectorAll("*")) {
        node.focus?.();
        for (const type of events) node.dispatchEvent(new Event(type, { bubbles: true }));
        node.click?.();
      }
    }
    await new Promise((ok) => setTimeout(ok, 300));
    return failures;
  }, { cases, events: EVENTS });
  const executions = [...(await page.evaluate(() => window.__executions)), ...page.dialogs.map((d) => `dialog(${d})`)];
  await page.close();
  return [...executions, ...failures];
}

/**
 * Runs cases in batches (on a page with `csp`); a batch that executed anything is run again case
 * by case. The first culprits are enough to report: a widget broken for every case stops there.
 */
async function check(cases, csp) {
  const culprits = [];
  for (let i = 0; i < cases.length && culprits.length < CULPRITS; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    if ((await run(batch, csp)).length === 0) continue;
    for (const one of batch) {
      const executions = await run([one], csp);
      if (executions.length) culprits.push({ vector: one[0], markdown: one[1], executions });
      if (culprits.length === CULPRITS) break;
    }
  }
  return culprits;
}

const report = { tried: 0, executed: 0, culprits: [] };

for (const [where, csp] of [["", undefined], [" on a page enforcing Trusted Types", TRUSTED_TYPES]]) {
  test(`public payloads in every construct run no script in the widget${where}`, { timeout: 600_000 }, async () => {
    const payloads = JSON.parse(readFileSync(`${SHARED}/vectors/dompurify.json`, "utf8"));
    const cases = payloads.flatMap((payload, i) =>
      CONSTRUCTS.map((template, c) => [`payload ${i} in construct ${c}${where}`, template.replace("{}", payload), "jekyll"]));
    const culprits = await check(cases, csp);
    report.tried += cases.length;
    report.executed += culprits.length;
    report.culprits.push(...culprits);
    assert.deepEqual(culprits, []);
  });

  test(`Markdown and kramdown vectors run no script in the widget${where}`, { timeout: 300_000 }, async () => {
    const vectors = JSON.parse(readFileSync(`${ROOT}tests/xss/markdown-vectors.json`, "utf8"));
    const cases = vectors.map((v) => [`${v.name}${where}`, v.markdown, v.profile ?? "jekyll"]);
    const culprits = await check(cases, csp);
    report.tried += cases.length;
    report.executed += culprits.length;
    report.culprits.push(...culprits);
    writeFileSync(`${ARTIFACTS}/xss-report.json`, JSON.stringify(report, null, 1));
    assert.deepEqual(culprits, []);
  });

  test(`the hooks see an execution when there is one${where}`, async () => {
    // The check must be able to fail: a trusted (safe="false") widget does run an author's handler.
    const page = await vectorsPage(csp);
    const executions = await page.evaluate(async () => {
      await customElements.whenDefined("folio-article");
      const el = document.createElement("folio-article");
      el.setAttribute("safe", "false");
      el.source = '<img src="x" onerror="alert(\'trusted\')">\n';
      const done = new Promise((ok) => {
        el.addEventListener("folio-rendered", ok, { once: true });
        el.addEventListener("folio-error", ok, { once: true });
      });
      document.body.append(el);
      await done;
      await new Promise((ok) => setTimeout(ok, 500));
      return window.__executions;
    });
    await page.close();
    assert.deepEqual(executions, ["alert(trusted)"]);
  });
}
