// Accessibility, end to end in Chromium. axe-core audits each page in the states a person meets
// them in: the editor (the seed open, in the system's light and dark; problems listed; its search
// and problems panels; the new-version banner), the reader (the feed, an article, the library with
// it saved, an article that cannot be shown; in each theme) and the widget's demo page (rendered,
// failed; light and dark), and must find nothing. Then the editor and the reader are worked with
// the keyboard alone, focus visible and going somewhere sensible. Violations found per state:
// target/e2e/accessibility.json.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { ARTIFACTS, ROOT, serverAndBrowser } from "./harness.mjs";

const session = serverAndBrowser();
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, "utf8");
/**
 * Rules not applied inside the rendered article, which is the author's HTML in Folio's page markup,
 * as Jekyll publishes it (not the shell's to change); they still apply to the rest of the page.
 */
const AUTHOR_RULES = [
  "image-alt", // the seed's two <img> written in raw HTML have no alt, as their author wrote them
  "heading-order", // the seed's sections are h4 under its title (h1), as its author wrote them
];
/** The numerique profile puts the seed's images on its site; the test plays that site. */
const REMOTE_IMAGES = "https://www.numerique.gouv.fr/uploads/**";
const IMAGE = readFileSync(`${ROOT}www/articles/images/route-map.png`);
const TRAIN_TITLE = "Reading on the train: articles that stay with you offline";

/** Violations found, per state: written out after the run. */
const found = {};
after(() => writeFileSync(`${ARTIFACTS}/accessibility.json`, JSON.stringify(found, null, 1)));

/**
 * axe's violations on the page as it is now, as "rule (impact): elements"; `article` is where the
 * rendered article is (an axe selector), left out of AUTHOR_RULES.
 */
async function audit(page, state, article) {
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE);
  found[state] = await page.evaluate(async ({ article, authorRules }) => {
    const off = Object.fromEntries(authorRules.map((id) => [id, { enabled: false }]));
    const results = [await axe.run(document, { rules: off })];
    if (article) results.push(await axe.run({ exclude: [article] }, { runOnly: authorRules }));
    return results.flatMap((result) => result.violations.map(({ id, impact, nodes }) =>
      `${id} (${impact}): ${nodes.map((node) => JSON.stringify(node.target)).join(", ")}`));
  }, { article, authorRules: AUTHOR_RULES });
  page.audited.push(state);
}

/** Audits the page as `state` in the system's light and in its dark. */
async function auditSchemes(page, state, article) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await audit(page, `${state}, ${scheme}`, article);
  }
}

/** A test's end: no state audited on `page` had a violation (the diff names those found), nothing threw. */
async function finish(page) {
  const shown = Object.fromEntries(page.audited.map((state) => [state, found[state]]));
  assert.deepEqual(shown, Object.fromEntries(page.audited.map((state) => [state, []])));
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
}

async function newPage() {
  const context = await session.browser.newContext({ viewport: { width: 1200, height: 850 } });
  await context.route(REMOTE_IMAGES, (route) => route.fulfill({ status: 200, contentType: "image/png", body: IMAGE }));
  const page = await context.newPage();
  page.pageErrors = [];
  page.audited = [];
  page.on("pageerror", (error) => page.pageErrors.push(error.message));
  return page;
}

async function visit(page, path) {
  await page.goto(new URL(path, session.server.url).href);
  await page.waitForSelector("body[data-ready=true]");
}

/** The focused element, as a selector-like name, and whether it shows its focus. */
const focused = (page) => page.evaluate(async () => {
  await new Promise((ok) => setTimeout(ok, 30)); // CodeMirror marks its frame focused 10 ms after the focus
  const element = document.activeElement;
  const style = getComputedStyle(element.closest(".cm-editor") ?? element); // CodeMirror outlines its frame
  const name = element.id ? `#${element.id}` : `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`;
  return { name, visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 };
});

/** Presses `key` (Tab, Shift+Tab) until the focused element's name matches `target`, which must show its focus. */
async function tabTo(page, target, key = "Tab", limit = 60) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await focused(page);
    seen.push(focus.name);
    if (focus.name.match(target)) {
      assert.ok(focus.visible, `${focus.name} should show its focus`);
      return;
    }
  }
  assert.fail(`${target} not reached with ${key}: ${seen.join(", ")}`);
}

