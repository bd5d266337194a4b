// Types of the <folio-article> element (www/folio-article.js).

export class FolioArticle extends HTMLElement {
  /** Registers the element as `tag` (default "folio-article") and returns its class; a second call for a tag is harmless, another tag gets a subclass. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof FolioArticle;
  /** The article's URL. */
  src: string;
  /** Inline Markdown, used instead of `src`. */
  source: string | null;
  /** A built-in site profile's name ("jekyll", "numerique"). */
  profile: string;
  /** The article's site, for root-relative links and images. */
  baseUrl: string;
  /** The article's language, over the profile's (dates stay in the profile's language). */
  lang: string;
  /** Safe mode; on unless the host sets it off. */
  safe: boolean;
  readonly state: "loading" | "rendered" | "error";
  /** Fetches and renders again. */
  refresh(): void;
}

export interface FolioRenderedEvent extends CustomEvent<{ title: string | null; diagnostics: unknown[] }> {}
/**
 * Why the article is not shown: `kind` is missing, network, http, not-article, render, or
 * trusted-types (the page's CSP does not allow Folio's Trusted Types policy, "folio").
 */
export interface FolioErrorEvent extends CustomEvent<{ kind: string; message: string }> {}

declare global {
  interface HTMLElementTagNameMap {
    "folio-article": FolioArticle;
  }
  interface HTMLElementEventMap {
    "folio-rendered": FolioRenderedEvent;
    "folio-error": FolioErrorEvent;
  }
}
