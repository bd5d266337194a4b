// Every address-like number in a module's code and globals, for scripts/split/rare-data.mjs: each
// constant, each load's or store's offset, and the two added where a constant is added to the
// pointer. binaryen moves parts of an address between a constant and an offset, so the offset on
// its own can be no address at all: it made the size classes' lists, in writable memory, a pointer
// with 1,128,912 added and an offset of 1,081,344, which lies inside the transliteration table.
// An offset is left out on its own only where the constant added to the pointer, positive, takes
// it past the read-only data: no access into that data is written so. Which constant a local
// holds is followed through straight-line code only; past a merge of control flow it is unknown.
import { execFileSync } from "node:child_process";

/** The numbers in the code of the module at `path` that may address memory up to `end`. */
export function addressLike(path, end) {
  return addressesIn(execFileSync("node_modules/.bin/wasm-dis", [path], { encoding: "utf8", maxBuffer: 1 << 30 }), end);
}

/** The same, from the module's text as `wasm-dis` writes it. */
export function addressesIn(text, end) {
  const found = new Set();
  let func = null;
  let depth = 0;
  for (const line of text.split("\n")) {
    if (/^ \(func /.test(line)) func = [];
    if (func) {
      // No strings in a function's body but quoted names (a build keeping its names), which
      // may hold parentheses: without them, its parentheses are all the text's own.
      const code = line.replace(/\$"(?:[^"\\]|\\.)*"/g, "$_");
      func.push(code);
      for (const c of code) depth += c === "(" ? 1 : c === ")" ? -1 : 0;
      if (depth === 0) {
        walk(tree(func.join("\n")), new Map(), { found, end });
        func = null;
      }
    } else if (!/^\s*\(data /.test(line)) {
      // A data segment's own address is where binaryen starts it (after a run of zeros it leaves
      // out, perhaps inside a symbol), not an address the code holds.
      for (const [, value] of line.matchAll(/\(i32\.const (-?\d+)\)/g)) found.add(Number(value) >>> 0);
    }
  }
  return found;
}

/** One function's text as nodes: `{ head, imm, kids }`. */
function tree(text) {
  const root = { head: "", imm: [], kids: [] };
  const stack = [root];
  let open = false;
  for (const [token] of text.matchAll(/\(|\)|[^\s()]+/g)) {
    const top = stack.at(-1);
    if (token === "(") {
      open = true;
    } else if (token === ")") {
      stack.pop();
    } else if (open) {
      const node = { head: token, imm: [], kids: [] };
      top.kids.push(node);
      stack.push(node);
      open = false;
    } else {
      top.imm.push(token);
    }
  }
  return root.kids[0];
}

const ACCESS = /^(i32|i64|f32|f64|v128)\.(load|store)/;

/** Walks `node` in the order it runs, `locals` holding the constant each local was last given
 * added to something, where straight-line code shows it. */
function walk(node, locals, out) {
  const { head, kids } = node;
  if (head === "i32.const") {
    out.found.add(Number(node.imm[0]) >>> 0);
  } else if (head === "local.set" || head === "local.tee") {
    kids.forEach((kid) => walk(kid, locals, out));
    const added = addedConstant(kids[0], locals);
    if (added === undefined) locals.delete(node.imm[0]);
    else locals.set(node.imm[0], added);
  } else if (ACCESS.test(head)) {
    const [pointer, ...rest] = kids;
    walk(pointer, locals, out);
    const offset = node.imm.map((imm) => /^offset=(\d+)$/.exec(imm)).find(Boolean);
    if (offset) access(Number(offset[1]), pointer, locals, out);
    rest.forEach((kid) => walk(kid, locals, out));
  } else if (head === "i32.add" && kids.some((kid) => kid.head === "i32.const")) {
    // A constant added to a pointer is an offset too, written apart.
    const [pointer, value] = kids[1].head === "i32.const" ? kids : [kids[1], kids[0]];
    walk(pointer, locals, out);
    access(Number(value.imm[0]), pointer, locals, out);
  } else if (head === "if") {
    const [condition, ...arms] = kids.filter((kid) => kid.head !== "result");
    walk(condition, locals, out);
    const ends = arms.map((arm) => {
      const own = new Map(locals);
      walk(arm, own, out);
      return own;
    });
    if (ends.length === 1) ends.push(new Map(locals));
    locals.clear();
    for (const [name, value] of ends[0]) if (ends.every((end) => end.get(name) === value)) locals.set(name, value);
  } else if (head === "loop" || head === "block") {
    // A loop is entered again from its end, and a block left from its middle: what either gives a
    // local is unknown at those points.
    const assigned = assignedIn(node);
    if (head === "loop") assigned.forEach((name) => locals.delete(name));
    kids.forEach((kid) => walk(kid, locals, out));
    assigned.forEach((name) => locals.delete(name));
  } else {
    kids.forEach((kid) => walk(kid, locals, out));
  }
}

/** The numbers `offset` from `pointer` may address (a load's or store's, or a constant added). */
function access(offset, pointer, locals, out) {
  const added = pointer.head === "i32.const" ? Number(pointer.imm[0]) : addedConstant(pointer, locals);
  if (added !== undefined) out.found.add((added + offset) >>> 0);
  if (added === undefined || added <= 0 || added + offset <= out.end) out.found.add(offset);
}

/** The constant `node`'s value has added to something else, if it is plain to see. */
function addedConstant(node, locals) {
  if (node.head === "i32.add") {
    const value = node.kids.find((kid) => kid.head === "i32.const");
    return value && Number(value.imm[0]);
  }
  if (node.head === "local.tee") return addedConstant(node.kids[0], locals);
  if (node.head === "local.get") return locals.get(node.imm[0]);
  return undefined;
}

/** The locals set anywhere inside `node`. */
function assignedIn(node, out = new Set()) {
  if (node.head === "local.set" || node.head === "local.tee") out.add(node.imm[0]);
  node.kids.forEach((kid) => assignedIn(kid, out));
  return out;
}
