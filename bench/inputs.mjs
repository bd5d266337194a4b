// The benchmark's inputs, Markdown bodies (front matter stripped the way Jekyll does): the
// seed article, the 13.4 KB article of the issue (the seed body twice), the shared corpus
// concatenated, the corpus repeated to about 1 MB, and that document twice. Folio alone also
// renders the seed whole, front matter included, as its users render an article: with no options,
// as the reader renders it (its site's profile, the page, the word count but no outline) and as
// the widget on a partner's page does (safe mode too, which needs the browser's HTML parser: in
// Chromium only; neither outline nor word count). The pathological
// inputs are in pathological.mjs (made where they are timed, in Node or in Chromium).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../scripts/shared.mjs";
import { PATHOLOGICAL } from "./pathological.mjs";
import { CONSTRUCTS } from "./constructs.mjs";

const FRONT_MATTER = /^(---\s*\n[\s\S]*?\n?)^((---|\.\.\.)\s*$\n?)/m;

export function body(source) {
  const match = source.startsWith("---") ? FRONT_MATTER.exec(source) : null;
  return match && match.index === 0 ? source.slice(match[0].length) : source;
}

function articles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return articles(path);
    return /\.(md|markdown)$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });
}

/** Where the seed is published: its site's profile, and its address for its relative links. */
const AS_PUBLISHED = { profile: "numerique", articleUrl: "https://www.numerique.gouv.fr/actualites/ogp-societe-civile/" };

/**
 * The inputs timed for every renderer: `runs` is how many timed samples each gets; Folio renders
 * those with `options` with them.
 */
export function loadInputs() {
  const whole = readFileSync(`${SHARED}/corpus/seed/ogp-societe-civile.md`, "utf8");
  const seed = body(whole);
  const corpus = articles(`${SHARED}/corpus/jekyll`).map(body).join("\n\n");
  let big = corpus;
  while (Buffer.byteLength(big) < 1_000_000) big += "\n\n" + corpus;
  return [
    { id: "seed", name: "seed article", text: seed, runs: 21 },
    { id: "article", name: "article (seed twice)", text: `${seed}\n\n${seed}`, runs: 21 },
    // Only Folio reads front matter: the others would render it as Markdown.
    { id: "whole", name: "seed with its front matter", text: whole, runs: 21, folioOnly: true },
    { id: "reader", name: "seed whole as the reader renders it", text: whole, runs: 21, folioOnly: true, options: { ...AS_PUBLISHED, page: true, outline: false } },
    { id: "widget", name: "seed whole as the widget renders it", text: whole, runs: 21, folioOnly: true, browserOnly: true, options: { ...AS_PUBLISHED, safe: true, page: true, nodes: true, outline: false, wordCount: false } },
    { id: "corpus", name: "corpus (159 articles)", text: corpus, runs: 11 },
    // The throughput target is read on the first; the doubling test times Folio on both again,
    // in turn (measure.mjs).
    { id: "big", name: "corpus to 1 MB", text: big, runs: 11 },
    { id: "big2", name: "1 MB doc twice", text: `${big}\n\n${big}`, runs: 11 },
  ];
}

/**
 * The input named `id` for the tools that take inputs by name (bench/ab.mjs, bench/calls.mjs):
 * one of `inputs` (from `loadInputs`), a pathological input at its n, or a construct's input;
 * `undefined` if there is none.
 */
export function inputById(inputs, id) {
  const input = inputs.find((i) => i.id === id);
  if (input) return { id, text: input.text, options: input.options, browserOnly: input.browserOnly };
  const pathological = PATHOLOGICAL.find((p) => p.id === id);
  if (pathological) return { id, text: pathological.make(pathological.n) };
  const construct = CONSTRUCTS.find((c) => c.id === id);
  return construct && { id, text: construct.text };
}
