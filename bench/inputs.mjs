// The benchmark's inputs, all Markdown bodies (front matter stripped the way Jekyll does):
// the seed article, the shared corpus concatenated, and the corpus repeated to about 1 MB.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../scripts/shared.mjs";

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

export function loadInputs() {
  const seedSource = readFileSync(`${SHARED}/corpus/seed/ogp-societe-civile.md`, "utf8");
  const corpus = articles(`${SHARED}/corpus/jekyll`).map(body).join("\n\n");
  let big = corpus;
  while (Buffer.byteLength(big) < 1_000_000) big += "\n\n" + corpus;
  return [
    { name: "seed article", text: body(seedSource), runs: 201 },
    { name: "corpus (159 articles)", text: corpus, runs: 21 },
    { name: "corpus to 1 MB", text: big, runs: 11 },
  ];
}
