// The reader page (reader.html): opens an article by URL or from a feed, renders it as a page
// with its site's profile, saves it for offline reading, and lists the library. Each concept is
// a module of www/reader/; this file only wires them to the page.
//
//   reader.html                          the home view: open a URL, a feed, the library
//   reader.html?feed=feeds/demo.json     the same, with that feed
//   reader.html?url=URL[&feed=FEED | &profile=NAME|JSON&base=SITE]   one article
import { startComplete } from "./folio.js";
import { activeVersion, keepForOffline, registerServiceWorker } from "./sw-client.js";
import { fetchSource, isSameOrigin, renderArticle } from "./reader/article.js";
import * as comfort from "./reader/comfort.js";
import { loadFeed } from "./reader/feed.js";
import { showFeed } from "./reader/feed-view.js";
import * as library from "./reader/library.js";
import { readerLink, readingTimeText, readingTimeTitle, showLibrary } from "./reader/library-view.js";
import { notice } from "./reader/notice.js";
import { StorageFullError, StorageRefusedError, requestPersistence } from "./reader/storage.js";

// The page's own elements, found once before any article is in the page: an article's ids (its
// heading "Version" is `id="version"`) must not stand in for them.
const elements = new Map(Array.from(document.querySelectorAll("[id]"), (element) => [element.id, element]));
const $ = (id) => elements.get(id) ?? null;
const params = new URLSearchParams(location.search);
const DEFAULT_FEED = "feeds/demo.json";
let shown;      // the article on the page (www/reader/article.js)
let savedCopy;  // its library record, when it is saved
/** Articles the service worker found changed on their site since its copy (it says so in a message). */
const updatedOnSite = new Set();
navigator.serviceWorker?.addEventListener("message", (event) => {
  if (event.data?.type !== "article-updated") return;
  updatedOnSite.add(event.data.url);
  if (event.data.url === shown?.url) offerNewerVersion();
});

comfort.bindControls({ smaller: $("smaller"), larger: $("larger"), readout: $("scale"), themeMenu: $("theme") });
showNetwork();
clearOfBar();
registerServiceWorker().then(showVersion);
navigator.serviceWorker?.addEventListener("controllerchange", showVersion);
startComplete().catch(() => {}); // the .wasm loads while the article is fetched; a failure is reported by the render

try {
  if (params.has("url")) await openArticle(params.get("url"));
  else await openHome();
} catch (error) {
  notice(`Something went wrong: ${error.message}`, "error");
}
document.body.dataset.ready = "true";

// --- The bar: network and version ------------------------------------------------------------

function showNetwork() {
  const badge = $("network");
  // A live region kept in the page, its text changed: a screen reader is told when the network goes.
  const update = () => { badge.textContent = navigator.onLine ? "" : "Offline"; };
  addEventListener("online", update);
  addEventListener("offline", update);
  update();
}

/** What the keyboard's focus (or a #fragment) scrolls up to lands below the sticky bar, not under it. */
function clearOfBar() {
  const bar = document.querySelector(".reader-bar");
  new ResizeObserver(() => { document.documentElement.style.scrollPaddingTop = `${bar.offsetHeight}px`; }).observe(bar);
}

async function showVersion() {
  const version = await activeVersion();
  $("version").textContent = version
    ? `Folio ${version} · works offline`
    : "Folio · not available offline yet (no service worker controls this page)";
  $("version").dataset.version = version ?? "";
}

// --- Home: open a URL, a feed, the library ----------------------------------------------------

