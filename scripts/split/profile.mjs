// Which functions rendering real articles uses: runs the module wasm-split instrumented (in DIR,
// with its glue) in headless Chromium over scripts/split/renders.mjs's renders (through the
// facade's Trusted Types policy), and writes wasm-split's profile to DIR/profile. Chromium, not
// Node: safe mode needs the browser's HTML parser.
//
//   node scripts/split/profile.mjs DIR      (DIR inside the repository, e.g. target/split)
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/harness.mjs";
import { articles, renders as inputs } from "./renders.mjs";

const dir = relative(ROOT, join(ROOT, process.argv[2]));

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
