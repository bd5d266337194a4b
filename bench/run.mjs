// `make bench`: renders the same inputs with Folio's WebAssembly (Node build) and, side by
// side in the same process, with other Markdown renderers; prints throughput, time per seed
// render, the ratio of each to Folio, and download sizes.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { loadInputs } from "./inputs.mjs";

const require = createRequire(import.meta.url);
const folio = require("../pkg/node/folio.js");
const MarkdownIt = require("markdown-it");
const { marked } = await import("marked");
const markdownWasm = require("markdown-wasm");
const { micromark } = await import("micromark");
const commonmark = require("commonmark");
await markdownWasm.ready;

const markdownIt = new MarkdownIt({ html: true });
const cmParser = new commonmark.Parser();
const cmWriter = new commonmark.HtmlRenderer();

const RENDERERS = [
  ["folio (wasm, Jekyll options)", (s) => folio.render(s, undefined).bodyHtml],
  ["markdown-wasm 1.2 (md4c)", (s) => markdownWasm.parse(s)],
  ["markdown-it 15", (s) => markdownIt.render(s)],
  ["marked 18", (s) => marked.parse(s)],
  ["micromark 4", (s) => micromark(s, { allowDangerousHtml: true })],
  ["commonmark.js 0.31", (s) => cmWriter.render(cmParser.parse(s))],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of one render of `text`, after a warm-up. */
function time(render, text, runs) {
  for (let i = 0; i < Math.min(5, runs); i++) render(text);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render(text);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const inputs = loadInputs();
const results = RENDERERS.map(([name, render]) => ({
  name,
  ms: inputs.map(({ text, runs }) => time(render, text, runs)),
}));

const bytes = inputs.map(({ text }) => Buffer.byteLength(text));
console.log(`Inputs: ${inputs.map((input, i) => `${input.name} ${(bytes[i] / 1000).toFixed(1)} KB`).join(", ")}`);
console.log(`Node ${process.version}; median of ${inputs.map((i) => i.runs).join("/")} runs; MB = 10^6 bytes.\n`);
const header = ["renderer", "ms per seed", "MB/s corpus", "MB/s 1 MB doc", "seed time vs Folio", "1 MB speed vs Folio"];
const [folioRow] = results;
const rows = results.map(({ name, ms }) => [
  name,
  ms[0].toFixed(3),
  (bytes[1] / 1e6 / (ms[1] / 1000)).toFixed(1),
  (bytes[2] / 1e6 / (ms[2] / 1000)).toFixed(1),
  `${(ms[0] / folioRow.ms[0]).toFixed(2)}×`,
  `${(folioRow.ms[2] / ms[2]).toFixed(2)}×`,
]);
printTable(header, rows);

const gz = (path) => execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;
const raw = (path) => readFileSync(path).length;
const sizes = [
  ["folio: pkg/folio_bg.wasm", "pkg/folio_bg.wasm"],
  ["folio: pkg/folio.js (glue)", "pkg/folio.js"],
  ["markdown-wasm: markdown.wasm", "node_modules/markdown-wasm/dist/markdown.wasm"],
  ["markdown-wasm: markdown.es.js", "node_modules/markdown-wasm/dist/markdown.es.js"],
];
console.log("\nDownload sizes (bytes):");
printTable(["file", "raw", "gzip -9"], sizes.map(([name, path]) => [name, raw(path), gz(path)]));
const total = (prefix) => sizes.filter(([n]) => n.startsWith(prefix)).reduce((sum, [, p]) => sum + gz(p), 0);
console.log(`\nTotal gzip -9: Folio ${(total("folio") / 1000).toFixed(1)} KB, markdown-wasm ${(total("markdown-wasm") / 1000).toFixed(1)} KB`);

function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  body.forEach((r) => console.log(line(r)));
}
