// <folio-article>: one article, fetched and rendered in a shadow root, safe by default.
//
//   <folio-article src="https://example.org/post.md" profile="numerique" base-url="https://example.org"
//                  lang="fr"></folio-article>
//
// Attributes (the source of truth; each has a property of the same name):
//   src       the article's URL; or `source` (inline Markdown), or a child
//             <script type="text/markdown"> holding it
//   profile   a built-in site profile name ("jekyll", "numerique")
//   base-url  where root-relative links and images point (the site's URL)
//   lang      the article's language, over the profile's (dates stay in the profile's language)
//   safe      "false" to trust the author (the host's choice; nothing in an article can set it)
//
// States, on the `state` attribute for hosts to style: loading, rendered, error. The shadow root
// exposes parts (`root`, `article`, `status`, `message`, `retry`) and reads the custom properties
// `--folio-ink`, `--folio-muted`, `--folio-accent`, `--folio-tint`, `--folio-rule`, `--folio-font`,
// `--folio-measure`. A `folio-rendered` event (bubbles, composed) follows each render; nothing
// the element does throws into the host page. On a page enforcing Trusted Types it parses HTML
// through Folio's policy, "folio" (www/facade.js); where the page does not allow that policy, the
// error state says so (kind `trusted-types`).
import { start, startComplete, render, FolioRareCodeError, FolioTrustedTypesError } from "./folio.js";
import { htmlPolicy } from "./facade.js";

const REFUSED = "this page's Trusted Types refused the article's HTML: its trusted-types directive should list \"folio\", so that the HTML goes through Folio's policy and not the page's default one";

const STYLESHEET = new URL("article.css", import.meta.url).href;
const HOST_SHEET = new CSSStyleSheet();
HOST_SHEET.replaceSync(":host { display: block; min-width: 0 }");
const ATTRIBUTES = ["src", "source", "profile", "base-url", "lang", "safe"];

/** A `tag` element of the shadow root, exposed to the host's styles as `::part(name)`. */
function part(tag, name, className) {
  const element = document.createElement(tag);
  element.part = name;
  element.className = className;
  return element;
}

