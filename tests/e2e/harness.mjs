// Shared set-up of the end-to-end tests: the repository served on 127.0.0.1 and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = `${ROOT}target/e2e`;
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Starts a server for the repository on a free port; resolves to its base URL and a stop function. */
export async function startServer(options = {}) {
  const server = await serve({ root: ROOT, port: 0, ...options });
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium with a fresh profile. */
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

/** Opens a page that fails the test on any uncaught page error. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  page.pageErrors = errors;
  await page.goto(url);
  return page;
}
