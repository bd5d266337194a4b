// The texts the build comparisons render: every conformance case and corpus article of the shared
// material, in name order.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../../scripts/shared.mjs";

const texts = (dir, pattern) =>
  readdirSync(dir, { recursive: true }).filter((name) => pattern.test(name)).sort().map((name) => readFileSync(join(dir, name), "utf8"));

export const CONFORMANCE_CASES = texts(join(SHARED, "conformance"), /\.text$/);
export const CORPUS_ARTICLES = texts(join(SHARED, "corpus/jekyll"), /\.(md|markdown)$/);
