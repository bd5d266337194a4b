// The demo page (the editor), end to end in Chromium: the seed renders, typing re-renders, a
// broken front matter shows a diagnostic while the body still renders, and a Rust panic reaches
// JavaScript as a FolioPanicError without breaking the module. The editor's own features are in
// editor.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, openPage, serverAndBrowser } from "./harness.mjs";

let page, browser;
serverAndBrowser(async (session) => {
  browser = session.browser;
  page = await openPage(browser, session.server.url);
  await page.waitForSelector("body[data-ready=true]");
});

test("the seed's title and first heading are visible", async () => {
  const title = page.locator("#preview h1");
  await title.waitFor();
  assert.equal(await title.textContent(), "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert");
  assert.ok(await title.isVisible());
  const heading = page.locator("#preview h4").first();
  assert.match(await heading.textContent(), /^Le rôle incontournable des associations citoyennes/);
  assert.ok(await heading.isVisible());
  await page.screenshot({ path: `${ARTIFACTS}/demo.png`, fullPage: false });
});

test("typing in the editor changes the preview", async () => {
  const editor = page.locator("#source");
  await editor.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n\n## Typed just now\n");
  await page.locator("#preview h2", { hasText: "Typed just now" }).waitFor();
});

test("a broken front matter shows a diagnostic while the body still renders", async () => {
  await page.locator("#source").fill('---\ntitle: "never closed\ntags: [a]\n---\n\n## Body survives\n');
  const problem = page.locator("#diagnostics li.error");
  await problem.waitFor();
  assert.match(await problem.textContent(), /^Line 2: error: front matter is not valid YAML/);
  await page.locator("#preview h2", { hasText: "Body survives" }).waitFor();
});

test("the widget's demo page shows the seed with the one tag it shows for copying, under a strict CSP", async () => {
  const embed = await browser.newPage();
  const errors = [];
  embed.on("pageerror", (error) => errors.push(error.message));
  await embed.goto(new URL("/www/embed.html", page.url()).href);
  await embed.locator("#article[state=rendered]").waitFor();
  assert.equal(await embed.locator("#article h1").textContent(), "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert");
  assert.match(await embed.locator("pre").textContent(), /<folio-article src="articles\/ogp-societe-civile.md" profile="numerique" lang="fr"><\/folio-article>/);
  assert.deepEqual(errors, []);
  await embed.close();
});

test("rendering before start() says to start first, in both builds", async () => {
  const fresh = await browser.newPage();
  await fresh.goto(new URL("/www/app.css", page.url()).href); // a page of the site that loads no Folio
  for (const facade of ["/www/folio.js", "/www/folio-editor.js"]) {
    const message = await fresh.evaluate(async (facade) => {
      const folio = await import(facade);
      try {
        folio.render("# x\n");
      } catch (error) {
        return error.message;
      }
      return "rendered";
    }, facade);
    assert.equal(message, "Folio is not started yet: await start() before rendering", facade);
  }
  await fresh.close();
});

test("Liquid runs in both builds, and what it leaves is a warning at its line and column", async () => {
  const text = "---\ntitle: Liquid\n---\n\n# {{ page.title | upcase }} on {{ site.url }}\n\n{% include note.html %}\n";
  for (const facade of ["/www/folio.js", "/www/folio-editor.js"]) {
    const article = await page.evaluate(async ([facade, text]) => {
      const folio = await import(facade);
      await folio.start();
      return folio.render(text, { fileName: "_posts/2016-12-23-liquid.md", profile: { url: "https://example.org" } });
    }, [facade, text]);
    assert.match(article.bodyHtml, /<h1 id="liquid-on-httpsexampleorg">LIQUID on https:\/\/example\.org<\/h1>/, facade);
    assert.match(article.bodyHtml, /<p>{% include note\.html %}<\/p>/, facade);
    const [warning] = article.diagnostics;
    assert.deepEqual([warning.severity, warning.line, warning.column], ["warning", 7, 1], facade);
    assert.match(warning.message, /^Liquid `\{% include note\.html %\}` is left as written/, facade);
  }
});

test("a panic in Rust reaches JavaScript as a FolioPanicError and the module keeps working, in both builds", async () => {
  // The editor's build throws Rust's message; the core's traps (scripts/build.sh), named so.
  const messages = { "/www/folio.js": /^Folio stopped on an internal error \(unreachable\)$/, "/www/folio-editor.js": /^deliberate test panic$/ };
  for (const [facade, message] of Object.entries(messages)) {
    const result = await page.evaluate(async (facade) => {
      const folio = await import(facade);
      await folio.start();
      let caught;
      try {
        folio.panicForTests("deliberate test panic");
      } catch (error) {
        caught = { name: error.name, message: error.message };
      }
      const after = folio.render("# Still *working*\n").bodyHtml;
      let again;
      try {
        folio.panicForTests("second panic");
      } catch (error) {
        again = error.message;
      }
      return { caught, after, again, last: folio.render("ok").bodyHtml };
    }, facade);
    assert.equal(result.caught.name, "FolioPanicError", facade);
    assert.match(result.caught.message, message, facade);
    assert.match(result.after, /<h1[^>]*>Still <em>working<\/em><\/h1>/);
    assert.match(result.again, facade.includes("editor") ? /second panic/ : message);
    assert.equal(result.last, "<p>ok</p>\n");
  }
  assert.deepEqual(page.pageErrors, []);
});
