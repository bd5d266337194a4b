// The benchmark in Chromium (bundled by bench/run.mjs with esbuild into target/bench/): the
// same measurements as in Node, on the inputs bench/run.mjs wrote to target/bench/inputs.json.
import * as folio from "../pkg/folio.js";
import * as markdownWasm from "markdown-wasm/dist/markdown.es.js";
import * as pulldownSize from "../target/bench/pulldown-size/pulldown_wasm.js";
import * as pulldownSpeed from "../target/bench/pulldown-speed/pulldown_wasm.js";
import * as pulldownExtended from "../target/bench/pulldown-extended/pulldown_wasm.js";
import { measure } from "./measure.mjs";
import { hasSimd } from "../www/simd.js";

window.runBench = async () => {
  const inputs = await (await fetch("../../target/bench/inputs.json")).json();
  // The core's build with SIMD where the engine has it, as www/folio.js picks.
  const module = new URL(hasSimd() ? "../../pkg/simd/folio_bg.wasm" : "../../pkg/folio_bg.wasm", location.href);
  // The bindings are bundled here: their rare code is next to the module, not to this script.
  folio.__folio_rare_at?.(module);
  await folio.default({ module_or_path: module });
  await markdownWasm.ready;
  const pulldown = { size: pulldownSize, speed: pulldownSpeed, extended: pulldownExtended };
  for (const [id, glue] of Object.entries(pulldown)) {
    await glue.default({ module_or_path: new URL(`../../target/bench/pulldown-${id}/pulldown_wasm_bg.wasm`, location.href) });
  }
  return measure({ folio, markdownWasm, pulldown, inputs, browser: true, log: (line) => console.log(line) });
};
