// The renderers the benchmark compares, the same in Node and in Chromium (where esbuild
// bundles this file): Folio's WebAssembly through its generated glue, markdown-wasm, and the
// JavaScript renderers. The two WebAssembly modules are loaded by the caller.
import MarkdownIt from "markdown-it";
import { marked } from "marked";
import { micromark } from "micromark";
import * as commonmark from "commonmark";

/** `folio` is pkg/folio.js once initialised, `markdownWasm` markdown-wasm once ready. */
export function renderers(folio, markdownWasm) {
  const markdownIt = new MarkdownIt({ html: true });
  const cmParser = new commonmark.Parser();
  const cmWriter = new commonmark.HtmlRenderer();
  return [
    { id: "folio", name: "folio (wasm, Jekyll options)", render: (s) => folio.render(s, undefined).bodyHtml },
    { id: "markdown-wasm", name: "markdown-wasm 1.2 (md4c)", render: (s) => markdownWasm.parse(s) },
    { id: "markdown-it", name: "markdown-it 15", render: (s) => markdownIt.render(s) },
    { id: "marked", name: "marked 18", render: (s) => marked.parse(s) },
    { id: "micromark", name: "micromark 4", render: (s) => micromark(s, { allowDangerousHtml: true }), slow: true },
    { id: "commonmark", name: "commonmark.js 0.31", render: (s) => cmWriter.render(cmParser.parse(s)) },
  ];
}