async function openHome() {
  document.body.dataset.view = "home";
  $("home-view").hidden = false;
  $("open-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const profile = $("open-profile").value;
    const base = $("open-base").value;
    location.href = `${readerLink($("open-url").value)}&profile=${encodeURIComponent(profile)}${base ? `&base=${encodeURIComponent(base)}` : ""}`;
  });
  $("feed-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const feed = $("feed-url").value;
    history.replaceState(null, "", `?feed=${encodeURIComponent(feed)}`);
    showFeed(feed, { list: $("feed-list"), heading: $("feed-title") });
  });
  const feed = params.get("feed") ?? DEFAULT_FEED;
  $("feed-url").value = feed;
  await Promise.all([
    showFeed(feed, { list: $("feed-list"), heading: $("feed-title") }),
    refreshLibrary(),
    // Housekeeping: where the library cannot be opened, its view already says so.
    library.forgetUnshownImages().catch(() => {}),
  ]);
  if (location.hash === "#library") $("library-heading").focus(); // where "← Library" leads the keyboard too
}

function refreshLibrary() {
  return showLibrary({
    list: $("library-list"),
    empty: $("library-empty"),
    storage: $("storage"),
    onRemove: async (url, button) => {
      button.disabled = true;
      try {
        await library.remove(url);
        notice("Removed from the library.");
      } catch (error) {
        notice(`This article could not be removed: ${error.message}.`, "error");
      }
      await refreshLibrary();
      $("library-heading").focus(); // its button is gone with its item
    },
  });
}

// --- One article ----------------------------------------------------------------------------

async function openArticle(url) {
  document.body.dataset.view = "article";
  $("article-view").hidden = false;
  const address = new URL(url, location.href).href;
  savedCopy = await library.get(address).catch(() => undefined);
  const entry = savedCopy?.entry ?? (await entryFromFeed(params.get("feed"), address)) ?? entryFromParams(address);
  $("article-status").textContent = "Loading the article…";
  $("save").hidden = true;
  // Read before the service worker controls the page (a first visit), the article passes it by.
  const seenByWorker = Boolean(navigator.serviceWorker?.controller);
  try {
    // A copy saved before its origin was kept is taken as read from its own URL.
    const { text, from } = savedCopy ? { text: savedCopy.source, from: savedCopy.from ?? address } : await fetchSource(address);
    await show(await renderArticle(text, entry, from));
    if (!savedCopy && !seenByWorker) keepForOffline(address);
  } catch (error) {
    if (!savedCopy) return showError(error);
    // The saved page itself, as it was rendered when saved.
    await show({ ...savedCopy, html: savedCopy.pageHtml, entry });
    notice(`Shown as saved: it could not be rendered again (${error.message}).`, "error");
  }
  $("save").hidden = false;
  $("save").addEventListener("click", () => {
    if ($("save").getAttribute("aria-disabled") === "true") return; // a save or removal under way
    return savedCopy ? unsave() : save();
  });
  showSaved();
  comfort.trackPosition(address, $("article"));
  offerNewerVersion();
}

/** The feed's entry for `url` (its profile and site), when the article was opened from a feed. */
async function entryFromFeed(feed, url) {
  if (!feed) return null;
  try {
    const read = await loadFeed(new URL(feed, location.href).href);
    const entry = read.articles.find((each) => each.url === url);
    // The site's own feed (where it was read from, redirects followed) speaks for the site's profiles.
    return entry ? { ...entry, siteProfile: isSameOrigin(read.url) } : null;
  } catch {
    return null;
  }
}

function entryFromParams(url) {
  const profile = params.get("profile") ?? "jekyll";
  let parsed = profile;
  if (profile.trimStart().startsWith("{")) {
    try {
      parsed = JSON.parse(profile);
    } catch {
      parsed = "jekyll";
    }
  }
  const base = params.get("base");
  return { url, profile: parsed, baseUrl: base ? new URL(base, location.href).href : undefined };
}