export class FolioArticle extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  /**
   * Registers the element as `tag` (default `folio-article`) and returns its class; a second call
   * for a tag is harmless, and another tag gets a subclass (a registry takes a class once).
   */
  static define(tag = "folio-article", registry = customElements) {
    if (!registry.get(tag)) {
      try {
        registry.define(tag, this);
      } catch (error) {
        if (error?.name !== "NotSupportedError") throw error;
        registry.define(tag, class extends this {});
      }
    }
    return registry.get(tag);
  }

  #shadow;
  #scheduled = false;
  #lastKey = null;
  #generation = 0;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
    // Built node by node, not from an HTML string: a host page enforcing Trusted Types refuses
    // strings given to innerHTML, and the constructor must not throw there.
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = STYLESHEET;
    const root = part("div", "root", "folio-root");
    // A live region is announced when its text changes only if it was in the accessibility tree
    // before: the status stays shown, empty (and without height) while there is nothing to say.
    const status = part("div", "status", "folio-status");
    status.setAttribute("role", "status");
    root.append(status, part("article", "article", "folio-article"));
    this.#shadow.append(stylesheet, root);
    // An article's own style (a negative margin, a width) must not paint over the host page, take
    // its clicks or widen it: what the article draws stays in the widget's box, and what is wider
    // scrolls inside it. Set here, not in article.css, so that it holds before (and without) the
    // stylesheet loading.
    root.style.contain = "paint";
    root.style.overflow = "auto";
    // As a flex or grid item the widget would otherwise be as wide as its widest content: its
    // automatic minimum width. A host's own rules for the element still win over `:host`.
    this.#shadow.adoptedStyleSheets = [HOST_SHEET];
    this.#shadow.addEventListener("click", (event) => this.#followFragment(event));
  }

  get src() { return this.getAttribute("src") ?? ""; }
  set src(value) { this.setAttribute("src", value); }
  get source() { return this.getAttribute("source"); }
  set source(value) { value == null ? this.removeAttribute("source") : this.setAttribute("source", value); }
  get profile() { return this.getAttribute("profile") || "jekyll"; }
  set profile(value) { this.setAttribute("profile", value); }
  get baseUrl() { return this.getAttribute("base-url") ?? ""; }
  set baseUrl(value) { this.setAttribute("base-url", value); }
  get lang() { return this.getAttribute("lang") ?? ""; }
  set lang(value) { this.setAttribute("lang", value); }
  /** Safe unless the host writes `safe="false"`. */
  get safe() { return this.getAttribute("safe") !== "false"; }
  set safe(value) { this.setAttribute("safe", value ? "true" : "false"); }
  /** loading, rendered or error. */
  get state() { return this.getAttribute("state") ?? "loading"; }

  connectedCallback() { this.#schedule(); }

  attributeChangedCallback(name, previous, value) {
    if (previous !== value) this.#schedule();
  }

  /** Fetches and renders again (what the retry button does). */
  refresh() {
    this.#lastKey = null;
    this.#schedule();
  }

  // Attribute changes made together render once, in a microtask.
  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      const generation = ++this.#generation;
      this.#update(generation).catch((error) => {
        // An update made since (a new src) owns the widget: a late failure of this one is not shown.
        if (generation === this.#generation) this.#fail(error instanceof FolioTrustedTypesError ? "trusted-types" : "render", error);
      });
    });
  }

  async #update(generation) {
    const inline = this.source ?? this.querySelector('script[type="text/markdown"]')?.textContent;
    if (inline == null && !this.src) return this.#fail("missing", new Error("no src or source"));
    this.#setState("loading");
    const [, text] = await Promise.all([this.#start(), inline ?? this.#fetch()]);
    // Jekyll runs Liquid on a text holding `{{` or `{%` (src/liquid/mod.rs, `present`), and
    // Liquid's code is in the core's rare module: wait for its background fetch rather than have
    // the render read it synchronously, which would hold up the host page while it downloads.
    if (/\{[{%]/.test(text)) await this.#start(startComplete);
    if (generation !== this.#generation) return; // a newer update took over
    const options = {
      profile: this.profile,
      articleUrl: this.src ? new URL(this.src, document.baseURI).href : undefined,
      baseUrl: this.baseUrl || undefined,
      safe: this.safe,
      page: true,
      // Safe mode parses the page to check it: its nodes are shown as they are, not parsed again
      // (a fifth less time to render and show the seed). An author's trusted HTML is parsed once,
      // in place: parsed apart and then moved, it took a tenth longer.
      nodes: this.safe,
      // The widget shows neither: left out, a render takes 6–8% less time.
      outline: false,
      wordCount: false,
    };
    const key = JSON.stringify([text, options, this.baseUrl, this.lang]);
    if (key === this.#lastKey) return this.#setState("rendered");
    const article = await this.#render(text, options);
    if (generation !== this.#generation) return;
    const fatal = article.diagnostics.find((d) => d.severity === "error" && d.line === 0);
    if (fatal) {
      // The one such error is the HTML withheld, unparsed: in a page, which has a DOM, only its
      // Trusted Types (a `default` policy of its own) can have refused it the HTML.
      return globalThis.trustedTypes ? this.#fail("trusted-types", new FolioTrustedTypesError(REFUSED)) : this.#fail("render", new Error(fatal.message));
    }
    const target = this.#shadow.querySelector("article");
    if (article.pageNodes) {
      target.replaceChildren(article.pageNodes);
    } else {
      // Through Folio's Trusted Types policy where the page has them (render() has made it by now).
      try {
        target.innerHTML = htmlPolicy()?.createHTML(article.pageHtml) ?? article.pageHtml;
      } catch (error) {
        // Folio's policy takes any HTML: what refuses it is the page's own `default` policy, which
        // gets Folio's strings where the page does not list `folio`.
        if (error instanceof TypeError && globalThis.trustedTypes) throw new FolioTrustedTypesError(REFUSED);
        throw error;
      }
    }
    target.lang = this.lang || article.lang;
    this.#lastKey = key;
    this.#setState("rendered");
    this.dispatchEvent(new CustomEvent("folio-rendered", {
      bubbles: true,
      composed: true,
      detail: { title: article.title ?? null, diagnostics: article.diagnostics },
    }));
  }

  // The article's links to its own notes and headings (`#folio-fn:1`) name ids in the shadow root,
  // where the browser does not look: it would only change the host page's location.hash. They
  // scroll to their target here, and the host's URL stays as it is. The keyboard goes on from the
  // target, as after a fragment link in a page (a note's back link is the next Tab).
  #followFragment(event) {
    const link = event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented) return;
    event.preventDefault();
    const target = this.#shadow.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    target.scrollIntoView();
    if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }

  // The core's rare code (about 100 KB) is not fetched in the background: a host page shows one
  // article, and most articles never need it. A render that does stops before it, and runs again
  // once it is in, rather than reading it synchronously, which would hold up the host page.
  async #render(text, options) {
    try {
      return render(text, options);
    } catch (error) {
      if (!(error instanceof FolioRareCodeError)) throw error;
    }
    await this.#start(startComplete);
    try {
      return render(text, options);
    } catch (error) {
      // startComplete() resolves even when the fetch failed: the render says so.
      if (error instanceof FolioRareCodeError) throw Object.assign(new Error("Folio's code could not be fetched"), { kind: "network" });
      throw error;
    }
  }

  // Folio's own code is a download too: when it fails, the host is told so as for the article.
  async #start(starting = () => start(undefined, { rareCode: "on-demand" })) {
    try {
      await starting();
    } catch (error) {
      throw Object.assign(new Error(`Folio's code could not be fetched (${error.message})`), { kind: "network" });
    }
  }

  async #fetch() {
    let response;
    try {
      response = await fetch(this.src);
    } catch (error) {
      throw Object.assign(new Error(`the article could not be fetched (${error.message})`), { kind: "network" });
    }
    if (!response.ok) {
      throw Object.assign(new Error(`the server answered ${response.status} ${response.statusText}`.trim()), { kind: "http" });
    }
    // Media types are case-insensitive (Text/HTML is HTML).
    const type = (response.headers.get("content-type") ?? "").toLowerCase();
    if (/^(text\/html|application\/xhtml\+xml|image\/|application\/(json|pdf|octet-stream))/.test(type)) {
      throw Object.assign(new Error(`this is not an article (${type.split(";")[0]})`), { kind: "not-article" });
    }
    return response.text();
  }

  #setState(state) {
    this.setAttribute("state", state);
    if (state !== "error") this.#shadow.querySelector(".folio-status").textContent = state === "loading" ? "Loading the article…" : "";
  }

  #fail(kind, error) {
    this.#setState("error");
    const status = this.#shadow.querySelector(".folio-status");
    status.replaceChildren();
    const message = document.createElement("span");
    message.part = "message";
    message.textContent = `This article cannot be shown: ${error?.message ?? error}.`;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.part = "retry";
    retry.textContent = "Try again";
    retry.addEventListener("click", () => this.refresh());
    status.append(message, " ", retry);
    this.#shadow.querySelector("article").replaceChildren();
    this.#lastKey = null; // the article it names is no longer shown
    this.dispatchEvent(new CustomEvent("folio-error", {
      bubbles: true,
      composed: true,
      detail: { kind: error?.kind ?? kind, message: error?.message ?? String(error) },
    }));
  }
}
