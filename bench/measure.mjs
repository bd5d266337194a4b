// What `make bench` measures, the same in Node and in Chromium: each renderer's time on each
// input, Folio's time on each pathological input at n and 2n, and Folio's WebAssembly memory
// as inputs grow and as renders repeat. Returns plain data; bench/run.mjs prints it.
import { renderers } from "./renderers.mjs";
import { PATHOLOGICAL } from "./pathological.mjs";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The median time of one render of `text` in milliseconds. Renders are timed in batches of at
 * least 5 ms, since browsers coarsen `performance.now()` (to 0.1 ms without isolation).
 */
export function time(render, text, samples) {
  let batch = 0;
  const warm = performance.now();
  while (batch < 2 || performance.now() - warm < 5) {
    render(text);
    batch++;
  }
  const once = (performance.now() - warm) / batch;
  batch = Math.max(1, Math.ceil(5 / Math.max(once, 1e-3)));
  const times = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) render(text);
    times.push((performance.now() - start) / batch);
  }
  return median(times);
}

/**
 * Folio's linear memory (bytes) on a fresh instance: at the start, after the seed, after the
 * 1 MB document once, twice and five times, then the same for the 2 MB document. WebAssembly
 * memory never shrinks, so its size after a render is the peak that render needed; renders
 * that repeat without growing it gave their memory back to the allocator. The second render
 * starts from the free memory the first left, laid out differently, and may need a few pages
 * more once; from then on, a render that kept memory would grow it every time.
 */
function memory(folio, inputs) {
  folio.__wbg_reset_state();
  const bytes = () => folio.__memoryBytes();
  const text = (id) => inputs.find((input) => input.id === id).text;
  const rows = [{ step: "fresh instance", bytes: bytes() }];
  folio.render(text("seed"));
  rows.push({ step: "after the seed", bytes: bytes() });
  for (const id of ["big", "big2"]) {
    folio.render(text(id));
    rows.push({ step: `after ${id} once`, input: id, bytes: bytes() });
    folio.render(text(id));
    rows.push({ step: `after ${id} twice`, input: id, bytes: bytes() });
    for (let i = 0; i < 3; i++) folio.render(text(id));
    rows.push({ step: `after ${id} five times`, input: id, bytes: bytes() });
  }
  return rows;
}

/** Everything, as plain data: `folio` is pkg/folio.js initialised, `markdownWasm` ready. */
export function measure({ folio, markdownWasm, inputs, log = () => {} }) {
  const result = { memory: memory(folio, inputs), speed: [], doubling: [] };
  for (const renderer of renderers(folio, markdownWasm)) {
    const ms = {};
    for (const input of inputs) {
      if (renderer.slow && input.id === "big2") continue;
      ms[input.id] = time(renderer.render, input.text, input.runs);
    }
    log(`${renderer.name}: done`);
    result.speed.push({ id: renderer.id, name: renderer.name, ms });
  }
  for (const { id, name, n, make } of PATHOLOGICAL) {
    const render = (s) => folio.render(s).bodyHtml;
    const small = make(n);
    const large = make(2 * n);
    result.doubling.push({ id, name, n, bytes: [small.length, large.length], ms: [time(render, small, 9), time(render, large, 9)] });
    log(`doubling ${id}: done`);
  }
  return result;
}
