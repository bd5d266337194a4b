// The library as the reader sees it: the saved articles (hero image, title, date, reading time,
// size, a remove button) and the storage they and the app use.
import * as library from "./library.js";
import { estimate, formatBytes, persisted } from "./storage.js";

/** The reader's link to an article. */
export const readerLink = (url) => `reader.html?url=${encodeURIComponent(url)}`;

function element(tag, properties = {}, ...children) {
  const el = Object.assign(document.createElement(tag), properties);
  el.append(...children.filter((child) => child != null));
  return el;
}

/** Reading time and its word count, as Folio's core counted them in the body. */
export function readingTimeText({ minutes }) {
  return `${minutes} min read`;
}
export function readingTimeTitle({ words }) {
  return `${words} words`;
}

/**
 * Fills `list` with the saved articles and `storage` with the storage used; `onRemove(url)` is
 * called by each remove button. Resolves to the number of saved articles.
 */
export async function showLibrary({ list, empty, storage, onRemove }) {
  let saved;
  try {
    saved = await library.list();
  } catch (error) {
    list.replaceChildren();
    empty.hidden = false;
    empty.textContent = `The library cannot be opened: ${error.message}.`;
    await showStorage(storage);
    return 0;
  }
  list.replaceChildren(...saved.map((record) => libraryItem(record, onRemove)));
  empty.hidden = saved.length > 0;
  empty.textContent = "Nothing saved yet. Open an article and choose “Save for offline”.";
  await showStorage(storage);
  return saved.length;
}

function libraryItem(record, onRemove) {
  const hero = record.hero
    ? element("img", { className: "library-hero", src: record.hero.src, alt: "", loading: "lazy", decoding: "async" })
    : element("div", { className: "library-hero library-hero-none" });
  const time = record.date
    ? element("time", { dateTime: record.date, textContent: record.dateText ?? record.date })
    : null;
  const reading = element("span", { className: "reading-time", textContent: readingTimeText(record), title: readingTimeTitle(record) });
  const size = element("span", { className: "saved-size", textContent: formatBytes(record.bytes) });
  const missing = record.missingImages?.length
    ? element("span", { className: "missing-images", textContent: `${record.missingImages.length} image(s) not saved` })
    : null;
  const remove = element("button", { type: "button", className: "remove", textContent: "Remove" });
  remove.setAttribute("aria-label", `Remove “${record.title}” from the library`);
  remove.addEventListener("click", () => onRemove(record.url, remove));
  const title = element("a", { className: "library-title", href: readerLink(record.url), textContent: record.title });
  title.lang = record.lang;
  const meta = element("p", { className: "library-meta" }, ...[time, reading, size, missing].filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part])));
  return element("li", { className: "library-item" }, hero, element("div", { className: "library-text" }, title, meta), remove);
}

async function showStorage(storage) {
  const [numbers, kept] = await Promise.all([estimate(), persisted()]);
  const parts = [];
  if (numbers) {
    parts.push(`Saved articles and the app use ${formatBytes(numbers.usage)} of the ${formatBytes(numbers.quota)} this browser allows the reader.`);
  } else {
    parts.push("This browser does not say how much storage the reader uses.");
  }
  if (kept === true) parts.push("Storage is persistent: the browser keeps it when space runs low.");
  if (kept === false) parts.push("Storage is not persistent: the browser may clear saved articles if the device runs low on space.");
  storage.textContent = parts.join(" ");
}
