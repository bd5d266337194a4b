// The pages' side of the service worker (www/sw.js): registers it for the whole site, whatever
// sub-path the site is served under, and offers a new version when one has installed, as a
// banner; the page reloads into it only when the reader chooses to.
const WORKER = new URL("../sw.js", import.meta.url);
const SCOPE = new URL("../", import.meta.url);
/** How often an open page asks whether a new version was published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker; resolves to its registration, or null where there is none
 * (an insecure origin, a browser without service workers, a refusal).
 * @param {{ onUpdate?: (accept: () => void) => void }} [options] what to do when a new version
 *   waits; by default, the banner of `offerUpdate`.
 */
export async function registerServiceWorker({ onUpdate = offerUpdate } = {}) {
  if (!("serviceWorker" in navigator)) return null;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(WORKER, { scope: SCOPE.pathname, updateViaCache: "none" });
  } catch (error) {
    console.warn("Folio: no offline support here:", error);
    return null;
  }
  const waiting = (worker) => {
    // A first install has no controller to replace: nothing to offer.
    if (worker && navigator.serviceWorker.controller) onUpdate(() => accept(worker));
  };
  waiting(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") waiting(worker);
    });
  });
  setInterval(() => registration.update().catch(() => {}), CHECK_EVERY_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
  return registration;
}

/**
 * Has the service worker keep the article at `url` for offline reading, once it is active: for an
 * article this page fetched before the worker controlled it, which the worker did not see.
 */
export function keepForOffline(url) {
  navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ type: "keep-article", url }));
}

/** Lets the waiting version take over, then reloads into it. */
function accept(worker) {
  if (worker.state === "activated" || worker.state === "redundant") {
    // Accepted in another tab already: this page only has to reload.
    location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
  worker.postMessage({ type: "skip-waiting" });
}

/** The version of the service worker controlling this page, or null. */
export function activeVersion() {
  const controller = navigator.serviceWorker?.controller;
  if (!controller) return Promise.resolve(null);
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => ok(event.data.version);
    controller.postMessage({ type: "version" }, [channel.port2]);
    setTimeout(() => ok(null), 2000);
  });
}

/** The banner shown, kept rather than looked up by its id: an article's ids are in the page too. */
let banner;

/** Shows the "new version" banner at the top of the page (once). */
export function offerUpdate(accept) {
  if (banner?.isConnected) return;
  banner = document.createElement("div");
  banner.id = "folio-update";
  banner.className = "folio-update";
  banner.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "A new version of Folio is ready.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => {
    reload.disabled = true;
    accept();
  });
  const later = document.createElement("button");
  later.type = "button";
  later.textContent = "Later";
  later.addEventListener("click", () => banner.remove());
  banner.append(text, " ", reload, " ", later);
  document.body.prepend(banner);
}
