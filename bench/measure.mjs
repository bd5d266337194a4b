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
 * A doubling ratio divides the fastest batches of the two sizes: the machine's other work only
 * ever slows a batch down, and a slow stretch that fell on a few batches of one size moved a
 * median enough to put a linear input over the target (3.00× once, with the runs around it at 2.0×).
 */
function fastest(values) {
  return Math.min(...values);
}

/**
 * How many renders of `text` make a batch of at least 5 ms: browsers coarsen
 * `performance.now()` (to 0.1 ms without isolation). Warms the renderer up first, for 50 ms:
 * code starts in a baseline tier and its optimised form comes from a background compiler after
 * some runs, later on a busy machine (one Chromium run timed the seed with its front matter, the
 * only input that runs Folio's YAML code, at twice the time of the runs around it).
 */
function batchSize(render, text) {
  const warm = performance.now();
  while (performance.now() - warm < 50) render(text);
  let count = 0;
  const start = performance.now();
  while (count < 2 || performance.now() - start < 5) {
    render(text);
    count++;
  }
  const once = (performance.now() - start) / count;
  return Math.max(1, Math.ceil(5 / Math.max(once, 1e-3)));
}

/** One timed batch: milliseconds per render. */
function sample(render, text, batch) {
  const start = performance.now();
  for (let j = 0; j < batch; j++) render(text);
  return (performance.now() - start) / batch;
}

/**
 * The time of one render of each task's `text` with its `render`, in milliseconds, from `runs`
 * timed batches (their median, or what `pick` takes from them). The tasks' batches are taken in
 * turn, so that the machine's slow and fast stretches fall on all of them alike and the ratios
 * between them keep still.
 */