test("the editor: the seed, problems listed, the search and problems panels, the new-version banner; light and dark", async () => {
  const page = await newPage();
  await visit(page, "");
  await page.locator("#preview h1").waitFor();
  await auditSchemes(page, "editor, seed", "#preview");
  await page.evaluate(() => {
    const view = window.folioEditor.source;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: view.state.doc.toString().replace(/^date: .*$/m, "date: 2016-13-45") } });
  });
  await page.locator("#diagnostics li.error").waitFor();
  await auditSchemes(page, "editor, problems", "#preview");
  await page.locator("#source").focus();
  await page.keyboard.press("Control+f");
  await page.locator(".cm-search").waitFor();
  await auditSchemes(page, "editor, search panel", "#preview");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Shift+KeyM");
  await page.locator(".cm-panel-lint").waitFor();
  await auditSchemes(page, "editor, problems panel", "#preview");
  await page.evaluate(async () => (await import("./www/sw-client.js")).offerUpdate(() => {}));
  await auditSchemes(page, "editor, new-version banner", "#preview");
  await finish(page);
});

test("the reader: the feed, an article, the library with it saved, an article that cannot be shown, in each theme", async () => {
  const page = await newPage();
  // Each theme comfort.js offers, and the system's two for "system"; a chosen one against the other.
  const themes = [["system", "light"], ["system", "dark"], ["light", "dark"], ["dark", "light"]];
  async function everyTheme(view, article) {
    for (const [theme, system] of themes) {
      await page.emulateMedia({ colorScheme: system });
      await page.selectOption("#theme", theme);
      await audit(page, `reader, ${view}, ${theme}${theme === "system" ? ` (${system})` : ""}`, article);
    }
  }
  await visit(page, "www/reader.html");
  await page.locator("#feed-list a").first().waitFor();
  await everyTheme("feed");
  await page.locator("#feed-list a", { hasText: TRAIN_TITLE }).click();
  await page.waitForSelector("body[data-ready=true][data-view=article]");
  await everyTheme("article", "#article");
  await page.click("#save");
  await page.waitForSelector("body[data-saved=true]");
  await everyTheme("article saved, its notice", "#article");
  await visit(page, "www/reader.html#library");
  await page.locator(".library-item").waitFor();
  await everyTheme("library");
  await visit(page, "www/reader.html?url=missing.md");
  await page.locator("#article-error").waitFor();
  await everyTheme("article that cannot be shown");
  await finish(page);
});

test("the widget's demo page: the article rendered in the widget, and its error state", async () => {
  const page = await newPage();
  await page.goto(new URL("www/embed.html", session.server.url).href);
  await page.locator("#article[state=rendered]").waitFor();
  await auditSchemes(page, "embed, rendered", { fromShadowDom: ["#article", "article"] });
  await page.evaluate(() => { document.getElementById("article").src = "articles/missing.md"; });
  await page.locator("#article[state=error]").waitFor();
  await auditSchemes(page, "embed, error");
  await finish(page);
});

test("keyboard only, the editor: the first Tab offers to skip the bar and the outline, and Enter puts the caret in the source", async () => {
  const page = await newPage();
  await visit(page, "");
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(page), { name: "#skip-to-source", visible: true });
  const box = await page.locator("#skip-to-source").boundingBox();
  assert.ok(box.y >= 0 && box.y < 100, `the link should be seen once focused: ${JSON.stringify(box)}`);
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).name, "#source");
  await page.keyboard.type("Typed at once. ");
  assert.match(await page.evaluate(() => window.folioEditor.source.state.doc.toString()), /Typed at once\. /);
  await finish(page);
});

