// Feeds: the list of articles a site publishes for the reader, as JSON (format: README.md, "Feeds").
//
//   { "title": "…", "lang": "en", "profile": "numerique", "baseUrl": "…",
//     "articles": [{ "url": "…", "title": "…", "lang": "fr", "profile": "jekyll" | { … }, "baseUrl": "…" }] }
//
// `url` and `baseUrl` may be relative to the feed's own URL; an article's `profile` and `baseUrl`
// default to the feed's. `lang` is the language of a title, so that it is read in its language: an
// article's defaults to its profile object's `lang`, then to the feed's.

/** A feed that cannot be read, with a message for the reader. */
export class FeedError extends Error {
  name = "FeedError";
}

/**
 * Fetches and reads a feed.
 * @returns {Promise<{ url: string, title: string, lang?: string, articles: import("./article.js").Entry[] }>}
 */
export async function loadFeed(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new FeedError(navigator.onLine ? "the feed could not be fetched" : "you are offline, and this feed was not opened before");
  }
  if (!response.ok) throw new FeedError(`the server answered ${response.status} ${response.statusText}`.trim());
  let json;
  try {
    json = await response.json();
  } catch {
    throw new FeedError("this is not a JSON feed");
  }
  return readFeed(json, response.url || url);
}

/** Checks a feed's JSON and resolves its URLs against `feedUrl`. */
export function readFeed(json, feedUrl) {
  if (!json || typeof json !== "object" || !Array.isArray(json.articles)) {
    throw new FeedError('a feed is an object with an "articles" list');
  }
  const absolute = (value, what) => {
    if (value == null || value === "") return undefined;
    if (typeof value !== "string") throw new FeedError(`${what} is not a URL`);
    try {
      return new URL(value, feedUrl).href;
    } catch {
      throw new FeedError(`${what} is not a URL: ${value}`);
    }
  };
  const language = (value, what) => {
    if (value == null || value === "") return undefined;
    if (typeof value !== "string") throw new FeedError(`${what} is not a language tag`);
    return value;
  };
  const feedLang = language(json.lang, "the feed's lang");
  const articles = json.articles.map((item, i) => {
    const entry = typeof item === "string" ? { url: item } : item;
    if (!entry || typeof entry !== "object") throw new FeedError(`article ${i + 1} is neither a URL nor an object`);
    const profile = entry.profile ?? json.profile ?? "jekyll";
    if (typeof profile !== "string" && (typeof profile !== "object" || Array.isArray(profile))) {
      throw new FeedError(`article ${i + 1}: a profile is a name or an object`);
    }
    return {
      url: absolute(entry.url, `article ${i + 1}'s url`) ?? (() => { throw new FeedError(`article ${i + 1} has no url`); })(),
      title: typeof entry.title === "string" ? entry.title : undefined,
      lang: language(entry.lang ?? profile.lang, `article ${i + 1}'s lang`) ?? feedLang,
      profile,
      baseUrl: absolute(entry.baseUrl ?? json.baseUrl, `article ${i + 1}'s baseUrl`),
    };
  });
  return { url: feedUrl, title: typeof json.title === "string" ? json.title : "Articles", lang: feedLang, articles };
}
