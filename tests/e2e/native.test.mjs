// The shipped core against the native build. The downloads are compiled by another compiler than
// the wasm-bindgen tests (Debian's rustc-web, the standard library built with them, some functions
// optimised for speed: scripts/wasm-cargo.sh), so the library's tests in WebAssembly do not run
// the code readers get; this checks that code's HTML against the native build's, which
// `cargo test` checks against kramdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { CONFORMANCE_CASES, CORPUS_ARTICLES } from "./inputs.mjs";

const shipped = createRequire(import.meta.url)("../../pkg/node/folio.js");

test("the shipped core renders every conformance case and corpus article's body as the native build does", () => {
  execFileSync("cargo", ["build", "--quiet", "--bin", "folio"], { cwd: ROOT, stdio: "inherit" });
  const folio = join(ROOT, "target/debug/folio");
  const inputs = [...CONFORMANCE_CASES, ...CORPUS_ARTICLES];
  assert.ok(inputs.length > 300, `only ${inputs.length} inputs found`);
  const differing = inputs.filter((text) => {
    const native = spawnSync(folio, ["render", "--body", "--no-config", "-"], { input: text, encoding: "utf8" });
    assert.equal(native.status, 0, native.stderr);
    return native.stdout !== shipped.render(text).bodyHtml;
  });
  assert.equal(differing.length, 0, `${differing.length} of ${inputs.length} differ, the first:\n${differing[0]?.slice(0, 300)}`);
});
