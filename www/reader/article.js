// An article: its source fetched, rendered by Folio's core as a page with its site's profile,
// its links made to point where the article came from, and its length measured.
import { startComplete, render } from "../folio.js";

/**
 * What the reader knows of an article before fetching it: from a feed, the address bar or the library.
 * `siteProfile`: the profile object came from a feed of this origin.
 * @typedef {{ url: string, title?: string, lang?: string, profile: string | Record<string, unknown>, baseUrl?: string, siteProfile?: boolean }} Entry
 */

/** Why an article cannot be shown; `kind` is offline, network, http, not-article or render. */
export class ArticleError extends Error {
  name = "ArticleError";
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
}

export const isSameOrigin = (url) => new URL(url, location.href).origin === location.origin;

/**
 * Whether an article renders in safe mode: unless both its text and its profile are the site's.
 * Its text is the site's when it came from this origin (`from`: where it was read, redirects
 * followed). A profile given as an object (its kramdown options write HTML: `footnote_backlink`
 * is HTML) is the site's only from a feed of this origin (`entry.siteProfile`), never from the
 * address bar, which anyone can write a link to. A profile's name is a built-in one.
 */
export const needsSafeMode = (from, entry) => !isSameOrigin(from) || (typeof entry.profile === "object" && !entry.siteProfile);

/**
 * The article's text and the URL it was read from (where redirects led); the service worker
 * answers from its copy when there is one.
 */
export async function fetchSource(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (!navigator.onLine) {
      throw new ArticleError("you are offline, and this article was neither saved nor opened here before", "offline");
    }
    throw new ArticleError(`the article could not be fetched (${error.message})`, "network");
  }
  if (!response.ok) throw new ArticleError(`the server answered ${response.status} ${response.statusText}`.trim(), "http");
  // Media types are case-insensitive (Text/HTML is HTML).
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  if (/^(text\/html|application\/xhtml\+xml|image\/|application\/(json|pdf|octet-stream))/.test(type)) {
    throw new ArticleError(`this is not an article (${type.split(";")[0]})`, "not-article");
  }
  return { text: await response.text(), from: response.url || url };
}

/**
 * Renders an article's source as a page with its entry's profile.
 * @param {string} source
 * @param {Entry} entry
 * @param {string} from where the source was read (redirects followed)
 */
export async function renderArticle(source, entry, from) {
  // Offline, the rare code comes from the service worker's cache: it must be in before a render needs it.
  await startComplete();
  const safe = needsSafeMode(from, entry);
  const article = render(source, {
    profile: entry.profile,
    articleUrl: entry.url,
    baseUrl: entry.baseUrl,
    safe,
    page: true,
    // The reader shows the length, not the headers.
    outline: false,
  });
  const fatal = article.diagnostics.find((d) => d.severity === "error" && d.line === 0);
  if (fatal) throw new ArticleError(fatal.message, "render");
  const page = document.createElement("template");
  page.innerHTML = article.pageHtml;
  const length = { words: article.wordCount, minutes: article.readingMinutes };
  return {
    url: entry.url,
    entry,
    source,
    from,
    safe,
    title: article.title ?? entry.title ?? decodeURIComponent(new URL(entry.url).pathname.split("/").pop()),
    date: article.date,
    dateText: article.dateText,
    lang: article.lang,
    hero: article.hero,
    html: page.innerHTML,
    images: [...new Set(Array.from(page.content.querySelectorAll("img[src]"), (img) => img.getAttribute("src")))],
    ...length,
  };
}

