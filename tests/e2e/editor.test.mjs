// The live-preview editor (index.html), end to end in Chromium: typing replaces only the edited
// block, scroll sync both ways, click-to-source, problems that jump to their line, drafts kept
// across a reload, switched and deleted (in another tab too, whose changes every tab lists), a .md file opened and saved (CRLF
// kept, UTF-8 only), the site profile switched, keyboard use, a phone's width and what a screen
// reader finds. Screenshot: target/e2e/editor.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ARTIFACTS, ROOT, serverAndBrowser } from "./harness.mjs";

const session = serverAndBrowser();

/** The editor in a fresh browser context (empty storage), or in `context`; ready to type. */
async function openEditor(context) {
  context ??= await session.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.pageErrors = [];
  page.on("pageerror", (error) => page.pageErrors.push(error));
  await page.goto(session.server.url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

/** Opens `text` as a new draft named `name`. */
function openText(page, text, name = "test.md", profile = "jekyll") {
  return page.evaluate(async ({ text, name, profile }) => {
    const { drafts } = await import("./www/folio-editor.js");
    window.folioEditor.open(drafts.create(name, profile, text).current);
  }, { text, name, profile });
}

/** The text in the editor, and the caret's line. */
function editor(page) {
  return page.evaluate(() => {
    const { state } = window.folioEditor.source;
    return { text: state.doc.toString(), line: state.doc.lineAt(state.selection.main.head).number };
  });
}

/** Puts the caret at the end of the first line holding `needle`, and focuses the editor. */
function caretAfter(page, needle) {
  return page.evaluate((needle) => {
    const view = window.folioEditor.source;
    const at = view.state.doc.toString().indexOf(needle);
    view.dispatch({ selection: { anchor: view.state.doc.lineAt(at).to } });
    view.focus();
  }, needle);
}

/** Two frames: what the page schedules for the next frame (scroll sync) has run. */
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Scrolls the source so that (fractional) `line` is at its top, as a reader scrolling there would
 * see it: CodeMirror estimates the heights of lines it has not drawn, so the scroll is made again
 * once it has drawn them.
 */
async function scrollSource(page, line) {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(async (line) => {
      const { scrollToLine } = await import("./www/editor/source.js");
      scrollToLine(window.folioEditor.source, line);
    }, line);
    await frames(page);
  }
  await frames(page);
}

const paragraph = (n) => `Paragraph ${n} says something about section ${n}, long enough to wrap once or twice in the preview pane, so that the page has height to scroll through.`;
/** An article of 40 sections, each a heading and two paragraphs. */
const LONG = `---\ntitle: A long article\n---\n\n${Array.from({ length: 40 }, (_, i) => `## Section ${i + 1}\n\n${paragraph(i + 1)}\n\n${paragraph(i + 1)} Again.\n`).join("\n")}`;

test("typing in a paragraph replaces only that block: the others, and their images, stay the same nodes", async () => {
  const page = await openEditor();
  const text = "---\ntitle: Blocks\n---\n\n# One\n\n![A route map](www/articles/images/route-map.png)\n\nThe second paragraph.\n\nThe third paragraph.\n";
  await openText(page, text);
  await page.waitForFunction(() => document.querySelector("#preview img")?.complete);
  const imageUrl = await page.evaluate(() => document.querySelector("#preview img").src);
  const loads = () => page.evaluate((url) => performance.getEntriesByName(url).length, imageUrl);
  const loadsBefore = await loads();
  await page.evaluate(() => {
    document.querySelectorAll("#preview .article-body > *, #preview header > *, #preview img").forEach((el, i) => { el.folioTag = i; });
    window.folioEditor.metrics.length = 0;
    window.scrollBefore = document.getElementById("preview-pane").scrollTop;
    // Every node the preview adds or takes out, wherever it is.
    window.mutations = { added: [], removed: 0 };
    new MutationObserver((records) => {
      for (const record of records) {
        window.mutations.added.push(...[...record.addedNodes].map((node) => (node.parentNode?.className ?? "") + ":" + node.nodeName));
        window.mutations.removed += record.removedNodes.length;
      }
    }).observe(document.getElementById("preview"), { childList: true, subtree: true });
  });
  await caretAfter(page, "The second paragraph.");
  await page.keyboard.type(" Typed here.");
  await page.locator("#preview p", { hasText: "The second paragraph. Typed here." }).waitFor();

  const after = await page.evaluate(() => ({
    body: [...document.querySelectorAll("#preview .article-body > *")].map((el) => [el.textContent, el.folioTag]),
    header: [...document.querySelectorAll("#preview header > *")].map((el) => el.folioTag),
    image: document.querySelector("#preview img").folioTag,
    metrics: window.folioEditor.metrics.slice(),
    mutations: window.mutations,
    focused: document.activeElement?.id,
    scrolled: document.getElementById("preview-pane").scrollTop - window.scrollBefore,
  }));
  const untouched = after.body.filter(([, tag]) => tag !== undefined).map(([text]) => text);
  assert.deepEqual(untouched, ["One", "", "The third paragraph."], "every block but the edited one should be the same node");
  assert.equal(after.body[2][1], undefined, "the edited paragraph should be a new node");
  assert.ok(after.header.every((tag) => tag !== undefined), "the header should be untouched");
  assert.notEqual(after.image, undefined, "the image should be the same node");
  assert.equal(await loads(), loadsBefore, "the image should not load again");
  // Keys typed faster than frames are rendered together (one render a frame at most).
  assert.ok(after.metrics.length >= 1 && after.metrics.length <= " Typed here.".length, `${after.metrics.length} updates`);
  for (const m of after.metrics) {
    // A space typed at the end of the paragraph changes no HTML (kramdown drops it): nothing to replace.
    assert.ok(m.replacedBlocks <= 1, `each keystroke should replace one block at most: ${JSON.stringify(m)}`);
    assert.ok(m.insertedNodes <= 2 && m.removedNodes <= 2, `one block's nodes (an element and its line break): ${JSON.stringify(m)}`);
  }
  assert.ok(after.metrics.some((m) => m.replacedBlocks === 1));
  const replaced = after.metrics.reduce((sum, m) => sum + m.replacedBlocks, 0);
  assert.ok(after.mutations.added.every((node) => node === "article-body:P" || node === "article-body:#text"),
    `only paragraphs and their line breaks should be added, at the top of the body: ${after.mutations.added}`);
  assert.ok(after.mutations.added.length <= 2 * replaced && after.mutations.removed <= 2 * replaced,
    `${after.mutations.added.length} nodes added and ${after.mutations.removed} removed for ${replaced} blocks replaced`);
  assert.equal(after.focused, "source", "the focus should stay in the editor");
  assert.equal(after.scrolled, 0, "the preview should not scroll");
  const marks = await page.evaluate(() => performance.getEntriesByName("folio:keystroke-to-preview").length);
  assert.ok(marks >= after.metrics.length, "keystroke-to-preview should be a performance measure");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("scroll sync: the source's top line brings its block to the top of the preview, and back", async () => {
  const page = await openEditor();
  await openText(page, LONG);
  const lineOf = (needle) => LONG.slice(0, LONG.indexOf(needle)).split("\n").length;

  // Source → preview: line of "## Section 20" at the top of the source.
  await scrollSource(page, lineOf("## Section 20"));
  const offset = await page.evaluate(() => {
    const pane = document.getElementById("preview-pane");
    const heading = [...pane.querySelectorAll("h2")].find((h) => h.textContent === "Section 20");
    return heading.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });
  assert.ok(Math.abs(offset) < 4, `Section 20 should be at the top of the preview (${offset}px off)`);

  // Halfway into a paragraph's lines lands halfway into the paragraph (not proportionally to the page).
  await scrollSource(page, lineOf(paragraph(30)) + 0.5);
  const into = await page.evaluate(() => {
    const pane = document.getElementById("preview-pane");
    const p = [...pane.querySelectorAll("p")].find((el) => el.textContent.startsWith("Paragraph 30 ") && !el.textContent.endsWith("Again."));
    const box = p.getBoundingClientRect();
    return (pane.getBoundingClientRect().top - box.top) / box.height;
  });
  assert.ok(into > 0.3 && into < 0.7, `the middle of the paragraph's line should be near the middle of the paragraph (${into})`);

  // Preview → source: "Section 33" scrolled to the top of the preview.
  await page.evaluate(() => {
    const pane = document.getElementById("preview-pane");
    const heading = [...pane.querySelectorAll("h2")].find((h) => h.textContent === "Section 33");
    pane.scrollTop += heading.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });
  await frames(page);
  await frames(page);
  const top = await page.evaluate(async () => {
    const { topLine } = await import("./www/editor/source.js");
    return topLine(window.folioEditor.source);
  });
  assert.ok(Math.abs(top - lineOf("## Section 33")) < 1, `the source should show Section 33's line at the top (${top})`);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("clicking a block of the preview puts the caret on its first line; links do not navigate", async () => {
  const page = await openEditor();
  await openText(page, `${LONG}\nA [link](https://example.org/) to click.\n`);
  const target = page.locator("#preview p", { hasText: "Paragraph 3 says" }).first();
  const lines = await target.getAttribute("data-source-line");
  await target.click();
  const state = await editor(page);
  assert.equal(state.line, Number(lines.split("-")[0]), "the caret should be on the block's first line");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "source", "the editor should have the focus");

  const url = page.url();
  const link = page.locator("#preview a", { hasText: "link" });
  await link.scrollIntoViewIfNeeded();
  await link.click();
  assert.equal(page.url(), url, "a click on a link should stay in the editor");
  assert.equal((await editor(page)).line, Number((await page.locator("#preview p", { hasText: "to click" }).getAttribute("data-source-line")).split("-")[0]));
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("problems are listed with their line, marked in the gutter, announced, and a click jumps there", async () => {
  const page = await openEditor();
  await openText(page, "---\ntitle: Problems\n---\n\nA paragraph.\n\nText\n\n<div>\nunclosed\n");
  const problem = page.locator("#diagnostics li.warning button");
  await problem.waitFor();
  assert.equal(await problem.textContent(), "Line 9: warning: Found no end tag for 'div' - auto-closing it");
  assert.equal(await page.getAttribute("#diagnostics", "aria-live"), "polite");
  await page.locator(".cm-gutter-lint .cm-lint-marker-warning").waitFor();
  await problem.click();
  assert.equal((await editor(page)).line, 9, "the caret should be on the problem's line");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "source");

  // Fixing it says so.
  await page.keyboard.press("End");
  await page.keyboard.type("</div>");
  await page.locator("#diagnostics li.ok", { hasText: "No problems" }).waitFor();
  assert.equal(await page.locator(".cm-lint-marker-warning").count(), 0, "the gutter mark should go");

  // A front matter error, positioned by line and column.
  await page.evaluate(() => {
    const view = window.folioEditor.source;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '---\ntitle: "never closed\n---\n\nBody\n' } });
  });
  const error = page.locator("#diagnostics li.error button");
  await error.waitFor();
  assert.match(await error.textContent(), /^Line 2: error: front matter is not valid YAML/);
  await error.press("Enter");
  assert.equal((await editor(page)).line, 2);

  // Listed in the file's order, whichever pass found them.
  await page.evaluate(() => {
    const view = window.folioEditor.source;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: "---\ndate: never\ntitle: A\ntitle: B\n---\n[a][missing]\n\n{::nothing}\n" } });
  });
  await page.locator("#diagnostics li", { hasText: "never" }).waitFor();
  const lines = await page.locator("#diagnostics button").evaluateAll((items) => items.map((item) => Number(item.textContent.match(/^Line (\d+)/)[1])));
  assert.deepEqual(lines, [2, 4, 6, 8, 8]);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("Liquid runs in the preview with the profile's site, and what it leaves is listed at its line", async () => {
  const page = await openEditor();
  const text = "---\ntitle: Liquid\n---\n\nSite: {{ site.url }}{{ site.baseurl }}/about/, {{ page.title | upcase }}.\n\n{% include note.html %}\n";
  await openText(page, text, "2016-12-23-liquid.md", "numerique");
  await page.locator("#preview p", { hasText: "Site: https://www.numerique.gouv.fr/about/, LIQUID." }).waitFor();
  const problem = page.locator("#diagnostics li.warning button");
  await problem.waitFor();
  assert.match(await problem.textContent(), /^Line 7: warning: Liquid `\{% include note\.html %\}` is left as written/);
  // The source pane colours each output and tag whole, in Liquid's own colour (CodeMirror joins
  // two side by side in one span).
  const liquid = await page.evaluate(() => {
    const wanted = getComputedStyle(document.documentElement).getPropertyValue("--source-liquid").trim();
    const probe = document.body.appendChild(document.createElement("span"));
    probe.style.color = wanted;
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return [...document.querySelectorAll("#source .cm-line span")].filter((span) => getComputedStyle(span).color === colour).map((span) => span.textContent);
  });
  assert.deepEqual(liquid, ["{{ site.url }}{{ site.baseurl }}", "{{ page.title | upcase }}", "{% include note.html %}"]);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/** The stored text of the draft open in `page` (src/wasm/drafts.rs keeps it in localStorage). */
function storedDraft(page) {
  return page.evaluate(() => localStorage.getItem(`folio-draft:${sessionStorage.getItem("folio-tab-draft")}`));
}

test("a change is stored right after the frame that shows it, and at once when the page is left before that", async () => {
  const page = await openEditor();
  // The keystroke's own task (the change, then the preview's render) does not store it: the
  // frame showing it does not wait for the 100 KB a draft may hold to be written.
  const inTask = await page.evaluate(() => {
    const view = window.folioEditor.source;
    view.dispatch({ changes: { from: view.state.doc.length, insert: "Un mot de plus.\n" } });
    const key = `folio-draft:${sessionStorage.getItem("folio-tab-draft")}`;
    // After the change's microtask (render, then storing or not), still in the keystroke's task.
    return Promise.resolve().then(() => localStorage.getItem(key));
  });
  assert.doesNotMatch(inTask ?? "", /Un mot de plus/, "the keystroke's task should leave the storing to after its frame");
  await frames(page);
  await page.waitForFunction(() => localStorage.getItem(`folio-draft:${sessionStorage.getItem("folio-tab-draft")}`).endsWith("Un mot de plus.\n"));
  assert.equal(await storedDraft(page), (await editor(page)).text);

  // Left in the change's own task, before its frame: leaving stores it first. The browser's
  // events, made here (leaving the page for real leaves no page to ask).
  const leaving = await page.evaluate(() => {
    const key = `folio-draft:${sessionStorage.getItem("folio-tab-draft")}`;
    const leave = {
      pagehide: () => window.dispatchEvent(new PageTransitionEvent("pagehide")),
      beforeunload: () => window.dispatchEvent(new Event("beforeunload", { cancelable: true })),
      hidden: () => {
        Object.defineProperty(document, "hidden", { value: true, configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        delete document.hidden;
      },
    };
    return Object.entries(leave).reduce((done, [how, go]) => done.then(async (seen) => {
      const view = window.folioEditor.source;
      view.dispatch({ changes: { from: view.state.doc.length, insert: `${how}\n` } });
      await Promise.resolve();
      const before = localStorage.getItem(key).endsWith(`${how}\n`);
      go();
      return [...seen, { how, before, after: localStorage.getItem(key) === view.state.doc.toString() }];
    }), Promise.resolve([]));
  });
  assert.deepEqual(leaving, [
    { how: "pagehide", before: false, after: true },
    { how: "beforeunload", before: false, after: true },
    { how: "hidden", before: false, after: true },
  ]);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("every change is stored: a reload right after typing restores the draft", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openEditor(context);
  await caretAfter(page, "title: La société civile");
  await page.keyboard.type(" (kept)");
  await page.locator("#preview h1", { hasText: "(kept)" }).waitFor();
  const before = (await editor(page)).text;
  // No pause: the text is stored after the frame that showed it, or by leaving the page.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal((await editor(page)).text, before);
  assert.match(await page.locator("#preview h1").textContent(), /\(kept\)$/);
  assert.equal(await page.locator("#profile").inputValue(), "numerique", "the draft's profile should be restored too");

  // The same draft typed into in another tab: this one says so.
  const other = await openEditor(context);
  await caretAfter(other, "(kept)");
  await other.keyboard.type(" elsewhere");
  await page.locator("#status", { hasText: "This draft was changed in another tab" }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/**
 * Draft `shared.md` open in two tabs of one context, deleted in the other one; `change` does
 * something to it in the first, which should list it again under `name`, with `text`, after a reload.
 */
async function deletedElsewhereThen(change, name, text) {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openEditor(context);
  await openText(page, "---\ntitle: Shared\n---\n\nOriginal text.\n", "shared.md");
  const other = await openEditor(context);
  assert.equal(await other.inputValue("#draft-name"), "shared.md", "the other tab should open the same draft");
  other.once("dialog", (dialog) => dialog.accept());
  await other.click("#delete-draft");
  await page.locator("#status", { hasText: "This draft was deleted in another tab." }).waitFor();

  await change(page);
  await page.locator("#status", { hasText: "“shared.md” was deleted in another tab; it is kept again" }).waitFor();
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match((await editor(page)).text, text, "the draft should open again after a reload");
  assert.deepEqual(await page.locator("#draft-select option").allTextContents(), ["ogp-societe-civile.md", name]);
  assert.deepEqual([...page.pageErrors, ...other.pageErrors], []);
  await context.close();
}

test("a draft deleted in another tab is said to be deleted, and what is typed here lists it again", async () => {
  await deletedElsewhereThen(async (page) => {
    await caretAfter(page, "Original text.");
    await page.keyboard.type(" Typed after the delete.");
  }, "shared.md", /Original text\. Typed after the delete\.\n$/);
});

test("a draft deleted in another tab can be renamed here before anything is typed, and is listed again", async () => {
  await deletedElsewhereThen(async (page) => {
    await page.fill("#draft-name", "renamed.md");
    await page.press("#draft-name", "Enter");
  }, "renamed.md", /Original text\.\n$/);
});

test("drafts made, renamed and deleted in another tab are listed here; the draft open here stays open", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openEditor(context);
  const other = await openEditor(context);
  const options = (tab) => tab.locator("#draft-select option").allTextContents();
  const listed = (tab, names) => tab.waitForFunction((names) =>
    JSON.stringify([...document.querySelectorAll("#draft-select option")].map((o) => o.text)) === JSON.stringify(names), names);

  await other.click("#new-draft");
  await listed(page, ["ogp-societe-civile.md", "Untitled.md"]);
  await other.fill("#draft-name", "notes.md");
  await other.press("#draft-name", "Enter");
  await listed(page, ["ogp-societe-civile.md", "notes.md"]);
  assert.equal(await page.inputValue("#draft-select"), await page.evaluate(() => document.querySelector("#draft-select option").value),
    "the other tab opened its new draft; this tab should keep its own open");
  assert.equal(await page.inputValue("#draft-name"), "ogp-societe-civile.md");

  // The draft open here renamed there: its name follows; deleted there: it stays listed here, open.
  await other.selectOption("#draft-select", { label: "ogp-societe-civile.md" });
  await other.fill("#draft-name", "renamed.md");
  await other.press("#draft-name", "Enter");
  await listed(page, ["renamed.md", "notes.md"]);
  assert.equal(await page.inputValue("#draft-name"), "renamed.md");
  other.once("dialog", (dialog) => dialog.accept());
  await other.click("#delete-draft");
  await page.locator("#status", { hasText: "This draft was deleted in another tab." }).waitFor();
  await listed(page, ["notes.md", "renamed.md"]);
  assert.equal(await page.locator("#draft-select option:checked").textContent(), "renamed.md");
  assert.deepEqual(await options(other), ["notes.md"]);
  assert.deepEqual([...page.pageErrors, ...other.pageErrors], []);
  await context.close();
});

test("a tab reloaded opens the draft it had open, though another tab opened another since; a new tab opens the one opened last", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openEditor(context);
  const other = await openEditor(context);
  await other.click("#new-draft");
  await other.fill("#draft-name", "theirs.md");
  await other.press("#draft-name", "Enter");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#draft-name"), "ogp-societe-civile.md");
  assert.equal(await page.locator("#preview h1").textContent(), "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert");
  const third = await openEditor(context);
  assert.equal(await third.inputValue("#draft-name"), "ogp-societe-civile.md", "the draft the reload opened is the one opened last");
  assert.deepEqual([...page.pageErrors, ...other.pageErrors, ...third.pageErrors], []);
  await context.close();
});

test("a tab does not undo another tab's changes: a name field left as it was follows a rename, a deleted draft left unchanged stays deleted", async () => {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await openEditor(context);
  await openText(page, "---\ntitle: Beta\n---\n\nBeta text.\n", "beta.md");
  const other = await openEditor(context);
  assert.equal(await other.inputValue("#draft-name"), "beta.md");

  // The name field focused here, not edited; renamed there: it follows, and Ctrl+S keeps the new name.
  await page.focus("#draft-name");
  await other.fill("#draft-name", "gamma.md");
  await other.press("#draft-name", "Enter");
  await page.waitForFunction(() => document.getElementById("draft-name").value === "gamma.md");
  await caretAfter(page, "Beta text.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.equal(download.suggestedFilename(), "gamma.md");
  assert.equal(await other.inputValue("#draft-name"), "gamma.md", "the other tab's rename should stand");

  // Deleted there, and left here without a change: it stays deleted, in both tabs.
  other.once("dialog", (dialog) => dialog.accept());
  await other.click("#delete-draft");
  await page.locator("#status", { hasText: "This draft was deleted in another tab." }).waitFor();
  await page.selectOption("#draft-select", { label: "ogp-societe-civile.md" });
  assert.equal(await page.inputValue("#draft-name"), "ogp-societe-civile.md");
  const options = (tab) => tab.locator("#draft-select option").allTextContents();
  assert.deepEqual(await options(page), ["ogp-societe-civile.md"]);
  assert.deepEqual(await options(other), ["ogp-societe-civile.md"]);
  assert.deepEqual([...page.pageErrors, ...other.pageErrors], []);
  await context.close();
});

test("a storage that refuses the draft is said, with what to do; the text stays in the editor", async () => {
  const page = await openEditor();
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
    window.storageFull = true;
  });
  await caretAfter(page, "title: La société civile");
  await page.keyboard.type("!");
  await page.locator("#status.error").waitFor();
  assert.equal(await page.locator("#status").textContent(),
    "The draft could not be saved: The quota has been exceeded. Download the article (Save .md) to keep it.");
  assert.match((await editor(page)).text, /gouvernement ouvert!\n/);
  // Leaving the draft now would lose the change: the editor asks first, and stays when told to.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.click("#new-draft");
  assert.equal(await page.locator("#draft-select option").count(), 1, "no new draft while this one's change is not stored");
  assert.match((await editor(page)).text, /gouvernement ouvert!\n/);
  await caretAfter(page, "title: La société civile");
  await page.evaluate(() => { window.storageFull = false; });
  await page.keyboard.type("!");
  await page.waitForFunction(() => !document.getElementById("status").classList.contains("error"));
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match((await editor(page)).text, /gouvernement ouvert!!\n/, "the next change that could be stored holds both");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("drafts: a new one, renamed, switched to and back, and deleted", async () => {
  const page = await openEditor();
  const seed = (await editor(page)).text;
  await page.click("#new-draft");
  assert.equal(await page.inputValue("#draft-name"), "Untitled.md");
  assert.match((await editor(page)).text, /^---\ntitle: Untitled\n/);
  await page.locator("#preview h1", { hasText: "Untitled" }).waitFor();
  await caretAfter(page, "Write here.");
  await page.keyboard.type(" New words.");

  await page.fill("#draft-name", "2021-03-04-notes.md");
  await page.press("#draft-name", "Enter");
  const options = () => page.locator("#draft-select option").allTextContents();
  assert.deepEqual(await options(), ["ogp-societe-civile.md", "2021-03-04-notes.md"]);

  await page.selectOption("#draft-select", { label: "ogp-societe-civile.md" });
  assert.equal((await editor(page)).text, seed, "switching should show the other draft's text");
  await page.locator("#preview h1", { hasText: "La société civile" }).waitFor();
  assert.equal(await page.locator("#profile").inputValue(), "numerique");

  await page.selectOption("#draft-select", { label: "2021-03-04-notes.md" });
  assert.match((await editor(page)).text, /Write here\. New words\./, "the new draft should keep its text");
  assert.equal(await page.locator("#profile").inputValue(), "numerique", "a new draft takes the profile of the one open");

  page.once("dialog", (dialog) => dialog.accept());
  await page.click("#delete-draft");
  assert.deepEqual(await options(), ["ogp-societe-civile.md"]);
  assert.equal((await editor(page)).text, seed);
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.click("#delete-draft");
  assert.deepEqual(await options(), ["ogp-societe-civile.md"], "a dismissed confirmation should keep the draft");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a .md file is opened from disk as a new draft and saved back as a download", async () => {
  const page = await openEditor();
  await page.selectOption("#profile", "jekyll");
  const file = "---\ntitle: From disk\n---\n\nOpened *from* a file.\n";
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  await chooser.setFiles({ name: "2020-02-02-from-disk.md", mimeType: "text/markdown", buffer: Buffer.from(file) });
  await page.locator("#preview h1", { hasText: "From disk" }).waitFor();
  assert.equal((await editor(page)).text, file);
  assert.equal(await page.inputValue("#draft-name"), "2020-02-02-from-disk.md");
  assert.equal(await page.locator("#preview .article-date time").getAttribute("datetime"), "2020-02-02T00:00:00+00:00", "the file name gives the date");
  assert.equal(await page.locator("#draft-select option").count(), 2, "the draft open before is kept");

  await caretAfter(page, "Opened *from* a file.");
  await page.keyboard.type(" Edited.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.equal(download.suggestedFilename(), "2020-02-02-from-disk.md");
  const saved = readFileSync(await download.path(), "utf8");
  assert.equal(saved, file.replace("a file.", "a file. Edited."));
  assert.equal(await page.locator("#status").textContent(), "Downloaded 2020-02-02-from-disk.md");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a file that is not UTF-8 is not opened, and says so; the draft open stays", async () => {
  const page = await openEditor();
  const seed = (await editor(page)).text;
  const open = async (name, buffer) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
    await chooser.setFiles({ name, mimeType: "text/markdown", buffer });
  };
  await open("latin1.md", Buffer.from("---\ntitle: Café crème\n---\n\nCafé crème.\n", "latin1"));
  await page.locator("#status.error").waitFor();
  assert.equal(await page.locator("#status").textContent(),
    "latin1.md was not opened: it is not UTF-8 text, which Jekyll requires. Save it as UTF-8, then open it again.");
  assert.equal(await page.locator("#draft-select option").count(), 1, "no draft should be made of it");
  assert.equal((await editor(page)).text, seed);

  await open("latin1.md", Buffer.from("---\ntitle: Café crème\n---\n\nCafé crème.\n", "utf8"));
  await page.locator("#preview h1", { hasText: "Café crème" }).waitFor();
  assert.equal(await page.locator("#status").textContent(), "Opened latin1.md as a new draft", "the same file, made UTF-8, opens");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("Ctrl+S while the name is being typed downloads under the name typed", async () => {
  const page = await openEditor();
  await openText(page, "---\ntitle: Keys\n---\n\nPara one.\n", "keys.md");
  await page.click("#draft-name");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2016-12-23-renamed.md");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.equal(download.suggestedFilename(), "2016-12-23-renamed.md");
  assert.equal(await page.locator("#status").textContent(), "Downloaded 2016-12-23-renamed.md");
  assert.deepEqual(await page.locator("#draft-select option").allTextContents(), ["ogp-societe-civile.md", "2016-12-23-renamed.md"]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "draft-name", "the field keeps the focus");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("a CRLF file opened asks nothing when the page is left unedited, and Save .md keeps its CRLF", async () => {
  const page = await openEditor();
  const file = "---\r\ntitle: Windows\r\n---\r\n\r\nWritten on Windows.\r\n";
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#open-file")]);
  await chooser.setFiles({ name: "windows.md", mimeType: "text/markdown", buffer: Buffer.from(file) });
  await page.locator("#preview h1", { hasText: "Windows" }).waitFor();
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    dialog.accept();
  });
  await page.click("#preview-pane"); // Chromium asks before unloading only a page the user acted on
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.deepEqual(dialogs, [], "nothing is unsaved: leaving should not ask");
  assert.equal((await editor(page)).text, file.replaceAll("\r\n", "\n"), "the editor holds the text with its own line breaks");

  await caretAfter(page, "Written on Windows.");
  await page.keyboard.type(" Edited.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.equal(readFileSync(await download.path(), "utf8"), file.replace("Windows.", "Windows. Edited."));
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the site profile switch shows the page as each site publishes it, the body kept", async () => {
  const page = await openEditor();
  await page.locator("#preview .article-hero img").waitFor({ state: "attached" });
  assert.equal(await page.locator("#preview time").textContent(), "23 décembre 2016");
  assert.equal(await page.getAttribute("#preview", "lang"), "fr");
  const body = () => page.locator("#preview .article-body").evaluate((el) => el.innerHTML.replaceAll("https://www.numerique.gouv.fr/uploads/", "/uploads/"));
  const numeriqueBody = await body();
  const bodyImages = () => page.locator("#preview .article-body img").evaluateAll((images) => images.map((img) => img.getAttribute("src")));
  // The body's root-relative images are the site's, as on it (the editor is served from elsewhere).
  assert.deepEqual(await bodyImages(), ["https://www.numerique.gouv.fr/uploads/place-to-do-ogp.jpg", "https://www.numerique.gouv.fr/uploads/societe-civile-ogp-chicago.jpg"]);

  await page.selectOption("#profile", "jekyll");
  await page.locator("#preview time", { hasText: "December 23, 2016" }).waitFor();
  assert.equal(await page.locator("#preview .article-hero").count(), 0, "Jekyll's profile has no hero image");
  assert.equal(await page.locator("#preview .article-summary").count(), 0);
  assert.equal(await page.getAttribute("#preview", "lang"), "en");
  assert.equal(await page.getAttribute("#preview .article-tags", "aria-label"), "Tags");
  assert.deepEqual(await bodyImages(), ["/uploads/place-to-do-ogp.jpg", "/uploads/societe-civile-ogp-chicago.jpg"], "Jekyll's profile names no site");
  assert.equal(await body(), numeriqueBody, "the body renders the same under both profiles but for the site's images");

  await page.selectOption("#profile", "numerique");
  await page.locator("#preview time", { hasText: "23 décembre 2016" }).waitFor();
  assert.equal(await page.locator("#preview .article-hero").count(), 1);

  await page.check("#safe");
  await caretAfter(page, "studio multimédia.");
  await page.keyboard.type(' <img src="x" onerror="window.ran = 1">');
  await page.locator("#preview img[src='x']").waitFor({ state: "attached" });
  assert.equal(await page.locator("#preview img[onerror]").count(), 0, "safe mode should take the handler out");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("keyboard only: every control is reached with Tab and shows its focus; undo; the outline jumps", async () => {
  const page = await openEditor();
  await openText(page, `${LONG}\n<div>\n`, "long.md");
  await page.locator("#diagnostics button").waitFor();
  const reached = [];
  const styles = {};
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 70 && !reached.includes("preview-pane"); i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const name = el.id || (el.closest("#outline") ? "outline" : el.closest("#diagnostics") ? "problem" : el.tagName.toLowerCase());
      const style = getComputedStyle(el);
      return { name, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 };
    });
    reached.push(focus.name);
    styles[focus.name] ??= focus.outline;
  }
  for (const control of ["draft-select", "draft-name", "new-draft", "delete-draft", "open-file", "save-file", "profile", "safe", "outline", "source", "problem", "preview-pane"]) {
    assert.ok(reached.includes(control), `${control} should be reached with Tab (reached: ${[...new Set(reached)].join(", ")})`);
  }
  for (const [name, visible] of Object.entries(styles)) {
    if (name !== "source") assert.ok(visible, `${name} should show its focus`);
  }
  await page.locator("#source").focus();
  await page.waitForSelector(".cm-editor.cm-focused");
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector(".cm-editor.cm-focused")).outlineStyle), "none",
    "the editor should show its focus");

  // The outline: Enter on a heading puts the caret on its line.
  await page.locator("#outline button", { hasText: "Section 12" }).focus();
  await page.keyboard.press("Enter");
  assert.equal((await editor(page)).line, LONG.split("\n").indexOf("## Section 12") + 1);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "source");

  // Typing then undo, from the keyboard.
  const before = (await editor(page)).text;
  await page.keyboard.press("End");
  await page.keyboard.type(" and more");
  await page.locator("#preview h2", { hasText: "Section 12 and more" }).waitFor();
  await page.keyboard.press("Control+z");
  assert.equal((await editor(page)).text, before);
  await page.locator("#preview h2", { hasText: /^Section 12$/ }).waitFor();
  const caretLine = (await editor(page)).line;
  assert.equal(await page.locator(".cm-lineNumbers .cm-activeLineGutter").textContent(), String(caretLine), "the source should number its lines");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the preview is as wide as its pane up to the article's measure, whatever the text: a short line, a long URL, a long word, wide code", async () => {
  const page = await openEditor();
  const texts = {
    short: "Hello.",
    url: `See https://example.org/${"a".repeat(400)}`,
    word: "x".repeat(300),
    code: `    ${"code ".repeat(100)}`,
  };
  for (const [name, body] of Object.entries(texts)) {
    await openText(page, `---\ntitle: ${name}\n---\n\n${body}\n`, `${name}.md`);
    await page.locator("#preview h1", { hasText: name }).waitFor();
    const { pane, article, measure, overflow } = await page.evaluate(() => {
      const pane = document.querySelector("#preview-pane");
      const article = document.querySelector("#preview");
      const style = getComputedStyle(pane);
      return {
        pane: pane.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        article: article.getBoundingClientRect().width,
        measure: parseFloat(getComputedStyle(article).maxWidth) + parseFloat(getComputedStyle(article).paddingLeft) * 2,
        overflow: pane.scrollWidth - pane.clientWidth,
      };
    });
    assert.equal(Math.round(article), Math.round(Math.min(pane, measure)), `${name}: the article's width`);
    assert.equal(overflow, 0, `${name}: nothing sticks out of the pane (wide code scrolls in its own block)`);
  }
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the author's HTML is shown as written, but its handlers and javascript: links do not run in the editor's page", async () => {
  const page = await openEditor();
  const violations = [];
  page.on("console", (message) => { if (/Content Security Policy/.test(message.text())) violations.push(message.text()); });
  await openText(page, '---\ntitle: Scripted\n---\n\n<img src="x" onerror="window.pwned = 1">\n\n<a id="run" href="javascript:window.pwned = 2">run</a>\n');
  await page.locator("#preview img[onerror]").waitFor({ state: "attached" });
  await page.locator("#preview #run").click({ modifiers: [] }).catch(() => {});
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.ok(violations.length > 0, "the page's policy should have refused them");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("the live preview renders on a page enforcing Trusted Types that allows the policy folio", async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const url = `${session.server.url}strict-editor.html`;
  await context.route(url, (route) => route.fulfill({
    status: 200,
    headers: {
      "content-type": "text/html",
      "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'; trusted-types folio",
    },
    body: '<!DOCTYPE html><article id="a"></article><ul id="p"></ul><ul id="o"></ul>',
  }));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.violations.push(event.violatedDirective));
  });
  await page.goto(url);
  const shown = await page.evaluate(async () => {
    const { start, LivePreview } = await import("/www/folio-editor.js");
    await start();
    const $ = (id) => document.getElementById(id);
    const preview = new LivePreview($("a"), document.documentElement, { profile: "jekyll" }, { diagnostics: $("p"), outline: $("o") });
    preview.update("# Title\n\n## Part\n\n[x][missing]\n");
    preview.update("# Title\n\n## Part two\n\n[x][missing]\n");
    return { part: $("a").querySelector("h2")?.textContent, problems: $("p").textContent, outline: $("o").textContent, violations: window.violations };
  });
  assert.equal(shown.part, "Part two");
  assert.match(shown.problems, /No link definition for link ID 'missing' found/);
  assert.match(shown.outline, /Part two/);
  assert.deepEqual(shown.violations, []);
  await context.close();
});

test("on a phone (360 px) the source is above the preview, each as wide as the screen", async () => {
  const context = await session.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await openEditor(context);
  await page.locator("#preview h1").waitFor();
  const layout = await page.evaluate(() => {
    const box = (selector) => {
      const { left, right, top, bottom, height } = document.querySelector(selector).getBoundingClientRect();
      return { left, right, top, bottom, height };
    };
    return { pageWidth: document.documentElement.scrollWidth, source: box("#editor"), preview: box("#preview-pane"), title: box("#preview h1"), status: box(".statusbar") };
  });
  assert.equal(layout.pageWidth, 360, "nothing should stick out sideways");
  for (const pane of ["source", "preview"]) {
    assert.ok(Math.round(layout[pane].left) === 0 && Math.round(layout[pane].right) === 360, `the ${pane} should span the screen: ${JSON.stringify(layout[pane])}`);
    assert.ok(layout[pane].height >= 200, `the ${pane} should have room to work in: ${layout[pane].height}px`);
  }
  assert.ok(layout.preview.top >= layout.source.bottom, "the preview should be below the source");
  assert.ok(layout.title.right <= 360, "the article's title should not be cut off");
  assert.ok(layout.status.bottom <= 740, "the status bar should be in view");
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test("a screen reader finds landmarks, the page's headings, alt text, the language; offline files are precached", async () => {
  const page = await openEditor();
  await page.locator("#preview h1").waitFor();
  assert.equal(await page.locator("header.bar").count(), 1);
  assert.equal(await page.getByRole("navigation", { name: "Outline" }).count(), 1);
  assert.equal(await page.getByRole("main").count(), 1);
  assert.equal(await page.getByRole("region", { name: "Preview" }).count(), 1);
  assert.equal(await page.getByRole("region", { name: "Problems" }).count(), 1);
  assert.equal(await page.getByRole("textbox", { name: "Article source" }).count(), 1);
  const snapshot = await page.locator("#preview").ariaSnapshot();
  assert.match(snapshot, /heading "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert" \[level=1\]/);
  assert.match(snapshot, /heading "Le rôle incontournable des associations citoyennes/);
  // Folio writes alt text for every image it makes (the hero's is empty: decorative); the seed's
  // two images written in raw HTML have none, as their author wrote them.
  assert.equal(await page.getAttribute("#preview .article-hero img", "alt"), "");
  const bare = await page.locator("#preview img:not([alt])").evaluateAll((imgs) => imgs.map((img) => img.getAttribute("src")));
  assert.deepEqual(bare, ["https://www.numerique.gouv.fr/uploads/place-to-do-ogp.jpg", "https://www.numerique.gouv.fr/uploads/societe-civile-ogp-chicago.jpg"]);
  assert.equal(await page.getAttribute("#preview", "lang"), "fr");
  assert.match(await page.locator("#stats").textContent(), /^\d[\d,]* words · \d+ min read$/);

  const list = readFileSync(`${ROOT}pkg/precache.js`, "utf8");
  for (const file of ["pkg/vendor/codemirror.js", "www/editor/source.js", "www/editor/kramdown-mode.js", "www/editor/files.js", "www/app.js"]) {
    assert.ok(list.includes(`"url": "${file}"`), `${file} should be precached, so the editor works offline`);
  }
  await page.screenshot({ path: `${ARTIFACTS}/editor.png` });
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test("after a panic in Rust the preview builds itself again and typing still updates it", async () => {
  const page = await openEditor();
  await page.evaluate(async () => {
    const folio = await import("./www/folio-editor.js");
    try {
      folio.panicForTests("deliberate");
    } catch {
      // expected: the instance is reset
    }
  });
  await caretAfter(page, "title: La société civile");
  await page.keyboard.type(" again");
  await page.locator("#preview h1", { hasText: /again$/ }).waitFor();
  assert.equal(await page.locator("#preview h1").count(), 1, "the preview should be drawn once, not twice");
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
