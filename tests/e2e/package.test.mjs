// The npm package as a partner would use it: `npm pack` of dist/, installed in a fresh folder,
// then (1) a plain module script tag served from the installed files under another path, and
// (2) an app bundled with esbuild that imports the package by name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { ROOT, launchBrowser } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";

let site, server, browser;

before(async () => {
  execFileSync("node", [`${ROOT}scripts/package.mjs`]);
  site = mkdtempSync(`${tmpdir()}/folio-package-`);
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", site], { cwd: `${ROOT}dist` }).toString().trim();
  const installed = `${site}/node_modules/folio-jekyll`;
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", `${site}/${tarball}`, "-C", installed, "--strip-components=1"]);
  server = await serve({ root: site, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
  if (site) rmSync(site, { recursive: true, force: true });
});

const url = (path) => `http://127.0.0.1:${server.address().port}/${path}`;

test("in Node, the installed package starts with no argument and renders, the rare code included", () => {
  const script = `import { start, render } from "folio-jekyll";
    await start();
    const article = render("---\\ndate: Dec 23 2016\\n---\\n# From *Node*\\n");
    console.log(JSON.stringify([article.bodyHtml, article.date, article.diagnostics.length]));`;
  const out = execFileSync("node", ["--input-type=module", "-e", script], { cwd: site }).toString();
  assert.deepEqual(JSON.parse(out), ['<h1 id="from-node">From <em>Node</em></h1>\n', "2016-12-23T00:00:00+00:00", 0]);
});

test("a plain script tag from the installed package renders an article", async () => {
  writeFileSync(`${site}/tag.html`, `<!DOCTYPE html><meta charset="utf-8"><title>t</title>
    <script type="module" src="node_modules/folio-jekyll/www/folio-embed.js"></script>
    <folio-article><script type="text/markdown">---\ntitle: From the package\n---\nHello *package*.\n</script></folio-article>`);
  const page = await browser.newPage();
  await page.goto(url("tag.html"));
  await page.locator("folio-article[state=rendered]").waitFor();
  assert.equal(await page.locator("folio-article h1").textContent(), "From the package");
  assert.equal(await page.locator("folio-article .article-body em").textContent(), "package");
  await page.close();
});

test("the package's types check in a TypeScript consumer", () => {
  writeFileSync(`${site}/consumer.ts`, `import { start, render, type Article, type RenderOptions } from "folio-jekyll";
    import { LivePreview, drafts } from "folio-jekyll/editor";
    import { FolioArticle } from "folio-jekyll/element";
    await start();
    const article: Article = render("# T\\n", { profile: "numerique", safe: true, page: true, sourceMap: true });
    const words: number = article.wordCount + article.outline.length;
    const lean = render("# T\\n", { outline: false, wordCount: true });
    const leanWords: number = lean.wordCount;
    // @ts-expect-error: asked not to, render leaves the outline out
    lean.outline.length;
    const given: RenderOptions = {};
    // @ts-expect-error: options of a type that may say false may have left it out
    render("# T\\n", given).outline.length;
    const element: FolioArticle = document.createElement("folio-article");
    element.safe = true;
    const list = drafts.list();
    const preview = new LivePreview(document.body, document.body, { profile: "jekyll" });
    preview.update(article.pageHtml ?? "");
    export { words, leanWords, list };`);
  writeFileSync(`${site}/tsconfig.json`, JSON.stringify({
    compilerOptions: { target: "es2022", module: "es2022", moduleResolution: "bundler", strict: true, noEmit: true, lib: ["esnext", "dom"], skipLibCheck: false },
    files: ["consumer.ts"],
  }));
  execFileSync(`${ROOT}node_modules/.bin/tsc`, ["-p", site], { cwd: site, stdio: "pipe" });
});

test("an app bundled with esbuild imports the package by name", async () => {
  writeFileSync(`${site}/app.js`, `import { start, render } from "folio-jekyll";
    import "folio-jekyll/embed";
    await start(new URL("folio_bg.wasm", document.baseURI));
    document.body.dataset.html = render("# Bundled\\n", { safe: true }).bodyHtml;
    document.body.dataset.element = String(customElements.get("folio-article") !== undefined);`);
  execFileSync(`${ROOT}node_modules/.bin/esbuild`, ["app.js", "--bundle", "--format=esm", "--outfile=bundle.js"], { cwd: site });
  // A bundler copies the .wasm as an asset; here beside the page.
  copyFileSync(`${site}/node_modules/folio-jekyll/pkg/folio_bg.wasm`, `${site}/folio_bg.wasm`);
  writeFileSync(`${site}/bundle.html`, `<!DOCTYPE html><meta charset="utf-8"><title>b</title><script type="module" src="bundle.js"></script>`);
  const page = await browser.newPage();
  await page.goto(url("bundle.html"));
  await page.waitForFunction(() => document.body.dataset.html !== undefined);
  assert.equal(await page.evaluate(() => document.body.dataset.html), '<h1 id="folio-bundled">Bundled</h1>\n');
  assert.equal(await page.evaluate(() => document.body.dataset.element), "true");
  await page.close();
});
