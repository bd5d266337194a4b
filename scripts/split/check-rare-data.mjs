// Checks, as real articles use it, that the first module (DIR/folio_bg.wasm) never reads the data
// scripts/split/rare-data.mjs moved out of it unless the rare module is in: a copy of the first
// module whose moved bytes are garbage instead of zeros, kept from loading the rare module,
// renders scripts/split/renders.mjs's renders in headless Chromium, and each must give what the
// module as built gives (or stop for want of the rare code, which would bring the bytes in).
// Exits 1 on any difference.
//
//   node scripts/split/check-rare-data.mjs DIR      (DIR inside the repository, e.g. pkg/simd)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/harness.mjs";
import { dataOf, dataSegment, withDataSegments } from "../wasm-binary.mjs";
import { renders } from "./renders.mjs";

const dir = relative(ROOT, join(ROOT, process.argv[2]));
const copy = "target/split-check";
const GARBAGE = 0xa5;

// The moved bytes: those the rare module writes that the first module leaves as zeros (it holds
// them as zeros, or its segments leave them out). The copy writes garbage there, with segments
// of its own after the first module's.
const primary = readFileSync(join(ROOT, dir, "folio_bg.wasm"));
const held = new Map();
for (const { address, bytes } of dataOf(primary)) bytes.forEach((byte, i) => held.set(address + i, byte));
const moved = [];
for (const { address, bytes } of dataOf(readFileSync(join(ROOT, dir, "folio_rare_bg.wasm")))) {
  bytes.forEach((byte, i) => {
    if (byte !== 0 && !held.get(address + i)) moved.push(address + i);
  });
}
const garbage = [];
for (const at of moved.sort((a, b) => a - b)) {
  const last = garbage.at(-1);
  if (last && last.end === at) last.end += 1;
  else garbage.push({ start: at, end: at + 1 });
}
const segments = [
  ...dataOf(primary).map(({ address, bytes }) => dataSegment(address, bytes)),
  ...garbage.map(({ start, end }) => dataSegment(start, new Uint8Array(end - start).fill(GARBAGE))),
];
const poisoned = moved.length;
rmSync(join(ROOT, copy), { recursive: true, force: true });
mkdirSync(join(ROOT, copy), { recursive: true });
writeFileSync(join(ROOT, copy, "folio_bg.wasm"), withDataSegments(primary, segments));
for (const file of ["folio.js", "folio_rare_bg.wasm"]) copyFileSync(join(ROOT, dir, file), join(ROOT, copy, file));

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}${dir}/folio.js`);
  const { checked, needingRare, differences } = await page.evaluate(async ({ dir, copy, renders }) => {
    const load = async (at) => {
      const glue = await import(`/${at}/folio.js`);
      await glue.default({ module_or_path: `/${at}/folio_bg.wasm` });
      return glue;
    };
    const built = await load(dir);
    const garbled = await load(copy);
    garbled.__folio_rare_on_demand(true);
    const policy = trustedTypes.createPolicy("folio", { createHTML: (html) => html });
    const serialise = (result) =>
      JSON.stringify(result, (_, value) => {
        if (!(value instanceof Node)) return value;
        const holder = document.createElement("div");
        holder.append(value.cloneNode(true));
        return holder.innerHTML;
      });
    const run = (glue, { text, options }) => {
      glue.__folioHtmlPolicy(policy);
      try {
        return serialise(glue.render(text, options));
      } catch (error) {
        glue.__wbg_reset_state();
        return error.name === "FolioRareCodeNeeded" ? undefined : `error: ${error}`;
      }
    };
    let checked = 0;
    let needingRare = 0;
    const differences = [];
    for (const input of renders) {
      const expected = run(built, input);
      const got = run(garbled, input);
      if (got === undefined) needingRare += 1;
      else if (got === expected) checked += 1;
      else differences.push({ options: input.options, text: input.text.slice(0, 80), expected: expected.slice(0, 300), got: got.slice(0, 300) });
    }
    return { checked, needingRare, differences };
  }, { dir, copy, renders });
  console.log(
    `rare-data check: ${dir}: ${poisoned} moved bytes garbled; ${checked} renders the same, ` +
      `${needingRare} needing the rare module, ${differences.length} different`,
  );
  for (const difference of differences.slice(0, 5)) console.error(difference);
  if (differences.length) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
  rmSync(join(ROOT, copy), { recursive: true, force: true });
}
