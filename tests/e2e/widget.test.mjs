// <folio-article> on a partner page: the host page (one origin, strict Content-Security-Policy)
// embeds articles served by another origin; the states, theming and timing a host sees.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ARTIFACTS, ROOT, launchBrowser, startServer } from "./harness.mjs";

const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
let host, articles, browser, page;

before(async () => {
  host = await startServer({ headers: { "content-security-policy": CSP } });
  articles = await startServer({ root: `${ROOT}tests/e2e/fixtures/articles`, headers: { "access-control-allow-origin": "*" } });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.pageErrors = [];
  page.on("pageerror", (error) => page.pageErrors.push(error.message));
  const articleOrigin = articles.url.replace(/\/$/, "");
  await page.goto(`${host.url}tests/e2e/fixtures/host.html?articles=${encodeURIComponent(articleOrigin)}`);
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await articles?.stop();
});

const state = (id) => page.locator(`#${id}[state="rendered"], #${id}[state="error"]`).first();

test("an article from another origin renders as a page under a strict CSP", async () => {
  await state("seed").waitFor();
  assert.equal(await page.getAttribute("#seed", "state"), "rendered");
  const title = page.locator("#seed").locator("h1");
  assert.equal(await title.textContent(), "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert");
  assert.match(await page.locator("#seed").locator("time").textContent(), /23 décembre 2016/);
  assert.equal(await page.locator("#seed").locator("blockquote.encadre").count(), 2);
  const hero = await page.locator("#seed").locator(".article-hero img").getAttribute("src");
  assert.ok(hero.startsWith("https://www.numerique.gouv.fr/"), hero);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.pageErrors, []);
  await page.locator("#seed").screenshot({ path: `${ARTIFACTS}/widget-seed.png` });
});

test("a missing article and a page that is not an article show readable errors with a retry", async () => {
  await state("missing").waitFor();
  assert.equal(await page.getAttribute("#missing", "state"), "error");
  assert.match(await page.locator("#missing").locator("[part=message]").textContent(), /404/);
  assert.ok(await page.locator("#missing").locator("button[part=retry]").isVisible());
  await state("not-article").waitFor();
  assert.match(await page.locator("#not-article").locator("[part=message]").textContent(), /not an article \(text\/html\)/);
});

test("the status is a live region shown from the start, so its first message is announced; empty, it takes no room", async () => {
  const seen = await page.evaluate(async (missing) => {
    const widget = document.createElement("folio-article");
    widget.source = "# Inline\n";
    const status = widget.shadowRoot.querySelector("[role=status]");
    const look = () => ({
      shown: !status.hidden && getComputedStyle(status).display !== "none",
      same: widget.shadowRoot.querySelector("[role=status]") === status,
      text: status.textContent,
      height: status.getBoundingClientRect().height,
    });
    const next = (event) => new Promise((resolve) => widget.addEventListener(event, resolve, { once: true }));
    const rendered = next("folio-rendered");
    document.body.append(widget);
    const before = look();
    await rendered;
    const afterRender = look();
    const failed = next("folio-error");
    widget.source = null;
    widget.src = missing;
    await failed;
    const afterError = look();
    widget.remove();
    return { before, afterRender, afterError };
  }, `${articles.url}no-such-article.md`);
  for (const [when, look] of Object.entries(seen)) {
    assert.ok(look.shown, `${when}: in the accessibility tree`);
    assert.ok(look.same, `${when}: the same element`);
  }
  assert.equal(seen.afterRender.text, "");
  assert.equal(seen.afterRender.height, 0);
  assert.match(seen.afterError.text, /^This article cannot be shown: .*404.* Try again$/);
});

test("retrying and changing src render again", async () => {
  await page.evaluate((url) => { document.getElementById("missing").src = url; }, `${articles.url}ogp-societe-civile.md`);
  await page.locator("#missing[state=rendered]").waitFor();
  assert.match(await page.locator("#missing").locator("h1").textContent(), /société civile/);
});