function timeSideBySide(tasks, pick = median) {
  const batches = tasks.map(({ render, text }) => batchSize(render, text));
  const times = tasks.map(() => []);
  const rounds = Math.max(...tasks.map(({ runs }) => runs));
  for (let i = 0; i < rounds; i++) {
    tasks.forEach(({ render, text, runs }, k) => {
      if (i < runs) times[k].push(sample(render, text, batches[k]));
    });
  }
  return times.map(pick);
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

/**
 * Folio's peak memory (bytes above the seed's) at eight sizes, the corpus repeated 3 to 10 times
 * (0.7 to 2.4 MB), each size on a fresh instance after the seed and rendered twice (the second
 * render may need a few pages more). How talc lays out the memory moves a peak by a few 64 KiB
 * pages, so two sizes alone read the layout as much as the cost: one of these sizes peaked at
 * 4.3× its input where its neighbours took 3.8×, in the builds before and after one change alike.
 * A line fitted through all eight (run.mjs) reads the cost per byte and the constant.
 */
function memoryBySize(folio, inputs) {
  const text = (id) => inputs.find((input) => input.id === id).text;
  return MEMORY_REPEATS.map((repeats) => {
    const body = Array(repeats).fill(text("corpus")).join("\n\n");
    const { peak } = afterSeed(folio, text("seed"), () => {
      folio.render(body);
      folio.render(body);
    });
    return { repeats, bytes: new TextEncoder().encode(body).length, peak };
  });
}

/** What `work` gives, and the memory (bytes) it needed on a fresh instance beyond the seed's. */
function afterSeed(folio, seed, work) {
  folio.__wbg_reset_state();
  folio.render(seed);
  const before = folio.__memoryBytes();
  const result = work();
  return { result, peak: folio.__memoryBytes() - before };
}

const MEMORY_REPEATS = [3, 4, 5, 6, 7, 8, 9, 10];

/**
 * Folio's peak memory on each pathological input at n and 2n, each size on a fresh instance
 * after the seed, and the length of its HTML. Not the memory target's input (the 1 MB document,
 * above): here a few bytes of markup make an element each, and the tree holds them all until
 * their block is written; where the HTML is several times the input (footnotes), the HTML alone
 * is more than 4× it.
 */
function pathologicalMemory(folio, seed) {
  return PATHOLOGICAL.map(({ id, name, n, make }) => ({
    id, name, n,
    sizes: [n, 2 * n].map((size) => {
      const text = make(size);
      const { result: html, peak } = afterSeed(folio, seed, () => folio.render(text).bodyHtml.length);
      return { bytes: text.length, html, peak };
    }),
  }));
}

/**
 * The renderers whose ratio is a target, and pulldown-cmark in WebAssembly, which tells what
 * such a ratio asks of WebAssembly itself (plain) and of a renderer of its design doing
 * comparable work (with extensions), timed side by side on each input. The JavaScript
 * renderers are timed one after the other: the garbage they leave would be collected in the
 * others' batches.
 */
const PAIRED = new Set(["folio", "markdown-wasm", "pulldown-size", "pulldown-speed", "pulldown-extended"]);

/**
 * Everything, as plain data: the renderers' modules as `renderers` takes them, initialised;
 * `browser` says whether a DOM is there for the inputs that need one (safe mode).
 */
export function measure({ folio, markdownWasm, pulldown, inputs, browser = false, log = () => {} }) {
  // Before `memory`, which starts from a fresh instance, as the timings after it always did.
  const seed = inputs.find((input) => input.id === "seed").text;
  const pathological = pathologicalMemory(folio, seed);
  const bySize = memoryBySize(folio, inputs);
  const result = { memory: memory(folio, inputs), memoryBySize: bySize, pathologicalMemory: pathological, speed: [], doubling: [] };
  const all = renderers(folio, markdownWasm, pulldown);
  const ms = new Map(all.map((renderer) => [renderer.id, {}]));
  const timed = (renderer, input) =>
    !(renderer.slow && input.id === "big2") && (!input.folioOnly || renderer.id === "folio") && (!input.browserOnly || browser);
  // An input rendered with options must render without an error: safe mode withholds the HTML
  // where it has no parser, and timing that would time nothing.
  const folioRenderer = all.find((renderer) => renderer.id === "folio");
  for (const input of inputs.filter((input) => input.options && timed(folioRenderer, input))) {
    const error = folio.render(input.text, input.options).diagnostics.find((d) => d.severity === "error");
    if (error) throw new Error(`bench: ${input.name} renders with an error: ${error.message}`);
  }
  const task = (renderer, input) => {
    const render = input.options ? (s) => renderer.render(s, input.options) : renderer.render;
    return { renderer, input, render, text: input.text, runs: input.runs };
  };
  const paired = all.filter((renderer) => PAIRED.has(renderer.id));
  // Input by input: a large input's garbage collected in a small one's batches would weigh on
  // the small one's time.
  for (const input of inputs) {
    const side = paired.filter((renderer) => timed(renderer, input)).map((renderer) => task(renderer, input));
    timeSideBySide(side).forEach((time, k) => (ms.get(side[k].renderer.id)[input.id] = time));
  }
  log(`${paired.map((renderer) => renderer.name).join(" and ")}: done`);
  for (const renderer of all.filter((renderer) => !PAIRED.has(renderer.id))) {
    const alone = inputs.filter((input) => timed(renderer, input)).map((input) => task(renderer, input));
    alone.forEach(({ input }, k) => (ms.get(renderer.id)[input.id] = timeSideBySide([alone[k]])[0]));
    log(`${renderer.name}: done`);
  }
  result.speed = all.map(({ id, name }) => ({ id, name, ms: ms.get(id) }));
  // The 1 MB document and each pathological input at n and 2n, the two sizes' batches in turn.
  const render = (s) => folio.render(s).bodyHtml;
  const text = (id) => inputs.find((input) => input.id === id).text;
  const pairs = [
    { id: "big", name: "the 1 MB doc", small: text("big"), large: text("big2") },
    ...PATHOLOGICAL.map(({ id, name, n, make }) => ({ id, name, n, small: make(n), large: make(2 * n) })),
  ];
  for (const { id, name, n, small, large } of pairs) {
    const times = timeSideBySide([{ render, text: small, runs: 11 }, { render, text: large, runs: 11 }], fastest);
    result.doubling.push({ id, name, n, bytes: [small.length, large.length], ms: times });
    log(`doubling ${id}: done`);
  }
  return result;
}
