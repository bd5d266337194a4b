// The shipped core against the native build. The downloads are compiled by another compiler than
// the wasm-bindgen tests (Debian's rustc-web, the standard library built with them, some functions
// optimised for speed: scripts/wasm-cargo.sh), so the library's tests in WebAssembly do not run
// the code readers get; this checks that code's whole result (HTML, front matter, dates, excerpt,
// outline, counts, diagnostics) against the native build's, which `cargo test` checks against
// kramdown and Jekyll.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ROOT } from "./harness.mjs";
import { CONFORMANCE_CASES, CORPUS_ARTICLES } from "./inputs.mjs";

const shipped = createRequire(import.meta.url)("../../pkg/node/folio.js");

/** The shipped core's result as the CLI prints it: JSON, the diagnostics in file order. */
function shippedResult(text) {
  const result = JSON.parse(JSON.stringify(shipped.render(text)));
  // `render` lists them as found (kramdown finds span problems after block ones); the CLI sorts them.
  result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

test("the shipped core renders every conformance case and corpus article as the native build does", () => {
  execFileSync("cargo", ["build", "--quiet", "--bin", "folio"], { cwd: ROOT, stdio: "inherit" });
  const folio = join(ROOT, "target/debug/folio");
  const inputs = [...CONFORMANCE_CASES, ...CORPUS_ARTICLES];
  assert.ok(inputs.length > 300, `only ${inputs.length} inputs found`);
  const differing = inputs.flatMap((text) => {
    const native = spawnSync(folio, ["render", "--json", "--no-config", "-"], { input: text, encoding: "utf8" });
    assert.equal(native.status, 0, native.stderr);
    const [expected, actual] = [JSON.parse(native.stdout), shippedResult(text)];
    const fields = Object.keys({ ...expected, ...actual }).filter((key) => !isDeepStrictEqual(expected[key], actual[key]));
    return fields.length ? [{ text, fields }] : [];
  });
  const first = differing[0];
  assert.equal(differing.length, 0, `${differing.length} of ${inputs.length} differ; the first in ${first?.fields.join(", ")}:\n${first?.text.slice(0, 300)}`);
});
