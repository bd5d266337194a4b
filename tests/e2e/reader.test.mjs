// The reader (www/reader.html) and its service worker, end to end in Chromium, with the repository
// served under a sub-path (/folio/) as a project site is: install and precache, reading and saving
// two articles from the demo feed, reading comfort, everything offline (the server gone dark as well
// as the browser offline), a new version published while pages are open, a full storage, and an
// article from another origin in safe mode. The tests run in order and build on each other (what
// the second saves, the offline one reads), as a reader's day does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, ROOT, launchBrowser, launchPersistent, startServer } from "./harness.mjs";

const SUB_PATH = "/folio/";
/** The numerique profile puts the seed's images on its site; the test plays that site. */
const REMOTE_IMAGES = "https://www.numerique.gouv.fr/uploads/**";
const REMOTE_IMAGE = readFileSync(`${ROOT}www/articles/images/route-map.png`);

/**
 * The server's switches: gone dark (every connection dropped), a new build (a changed version),
 * articles edited on the site (path → new text).
 */
const server = { down: false, version: null, reachedWhileDown: [], edited: {} };
let site, elsewhere, browser, context, page;
const pageErrors = [];
/** Each test's limit: a service worker that never takes control should fail the run, not hang it. */
const LIMIT = { timeout: 90_000 };

function intercept(path, request, response) {
  if (server.down) {
    server.reachedWhileDown.push(path);
    request.socket.destroy();
    return true;
  }
  if (server.edited[path]) {
    response.writeHead(200, { "content-type": "text/markdown; charset=utf-8", "cache-control": "no-cache" }).end(server.edited[path]);
    return true;
  }
  if (path === "/pkg/precache.js" && server.version) {
    // The same files under a new version: what a new deployment looks like to the browser.
    const text = readFileSync(`${ROOT}pkg/precache.js`, "utf8").replace(/"version": "\w+"/, `"version": "${server.version}"`);
    response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }).end(text);
    return true;
  }
  return false;
}

/** pkg/precache.js as the service worker reads it. */
function precacheList() {
  const self = {};
  new Function("self", readFileSync(`${ROOT}pkg/precache.js`, "utf8"))(self);
  return self.FOLIO_PRECACHE;
}

/** The listed files a worker in Chromium precaches: of the core's two builds, the one with SIMD. */
const shellInChromium = (list) => list.files.filter((file) => file.simd !== false);

async function newContext() {
  const created = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await created.route(REMOTE_IMAGES, (route) => (server.down
    ? route.abort("internetdisconnected")
    : route.fulfill({ status: 200, contentType: "image/png", headers: { "access-control-allow-origin": "*" }, body: REMOTE_IMAGE })));
  return created;
}

async function newPage(ofContext = context) {
  const opened = await ofContext.newPage();
  opened.on("pageerror", (error) => pageErrors.push(`${opened.url()}: ${error.message}`));
  return opened;
}

/** Goes to a reader URL (relative to the site) and waits until the page has done its work. */
async function visit(target, path) {
  await target.goto(new URL(path, site).href);
  await target.waitForSelector("body[data-ready=true]");
}

/** Waits until a service worker controls the page; resolves to its scope. */
const controlled = (target) => target.evaluate(async () => {
  const registration = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
  }
  return registration.scope;
});

/** Every image of the article has arrived and decoded (none broken). */
const articleImages = (target) => target.evaluate(async () => {
  const images = Array.from(document.querySelectorAll("#article img"));
  await Promise.all(images.map((img) => img.decode().catch(() => {})));
  return images.map((img) => ({ src: img.src, width: img.naturalWidth }));
});

const feedLink = (target, title) => target.locator("#feed-list a", { hasText: title });
const SEED_TITLE = "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert";
const TRAIN_TITLE = "Reading on the train: articles that stay with you offline";
const OPENED_ONLY = "tests/e2e/fixtures/articles/ogp-societe-civile.md";

before(async () => {
  const started = await startServer({ base: SUB_PATH, intercept });
  site = started.url;
  server.stop = started.stop;
  elsewhere = await startServer({ root: `${ROOT}tests/e2e/fixtures/articles`, headers: { "access-control-allow-origin": "*" } });
  browser = await launchBrowser();
  context = await newContext();
  page = await newPage();
});

after(async () => {
  await browser?.close();
  await server.stop?.();
  await elsewhere?.stop();
});

