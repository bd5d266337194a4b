// Reading and writing the WebAssembly binary format, as much as the build's post-processing
// scripts need: LEB128 numbers, names, and a module's sections.

/** The unsigned LEB128 number at `at`, and where it ends. */
export function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The signed LEB128 number at `at` (32 bits), and where it ends. */
export function readS32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80);
  return [shift < 32 && byte & 0x40 ? value | (-1 << shift) : value, at];
}

/** `value` as unsigned LEB128 bytes. */
export function u32(value) {
  const out = [];
  do {
    const byte = value & 0x7f;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

/** `value` as signed LEB128 bytes (32 bits). */
export function s32(value) {
  const out = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** The name (UTF-8, length first) at `at`, and where it ends. */
export function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/** A name as the binary format writes it: its UTF-8 length, then its bytes. */
export const name = (s) => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];

/**
 * The sections of a module, in order: `id`, the custom section's `name` (else undefined), and
 * `body`, the bytes after the section's size (a custom section's name included).
 */
export function sections(module) {
  const out = [];
  for (let at = 8; at < module.length; ) {
    const id = module[at];
    const [size, start] = readU32(module, at + 1);
    const body = module.subarray(start, start + size);
    out.push({ id, name: id === 0 ? readName(body, 0)[0] : undefined, body });
    at = start + size;
  }
  return out;
}

/** A module made of the header of `module` (magic and version) and `list`'s sections. */
export function assemble(module, list) {
  return Buffer.concat([module.subarray(0, 8), ...list.flatMap(({ id, body }) => [Buffer.from([id, ...u32(body.length)]), body])]);
}

/**
 * The segments of a data section's `body`: each one's `address`, `size`, and where its bytes
 * start in `body` (`bytesAt`). Only active segments of memory 0 at a constant address, which is
 * all the core's linker and binaryen write.
 */
export function dataSegments(body) {
  let [count, at] = readU32(body, 0);
  const out = [];
  while (count--) {
    const flags = body[at++];
    if (flags !== 0 || body[at++] !== 0x41) throw new Error("a data segment other than active at an i32.const address");
    let address, size;
    [address, at] = readS32(body, at);
    if (body[at++] !== 0x0b) throw new Error("a data segment's address is not a constant");
    [size, at] = readU32(body, at);
    out.push({ address, size, bytesAt: at });
    at += size;
  }
  return out;
}

/** An active data segment of memory 0 at a constant `address`, as the binary format writes it. */
export const dataSegment = (address, bytes) => [0, 0x41, ...s32(address), 0x0b, ...u32(bytes.length), ...bytes];

/**
 * `module` with its data segments replaced by `segments` (each as [`dataSegment`] writes it),
 * the data count section kept in step; a module without a data section gets one after its code.
 */
export function withDataSegments(module, segments) {
  const list = sections(module);
  const body = Buffer.from([...u32(segments.length), ...segments.flat()]);
  if (!list.some(({ id }) => id === 11)) list.splice(list.findIndex(({ id }) => id === 10) + 1, 0, { id: 11, body });
  for (const section of list) {
    if (section.id === 11) section.body = body;
    if (section.id === 12) section.body = Buffer.from(u32(segments.length));
  }
  return assemble(module, list);
}

/** A module's data segments (none without a data section): each one's `address` and `bytes`, a view into `module`. */
export function dataOf(module) {
  const data = sections(module).find(({ id }) => id === 11);
  if (!data) return [];
  return dataSegments(data.body).map(({ address, size, bytesAt }) => ({ address, bytes: data.body.subarray(bytesAt, bytesAt + size) }));
}
