// The seed article rendered as a page in Chromium with its site profile (numerique): hero
// image, title, the date in French through Intl, the Markdown summary with its link, tags.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ARTIFACTS, ROOT, openPage, serverAndBrowser } from "./harness.mjs";

let page;
serverAndBrowser(async ({ server, browser }) => {
  page = await openPage(browser, `${server.url}tests/e2e/fixtures/xss.html`);
});

test("the seed renders as a French page with hero, date, linked summary and tags", async () => {
  // The seed's summary, with a link added, to check that Markdown in it is rendered.
  const seed = readFileSync(`${ROOT}www/articles/ogp-societe-civile.md`, "utf8")
    .replace("journalistes...", "journalistes ([voir le programme](https://www.opengovpartnership.org/))...");
  await page.evaluate((source) => {
    const el = document.createElement("folio-article");
    el.id = "page";
    el.setAttribute("profile", "numerique");
    el.source = source;
    document.body.append(el);
  }, seed);
  const article = page.locator("#page");
  await page.locator("#page[state=rendered]").waitFor();
  const hero = article.locator("header figure.article-hero img");
  assert.equal(await hero.getAttribute("src"), "https://www.numerique.gouv.fr/uploads/societe-civile-ogp_une.jpg");
  assert.equal(await hero.getAttribute("alt"), "");
  assert.equal(await article.locator("header h1").textContent(), "La société civile au cœur du sommet du Partenariat pour un gouvernement ouvert");
  const time = article.locator("header time");
  assert.equal(await time.getAttribute("datetime"), "2016-12-23T17:50:00+01:00");
  assert.equal(await time.textContent(), "23 décembre 2016");
  const summaryLink = article.locator(".article-summary a");
  assert.equal(await summaryLink.textContent(), "voir le programme");
  assert.equal(await summaryLink.getAttribute("href"), "https://www.opengovpartnership.org/");
  assert.match(await article.locator(".article-summary").textContent(), /Membres d’associations citoyennes/);
  assert.deepEqual(await article.locator(".article-tags li").allTextContents(), [
    "Partenariat pour un gouvernement ouvert",
    "Sommet du partenariat pour un gouvernement ouvert",
    "Ouverture des données publiques",
  ]);
  assert.equal(await article.locator("article").getAttribute("lang"), "fr");
  await article.screenshot({ path: `${ARTIFACTS}/page-seed.png` });
});