test("the service worker installs under the sub-path and precaches the app shell, byte for byte", LIMIT, async () => {
  await visit(page, "www/reader.html");
  assert.equal(await controlled(page), site, "the scope should be the site's root under its sub-path, so the editor is covered too");
  const list = precacheList();
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const shell = await caches.open(names.find((name) => name.startsWith("folio-shell-")));
    const files = [];
    let bytes = 0;
    for (const request of await shell.keys()) {
      const size = (await (await shell.match(request)).blob()).size;
      files.push({ url: request.url, size });
      bytes += size;
    }
    return { names, files, bytes };
  });
  const shell = shellInChromium(list);
  assert.ok(shell.length < list.files.length, "the list should name the build without SIMD too");
  assert.deepEqual(cached.names, [`folio-shell-${list.version}`]);
  assert.deepEqual(cached.files.map((file) => file.url).sort(), shell.map((file) => new URL(file.url, site).href).sort());
  assert.equal(cached.bytes, shell.reduce((sum, file) => sum + file.bytes, 0), "the cached shell should be byte for byte the listed files");
  for (const path of ["www/reader.html", "index.html", "pkg/simd/folio_bg.wasm", "pkg/simd/folio_rare_bg.wasm", "www/manifest.webmanifest", "www/icons/icon-192.png"]) {
    assert.ok(shell.some((file) => file.url === path), `${path} should be precached`);
  }
  assert.ok(!shell.some((file) => file.url === "pkg/folio_bg.wasm"), "the build without SIMD should not be precached");
  assert.match(await page.locator("#version").textContent(), new RegExp(`Folio ${list.version} · works offline`));
  writeFileSync(`${ARTIFACTS}/reader-precache.json`, JSON.stringify({
    version: list.version, files: list.files.length, bytesListed: list.bytes, bytesInCacheStorage: cached.bytes,
    largest: [...list.files].sort((a, b) => b.bytes - a.bytes).slice(0, 3).map(({ url, bytes }) => ({ url, bytes })),
  }, null, 1));

  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  assert.equal(manifest.url, `${site}www/manifest.webmanifest`);
  await cdp.detach();
});