test("inline source renders, stays safe, and takes the host's theme", async () => {
  await state("inline").waitFor();
  const inline = page.locator("#inline");
  assert.equal(await inline.locator("h1").textContent(), "Written inline");
  assert.match(await inline.locator(".article-body").innerHTML(), /&lt;script&gt;/);
  const link = inline.locator(".article-body a");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  const color = await link.evaluate((a) => getComputedStyle(a).color);
  assert.equal(color, "rgb(200, 0, 0)");
  const font = await inline.locator("article").evaluate((a) => getComputedStyle(a).fontFamily);
  assert.equal(font, "monospace");
});

test("a network failure is an error state, not an exception in the host", async () => {
  await page.evaluate(() => {
    const el = document.createElement("folio-article");
    el.id = "offline";
    el.src = "http://127.0.0.1:9/unreachable.md";
    document.body.append(el);
  });
  await page.locator("#offline[state=error]").waitFor();
  assert.match(await page.locator("#offline").locator("[part=message]").textContent(), /could not be fetched/);
  assert.deepEqual(page.pageErrors, []);
});

test("time from inserting the tag to the rendered seed, and what a partner page downloads", async () => {
  const warm = await page.evaluate(async (url) => {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const el = document.createElement("folio-article");
      el.setAttribute("profile", "numerique");
      const done = new Promise((ok) => el.addEventListener("folio-rendered", ok, { once: true }));
      const start = performance.now();
      el.src = `${url}ogp-societe-civile.md?${i}`;
      document.body.append(el);
      await done;
      times.push(performance.now() - start);
      el.remove();
    }
    return times.sort((a, b) => a - b)[3];
  }, articles.url);
  // Cold: a new page, from the script tag to the rendered seed (the module and .wasm fetched and compiled).
  const fresh = await browser.newPage();
  await fresh.goto(`${host.url}tests/e2e/fixtures/articles/page.html`);
  const cold = await fresh.evaluate(async ({ host, url }) => {
    const start = performance.now();
    await import(`${host}www/folio-embed.js`);
    const el = document.createElement("folio-article");
    el.setAttribute("profile", "numerique");
    const done = new Promise((ok) => el.addEventListener("folio-rendered", ok, { once: true }));
    el.src = `${url}ogp-societe-civile.md`;
    document.body.append(el);
    await done;
    return performance.now() - start;
  }, { host: host.url, url: articles.url });
  await fresh.close();
  const files = ["pkg/simd/folio_bg.wasm", "pkg/folio.js", "www/facade.js", "www/folio.js", "www/folio-article.js", "www/folio-embed.js", "www/article.css"];
  const gzip = Object.fromEntries(files.map((f) => [f, execFileSync("gzip", ["-9", "-c", `${ROOT}${f}`]).length]));
  const transfer = Object.values(gzip).reduce((a, b) => a + b, 0);
  writeFileSync(`${ARTIFACTS}/widget-timing.json`, JSON.stringify({ insertToRenderedMedianMs: warm, coldScriptToRenderedMs: cold, gzipBytes: gzip, transferGzipBytes: transfer }, null, 1));
  assert.ok(warm > 0 && cold > warm);
});

/**
 * Puts host content just above and just left of a new widget showing `markdown`, then asks what
 * the host page's own elements are at their own places, and whether the host page got wider.
 */
function coverAttempt(target, markdown, container = "") {
  return target.evaluate(async ([markdown, container]) => {
    const box = document.createElement("section");
    box.innerHTML = `<button id="above">Above</button>
      <div style="${container}"><button id="left" style="float: left; width: 150px; height: 300px">Left</button><folio-article></folio-article></div>`;
    document.body.prepend(box);
    const widget = box.querySelector("folio-article");
    const done = new Promise((ok) => widget.addEventListener("folio-rendered", ok, { once: true }));
    widget.source = markdown;
    await done;
    window.scrollTo(0, 0);
    const hit = (id) => {
      const rect = document.getElementById(id).getBoundingClientRect();
      return document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)?.id ?? null;
    };
    const root = widget.shadowRoot.querySelector("[part=root]");
    const result = {
      above: hit("above"),
      left: hit("left"),
      hostOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wideContentScrolls: root.scrollWidth > root.clientWidth,
    };
    box.remove();
    return result;
  }, [markdown, container]);
}

