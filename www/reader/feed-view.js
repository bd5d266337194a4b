// A feed as the reader sees it: its title and its articles, each a link into the reader, marked
// when it is already saved.
import { loadFeed } from "./feed.js";
import * as library from "./library.js";
import { readerLink } from "./library-view.js";

/** Loads the feed at `url` into `list` (and its title into `heading`); a feed that cannot be read says why. */
export async function showFeed(url, { list, heading }) {
  list.setAttribute("aria-busy", "true");
  try {
    const [feed, saved] = await Promise.all([
      loadFeed(new URL(url, location.href).href),
      library.list().then((records) => new Set(records.map((record) => record.url)), () => new Set()),
    ]);
    heading.hidden = false;
    heading.textContent = feed.title;
    // Each title read in its own language (a French title in this English page, say).
    if (feed.lang) heading.lang = feed.lang;
    else heading.removeAttribute("lang");
    list.replaceChildren(...feed.articles.map((entry) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `${readerLink(entry.url)}&feed=${encodeURIComponent(feed.url)}`;
      link.textContent = entry.title ?? entry.url;
      if (entry.title !== undefined && entry.lang) link.lang = entry.lang;
      item.append(link);
      if (saved.has(entry.url)) {
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = "saved";
        item.append(" ", badge);
      }
      return item;
    }));
  } catch (error) {
    heading.hidden = true;
    const item = document.createElement("li");
    item.className = "error";
    item.textContent = `This feed cannot be read: ${error.message}.`;
    list.replaceChildren(item);
  } finally {
    list.removeAttribute("aria-busy");
  }
}
