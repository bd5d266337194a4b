// The downloads against the native build. They are compiled by another compiler than the
// wasm-bindgen tests (Debian's rustc-web, the standard library built with them, some functions
// optimised for speed: scripts/wasm-cargo.sh), so the library's tests in WebAssembly do not run
// the code readers get; this checks that code's whole result (HTML, front matter, dates, excerpt,
// outline, counts, diagnostics) against the native build's, which `cargo test` checks against
// kramdown and Jekyll: the core's (Node's build of it) and the editor's (which keeps its panic
// messages and has the live preview besides).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ROOT } from "./harness.mjs";
import { CONFORMANCE_CASES, CORPUS_ARTICLES } from "./inputs.mjs";

const core = createRequire(import.meta.url)("../../pkg/node/folio.js");
const editor = await import("../../pkg/editor/folio.js");
editor.initSync({ module: readFileSync(join(ROOT, "pkg/editor/folio_bg.wasm")) });

/** A build's result as the CLI prints it: JSON, the diagnostics in file order. */
function result(build, text) {
  const result = JSON.parse(JSON.stringify(build.render(text)));
  // `render` lists them as found (kramdown finds span problems after block ones); the CLI sorts them.
  result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

test("the core and the editor's build render every conformance case and corpus article as the native build does", () => {
  execFileSync("cargo", ["build", "--quiet", "--bin", "folio"], { cwd: ROOT, stdio: "inherit" });
  const folio = join(ROOT, "target/debug/folio");
  const inputs = [...CONFORMANCE_CASES, ...CORPUS_ARTICLES];
  assert.ok(inputs.length > 300, `only ${inputs.length} inputs found`);
  const builds = { core, editor };
  const differing = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
  for (const text of inputs) {
    const native = spawnSync(folio, ["render", "--json", "--no-config", "-"], { input: text, encoding: "utf8" });
    assert.equal(native.status, 0, native.stderr);
    const expected = JSON.parse(native.stdout);
    for (const [name, build] of Object.entries(builds)) {
      const actual = result(build, text);
      const fields = Object.keys({ ...expected, ...actual }).filter((key) => !isDeepStrictEqual(expected[key], actual[key]));
      if (fields.length) differing[name].push({ text, fields });
    }
  }
  for (const [name, found] of Object.entries(differing)) {
    const first = found[0];
    assert.equal(found.length, 0, `${name}: ${found.length} of ${inputs.length} differ; the first in ${first?.fields.join(", ")}:\n${first?.text.slice(0, 300)}`);
  }
});