test("the reader is installable: an ordinary profile finds nothing against installing it", LIMIT, async () => {
  // A browser context is an incognito-like profile, where Chromium stops at "in-incognito".
  const dir = mkdtempSync(join(tmpdir(), "folio-install-"));
  const profile = await launchPersistent(dir);
  try {
    const reader = profile.pages()[0] ?? (await profile.newPage());
    await visit(reader, "www/reader.html");
    await controlled(reader);
    const cdp = await profile.newCDPSession(reader);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    const { url, errors } = await cdp.send("Page.getAppManifest");
    assert.equal(url, `${site}www/manifest.webmanifest`);
    assert.deepEqual(errors, []);
  } finally {
    await profile.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two articles from the demo feed are read with their site profiles and saved; the library lists them", LIMIT, async () => {
  for (const [title, date, images, lang] of [[SEED_TITLE, /23 décembre 2016/, 3, "fr"], [TRAIN_TITLE, /May 14, 2024/, 2, "en"]]) {
    await visit(page, "www/reader.html");
    // Each title in the list is read in its language: the article's own, or its profile's.
    assert.equal(await feedLink(page, title).getAttribute("lang"), lang, title);
    assert.equal(await page.locator("#feed-title").getAttribute("lang"), "en");
    await feedLink(page, title).click();
    await page.waitForSelector("body[data-ready=true][data-view=article]");
    assert.equal(await page.locator("#article h1").textContent(), title);
    assert.match(await page.locator("#article .article-date").textContent(), date);
    const shown = await articleImages(page);
    assert.equal(shown.length, images, `${title}: ${JSON.stringify(shown)}`);
    assert.ok(shown.every((img) => img.width > 0), `${title}: every image should load: ${JSON.stringify(shown)}`);
    assert.match(await page.locator("#article-status").textContent(), /min read/);
    await page.locator("#save").click();
    await page.waitForSelector("body[data-saved=true]");
    assert.match(await page.locator("#notice").textContent(), /^Saved for offline reading\./);
    assert.equal(await page.locator("#save").textContent(), "Remove from library");
  }
  // The second one's images: the hero (root-relative, made a URL of the site the feed names) and a
  // figure given relative to the article, both under the sub-path.
  const trainImages = (await articleImages(page)).map((img) => img.src);
  assert.deepEqual(trainImages, [`${site}www/articles/images/train-window.png`, `${site}www/articles/images/route-map.png`]);
  await page.screenshot({ path: `${ARTIFACTS}/reader-article.png` });

  // Opened once, never saved: stale-while-revalidate keeps it for later.
  await visit(page, `www/reader.html?url=${encodeURIComponent(site + OPENED_ONLY)}&profile=numerique`);
  assert.equal(await page.locator("#article h1").textContent(), SEED_TITLE);
  assert.equal(await page.getAttribute("body", "data-saved"), "false");

  await visit(page, "www/reader.html#library");
  const items = page.locator(".library-item");
  assert.equal(await items.count(), 2);
  assert.deepEqual(await page.locator(".library-title").allTextContents(), [TRAIN_TITLE, SEED_TITLE]);
  const metas = await page.locator(".library-meta").allTextContents();
  assert.match(metas[0], /May 14, 2024 · \d+ min read · \d+ KB/);
  assert.match(metas[1], /23 décembre 2016 · \d+ min read/);
  assert.match(await page.locator(".reading-time").first().getAttribute("title"), /^\d+ words$/);
  const heroes = await page.locator(".library-hero").evaluateAll((imgs) => Promise.all(imgs.map((img) => img.decode().then(() => img.naturalWidth, () => 0))));
  assert.ok(heroes.length === 2 && heroes.every((width) => width > 0), `hero images: ${heroes}`);
  assert.match(await page.locator("#storage").textContent(), /^Saved articles and the app use [\d.]+ [KM]B of the [\d.]+ [KMGT]B this browser allows/);
  // Headless Chromium does not grant persistent storage: the reader says what that means.
  assert.match(await page.locator("#storage").textContent(), /Storage is (persistent: the browser keeps it|not persistent: the browser may clear saved articles)/);
  assert.equal(await page.locator("#feed-list .badge").count(), 2);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/reader-library.png`, fullPage: true });
});

test("reading comfort: text size, theme following the system or chosen, reading position, print", LIMIT, async () => {
  await visit(page, `www/reader.html?url=${encodeURIComponent(`${site}www/articles/reading-offline.md`)}`);
  const bodySize = () => page.locator("#article .article-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const barSize = () => page.locator(".reader-bar").evaluate((bar) => parseFloat(getComputedStyle(bar).fontSize));
  const [normal, bar] = [await bodySize(), await barSize()];
  await page.locator("#larger").click();
  await page.locator("#larger").click();
  assert.equal(await page.locator("#scale").textContent(), "125%");
  assert.ok(Math.abs(await bodySize() - normal * 1.25) < 0.5, "the article's text should be 25% larger");
  assert.ok(Math.abs(await barSize() - bar) < 0.5, "the bar should keep its size");

  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await background(), "rgb(21, 21, 27)", "dark when the system is dark");
  await page.selectOption("#theme", "light");
  assert.equal(await background(), "rgb(255, 255, 255)", "light when chosen, whatever the system");
  await page.emulateMedia({ colorScheme: "light" });
  await page.selectOption("#theme", "dark");
  assert.equal(await background(), "rgb(21, 21, 27)", "dark when chosen on a light system");
  const ink = await page.locator("#article h1").evaluate((h1) => getComputedStyle(h1).color);
  assert.equal(ink, "rgb(232, 232, 232)", "the article takes the theme's ink");

  // Leave the article at its second section, and come back.
  const heading = page.locator("#article h2", { hasText: "Small things that make reading comfortable" });
  await heading.evaluate((h2) => window.scrollTo(0, h2.getBoundingClientRect().top + window.scrollY - 10));
  const left = await heading.evaluate((h2) => h2.getBoundingClientRect().top);
  assert.ok(Math.abs(left - 10) < 2, `the heading should be at the top before leaving (${left}px)`);
  await page.waitForTimeout(400);
  await visit(page, `www/reader.html?url=${encodeURIComponent(`${site}www/articles/reading-offline.md`)}`);
  const back = await heading.evaluate((h2) => h2.getBoundingClientRect().top);
  assert.ok(Math.abs(back - left) < 20, `the reading position should be restored (heading at ${back}px, was ${left}px)`);
  assert.equal(await page.locator("#scale").textContent(), "125%", "the size should be remembered");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark", "the theme should be remembered");
  await page.screenshot({ path: `${ARTIFACTS}/reader-dark.png` });

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".reader-bar").evaluate((el) => getComputedStyle(el).display), "none");
  assert.equal(await page.locator(".article-tools").evaluate((el) => getComputedStyle(el).display), "none");
  assert.equal(await page.locator("#article h1").evaluate((h1) => getComputedStyle(h1).color), "rgb(0, 0, 0)");
  await page.pdf({ path: `${ARTIFACTS}/reader-print.pdf` });
  await page.emulateMedia({ media: "screen" });
  await page.selectOption("#theme", "system");
  await page.locator("#smaller").click();
  await page.locator("#smaller").click();
  assert.equal(await page.locator("#scale").textContent(), "100%");
});

test("offline, with the server gone too: the reader, both saved articles with their images, an article opened before, the editor", LIMIT, async () => {
  await context.setOffline(true);
  await page.waitForTimeout(300); // requests already on their way (a background refresh) land first
  server.down = true;
  try {
    await page.goto(new URL("www/reader.html#library", site).href);
    await page.waitForSelector("body[data-ready=true]");
    assert.ok(await page.locator("#network").isVisible(), "the bar should say the reader is offline");
    assert.equal(await page.getAttribute("#network", "role"), "status", "and tell a screen reader so");
    assert.deepEqual(await page.locator(".library-title").allTextContents(), [TRAIN_TITLE, SEED_TITLE]);
    const heroes = await page.locator(".library-hero").evaluateAll((imgs) => Promise.all(imgs.map((img) => img.decode().then(() => img.naturalWidth, () => 0))));
    assert.ok(heroes.every((width) => width > 0), `hero images offline: ${heroes}`);

    for (const [title, images] of [[SEED_TITLE, 3], [TRAIN_TITLE, 2]]) {
      await visit(page, "www/reader.html#library");
      await page.locator(".library-title", { hasText: title }).click();
      await page.waitForSelector("body[data-ready=true][data-view=article]");
      assert.equal(await page.locator("#article h1").textContent(), title);
      const shown = await articleImages(page);
      assert.equal(shown.length, images);
      assert.ok(shown.every((img) => img.width > 0), `${title} offline: ${JSON.stringify(shown)}`);
      assert.equal(await page.getAttribute("body", "data-saved"), "true");
    }

    await visit(page, `www/reader.html?url=${encodeURIComponent(site + OPENED_ONLY)}&profile=numerique`);
    assert.equal(await page.locator("#article h1").textContent(), SEED_TITLE, "an article opened once should open offline");

    await visit(page, `www/reader.html?url=${encodeURIComponent(`${site}www/articles/never-opened.md`)}`);
    assert.match(await page.locator("#article-error").textContent(), /cannot be shown: you are offline, and this article was neither saved nor opened here before/);

    for (const editor of ["", "index.html"]) {
      await visit(page, editor);
      await page.locator("#preview h1").waitFor();
      assert.equal(await page.locator("#preview h1").textContent(), SEED_TITLE, `the editor at "${editor}" should work offline`);
    }
    await page.locator("#source").fill("---\ntitle: Written offline\n---\n\nStill rendering.\n");
    await page.locator("#preview h1", { hasText: "Written offline" }).waitFor();
    // Chromium's own update checks of the worker script are not held by the offline emulation: they
    // reach the server gone dark, fail, and the installed version carries on. Nothing else may.
    const updateChecks = new Set(["/sw.js", "/pkg/precache.js", "/www/sw.js"]);
    assert.deepEqual(server.reachedWhileDown.filter((path) => !updateChecks.has(path)), [], "nothing else should have reached the network");
  } finally {
    server.down = false;
    await context.setOffline(false);
  }
});

test("a shell cache lost in part is filled again by the next visit online, and the reader and the editor work offline again", LIMIT, async () => {
  assert.ok(!(await page.locator("#network").isVisible()), "online again, the bar should not say offline");
  const list = precacheList();
  const { version } = list;
  const files = shellInChromium(list);
  const shellSize = () => page.evaluate(async (name) => (await caches.has(name) ? (await (await caches.open(name)).keys()).length : 0), `folio-shell-${version}`);
  await visit(page, "www/reader.html#library");
  await page.evaluate((name) => caches.delete(name), `folio-shell-${version}`);
  assert.equal(await shellSize(), 0);
  await visit(page, "www/reader.html"); // a new document (not the fragment alone), asked of the worker
  for (const waited = Date.now(); (await shellSize()) < files.length; await page.waitForTimeout(100)) {
    assert.ok(Date.now() - waited < 30_000, `the shell should be cached again: ${await shellSize()} of ${files.length} files`);
  }
  await context.setOffline(true);
  server.down = true;
  try {
    await visit(page, "www/reader.html#library");
    assert.deepEqual(await page.locator(".library-title").allTextContents(), [TRAIN_TITLE, SEED_TITLE]);
    await visit(page, "index.html"); // never visited since the loss
    await page.locator("#preview h1").waitFor();
    await page.locator("#source").fill("---\ntitle: After the loss\n---\n\nStill rendering.\n");
    await page.locator("#preview h1", { hasText: "After the loss" }).waitFor();
  } finally {
    server.down = false;
    await context.setOffline(false);
  }
});

test("a new version installs while pages are open: it is offered, nothing breaks, and it takes over only when asked", LIMIT, async () => {
  const old = precacheList().version;
  const article = `www/reader.html?url=${encodeURIComponent(`${site}www/articles/reading-offline.md`)}`;
  await visit(page, article);
  const editor = await newPage();
  await visit(editor, "index.html");
  await editor.evaluate(() => { window.stillTheSamePage = true; });
  // An article of the site whose ids are the reader's own: `version`, `folio-update`.
  const ownIds = await newPage();
  await visit(ownIds, `www/reader.html?url=${encodeURIComponent(`${site}tests/e2e/fixtures/articles/own-ids.md`)}`);

  server.version = "0123456789abcdef";
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.locator("#folio-update");
  await banner.waitFor();
  assert.match(await banner.textContent(), /A new version of Folio is ready\./);
  await ownIds.locator("div.folio-update").waitFor(); // not stopped by the article's element of that id

  // Meanwhile the open pages are the old version's, and work.
  assert.equal(await page.getAttribute("#version", "data-version"), old);
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((name) => name.startsWith("folio-shell-")).sort(),
    [`folio-shell-${server.version}`, `folio-shell-${old}`].sort(), "the new version should install beside the old one");
  assert.equal(await page.locator("#article h1").textContent(), TRAIN_TITLE);
  await editor.locator("#source").fill("# Edited while an update waits\n");
  await editor.locator("#preview h1", { hasText: "Edited while an update waits" }).waitFor();
  await visit(page, "www/reader.html#library");
  assert.equal(await page.locator(".library-item").count(), 2);
  await page.locator("#folio-update").waitFor(); // offered again on the next page, not forced
  assert.equal(await page.getAttribute("#version", "data-version"), old);
  await visit(page, article);
  await page.locator("#folio-update").waitFor();

  // The reader accepts: this page reloads into the new version, in place.
  await Promise.all([page.waitForNavigation(), page.locator("#folio-update button", { hasText: "Reload" }).click()]);
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForFunction((version) => document.getElementById("version").dataset.version === version, server.version);
  // The page left open learns the new version in its footer, not in the article's heading of that id.
  await ownIds.waitForFunction((version) => document.querySelector("footer #version").dataset.version === version, server.version);
  assert.equal(await ownIds.locator("#article h2").textContent(), "Version");
  await ownIds.close();
  assert.equal(await page.locator("#folio-update").count(), 0);
  assert.equal(await page.locator("#article h1").textContent(), TRAIN_TITLE);
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((name) => name.startsWith("folio-shell-")), [`folio-shell-${server.version}`]);
  // The editor was not reloaded under its writer, still renders, and still offers the reload.
  assert.equal(await editor.evaluate(() => window.stillTheSamePage), true);
  await editor.locator("#source").fill("# Still editing after the update\n");
  await editor.locator("#preview h1", { hasText: "Still editing after the update" }).waitFor();
  await Promise.all([editor.waitForNavigation(), editor.locator("#folio-update button", { hasText: "Reload" }).click()]);
  await editor.locator("#preview h1").waitFor();
  assert.equal(await editor.evaluate(() => window.stillTheSamePage), undefined);
  await editor.close();
});

test("an article opened before shows its copy at once, and the reader tells when the site has a newer one", LIMIT, async () => {
  const opened = `www/reader.html?url=${encodeURIComponent(site + OPENED_ONLY)}&profile=numerique`;
  server.edited[`/${OPENED_ONLY}`] = "---\ntitle: Edited on the site\n---\n\nA newer text.\n";
  try {
    await visit(page, opened);
    assert.equal(await page.locator("#article h1").textContent(), SEED_TITLE, "the copy answers first");
    await page.locator("#notice", { hasText: "A newer version of this article has arrived." }).waitFor();
    await Promise.all([page.waitForNavigation(), page.locator("#notice button", { hasText: "Show it" }).click()]);
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.locator("#article h1").textContent(), "Edited on the site");

    // A saved article keeps its saved text until the reader takes the new one, which is then saved.
    const saved = `www/reader.html?url=${encodeURIComponent(`${site}www/articles/reading-offline.md`)}`;
    server.edited["/www/articles/reading-offline.md"] = readFileSync(`${ROOT}www/articles/reading-offline.md`, "utf8")
      .replace("title: \"Reading on the train: articles that stay with you offline\"", "title: \"Reading on the train, second edition\"");
    await visit(page, saved);
    assert.equal(await page.locator("#article h1").textContent(), TRAIN_TITLE);
    await page.locator("#notice", { hasText: "This article has changed since you saved it." }).waitFor();
    await page.locator("#notice button", { hasText: "Show and save the new version" }).click();
    await page.locator("#article h1", { hasText: "Reading on the train, second edition" }).waitFor();
    await page.locator("#notice", { hasText: "Saved for offline reading." }).waitFor();
    delete server.edited["/www/articles/reading-offline.md"];
    await visit(page, "www/reader.html#library");
    assert.deepEqual(await page.locator(".library-title").allTextContents(), ["Reading on the train, second edition", SEED_TITLE]);
  } finally {
    server.edited = {};
  }
});

test("a full storage: the save fails with a clear message, and nothing already saved is lost", LIMIT, async () => {
  const fresh = await newContext();
  const reader = await newPage(fresh);
  try {
    await visit(reader, "www/reader.html");
    await controlled(reader);
    await feedLink(reader, SEED_TITLE).click();
    await reader.waitForSelector("body[data-ready=true][data-view=article]");
    await reader.locator("#save").click();
    await reader.waitForSelector("body[data-saved=true]");

    // A small quota, just above what is stored now, then filled past it.
    const { usage } = await reader.evaluate(() => navigator.storage.estimate());
    const cdp = await fresh.newCDPSession(reader);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(site).origin, quotaSize: usage + 256 * 1024 });
    const filled = await reader.evaluate(async () => {
      const filler = await caches.open("test-filler");
      for (let i = 0; i < 1000; i++) {
        try {
          await filler.put(`/filler/${i}`, new Response(new Uint8Array(32 * 1024)));
        } catch (error) {
          return { chunks: i, error: error.name };
        }
      }
      return { chunks: 1000, error: null };
    });
    assert.equal(filled.error, "QuotaExceededError", JSON.stringify(filled));

    await visit(reader, "www/reader.html");
    await feedLink(reader, TRAIN_TITLE).click();
    await reader.waitForSelector("body[data-ready=true][data-view=article]");
    await reader.locator("#save").click();
    await reader.locator(".notice-error").waitFor();
    const message = await reader.locator("#notice").textContent();
    assert.match(message, /^Storage is full: “Reading on the train: articles that stay with you offline” was not saved\. The articles already in your library are kept\./);
    assert.equal(await reader.getAttribute("#notice", "role"), "alert");
    assert.equal(await reader.getAttribute("body", "data-saved"), "false");
    assert.equal(await reader.locator("#save").textContent(), "Save for offline");
    await reader.screenshot({ path: `${ARTIFACTS}/reader-storage-full.png` });

    // A save that stores an image, then fails on the next, takes the first one out again.
    const rollback = await reader.evaluate(async (base) => {
      const library = await import(new URL("www/reader/library.js", base).href);
      const url = new URL("rollback.md", base).href;
      const images = [new URL("www/icons/favicon-32.png", base).href, new URL("pkg/folio_bg.wasm", base).href];
      try {
        await library.save({ url, entry: { url, profile: "jekyll" }, source: "x", html: "<p>x</p>", title: "x", images });
        return { saved: true };
      } catch (error) {
        const stored = (await (await caches.open("folio-library")).keys()).map((request) => request.url);
        return { error: error.name, kept: images.filter((image) => stored.includes(image)), record: (await library.get(url)) ?? null };
      }
    }, site);
    assert.deepEqual(rollback, { error: "StorageFullError", kept: [], record: null });

    // Nothing half-saved, nothing lost: the library still holds the first article, whole.
    const libraryImages = await reader.evaluate(async () => (await (await caches.open("folio-library")).keys()).map((r) => r.url));
    assert.ok(!libraryImages.some((url) => url.includes("/www/articles/images/")), `no image of the failed save should stay: ${libraryImages}`);
    await visit(reader, "www/reader.html#library");
    assert.deepEqual(await reader.locator(".library-title").allTextContents(), [SEED_TITLE]);
    await reader.locator(".library-title").click();
    await reader.waitForSelector("body[data-ready=true][data-view=article]");
    assert.equal(await reader.locator("#article h1").textContent(), SEED_TITLE);
    assert.ok((await articleImages(reader)).every((img) => img.width > 0));

    // Room again: the same save works.
    await reader.evaluate(() => caches.delete("test-filler"));
    await visit(reader, `www/reader.html?url=${encodeURIComponent(`${site}www/articles/reading-offline.md`)}&feed=${encodeURIComponent(`${site}www/feeds/demo.json`)}`);
    await reader.locator("#save").click();
    await reader.waitForSelector("body[data-saved=true]");
    await cdp.detach();

    // Removing from the library takes the article's images with it, and only them.
    await visit(reader, "www/reader.html#library");
    await reader.locator(".library-item", { hasText: SEED_TITLE }).locator("button.remove").click();
    await reader.locator("#notice", { hasText: "Removed from the library." }).waitFor();
    assert.deepEqual(await reader.locator(".library-title").allTextContents(), [TRAIN_TITLE]);
    const kept = await reader.evaluate(async () => (await (await caches.open("folio-library")).keys()).map((r) => new URL(r.url).pathname));
    assert.deepEqual(kept.sort(), [`${SUB_PATH}www/articles/images/route-map.png`, `${SUB_PATH}www/articles/images/train-window.png`]);
  } finally {
    await fresh.close();
  }
});

test("an article opened on the very first visit, before the service worker took control, opens offline too", LIMIT, async () => {
  const firstVisit = await newContext();
  try {
    const reader = await newPage(firstVisit);
    const url = `${elsewhere.url}from-elsewhere.md`;
    await visit(reader, `www/reader.html?url=${encodeURIComponent(url)}`);
    assert.equal(await reader.locator("#article h1").textContent(), "An article from another site");
    await controlled(reader);
    // The worker keeps it in the background (a few seconds at most); a reader goes offline later.
    await reader.evaluate(async (url) => {
      const articles = await caches.open("folio-articles");
      for (let wait = 0; wait < 5000 && !(await articles.match(url)); wait += 50) await new Promise((ok) => setTimeout(ok, 50));
    }, url);
    await firstVisit.setOffline(true);
    await visit(reader, `www/reader.html?url=${encodeURIComponent(url)}`);
    assert.equal(await reader.locator("#article h1").textContent(), "An article from another site");
  } finally {
    await firstVisit.close();
  }
});

test("an article from another origin is rendered in safe mode", LIMIT, async () => {
  await visit(page, `www/reader.html?url=${encodeURIComponent(`${elsewhere.url}from-elsewhere.md`)}`);
  assert.equal(await page.locator("#article h1").textContent(), "An article from another site");
  assert.match(await page.locator("#article-status").textContent(), /safe mode/);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("#article [onerror]").count(), 0);
  assert.equal(await page.locator("#article script").count(), 0);
  const href = await page.locator("#article a").first().getAttribute("href");
  assert.ok(!href || !href.startsWith("javascript:"), href);
});

test("an address whose base or profile URL is a script's cannot make the site's article link to script", LIMIT, async () => {
  const script = "javascript:window.pwned=1;x=";
  const article = encodeURIComponent(`${site}tests/e2e/fixtures/articles/site-links.md`);
  for (const query of [`base=${encodeURIComponent(script)}`, `profile=${encodeURIComponent(JSON.stringify({ url: script }))}`]) {
    await visit(page, `www/reader.html?url=${article}&${query}`);
    assert.equal(await page.locator("#article h1").textContent(), "Links to the site", query);
    // Same origin, so not in safe mode: the site's links are left as written instead.
    const hrefs = await page.locator("#article a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(hrefs, ["/about/", `${site}tests/e2e/fixtures/articles/next.md`], query);
  }
});

/** Nothing the article holds ran or stayed able to run; the status says safe mode, and why. */
async function renderedSafe(why) {
  assert.match(await page.locator("#article-status").textContent(), new RegExp(`safe mode \\(${why}\\)`));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("#article [onerror]").count(), 0);
}

test("a profile with kramdown options from the address bar or another site's feed renders the site's article in safe mode", LIMIT, async () => {
  // kramdown writes footnote_prefix into the HTML as it is, and footnote_backlink is HTML.
  const profile = JSON.stringify({ kramdown: { footnote_prefix: '"><img src=x onerror="window.pwned=1">' } });
  const article = `${site}tests/e2e/fixtures/articles/with-note.md`;
  await visit(page, `www/reader.html?url=${encodeURIComponent(article)}&profile=${encodeURIComponent(profile)}`);
  assert.equal(await page.locator("#article h1").textContent(), "An article with a note");
  await renderedSafe("a profile not from this site");

  const feed = `${elsewhere.url}feed.json`;
  await context.route(feed, (route) => route.fulfill({
    status: 200,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
    body: JSON.stringify({ title: "Elsewhere", articles: [{ url: article, profile: JSON.parse(profile) }] }),
  }));
  try {
    await visit(page, `www/reader.html?url=${encodeURIComponent(article)}&feed=${encodeURIComponent(feed)}`);
    assert.equal(await page.locator("#article h1").textContent(), "An article with a note");
    await renderedSafe("a profile not from this site");
  } finally {
    await context.unroute(feed);
  }
});

test("an article the site's address redirects to another origin is rendered in safe mode", LIMIT, async () => {
  const out = `${site}out?to=elsewhere`;
  await context.route(out, (route) => route.fulfill({ status: 302, headers: { location: `${elsewhere.url}from-elsewhere.md` } }));
  try {
    await visit(page, `www/reader.html?url=${encodeURIComponent(out)}`);
    assert.equal(await page.locator("#article h1").textContent(), "An article from another site");
    await renderedSafe("an article from another site");
  } finally {
    await context.unroute(out);
  }
});

test("a page served as HTML in any case, or as XHTML, is not an article", LIMIT, async () => {
  await context.route(`${elsewhere.url}typed.md?*`, (route) => route.fulfill({
    status: 200,
    headers: { "content-type": new URL(route.request().url()).searchParams.get("type"), "access-control-allow-origin": "*" },
    body: "<!DOCTYPE html><html><body><h1>A page</h1></body></html>",
  }));
  for (const [type, shown] of [["Text/HTML; charset=UTF-8", "text/html"], ["application/xhtml+xml", "application/xhtml+xml"]]) {
    await visit(page, `www/reader.html?url=${encodeURIComponent(`${elsewhere.url}typed.md?type=${encodeURIComponent(type)}`)}`);
    assert.match(await page.locator("#article-error").textContent(), new RegExp(`cannot be shown: this is not an article \\(${shown.replace("+", "\\+")}\\)`));
  }
  await context.unroute(`${elsewhere.url}typed.md?*`);
});

test("saved images that no saved article shows are taken out: after a removal stopped half-way, or the browser cleared the articles alone", LIMIT, async () => {
  const stored = () => page.evaluate(async () => (await (await caches.open("folio-library")).keys()).map((request) => request.url).sort());
  await visit(page, "www/reader.html#library");
  const shown = await stored();
  assert.ok(shown.length > 0, "the saved articles' images should be in the library");

  const stray = new URL("www/icons/icon-192.png", site).href;
  await page.evaluate(async (url) => (await caches.open("folio-library")).put(url, new Response("an image of no saved article")), stray);
  await visit(page, "www/reader.html");
  assert.deepEqual(await stored(), shown, "the stray image should go, the saved articles' stay");

  // A browser setting that clears a site's IndexedDB and not its Cache Storage, while the reader is open.
  await page.evaluate(() => new Promise((ok, fail) => {
    const request = indexedDB.deleteDatabase("folio-reader");
    request.onsuccess = ok;
    request.onerror = () => fail(request.error);
  }));
  await visit(page, "www/reader.html");
  assert.deepEqual(await stored(), []);
  assert.equal(await page.locator(".library-title").count(), 0);
});

test("no page threw", LIMIT, () => {
  assert.deepEqual(pageErrors, []);
});