const COVER = `<div style="display: flex; margin-top: -300px; margin-left: -1000px; height: 300px"><div style="width: 3000px; background-color: rgb(255, 0, 0)">Fake</div></div>

<div style="width: 3000px">Wide</div>
`;
const COVERED_BY_NOTHING = { above: "above", left: "left", hostOverflow: 0, wideContentScrolls: true };

test("an article's style cannot paint over the host page, take its clicks or widen it; wide content scrolls inside the widget", async () => {
  assert.deepEqual(await coverAttempt(page, COVER), COVERED_BY_NOTHING);
});

test("in a flex or grid container the widget keeps the container's width, and wide content scrolls inside it", async () => {
  for (const container of ["display: flex", "display: grid; grid-template-columns: 150px auto", "display: grid; grid-template-columns: 150px 1fr"]) {
    assert.deepEqual(await coverAttempt(page, COVER, container), COVERED_BY_NOTHING, container);
  }
});

test("an article's style cannot cover the host page even when the widget's stylesheet never loads", async () => {
  const bare = await browser.newPage();
  await bare.route("**/www/article.css", (route) => route.abort());
  await bare.goto(`${host.url}tests/e2e/fixtures/articles/page.html`);
  await bare.evaluate((url) => import(url), `${host.url}www/folio-embed.js`);
  assert.deepEqual(await coverAttempt(bare, COVER), COVERED_BY_NOTHING);
  assert.deepEqual(await coverAttempt(bare, COVER, "display: flex"), COVERED_BY_NOTHING);
  await bare.close();
});

