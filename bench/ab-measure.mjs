// The measuring loop of bench/ab.mjs, the same in Node and in Chromium: two builds of the core
// render each input in turn, batch after batch, and each keeps its fastest batch.

/**
 * For each test ({ id, text, options }), the fastest time of one render (ms) with each of the
 * `modules` (the builds' bindings, initialised), from `rounds` batches each, and whether the two
 * gave the same result. A round takes the builds in the order it did not take last round.
 */
export function compare(modules, tests, rounds) {
  const results = {};
  for (const { id, text, options } of tests) {
    const renders = modules.map((module) => () => module.render(text, options));
    const same = JSON.stringify(renders[0]()) === JSON.stringify(renders[1]());
    // Optimised code comes from a background compiler after some runs: warm up, then size the
    // batches to 8 ms (browsers coarsen `performance.now()` to 0.1 ms).
    const warm = performance.now();
    while (performance.now() - warm < 300) renders.forEach((render) => render());
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < 50) {
      renders.forEach((render) => render());
      count += 2;
    }
    const batch = Math.max(1, Math.ceil(8 / ((performance.now() - start) / count)));
    const fastest = [Infinity, Infinity];
    for (let round = 0; round < rounds; round++) {
      for (const k of round % 2 ? [1, 0] : [0, 1]) {
        const began = performance.now();
        for (let j = 0; j < batch; j++) renders[k]();
        fastest[k] = Math.min(fastest[k], (performance.now() - began) / batch);
      }
    }
    results[id] = { ms: fastest, same };
  }
  return results;
}
