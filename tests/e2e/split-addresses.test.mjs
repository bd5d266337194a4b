// What scripts/split/addresses.mjs takes for an address of read-only data (which keeps that data
// in the first download): every constant and offset, except an offset that a positive constant
// added to its pointer takes past the read-only data, where binaryen split one address in two.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addressesIn } from "../../scripts/split/addresses.mjs";

// Read-only data ends here; the table below starts at 1000 and the lists at 5000.
const END = 2000;

/** A module, as wasm-dis writes it, with one function of `body`. */
const module = (body) => ` (module\n (func $0 (param $0 i32) (param $1 i32)\n${body}\n )\n)`;

test("an offset whose pointer adds a constant past the read-only data is not taken on its own", () => {
  const found = addressesIn(module("  (drop\n   (i32.load offset=1000\n    (i32.add\n     (local.get $0)\n     (i32.const 4000)\n    )\n   )\n  )"), END);
  assert.ok(!found.has(1000));
  assert.ok(found.has(5000) && found.has(4000));
});

test("an offset whose pointer adds a constant within the read-only data is taken", () => {
  const found = addressesIn(module("  (drop\n   (i32.load offset=1000\n    (i32.add\n     (local.get $0)\n     (i32.const 8)\n    )\n   )\n  )"), END);
  assert.ok(found.has(1000) && found.has(1008));
});

test("a constant added to a pointer that a local holds is followed through the local", () => {
  const body = [
    "  (local.set $1\n   (i32.add\n    (local.get $0)\n    (i32.const 4000)\n   )\n  )",
    "  (i32.store offset=1000\n   (local.get $1)\n   (i32.const 0)\n  )",
    "  (i32.store\n   (i32.add\n    (local.get $1)\n    (i32.const 1004)\n   )\n   (i32.const 0)\n  )",
  ].join("\n");
  const found = addressesIn(module(body), END);
  assert.ok(!found.has(1000) && !found.has(1004));
  assert.ok(found.has(5000) && found.has(5004));
});

test("what a local holds is unknown after a loop or a block that sets it, and after an if whose arms differ", () => {
  const set = (value) => `(local.set $1\n   (i32.add\n    (local.get $0)\n    (i32.const ${value})\n   )\n  )`;
  const load = "  (drop\n   (i32.load offset=1000\n    (local.get $1)\n   )\n  )";
  const cases = [
    `  ${set(4000)}\n  (loop $l\n   ${set(4000)}\n  )\n${load}`,
    `  ${set(4000)}\n  (block $b\n   ${set(5000)}\n  )\n${load}`,
    `  (if\n   (local.get $0)\n   (then\n    ${set(4000)}\n   )\n   (else\n    ${set(5000)}\n   )\n  )\n${load}`,
    `  (if\n   (local.get $0)\n   (then\n    ${set(4000)}\n   )\n  )\n${load}`,
    `  ${load}`,
  ];
  for (const body of cases) assert.ok(addressesIn(module(body), END).has(1000), body);
});

test("an if whose arms both give a local the same constant keeps it", () => {
  const set = `(local.set $1\n   (i32.add\n    (local.get $0)\n    (i32.const 4000)\n   )\n  )`;
  const body = `  (if\n   (local.get $0)\n   (then\n    ${set}\n   )\n   (else\n    ${set}\n   )\n  )\n  (drop\n   (i32.load offset=1000\n    (local.get $1)\n   )\n  )`;
  assert.ok(!addressesIn(module(body), END).has(1000));
});

test("constants outside functions count, and a data segment's own address does not", () => {
  const text = ` (module\n (global $g i32 (i32.const 1500))\n (data $0 (i32.const 1200) "ab")\n)`;
  const found = addressesIn(text, END);
  assert.ok(found.has(1500) && !found.has(1200));
});

test("a quoted name holding parentheses, as a build keeping its names writes one, is no part of the code", () => {
  const text = ` (module\n (func $"f)" (param $0 i32)\n  (drop\n   (i32.load offset=1000\n    (i32.add\n     (local.get $0)\n     (i32.const 4000)\n    )\n   )\n  )\n  (call $"g"\n   (i32.const 1500)\n  )\n )\n)`;
  const found = addressesIn(text, END);
  assert.ok(!found.has(1000) && found.has(5000) && found.has(1500));
});
