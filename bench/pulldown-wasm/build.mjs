// Plain pulldown-cmark in WebAssembly (this folder's crate), built for the benchmark's reference
// rows: once as the core is built for its download (the same standard library, inline threshold
// and wasm-opt passes as scripts/build.sh), once at opt-level 3 with wasm-opt -O3. Each goes to
// target/bench/pulldown-<build>/ with wasm-bindgen's web glue, which bench/run.mjs loads in Node
// and bench/browser.mjs bundles for Chromium.
import { execFileSync } from "node:child_process";

// scripts/build.sh's `features` and `core_opt`.
const FEATURES = ["--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals", "--enable-nontrapping-float-to-int",
  "--enable-reference-types", "--enable-multivalue"];
const CORE_OPT = ["--flatten", "--rereloop", "-Oz", "-Oz", "--low-memory-unused", "--one-caller-inline-max-function-size=30", "--converge"];

export const BUILDS = [
  { id: "size", profile: "release", opt: CORE_OPT },
  { id: "speed", profile: "speed", opt: ["-O3"] },
];

/** Builds both; returns the folder of each build's glue (`pulldown_wasm.js`) and module. */
export function buildPulldownWasm(root, log) {
  const env = { ...process.env, FOLIO_WASM_STD: "small-trap", RUSTFLAGS: "-Cllvm-args=-inline-threshold=90" };
  const out = {};
  for (const { id, profile, opt } of BUILDS) {
    log(`pulldown-cmark in WebAssembly, ${id} build`);
    // scripts/wasm-cargo.sh picks the target folder by the standard library it finds: the
    // artifact's path comes from cargo's own report.
    const messages = execFileSync("scripts/wasm-cargo.sh", ["build", "--quiet", "--profile", profile,
      "--manifest-path", "bench/pulldown-wasm/Cargo.toml", "--message-format=json-render-diagnostics"],
    { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const wasm = messages.trim().split("\n").map((line) => JSON.parse(line))
      .flatMap((m) => (m.reason === "compiler-artifact" ? m.filenames : [])).find((f) => f.endsWith("pulldown_wasm.wasm"));
    const dir = `${root}target/bench/pulldown-${id}`;
    execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", dir, wasm], { stdio: "inherit" });
    execFileSync(`${root}node_modules/.bin/wasm-opt`, [...opt, ...FEATURES, `${dir}/pulldown_wasm_bg.wasm`, "-o", `${dir}/pulldown_wasm_bg.wasm`], { stdio: "inherit" });
    out[id] = dir;
  }
  return out;
}
