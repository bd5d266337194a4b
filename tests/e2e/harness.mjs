// Shared set-up of the end-to-end tests: the repository served on 127.0.0.1 and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { before, after } from "node:test";
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

/**
 * Starts a server for the repository on a free port (options of scripts/serve.mjs: `base` serves
 * it under a sub-path); resolves to its URL (with the sub-path) and a stop function.
 */
export async function startServer(options = {}) {
  const server = await serve({ root: ROOT, port: 0, ...options });
  return {
    url: `http://127.0.0.1:${server.address().port}${server.base}`,
    stop: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(ok);
    }),
  };
}

/** Launches headless Chromium with a fresh profile. */
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

/**
 * The repository's server and a browser for the tests of one file: both started before its first
 * test and stopped after its last. `server` and `browser` are set once the `before` hook has run;
 * `then(session)`, if given, runs in that hook (a file's own `before` may run first).
 */
export function serverAndBrowser(then) {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
    await then?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/**
 * Launches headless Chromium on a persistent profile in `dir`: unlike a browser context, an
 * ordinary (not incognito) profile, where Chromium checks whether a page can be installed.
 */
export function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS, ...options,
  });
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
