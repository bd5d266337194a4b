// The library: articles saved for offline reading. Each record (the source, the rendered page and
// what the list shows) lives in IndexedDB; the article's images live in Cache Storage, in
// "folio-library", where the service worker looks first for images. A save is all or nothing: if
// anything fails, the images it added are taken out again, and other saved articles are untouched.
// Saves, removals and the sweep of images no article shows take one lock across the site's tabs, so
// that none of them takes out an image another is adding.
import { StorageFullError, StorageRefusedError, isQuotaError } from "./storage.js";

const DATABASE = "folio-reader";
const STORE = "articles";
const IMAGES = "folio-library";

/**
 * A saved article.
 * `from`: where the source was read (redirects followed), for safe mode (see `needsSafeMode`).
 * @typedef {{ url: string, entry: import("./article.js").Entry, source: string, from?: string, pageHtml: string,
 *   title: string, date: string | null, dateText: string | null, lang: string,
 *   hero: { src: string, alt: string } | null, words: number, minutes: number,
 *   images: string[], missingImages: string[], bytes: number, savedAt: string }} Saved
 */

let opening;
function database() {
  opening ??= new Promise((ok, fail) => {
    if (typeof indexedDB === "undefined") throw new StorageRefusedError("this browser has no IndexedDB");
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "url" });
    request.onsuccess = () => {
      // Another page deleting or upgrading the database waits for this one to let go of it.
      request.result.onversionchange = () => {
        request.result.close();
        opening = undefined;
      };
      ok(request.result);
    };
    request.onerror = () => fail(new StorageRefusedError(`the browser refuses to store articles here (${request.error?.message ?? "no reason given"})`));
  }).catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Runs `work(store)` in a transaction; resolves to its request's result once the transaction has committed. */
async function transaction(mode, work) {
  const db = await database();
  return new Promise((ok, fail) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => ok(request?.result);
    tx.onabort = () => fail(tx.error ?? request?.error ?? new Error("the browser abandoned the change"));
  });
}

/** Runs `work` while no other tab or call changes the library (Web Locks where the browser has them). */
function exclusively(work) {
  return navigator.locks ? navigator.locks.request(IMAGES, work) : work();
}

async function images() {
  if (typeof caches === "undefined") throw new StorageRefusedError("this page cannot store images (Cache Storage needs a secure origin, https)");
  return caches.open(IMAGES);
}

/** Every saved article, the last saved first. */
export async function list() {
  const all = await transaction("readonly", (store) => store.getAll());
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The saved article at `url`, or undefined. */
export function get(url) {
  return transaction("readonly", (store) => store.get(url));
}

/**
 * Saves a rendered article (www/reader/article.js) with its images.
 * @returns {Promise<{ record: Saved, missing: string[] }>} `missing`: images that could not be fetched
 * @throws {StorageFullError} when the quota is reached; nothing of this article stays stored
 */
export function save(shown) {
  return exclusively(() => saveImagesThenRecord(shown));
}

async function saveImagesThenRecord(shown) {
  const cache = await images();
  const added = [];
  const missing = [];
  let imageBytes = 0;
  try {
    for (const url of shown.images) {
      if (await cache.match(url, { ignoreVary: true })) continue; // kept for another saved article
      const response = await fetchImage(url);
      if (!response) {
        missing.push(url);
        continue;
      }
      if (response.type !== "opaque") imageBytes += (await response.clone().blob()).size;
      await cache.put(url, response);
      added.push(url);
    }
    const record = {
      url: shown.url,
      entry: shown.entry,
      source: shown.source,
      from: shown.from,
      pageHtml: shown.html,
      title: shown.title,
      date: shown.date,
      dateText: shown.dateText,
      lang: shown.lang,
      hero: shown.hero,
      words: shown.words,
      minutes: shown.minutes,
      images: shown.images,
      missingImages: missing,
      bytes: new Blob([shown.source, shown.html]).size + imageBytes,
      savedAt: new Date().toISOString(),
    };
    await transaction("readwrite", (store) => store.put(record));
    return { record, missing };
  } catch (error) {
    await Promise.all(added.map((url) => cache.delete(url, { ignoreVary: true }).catch(() => {})));
    if (isQuotaError(error)) {
      throw new StorageFullError("the storage this browser allows the reader is full");
    }
    throw error;
  }
}

/** The image's response: a copy the service worker already keeps, else the network (CORS if the
 *  server allows it, else an opaque response that only an <img> can use); null if unreachable. */
async function fetchImage(url) {
  const copy = await caches.match(url, { ignoreVary: true });
  if (copy) return copy;
  for (const mode of ["cors", "no-cors"]) {
    try {
      // no-store: the service worker leaves it alone (this copy goes into the library, not its own cache).
      const response = await fetch(url, { mode, cache: "no-store", credentials: "omit" });
      if (response.ok || response.type === "opaque") return response;
      return null;
    } catch {
      // CORS refused, or offline: try the next mode.
    }
  }
  return null;
}

/** Removes a saved article, and its images that no other saved article shows. */
export function remove(url) {
  return exclusively(async () => {
    if (!(await get(url))) return;
    await transaction("readwrite", (store) => store.delete(url));
    await forgetImagesNotShown();
  });
}

/**
 * Takes out the saved images that no saved article shows: those of a removed article, and those
 * left behind when the browser cleared the library's database but not Cache Storage (or a removal
 * stopped half-way), which nothing else would ever take out.
 */
export function forgetUnshownImages() {
  return exclusively(forgetImagesNotShown);
}

async function forgetImagesNotShown() {
  if (typeof caches === "undefined" || !(await caches.has(IMAGES))) return; // nothing saved: no cache made for nothing
  const shown = new Set((await list()).flatMap((record) => record.images.map((image) => new URL(image, document.baseURI).href)));
  const cache = await images();
  await Promise.all((await cache.keys()).filter((request) => !shown.has(request.url)).map((request) => cache.delete(request, { ignoreVary: true })));
}
