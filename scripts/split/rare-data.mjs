// Moves the read-only data that only the rare module's code addresses out of the first module
// (DIR/folio_bg.wasm) into the rare one (DIR/folio_rare_bg.wasm), after wasm-split: wasm-split
// moves functions only, and every message, table and name of the rare code was downloaded before
// the first render. The rare module writes those bytes into the shared memory when it is
// instantiated, which happens before any of its functions runs; in the first module they are
// zeros, which gzip all but drops.
//
//   node scripts/split/rare-data.mjs DIR SYMBOLS.json     (SYMBOLS.json: scripts/split/relocations.mjs)
//
// A symbol stays in the first module if its code holds any address the linker addressed the
// symbol by (a constant, a load's or store's offset, or the two added), if data that stays points
// to it, or if neither module's code addresses it (it is then reached some way this does not
// see). Every address a symbol is addressed by was a relocation of the linker's, within the
// symbol's range from relocations.mjs; binaryen moves parts of an address between a constant
// and an offset, which is why their sum counts too (scripts/split/addresses.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import { dataOf, dataSegment, sections, withDataSegments } from "../wasm-binary.mjs";
import { addressLike } from "./addresses.mjs";

const [dir, symbolsPath] = process.argv.slice(2);
const primaryPath = `${dir}/folio_bg.wasm`;
const rarePath = `${dir}/folio_rare_bg.wasm`;
const { rodata, symbols, pointedFromWritable } = JSON.parse(readFileSync(symbolsPath, "utf8"));
// Runs of moved bytes at most this far apart go into one segment of the rare module, with the
// bytes between them (the same bytes the first module holds: writing them again changes nothing).
const JOIN_GAP = 16;
// Runs of zeros longer than this are left out of the first module's segments, which are split
// around them: a shorter run costs less as zeros, which gzip all but drops, than as the header of
// one more segment (the first module with the 29 KB transliteration table moved: split at runs
// over 16 bytes 143,355 B, 256 bytes 143,296 B, 1,024 or 4,096 bytes 143,273 B).
const ZERO_RUN = 1024;

/** The symbols whose range holds any of `values`. */
function addressed(values) {
  const byLow = symbols.map((symbol, index) => ({ ...symbol, index })).sort((a, b) => a.low - b.low);
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Set();
  let first = 0;
  for (const value of sorted) {
    // The values come in order: a range ending before this one holds no later one either.
    while (first < byLow.length && byLow[first].high < value) first++;
    for (let i = first; i < byLow.length && byLow[i].low <= value; i++) {
      if (value <= byLow[i].high) out.add(byLow[i].index);
    }
  }
  return out;
}

/** `seeds` and every symbol they point to, directly or not, except those in `except`. */
function closure(seeds, except = new Set()) {
  const out = new Set();
  const stack = [...seeds].filter((s) => !except.has(s));
  while (stack.length) {
    const s = stack.pop();
    if (out.has(s)) continue;
    out.add(s);
    for (const t of symbols[s].points) if (!except.has(t) && !out.has(t)) stack.push(t);
  }
  return out;
}

/** The numbers in a module's code and globals that fall in the read-only data. */
const addresses = (path) => [...addressLike(path, rodata.end)].filter((value) => rodata.start <= value && value <= rodata.end);

const kept = closure([...addressed(addresses(primaryPath)), ...pointedFromWritable]);
const rare = closure(addressed(addresses(rarePath)), kept);

// The bytes to move: the rare symbols' bytes, less any a kept symbol shares.
const moved = new Uint8Array(rodata.end - rodata.start);
for (const s of rare) moved.fill(1, symbols[s].start - rodata.start, symbols[s].end - rodata.start);
for (const s of kept) moved.fill(0, symbols[s].start - rodata.start, symbols[s].end - rodata.start);

// The moved bytes' values, taken from the first module's segments, which then hold zeros there.
const primary = readFileSync(primaryPath);
const original = new Uint8Array(moved.length);
for (const { address, bytes } of dataOf(primary)) {
  bytes.forEach((byte, i) => {
    const at = address + i - rodata.start;
    if (at < 0 || at >= moved.length) return;
    original[at] = byte;
    if (moved[at]) bytes[i] = 0;
  });
}

// The rare module's segments: runs of moved bytes that are not zero (binaryen leaves zeros out
// of its segments: memory starts zeroed), joined across short gaps.
const runs = [];
let count = 0;
for (let at = 0; at < moved.length; at++) {
  if (!moved[at] || original[at] === 0) continue;
  count += 1;
  const last = runs.at(-1);
  if (last && at - last.end <= JOIN_GAP) last.end = at + 1;
  else runs.push({ start: at, end: at + 1 });
}
const rareModule = readFileSync(rarePath);
if (sections(rareModule).some(({ id }) => id === 11 || id === 12)) throw new Error(`${rarePath}: has data of its own already`);
const rareSegments = runs.map(({ start, end }) => dataSegment(rodata.start + start, original.subarray(start, end)));

// The first module's segments without the zeros left where bytes moved: split around runs of
// zeros longer than ZERO_RUN (memory starts zeroed, and nothing in either module refers to a
// segment by its index).
const pieces = dataOf(primary).flatMap(({ address, bytes }) => {
  const out = [];
  let start = 0;
  let zeros = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] === 0) {
      zeros += 1;
      continue;
    }
    if (zeros > ZERO_RUN || i === bytes.length) {
      const end = i - zeros;
      if (end > start) out.push(dataSegment(address + start, bytes.subarray(start, end)));
      start = i;
    }
    zeros = 0;
  }
  return out;
});
writeFileSync(primaryPath, withDataSegments(primary, pieces));
writeFileSync(rarePath, withDataSegments(rareModule, rareSegments));
console.log(`rare-data: ${count} bytes of ${rare.size} read-only symbols moved to ${rarePath} (${runs.length} segments)`);
