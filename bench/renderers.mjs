// The renderers the benchmark compares, the same in Node and in Chromium (where esbuild
// bundles this file): Folio's WebAssembly through its generated glue, markdown-wasm,
// pulldown-cmark in WebAssembly (bench/pulldown-wasm/: plain, and with the extensions that have
// a counterpart in Folio's), and the JavaScript renderers. The WebAssembly modules are loaded
// by the caller.
import MarkdownIt from "markdown-it";
import { marked } from "marked";
import { micromark } from "micromark";
import * as commonmark from "commonmark";

/**
 * `folio` is pkg/folio.js once initialised, `markdownWasm` markdown-wasm once ready, `pulldown`
 * the glue of each pulldown-cmark build (`size`, `speed`, `extended`) once initialised.
 */
export function renderers(folio, markdownWasm, pulldown) {
  const markdownIt = new MarkdownIt({ html: true });
  const cmParser = new commonmark.Parser();
  const cmWriter = new commonmark.HtmlRenderer();
  return [
    // With `page: true` among the options, the page is what is shown (as nodes, with `nodes: true`).
    { id: "folio", name: "folio (wasm, Jekyll options)", render: (s, options) => { const article = folio.render(s, options); return article.pageHtml ?? article.pageNodes ?? article.bodyHtml; } },
    { id: "markdown-wasm", name: "markdown-wasm 1.2 (md4c)", render: (s) => markdownWasm.parse(s) },
    { id: "pulldown-size", name: "pulldown-cmark 0.13 (wasm, the core's size build)", render: (s) => pulldown.size.render(s) },
    { id: "pulldown-speed", name: "pulldown-cmark 0.13 (wasm, opt-level 3)", render: (s) => pulldown.speed.render(s) },
    { id: "pulldown-extended", name: "pulldown-cmark 0.13 with extensions (wasm, the core's size build)", render: (s) => pulldown.extended.render(s) },
    { id: "markdown-it", name: "markdown-it 15", render: (s) => markdownIt.render(s) },
    { id: "marked", name: "marked 18", render: (s) => marked.parse(s) },
    { id: "micromark", name: "micromark 4", render: (s) => micromark(s, { allowDangerousHtml: true }), slow: true },
    { id: "commonmark", name: "commonmark.js 0.31", render: (s) => cmWriter.render(cmParser.parse(s)) },
  ];
}
