// `render`'s `nodes`: the body (or page) handed on as nodes the browser has parsed, and in safe
// mode checked, instead of HTML the caller parses a second time (the widget shows them as they
// are). The nodes must be what the HTML gives once parsed, for every article and vector, trusted
// and in safe mode, with a page and without; the rest of the article must not change. (Trusted
// HTML that closes elements it did not open stays in the body's container, where parsed inside
// the page's HTML it could close the container.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, serverAndBrowser } from "./harness.mjs";
import { SHARED } from "../../scripts/shared.mjs";

const corpus = join(SHARED, "corpus/jekyll");
const articles = readdirSync(corpus, { recursive: true }).filter((name) => /\.(md|markdown)$/.test(name)).sort()
  .map((name) => readFileSync(join(corpus, name), "utf8"));
const seed = readFileSync(join(ROOT, "www/articles/ogp-societe-civile.md"), "utf8");
const vectors = JSON.parse(readFileSync(join(ROOT, "tests/xss/markdown-vectors.json"), "utf8")).map((v) => v.markdown);
// Each public payload as a raw HTML block and inside a paragraph.
const payloads = JSON.parse(readFileSync(join(SHARED, "vectors/dompurify.json"), "utf8"))
  .flatMap((payload) => [`${payload}\n`, `Before ${payload} after.\n`]);
const TEXTS = [seed, ...articles, ...vectors, ...payloads];
const WAYS = [false, true].flatMap((safe) => [true, false].map((page) => ({ profile: "numerique", articleUrl: "https://example.org/a.md", safe, page })));

const session = serverAndBrowser();

test("the nodes are the HTML's, parsed: every article, vector and payload, four ways", { timeout: 300_000 }, async () => {
  const tab = await session.browser.newPage();
  await tab.goto(`${session.server.url}README.md`);
  const result = await tab.evaluate(async ({ texts, ways }) => {
    const folio = await import("/www/folio.js");
    await folio.start();
    await folio.startComplete();
    // What the browser makes of HTML, written out: how a page that parses `html` would show it.
    const parsed = (html) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      return template.innerHTML;
    };
    const written = (nodes) => {
      const template = document.createElement("template");
      template.content.append(nodes.cloneNode(true));
      return template.innerHTML;
    };
    const rest = ({ bodyHtml, pageHtml, bodyNodes, pageNodes, ...article }) => JSON.stringify(article);
    const differing = [];
    let compared = 0;
    for (const text of texts) {
      for (const way of ways) {
        const html = folio.render(text, way);
        const nodes = folio.render(text, { ...way, nodes: true });
        const shown = way.page ? nodes.pageNodes : nodes.bodyNodes;
        const absent = way.page ? ["bodyNodes", "bodyHtml", "pageHtml"] : ["pageNodes", "bodyHtml", "pageHtml"];
        compared += 1;
        const differs = (why, got, want) => differing.push({ text: text.slice(0, 80), way, why, got: got.slice(0, 300), want: want.slice(0, 300) });
        if (!(shown instanceof DocumentFragment) || absent.some((key) => key in nodes)) {
          differs("not nodes alone", Object.keys(nodes).join(), "");
        } else if (rest(nodes) !== rest(html)) {
          differs("article", rest(nodes), rest(html));
        } else if (!way.page || way.safe) {
          // Safe mode's body is written from a tree, balanced: the page parses it as it parses alone.
          const want = parsed(way.page ? html.pageHtml : html.bodyHtml);
          if (written(shown) !== want) differs("nodes", written(shown), want);
        } else {
          // The author's own HTML, unbalanced, may close the page's elements when parsed inside
          // it; parsed apart, as the nodes are, it stays in the body's container.
          const [header, container] = shown.children;
          const want = parsed(`\n${html.bodyHtml}`);
          if (container.innerHTML !== want) differs("body in the page", container.innerHTML, want);
          const page = document.createElement("template");
          page.innerHTML = html.pageHtml;
          if (header.outerHTML !== page.content.firstElementChild.outerHTML) differs("header", header.outerHTML, page.content.firstElementChild.outerHTML);
        }
      }
    }
    return { compared, differing: differing.slice(0, 5), count: differing.length };
  }, { texts: TEXTS, ways: WAYS });
  await tab.close();
  assert.equal(result.compared, TEXTS.length * WAYS.length);
  assert.deepEqual(result.differing, [], `${result.count} of ${result.compared} renders differ`);
});

test("the page's nodes hold the checked body in its container, after the header", async () => {
  const tab = await session.browser.newPage();
  await tab.goto(`${session.server.url}README.md`);
  const shape = await tab.evaluate(async (seed) => {
    const folio = await import("/www/folio.js");
    await folio.start();
    const page = folio.render(`${seed}\n<img src=x onerror=alert(1)>\n`, { profile: "numerique", safe: true, page: true, nodes: true }).pageNodes;
    const body = page.querySelector(".article-body");
    return {
      top: [...page.children].map((el) => el.localName + (el.className ? `.${el.className}` : "")),
      heading: body.querySelector("h4")?.textContent,
      handlers: page.querySelectorAll("[onerror]").length,
      images: body.querySelectorAll("img").length,
    };
  }, seed);
  await tab.close();
  assert.deepEqual(shape.top, ["header", "div.article-body"]);
  assert.equal(shape.heading, "Le rôle incontournable des associations citoyennes pour agir en faveur du renouveau démocratique");
  assert.equal(shape.handlers, 0, "safe mode checked the body's nodes");
  assert.ok(shape.images > 0);
});

test("with a source map, the blocks returned as HTML are checked as without nodes", async () => {
  const tab = await session.browser.newPage();
  await tab.goto(`${session.server.url}README.md`);
  const [html, nodes, handlers] = await tab.evaluate(async (seed) => {
    const folio = await import("/www/folio.js");
    await folio.start();
    // The seed's figures are among what only the browser's pass changes.
    const text = `${seed}\n<p><img src=x onerror=alert(1)></p>\n\n<div><svg><style><img src=x onerror=alert(2)></style></svg></div>\n`;
    const [html, nodes] = [{}, { nodes: true }].map((more) => folio.render(text, { safe: true, sourceMap: true, ...more }).bodyBlocks);
    // The elements with an event handler once the blocks are parsed.
    const handlers = (blocks) => blocks.map((block) => {
      const template = document.createElement("template");
      template.innerHTML = block.html;
      return [...template.content.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length;
    }).reduce((a, b) => a + b, 0);
    const trusted = folio.render(text, { sourceMap: true, nodes: true }).bodyBlocks;
    return [html, nodes, [handlers(html), handlers(trusted)]];
  }, seed);
  await tab.close();
  assert.deepEqual(nodes, html);
  assert.equal(handlers[0], 0, JSON.stringify(html));
  assert.ok(handlers[1] > 0, "trusted, the same text keeps a handler: the check can fail");
});

test("without a DOM there are no nodes, and an error says why", () => {
  const folio = createRequire(import.meta.url)("../../pkg/node/folio.js");
  for (const safe of [false, true]) {
    const article = folio.render("Some *text*.\n", { safe, nodes: true });
    assert.equal("bodyNodes" in article || "bodyHtml" in article, false);
    const errors = article.diagnostics.filter((d) => d.severity === "error");
    assert.equal(errors.length, 1, JSON.stringify(article.diagnostics));
    assert.match(errors[0].message, /could not be parsed \(no browser DOM here/);
  }
});
