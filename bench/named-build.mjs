// The working tree's core built as bench/ab.mjs builds it (scripts/core-build.sh: with SIMD, not
// split), keeping its functions' names (`-g` for wasm-opt), for the tools that read a render
// function by function: bench/calls.mjs (counts) and bench/profile.mjs (time). `then` is shell run
// on the bindings' directory, `$1`, after the build (calls.mjs instruments the module there).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ROOT } from "../tests/e2e/harness.mjs";

export function namedBuild(out, then = "true") {
  mkdirSync(out, { recursive: true });
  const script = `touch src/lib.rs && source scripts/core-build.sh && FOLIO_WASM_SIMD=1 core_cargo . --quiet &&
  bindgen "$FOLIO_WASM_TARGET/small-trap-simd/wasm32-unknown-unknown/release/folio.wasm" web "$1" "\${core_opt[@]}" -g --enable-simd &&
  ${then}`;
  execFileSync("bash", ["-c", script, "named-build", out], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, FOLIO_WASM_TARGET: `${ROOT}target/ab/target` },
  });
}