test("a failed download of Folio's code is a network error, and trying again fetches it again", async () => {
  const cut = await browser.newPage();
  let offline = true;
  await cut.route("**/pkg/simd/folio_bg.wasm", (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
  await cut.goto(`${host.url}tests/e2e/fixtures/articles/page.html`);
  await cut.evaluate((url) => import(url), `${host.url}www/folio-embed.js`);
  const failed = await cut.evaluate(() => new Promise((ok) => {
    const widget = document.createElement("folio-article");
    widget.id = "first";
    widget.addEventListener("folio-error", (event) => ok(event.detail), { once: true });
    widget.source = "# First\n";
    document.body.append(widget);
  }));
  assert.equal(failed.kind, "network");
  assert.match(failed.message, /Folio's code could not be fetched/);
  offline = false;
  await cut.locator("#first").locator("button[part=retry]").click();
  await cut.locator("#first[state=rendered]").waitFor();
  const another = await cut.evaluate(() => new Promise((ok) => {
    const widget = document.createElement("folio-article");
    widget.addEventListener("folio-rendered", () => ok(widget.shadowRoot.querySelector("h1").textContent), { once: true });
    widget.addEventListener("folio-error", (event) => ok(event.detail.message), { once: true });
    widget.source = "# Another\n";
    document.body.append(widget);
  }));
  assert.equal(another, "Another");
  await cut.close();
});

test("a late failure of an earlier src does not replace the article shown since (a new src, or inline source)", async () => {
  await page.route("**/late-failure.md?*", async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    const status = Number(new URL(route.request().url()).searchParams.get("status"));
    await route.fulfill({ status, headers: { "access-control-allow-origin": "*" }, body: "" });
  });
  const outcomes = await page.evaluate(async (articles) => {
    const replace = async (switchTo) => {
      const widget = document.createElement("folio-article");
      const events = [];
      widget.addEventListener("folio-rendered", (event) => events.push(`rendered: ${event.detail.title}`));
      widget.addEventListener("folio-error", (event) => events.push(`error: ${event.detail.message}`));
      widget.src = `${articles}late-failure.md?status=${switchTo.status}`;
      document.body.append(widget);
      await new Promise((ok) => setTimeout(ok, 200));
      switchTo.change(widget);
      await new Promise((ok) => setTimeout(ok, 2000));
      const outcome = { state: widget.state, title: widget.shadowRoot.querySelector("h1")?.textContent, events };
      widget.remove();
      return outcome;
    };
    return Promise.all([
      replace({ status: 500, change: (widget) => { widget.src = `${articles}from-elsewhere.md`; } }),
      replace({ status: 404, change: (widget) => { widget.source = "# Inline since\n"; } }),
    ]);
  }, articles.url);
  assert.deepEqual(outcomes, [
    { state: "rendered", title: "An article from another site", events: ["rendered: An article from another site"] },
    { state: "rendered", title: "Inline since", events: ["rendered: null"] },
  ]);
});

test("going back to an article after an error renders it again", async () => {
  const steps = await page.evaluate(async (articles) => {
    const widget = document.createElement("folio-article");
    const steps = [];
    const show = (src) => new Promise((ok) => {
      const settled = (event) => {
        widget.removeEventListener("folio-rendered", settled);
        widget.removeEventListener("folio-error", settled);
        ok(`${event.type} ${widget.state}: ${widget.shadowRoot.querySelector("h1")?.textContent ?? "(nothing shown)"}`);
      };
      widget.addEventListener("folio-rendered", settled);
      widget.addEventListener("folio-error", settled);
      widget.src = src;
    });
    document.body.append(widget);
    steps.push(await show(`${articles}from-elsewhere.md`));
    steps.push(await show(`${articles}no-such-article.md`));
    steps.push(await Promise.race([show(`${articles}from-elsewhere.md`), new Promise((ok) => setTimeout(() => ok(`no event, ${widget.state}`), 3000))]));
    widget.remove();
    return steps;
  }, articles.url);
  assert.deepEqual(steps, [
    "folio-rendered rendered: An article from another site",
    "folio-error error: (nothing shown)",
    "folio-rendered rendered: An article from another site",
  ]);
});

test("footnote and table-of-contents links scroll to their target in the article and leave the host's URL alone", async () => {
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of a long article.`).join("\n\n");
  await page.evaluate((source) => new Promise((ok) => {
    const widget = document.createElement("folio-article");
    widget.id = "notes";
    widget.addEventListener("folio-rendered", ok, { once: true });
    widget.source = source;
    document.body.append(widget);
  }), `* TOC\n{:toc}\n\nA claim with a note[^1].\n\n${filler}\n\n## Far down\n\n${filler}\n\n[^1]: The note.\n`);
  const widget = page.locator("#notes");
  const inView = (selector) => widget.locator(selector).evaluate((target) => {
    const { top } = target.getBoundingClientRect();
    // Layout is in fractions of a pixel, scrolling in whole ones: a target scrolled to the top
    // can sit up to a pixel above it.
    return top > -1 && top < innerHeight;
  });
  const before = page.url();
  const focused = () => widget.evaluate((element) => element.shadowRoot.activeElement?.id ?? null);
  await widget.locator("a.footnote").focus();
  await page.keyboard.press("Enter");
  assert.ok(await inView("[id='folio-fn:1']"), "the note should be scrolled into view");
  assert.equal(await focused(), "folio-fn:1", "the keyboard should go on from the note");
  await page.keyboard.press("Tab");
  assert.equal(await widget.evaluate((element) => element.shadowRoot.activeElement?.className), "reversefootnote", "the next Tab: the note's way back");
  await widget.locator("#folio-markdown-toc a", { hasText: "Far down" }).click();
  assert.ok(await inView("#folio-far-down"), "the heading should be scrolled into view");
  assert.equal(await focused(), "folio-far-down");
  assert.equal(page.url(), before);
  assert.equal(await page.evaluate(() => location.hash), "");
  await widget.evaluate((element) => element.remove());
});

test("a page served as HTML in any case, or as XHTML, is not an article", async () => {
  await page.route("**/typed.md?*", (route) => route.fulfill({
    status: 200,
    headers: { "content-type": new URL(route.request().url()).searchParams.get("type"), "access-control-allow-origin": "*" },
    body: "<!DOCTYPE html><html><body><h1>A page</h1></body></html>",
  }));
  const errors = await page.evaluate((articles) => Promise.all(["Text/HTML; charset=UTF-8", "TEXT/HTML", "application/xhtml+xml"].map((type) => new Promise((ok) => {
    const widget = document.createElement("folio-article");
    widget.addEventListener("folio-error", (event) => { widget.remove(); ok(event.detail); }, { once: true });
    widget.addEventListener("folio-rendered", () => { widget.remove(); ok("rendered"); }, { once: true });
    widget.src = `${articles}typed.md?type=${encodeURIComponent(type)}`;
    document.body.append(widget);
  }))), articles.url);
  assert.deepEqual(errors, [
    { kind: "not-article", message: "this is not an article (text/html)" },
    { kind: "not-article", message: "this is not an article (text/html)" },
    { kind: "not-article", message: "this is not an article (application/xhtml+xml)" },
  ]);
});

test("the element registers under another tag too, as its own subclass", async () => {
  const heading = await page.evaluate(async () => {
    const { FolioArticle } = await import("/www/folio-article.js");
    const Mine = FolioArticle.define("my-article");
    if (FolioArticle.define("my-article") !== Mine || !(Mine.prototype instanceof HTMLElement)) return "not the same class twice";
    const widget = document.createElement("my-article");
    const done = new Promise((ok) => widget.addEventListener("folio-rendered", ok, { once: true }));
    widget.source = "# Mine\n";
    document.body.append(widget);
    await done;
    const text = widget.shadowRoot.querySelector("h1").textContent;
    widget.remove();
    return text;
  });
  assert.equal(heading, "Mine");
});

test("the lang attribute sets the article's language over the profile's", async () => {
  const langs = await page.evaluate(() => Promise.all([["numerique", "de"], ["numerique", null]].map(([profile, lang]) => new Promise((ok) => {
    const widget = document.createElement("folio-article");
    widget.profile = profile;
    if (lang) widget.lang = lang;
    widget.addEventListener("folio-rendered", () => { widget.remove(); ok(widget.shadowRoot.querySelector("article").lang); }, { once: true });
    widget.source = "# Sprache\n";
    document.body.append(widget);
  }))));
  assert.deepEqual(langs, ["de", "fr"]);
});

// An article with raw HTML a safe widget drops (the handler) and keeps (the mark).
const STRICT_ARTICLE = `---
title: Under Trusted Types
---
Some *emphasis* and <mark>raw HTML</mark>.

<div class="handler" onclick="void 0">clickable</div>
`;

/**
 * A page of the host's origin whose CSP enforces Trusted Types (`trustedTypes`: its trusted-types
 * directive; only lists policies when not `enforced`) with a safe and a trusted widget; resolves
 * once both have settled, with what the widgets and the page reported.
 */
async function strictPage(trustedTypes, { enforced = true, defaultPolicy } = {}) {
  const strict = await browser.newPage();
  const errors = [];
  strict.on("pageerror", (error) => errors.push(error.message));
  await strict.addInitScript(() => {
    window.reported = { violations: [], failures: [] };
    document.addEventListener("securitypolicyviolation", (event) => window.reported.violations.push(event.violatedDirective));
    document.addEventListener("folio-error", (event) => window.reported.failures.push({ id: event.target.id, ...event.detail }));
  });
  // The host's own `default` policy (`createHTML` as a function's source), made before Folio loads.
  if (defaultPolicy) await strict.addInitScript(`trustedTypes.createPolicy("default", { createHTML: ${defaultPolicy} })`);
  await strict.route(`${host.url}trusted-types.html`, (route) => route.fulfill({
    status: 200,
    headers: {
      "content-type": "text/html",
      "content-security-policy": `${CSP};${enforced ? " require-trusted-types-for 'script';" : ""} trusted-types ${trustedTypes}`,
    },
    body: `<!DOCTYPE html><script type="module" src="/www/folio-embed.js"></script>
      <folio-article id="safe"><script type="text/markdown">${STRICT_ARTICLE}</script></folio-article>
      <folio-article id="trusted" safe="false"><script type="text/markdown">${STRICT_ARTICLE}</script></folio-article>`,
  }));
  await strict.goto(`${host.url}trusted-types.html`);
  for (const id of ["safe", "trusted"]) {
    await strict.locator(`#${id}[state=rendered], #${id}[state=error]`).waitFor({ timeout: 10_000 });
  }
  return { strict, errors, reported: await strict.evaluate(() => window.reported) };
}

test("on a host page enforcing Trusted Types, articles render through the policy folio, safe and trusted", async () => {
  const { strict, errors, reported } = await strictPage("folio");
  assert.deepEqual(reported.failures, []);
  // No string reached an HTML sink (the trusted widget's handler is the host's script-src's to refuse).
  assert.deepEqual(reported.violations.filter((directive) => directive.includes("trusted-types")), []);
  for (const id of ["safe", "trusted"]) {
    const widget = strict.locator(`#${id}`);
    assert.equal(await widget.getAttribute("state"), "rendered", id);
    assert.equal(await widget.locator("h1").textContent(), "Under Trusted Types", id);
    assert.equal(await widget.locator(".article-body em").textContent(), "emphasis", id);
    assert.equal(await widget.locator(".article-body mark").textContent(), "raw HTML", id);
  }
  // Safe mode's browser pass ran (it drops the handler); the trusted widget shows the author's HTML as it is.
  assert.equal(await strict.locator("#safe .handler").getAttribute("onclick"), null);
  assert.equal(await strict.locator("#trusted .handler").getAttribute("onclick"), "void 0");
  assert.deepEqual(errors, []);
  await strict.close();
});

test("on a host page whose Trusted Types do not allow the policy folio, the widget says so and throws nothing", async () => {
  const { strict, errors, reported } = await strictPage("host-policy");
  const reason = 'this page\'s Content-Security-Policy does not allow Folio\'s Trusted Types policy: its trusted-types directive should list "folio" (and \'allow-duplicates\' where the page makes a policy of that name itself)';
  assert.deepEqual(reported.failures, ["safe", "trusted"].map((id) => ({ id, kind: "trusted-types", message: reason })));
  for (const id of ["safe", "trusted"]) {
    const widget = strict.locator(`#${id}`);
    assert.equal(await widget.getAttribute("state"), "error", id);
    assert.equal(await widget.locator("[part=message]").textContent(), `This article cannot be shown: ${reason}.`, id);
    assert.equal(await widget.locator("article").innerHTML(), "", id);
  }
  // The refused policy and the empty string that showed the page refuses strings, each once for
  // both widgets; no article reached an HTML sink.
  assert.deepEqual(reported.violations, ["trusted-types", "require-trusted-types-for"]);
  assert.deepEqual(errors, []);
  await strict.close();
});

test("on a host page whose own default policy refuses Folio's HTML, the widget says Trusted Types refused it", async () => {
  // The empty string passes (it is how Folio asks whether the page takes strings); nothing else does.
  const { strict, errors, reported } = await strictPage("default", { defaultPolicy: '(html) => (html === "" ? html : null)' });
  const reason = "this page's Trusted Types refused the article's HTML: its trusted-types directive should list \"folio\", so that the HTML goes through Folio's policy and not the page's default one";
  // In either order: the safe widget's render reaches the core's rare code, and renders again once it is in.
  const failures = reported.failures.toSorted((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(failures, ["safe", "trusted"].map((id) => ({ id, kind: "trusted-types", message: reason })));
  for (const id of ["safe", "trusted"]) {
    assert.equal(await strict.locator(`#${id}`).getAttribute("state"), "error", id);
    assert.equal(await strict.locator(`#${id} article`).innerHTML(), "", id);
  }
  assert.deepEqual(errors, []);
  await strict.close();
});

test("on a host page that lists Trusted Types policies without enforcing them, the widget renders without its policy", async () => {
  const { strict, errors, reported } = await strictPage("host-policy", { enforced: false });
  assert.deepEqual(reported.failures, []);
  for (const id of ["safe", "trusted"]) {
    assert.equal(await strict.locator(`#${id}`).getAttribute("state"), "rendered", id);
    assert.equal(await strict.locator(`#${id} .article-body mark`).textContent(), "raw HTML", id);
  }
  assert.equal(await strict.locator("#safe .handler").getAttribute("onclick"), null);
  // The refused policy, asked for once; no string refused (the trusted widget's handler is the host's script-src's to refuse).
  assert.deepEqual(reported.violations.filter((directive) => directive.includes("trusted-types")), ["trusted-types"]);
  assert.deepEqual(errors, []);
  await strict.close();
});
