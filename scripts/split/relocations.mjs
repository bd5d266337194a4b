// The linker's relocations of the core's module (linked with --emit-relocs by core_cargo), read
// for scripts/split/rare-data.mjs, then dropped: tools after the linker (wasm-bindgen, binaryen)
// take a module without them, and the module without them is the one a link without
// --emit-relocs makes, once binaryen has packed its memory (the same bytes after wasm-opt).
//
//   node scripts/split/relocations.mjs LINKED.wasm --strip OUT.wasm     the module without them
//   node scripts/split/relocations.mjs LINKED.wasm --symbols SYMBOLS.json
//
// SYMBOLS.json lists the read-only data symbols (`.rodata`), each with where it lies (`start`,
// `end`), the addresses the code and data are linked to address it by (`low`..`high`: the
// symbol's own bytes and any offset a relocation adds, such as its end or one element before
// it), and the symbols whose address its own bytes hold (`points`). Data symbols of the writable
// segments are listed by what they point to only (`pointedFromWritable`).
import { readFileSync, writeFileSync } from "node:fs";
import { assemble, dataSegments, readName, readS32, readU32, sections } from "../wasm-binary.mjs";

const [linkedPath, option, outPath] = process.argv.slice(2);

// The relocation types that carry an addend (LLVM's WasmRelocs.def, relocTypeHasAddend).
const WITH_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
// Those that give a data symbol's address.
const MEMORY_ADDRESS = new Set([3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25]);

/** The linking section's symbol table and its segments' names. */
function linking(body) {
  let [, at] = readName(body, 0);
  let version;
  [version, at] = readU32(body, at);
  if (version !== 2) throw new Error(`${linkedPath}: linking section version ${version}, not 2`);
  const symbols = [];
  const segmentNames = [];
  while (at < body.length) {
    const type = body[at++];
    let size;
    [size, at] = readU32(body, at);
    const end = at + size;
    if (type === 8) {
      let count;
      [count, at] = readU32(body, at);
      while (count--) {
        const kind = body[at++];
        let flags, name, segment, offset, length;
        [flags, at] = readU32(body, at);
        const undefinedSymbol = flags & 0x10;
        if (kind === 1) {
          [name, at] = readName(body, at);
          if (!undefinedSymbol) {
            [segment, at] = readU32(body, at);
            [offset, at] = readU32(body, at);
            [length, at] = readU32(body, at);
          }
          symbols.push({ kind, name, segment, offset, length });
        } else if (kind === 3) {
          [, at] = readU32(body, at);
          symbols.push({ kind });
        } else {
          [, at] = readU32(body, at);
          if (!undefinedSymbol || flags & 0x40) [name, at] = readName(body, at);
          symbols.push({ kind, name });
        }
      }
    } else if (type === 5) {
      let count;
      [count, at] = readU32(body, at);
      while (count--) {
        let name;
        [name, at] = readName(body, at);
        [, at] = readU32(body, at);
        [, at] = readU32(body, at);
        segmentNames.push(name);
      }
    }
    at = end;
  }
  return { symbols, segmentNames };
}

/** A relocation section's entries: the section they apply to, and `{type, offset, symbol, addend}`. */
function relocations(body) {
  let [, at] = readName(body, 0);
  let target, count;
  [target, at] = readU32(body, at);
  [count, at] = readU32(body, at);
  const entries = [];
  while (count--) {
    const type = body[at++];
    let offset, symbol, addend = 0;
    [offset, at] = readU32(body, at);
    [symbol, at] = readU32(body, at);
    if (WITH_ADDEND.has(type)) [addend, at] = readS32(body, at);
    entries.push({ type, offset, symbol, addend });
  }
  return { target, entries };
}

function readOnlySymbols(all) {
  const dataIndex = all.findIndex(({ id }) => id === 11);
  const segments = dataSegments(all[dataIndex].body);
  const { symbols, segmentNames } = linking(all.find(({ name }) => name === "linking").body);
  const rodata = segmentNames.indexOf(".rodata");
  if (rodata < 0) throw new Error(`${linkedPath}: no .rodata segment`);

  // Each defined data symbol where it lies.
  const placed = new Map();
  symbols.forEach((symbol, index) => {
    if (symbol.kind !== 1 || symbol.segment === undefined) return;
    const start = segments[symbol.segment].address + symbol.offset;
    placed.set(index, { index, start, end: start + symbol.length, low: start, high: start + symbol.length, readOnly: symbol.segment === rodata, points: new Set() });
  });
  const bySegmentByte = (segment, byte) =>
    [...placed.values()].filter((s) => s.start <= segments[segment].address + byte && segments[segment].address + byte < s.end);

  // Every address a relocation links code or data to widens its symbol's range; a relocation
  // inside data makes its symbol point to the target.
  for (const section of all.filter(({ name }) => name?.startsWith("reloc."))) {
    const { target, entries } = relocations(section.body);
    const inData = target === dataIndex;
    const located = inData ? locateInData(segments) : undefined;
    for (const { type, offset, symbol, addend } of entries) {
      if (!MEMORY_ADDRESS.has(type)) continue;
      const to = placed.get(symbol);
      if (!to) continue;
      to.low = Math.min(to.low, to.start + addend);
      to.high = Math.max(to.high, to.start + addend);
      if (inData) {
        const { segment, byte } = located(offset);
        for (const from of bySegmentByte(segment, byte)) from.points.add(to.index);
      }
    }
  }
  const list = [...placed.values()];
  const readOnly = list.filter((s) => s.readOnly);
  const ordinal = new Map(readOnly.map((s, i) => [s.index, i]));
  const rodataSegment = segments[rodata];
  return {
    rodata: { start: rodataSegment.address, end: rodataSegment.address + rodataSegment.size },
    symbols: readOnly.map(({ start, end, low, high, points }) => ({
      start, end, low, high, points: [...points].filter((p) => ordinal.has(p)).map((p) => ordinal.get(p)),
    })),
    pointedFromWritable: [...new Set(list.filter((s) => !s.readOnly).flatMap((s) => [...s.points]))]
      .filter((p) => ordinal.has(p)).map((p) => ordinal.get(p)),
  };
}

/** For an offset in the data section's body, the segment and the byte within it. */
function locateInData(segments) {
  return (offset) => {
    const segment = segments.findIndex(({ bytesAt, size }) => bytesAt <= offset && offset < bytesAt + size);
    if (segment < 0) throw new Error(`${linkedPath}: a data relocation outside every segment's bytes`);
    return { segment, byte: offset - segments[segment].bytesAt };
  };
}

const linked = readFileSync(linkedPath);
const all = sections(linked);
const isRelocation = ({ id, name }) => id === 0 && (name === "linking" || name.startsWith("reloc."));
if (!all.some(isRelocation)) throw new Error(`${linkedPath}: no relocations (was it linked with --emit-relocs?)`);
if (option === "--strip") writeFileSync(outPath, assemble(linked, all.filter((section) => !isRelocation(section))));
else if (option === "--symbols") writeFileSync(outPath, JSON.stringify(readOnlySymbols(all)));
else throw new Error(`usage: relocations.mjs LINKED.wasm --strip OUT.wasm | --symbols SYMBOLS.json`);
