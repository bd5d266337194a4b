// One process of `node bench/ab.mjs A B --count`, which runs it under valgrind: renders a test
// of target/ab/tests.json with the build in DIR, 20 times to warm up, then N times more.
//
//   node bench/ab-count.mjs DIR ID N
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dir, id, n] = process.argv.slice(2);
const tests = JSON.parse(readFileSync(new URL("../target/ab/tests.json", import.meta.url), "utf8"));
const { text, options } = tests.find((test) => test.id === id);
const module = await import(pathToFileURL(`${dir}/folio.js`).href);
module.initSync({ module: readFileSync(`${dir}/folio_bg.wasm`) });
for (let i = 0; i < 20 + Number(n); i++) module.render(text, options);
