// Which functions rendering real articles uses: runs the module wasm-split instrumented (in DIR,
// with its glue) in headless Chromium over the corpus, the seed and the demo's articles, as the
// widget and the reader render them (safe mode and not, the page as HTML and as nodes, through the facade's
// Trusted Types policy) and as `render(text)` does without options (none given, and an empty
// object), and writes wasm-split's profile to DIR/profile. Chromium, not Node: safe mode needs
// the browser's HTML parser.
//
//   node scripts/split/profile.mjs DIR      (DIR inside the repository, e.g. target/split)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/harness.mjs";
import { SHARED } from "../shared.mjs";

const dir = relative(ROOT, join(ROOT, process.argv[2]));

function markdownFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => /\.(md|markdown)$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

// Each article's URL is its path under the folder it comes from, not under the checkout: URLs
// with another depth resolve links through other code, and the split then depended on where the
// repository sat beside the shared material (a fresh clone in /tmp split its module otherwise).
const articles = [
  ...markdownFiles(join(SHARED, "corpus/jekyll")).map((path) => ({ path, root: SHARED, profile: "jekyll" })),
  ...markdownFiles(join(SHARED, "corpus/seed")).map((path) => ({ path, root: SHARED, profile: "numerique" })),
  ...markdownFiles(join(ROOT, "www/articles")).map((path) => ({ path, root: ROOT, profile: "numerique" })),
];
const inputs = articles.flatMap(({ path, root, profile }) => {
  const text = readFileSync(path, "utf8");
  const articleUrl = `https://example.org/${relative(root, path).replaceAll("\\", "/")}`;
  // The reader's way (the page as HTML), and the widget's (the page as nodes), trusting the author and not.
  const ways = [false, true].flatMap((safe) => [{ profile, articleUrl, safe, page: true }, { profile, articleUrl, safe, page: true, nodes: true }]);
  return [undefined, {}, ...ways].map((options) => ({ text, options }));
});

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}${dir}/folio.js`);
  const profile = await page.evaluate(async ({ dir, inputs }) => {
    const glue = await import(`/${dir}/folio.js`);
    const wasm = await glue.default({ module_or_path: `/${dir}/folio_bg.wasm` });
    // As www/facade.js renders on a page with Trusted Types: through Folio's policy.
    const policy = trustedTypes.createPolicy("folio", { createHTML: (html) => html });
    for (const { text, options } of inputs) {
      glue.__folioHtmlPolicy(policy);
      glue.render(text, options);
    }
    const at = wasm.memory.buffer.byteLength;
    wasm.memory.grow(16);
    const length = wasm.__write_profile(at, 16 << 16);
    return Array.from(new Uint8Array(wasm.memory.buffer, at, length));
  }, { dir, inputs });
  writeFileSync(join(ROOT, dir, "profile"), Uint8Array.from(profile));
  console.log(`split: profile of ${inputs.length} renders (${articles.length} articles, six ways each)`);
} finally {
  await browser.close();
  await server.stop();
}
