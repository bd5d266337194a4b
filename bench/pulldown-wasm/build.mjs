// pulldown-cmark in WebAssembly (this folder's crate), built for the benchmark's reference rows:
// plain, once as the core is built for its download (the same standard library, inline
// threshold and wasm-opt passes, from scripts/core-build.sh) and once at opt-level 3 with
// wasm-opt -O3; and with the extensions that have a counterpart in Folio's, as the core is
// built. Each goes to target/bench/pulldown-<build>/ with wasm-bindgen's web glue, which
// bench/run.mjs loads in Node and bench/browser.mjs bundles for Chromium.
import { execFileSync } from "node:child_process";

export const BUILDS = [
  { id: "size", profile: "release" },
  { id: "speed", profile: "speed" },
  { id: "extended", profile: "release", features: ["extended"] },
];

/**
 * How the core is built (scripts/core-build.sh, which scripts/build.sh uses), so that the size
 * build stays the core's: its wasm-opt `features` and `core_opt`, and its cargo build's RUSTFLAGS.
 */
function coreSettings(root) {
  const script = 'source scripts/core-build.sh && printf "%s\\n" "${features[*]}" "${core_opt[*]}" "$core_rustflags"';
  const [features, coreOpt, rustflags] = execFileSync("bash", ["-c", script], { cwd: root, encoding: "utf8" }).split("\n");
  return { features: features.split(" "), coreOpt: coreOpt.split(" "), rustflags };
}

/** Builds each; returns the folder of each build's glue (`pulldown_wasm.js`) and module. */
export function buildPulldownWasm(root, log) {
  const core = coreSettings(root);
  const env = { ...process.env, FOLIO_WASM_STD: "small-trap", RUSTFLAGS: core.rustflags };
  const out = {};
  for (const { id, profile, features = [] } of BUILDS) {
    const opt = profile === "release" ? core.coreOpt : ["-O3"];
    log(`pulldown-cmark in WebAssembly, ${id} build`);
    // scripts/wasm-cargo.sh picks the target folder by the standard library it finds: the
    // artifact's path comes from cargo's own report.
    const messages = execFileSync("scripts/wasm-cargo.sh", ["build", "--quiet", "--profile", profile, `--features=${features.join(",")}`,
      "--manifest-path", "bench/pulldown-wasm/Cargo.toml", "--message-format=json-render-diagnostics"],
    { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const wasm = messages.trim().split("\n").map((line) => JSON.parse(line))
      .flatMap((m) => (m.reason === "compiler-artifact" ? m.filenames : [])).find((f) => f.endsWith("pulldown_wasm.wasm"));
    const dir = `${root}target/bench/pulldown-${id}`;
    execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", dir, wasm], { stdio: "inherit" });
    execFileSync(`${root}node_modules/.bin/wasm-opt`, [...opt, ...core.features, `${dir}/pulldown_wasm_bg.wasm`, "-o", `${dir}/pulldown_wasm_bg.wasm`], { stdio: "inherit" });
    out[id] = dir;
  }
  return out;
}