async function show(article) {
  shown = article;
  const target = $("article");
  target.innerHTML = article.html;
  target.lang = article.lang || "";
  // Focus to the article's title, as on a page of its own: a screen reader reads on from there and
  // Tab goes on into the article. Not where the reader has put it already (the bar, while loading).
  const title = target.querySelector("h1");
  if (title && document.activeElement === document.body) {
    title.tabIndex = -1;
    title.focus({ preventScroll: true }); // the reading position is restored below
  }
  document.title = `${article.title} · Folio Reader`;
  $("article-error").hidden = true;
  const safe = !article.safe ? "" : isSameOrigin(article.from ?? article.url) ? " · safe mode (a profile not from this site)" : " · safe mode (an article from another site)";
  const status = $("article-status");
  status.textContent = `${readingTimeText(article)}${safe}`;
  status.title = readingTimeTitle(article);
  // The place is restored once the images have their size (they move everything below them).
  await Promise.race([
    Promise.all(Array.from(target.querySelectorAll("img"), (img) => img.decode().catch(() => {}))),
    new Promise((ok) => setTimeout(ok, 3000)),
  ]);
  comfort.restorePosition(article.url, target);
}

function showError(error) {
  const box = $("article-error");
  box.hidden = false;
  // The page's heading: in this state there is no article to give one.
  const heading = document.createElement("h1");
  heading.textContent = `This article cannot be shown: ${error.message}.`;
  box.replaceChildren(heading);
  if (error.kind !== "offline") {
    const retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = "Try again";
    retry.addEventListener("click", () => location.reload());
    box.append(retry);
  }
  $("article-status").textContent = "";
  document.body.dataset.articleError = error.kind ?? "render";
}

function showSaved() {
  const button = $("save");
  button.removeAttribute("aria-disabled");
  button.textContent = savedCopy ? "Remove from library" : "Save for offline";
  document.body.dataset.saved = savedCopy ? "true" : "false";
}

async function save() {
  const button = $("save");
  // Not `disabled`: that would take the keyboard's focus away from it.
  button.setAttribute("aria-disabled", "true");
  button.textContent = "Saving…";
  try {
    const { record, missing } = await library.save(shown);
    savedCopy = record;
    const lost = missing.length ? ` ${missing.length} image(s) could not be fetched and will be missing offline.` : "";
    notice(`Saved for offline reading.${lost}`);
    const persistent = await requestPersistence();
    if (persistent === false) {
      notice(`Saved for offline reading.${lost} The browser did not make its storage persistent, so it may clear saved articles if the device runs low on space.`);
    }
  } catch (error) {
    if (error instanceof StorageFullError) {
      notice(`Storage is full: “${shown.title}” was not saved. The articles already in your library are kept. Remove articles you have read, or free space in your browser, then try again.`, "error");
    } else if (error instanceof StorageRefusedError) {
      notice(`This browser refuses to save articles: ${error.message}.`, "error");
    } else {
      notice(`“${shown.title}” could not be saved: ${error.message}.`, "error");
    }
  }
  showSaved();
}

async function unsave() {
  $("save").setAttribute("aria-disabled", "true");
  try {
    await library.remove(shown.url);
    savedCopy = undefined;
    notice("Removed from the library.");
  } catch (error) {
    notice(`This article could not be removed: ${error.message}.`, "error");
  }
  showSaved();
}

/**
 * Offers the site's newer text of the article on the page. The service worker answers from its
 * copy and refreshes it from the network; it says so ("article-updated") when the refreshed copy
 * differs. An article read from the network is simply shown again; a saved one is compared with its
 * saved text, and the new text replaces it only if the reader takes it.
 */
async function offerNewerVersion() {
  if (!shown) return;
  if (!savedCopy) {
    if (updatedOnSite.has(shown.url)) {
      notice("A newer version of this article has arrived.", "info", { label: "Show it", run: () => location.reload() });
    }
    return;
  }
  let latest;
  try {
    latest = await fetchSource(shown.url);
  } catch {
    return; // offline, and no copy: the saved text is all there is
  }
  if (latest.text === savedCopy.source) return;
  notice("This article has changed since you saved it.", "info", {
    label: "Show and save the new version",
    run: async () => {
      await show(await renderArticle(latest.text, shown.entry, latest.from));
      await save();
    },
  });
}
