// Folio's service worker, loaded by ../sw.js after pkg/precache.js has set self.FOLIO_PRECACHE.
//
// - The app shell (pages, JavaScript, CSS, the .wasm of the core's build this engine runs, icons,
//   manifest) is precached at install
//   into a cache named after the build's version, each file checked against the hash the build
//   listed, and served cache-first: a version is a consistent set of files. A file missing from
//   that cache later is served from the network while the whole shell is precached again.
// - A new version installs beside the old one and waits: open pages keep the old one, and are
//   told a new one is ready (www/sw-client.js offers it). It takes over only when a page asks
//   ("skip-waiting"), and only then are the old version's files deleted.
// - Articles and feeds (every other GET a page makes with fetch()) are stale-while-revalidate in
//   "folio-articles": a cached copy answers at once and the network refreshes it; a page is told
//   when the refreshed copy differs. Requests made with `cache: "no-store"` are left alone. An
//   article a page read before the worker controlled it is fetched and kept when the page asks.
// - Images: the library's saved images ("folio-library", written by the reader), then those of
//   articles opened before ("folio-articles"), then the network.
// URLs are resolved against the registration's scope, so nothing here names the sub-path.
const { version, files: listed, simdProbe } = self.FOLIO_PRECACHE;
// Of the core's two builds, only the one this engine runs (www/simd.js).
const simd = typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array(simdProbe));
const files = listed.filter((file) => file.simd === undefined || file.simd === simd);
const SCOPE = self.registration.scope;
const SHELL = `folio-shell-${version}`;
const ARTICLES = "folio-articles";
const LIBRARY = "folio-library";
/** Runtime entries kept in "folio-articles" (articles, feeds, images of articles opened). */
const RUNTIME_LIMIT = 200;

const shell = new Map(files.map((file) => [new URL(file.url, SCOPE).href, file]));
// The site's root is the editor.
shell.set(SCOPE, shell.get(new URL("index.html", SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil(precache().catch(async (error) => {
    await caches.delete(SHELL);
    throw error;
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("folio-shell-") && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const { type } = event.data ?? {};
  if (type === "skip-waiting") self.skipWaiting();
  if (type === "version") event.ports[0]?.postMessage({ version, files: files.length });
  if (type === "keep-article") event.waitUntil(keepArticle(event.data.url));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.cache === "no-store") return;
  const url = new URL(request.url);
  url.search = url.hash = "";
  const file = shell.get(url.href);
  if (file) {
    event.respondWith(fromShell(event, new URL(file.url, SCOPE).href));
  } else if (request.destination === "image") {
    event.respondWith(image(event));
  } else if (request.destination === "" && /^https?:$/.test(url.protocol)) {
    event.respondWith(staleWhileRevalidate(event));
  }
});

async function precache() {
  const cache = await caches.open(SHELL);
  await Promise.all(files.map(async (file) => {
    const url = new URL(file.url, SCOPE).href;
    // An unchanged file comes from the version in use; the others from the network, unrevalidated by no HTTP cache.
    const response = (await fromEarlierVersion(url, file.sha256)) ?? (await fetch(url, { cache: "no-cache" }));
    if (!response.ok) throw new Error(`precache: ${file.url} answered ${response.status}`);
    const hash = await sha256(await response.clone().arrayBuffer());
    if (hash !== file.sha256) {
      // The server is in the middle of a deployment: this version is not installed (the old one stays), and
      // the browser tries again at its next update check.
      throw new Error(`precache: ${file.url} is not the file version ${version} lists`);
    }
    await cache.put(url, response);
  }));
}

async function fromEarlierVersion(url, hash) {
  for (const name of await caches.keys()) {
    if (!name.startsWith("folio-shell-") || name === SHELL) continue;
    const response = await (await caches.open(name)).match(url);
    if (response && (await sha256(await response.clone().arrayBuffer())) === hash) return response;
  }
  return undefined;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The shell precached again after its cache lost files, while that runs. */
let restoring;

async function fromShell(event, key) {
  const cached = await caches.match(key, { cacheName: SHELL });
  if (cached) return cached;
  // The cache lost files (storage cleared in part, evicted): the whole shell is fetched and
  // checked again, as at install, so that the next visit offline finds every page.
  restoring ??= precache().catch(() => {}).finally(() => { restoring = undefined; });
  event.waitUntil(restoring);
  return fetch(event.request);
}

async function image(event) {
  const { request } = event;
  const saved = (await caches.match(request, { cacheName: LIBRARY, ignoreVary: true }))
    ?? (await caches.match(request, { cacheName: ARTICLES, ignoreVary: true }));
  if (saved) return saved;
  const response = await fetch(request);
  // Opaque responses (cross-origin images without CORS) are not kept here: browsers count each as
  // megabytes of quota. Saving an article for offline keeps them (www/reader/library.js).
  if (response.ok) event.waitUntil(keep(request, response.clone()));
  return response;
}

async function staleWhileRevalidate(event) {
  const { request } = event;
  const cache = await caches.open(ARTICLES);
  const cached = await cache.match(request, { ignoreVary: true });
  const before = cached?.clone();
  const refresh = fetch(request).then(async (response) => {
    if (response.ok && response.type !== "opaque") {
      await keep(request, response.clone());
      if (before && (await before.text()) !== (await response.clone().text())) {
        const client = await self.clients.get(event.clientId);
        client?.postMessage({ type: "article-updated", url: request.url });
      }
    }
    return response;
  });
  if (!cached) return refresh;
  event.waitUntil(refresh.catch(() => {})); // offline: the cached copy was the answer
  return cached;
}

/**
 * Keeps an article a page read before this worker controlled it (on its first visit, the fetch did
 * not pass through here), so that it opens offline as the articles read since do. The worker
 * fetches it itself: what it keeps is only ever what the network answered.
 */
async function keepArticle(url) {
  try {
    const response = await fetch(url);
    if (response.ok && response.type !== "opaque") await keep(new Request(url), response);
  } catch {
    // Offline already: there is nothing to keep.
  }
}

/** Stores a runtime response; a full storage must never break reading, so failures are dropped. */
async function keep(request, response) {
  try {
    const cache = await caches.open(ARTICLES);
    await cache.put(request, response);
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - RUNTIME_LIMIT))) await cache.delete(old);
  } catch {
    // QuotaExceededError and the like: the page still gets the network's answer.
  }
}
