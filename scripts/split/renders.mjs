// The renders that stand for real use when the core's module is split: the corpus, the seed and
// the demo's articles, as the widget and the reader render them (safe mode and not, the page as
// HTML and as nodes) and as `render(text)` does without options (none given, and an empty
// object). scripts/split/profile.mjs profiles them; scripts/split/check-rare-data.mjs renders
// them again to check the data moved out of the first module.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../../tests/e2e/harness.mjs";
import { SHARED } from "../shared.mjs";

function markdownFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => /\.(md|markdown)$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

// Each article's URL is its path under the folder it comes from, not under the checkout: URLs
// with another depth resolve links through other code, and the split then depended on where the
// repository sat beside the shared material (a fresh clone in /tmp split its module otherwise).
export const articles = [
  ...markdownFiles(join(SHARED, "corpus/jekyll")).map((path) => ({ path, root: SHARED, profile: "jekyll" })),
  ...markdownFiles(join(SHARED, "corpus/seed")).map((path) => ({ path, root: SHARED, profile: "numerique" })),
  ...markdownFiles(join(ROOT, "www/articles")).map((path) => ({ path, root: ROOT, profile: "numerique" })),
];

/** `{ text, options }` for each render: six for each article. */
export const renders = articles.flatMap(({ path, root, profile }) => {
  const text = readFileSync(path, "utf8");
  const articleUrl = `https://example.org/${relative(root, path).replaceAll("\\", "/")}`;
  // The reader's way (the page as HTML), and the widget's (the page as nodes), trusting the author and not.
  const ways = [false, true].flatMap((safe) => [{ profile, articleUrl, safe, page: true }, { profile, articleUrl, safe, page: true, nodes: true }]);
  return [undefined, {}, ...ways].map((options) => ({ text, options }));
});