test("keyboard only, the editor: a draft made, renamed, switched to, opened from disk and deleted; source, problems and preview; a problem's line", async () => {
  const page = await newPage();
  await visit(page, "");
  const status = () => page.locator("#status").textContent();
  const drafts = () => page.locator("#draft-select option").allTextContents();
  await tabTo(page, /^#new-draft$/);
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).name, "#source", "a new draft is there to be written in");
  assert.equal(await status(), "New draft");

  // A date that is not one, typed over the front matter's (line 3): a problem, reached with Tab.
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.type("date: 2016-13-45");
  await page.locator("#diagnostics li.error").waitFor();
  await page.keyboard.press("Control+End");
  await tabTo(page, /^button "Line 3: error/);
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).name, "#source");
  assert.equal(await page.evaluate(() => {
    const { state } = window.folioEditor.source;
    return state.doc.lineAt(state.selection.main.head).number;
  }), 3, "the caret should be on the problem's line");
  await tabTo(page, /^button "Line 3/);
  await tabTo(page, /^#preview-pane$/);
  await tabTo(page, /^#source$/, "Shift+Tab");

  // Renamed in the name field (Enter), switched to the seed and back with the arrow keys.
  await tabTo(page, /^#draft-name$/, "Shift+Tab");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2021-03-04-notes.md");
  await page.keyboard.press("Enter");
  assert.deepEqual(await drafts(), ["ogp-societe-civile.md", "2021-03-04-notes.md"]);
  await tabTo(page, /^#draft-select$/, "Shift+Tab");
  await page.keyboard.press("ArrowUp");
  await page.locator("#preview h1", { hasText: "La société civile" }).waitFor();
  await page.keyboard.press("ArrowDown");
  await page.locator("#preview h1", { hasText: "Untitled" }).waitFor();

  // Opened from disk: Enter on the button opens the browser's file picker.
  // Waited for before the key: Playwright asks the browser to hand it the picker without waiting for its answer.
  const picker = page.waitForEvent("filechooser");
  await tabTo(page, /^#open-file$/);
  await page.keyboard.press("Enter");
  await (await picker).setFiles({ name: "keyboard.md", mimeType: "text/markdown", buffer: Buffer.from("---\ntitle: Opened\n---\n\nBody.\n") });
  await page.locator("#preview h1", { hasText: "Opened" }).waitFor();
  assert.equal(await status(), "Opened keyboard.md as a new draft");

  // Deleted after the confirmation; the focus stays on the button.
  await tabTo(page, /^#delete-draft$/, "Shift+Tab");
  page.once("dialog", (dialog) => dialog.accept());
  await page.keyboard.press("Enter");
  assert.equal(await status(), "Deleted “keyboard.md”");
  assert.deepEqual(await drafts(), ["ogp-societe-civile.md", "2021-03-04-notes.md"]);
  assert.equal((await focused(page)).name, "#delete-draft");
  await finish(page);
});

test("keyboard only, the reader: an article opened from the feed, saved, read in comfort, found in the library and removed", async () => {
  const page = await newPage();
  /** Whether the focused element is hidden under something (the sticky bar) where it is shown. */
  const covered = () => page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getClientRects()[0]; // a link's first line
    return !element.contains(document.elementFromPoint(box.left + 2, box.top + 2));
  });
  await visit(page, "www/reader.html");
  await page.locator("#feed-list a").first().waitFor();
  await tabTo(page, /^a "La société civile/);
  await page.keyboard.press("Enter");
  await page.waitForSelector("body[data-ready=true][data-view=article]");
  assert.match((await focused(page)).name, /^h1 "La société civile/, "focus should be on the article's title");

  // Through the article's links and back up: none is hidden under the sticky bar (a short window,
  // where going up scrolls).
  await page.setViewportSize({ width: 1000, height: 500 });
  const links = await page.locator("#article a").count();
  for (let i = 0; i < links; i++) await page.keyboard.press("Tab");
  for (let i = 1; i < links; i++) {
    await page.keyboard.press("Shift+Tab");
    assert.equal(await covered(), false, `${(await focused(page)).name} should not be under the bar`);
  }

  // Saved: the button keeps the focus, says what it now does, and the notice says it is saved (a
  // live region in the page before its message: one shown with it may not be read out).
  assert.equal(await page.locator("#notice").evaluate((box) => box.hidden), false);
  await tabTo(page, /^#save$/, "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.waitForSelector("body[data-saved=true]");
  assert.equal((await focused(page)).name, "#save");
  assert.equal(await page.locator("#save").textContent(), "Remove from library");
  assert.match(await page.locator("#notice").textContent(), /^Saved for offline reading\./);

  // Comfort: a larger text, then the dark theme, with the arrow keys on the menu.
  await tabTo(page, /^#larger$/, "Shift+Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#scale").textContent(), "113%");
  await tabTo(page, /^#theme$/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");

  // Back to the library: focus on its heading, in view; the article is listed there.
  await tabTo(page, /^a "← Library"/);
  await page.keyboard.press("Enter");
  await page.waitForSelector("body[data-ready=true][data-view=home]");
  assert.equal((await focused(page)).name, "#library-heading");
  assert.equal(await covered(), false, "the library's heading should not be under the bar");
  await tabTo(page, /^a "La société civile/);
  await tabTo(page, /^button "Remove"/);
  await page.keyboard.press("Enter");
  await page.locator("#notice", { hasText: "Removed from the library." }).waitFor();
  assert.equal((await focused(page)).name, "#library-heading", "focus should not be lost with the removed item");
  assert.equal(await page.locator(".library-item").count(), 0);
  await finish(page);
});
