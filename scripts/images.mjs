// Draws the reader's PNG icons (www/icons/) and the second demo article's illustrations
// (www/articles/images/), with no dependency: shapes sampled per pixel (4×4 supersampling for
// smooth edges) and a small PNG encoder. The PNGs are committed; run this after changing a drawing.
//
//   node scripts/images.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// --- PNG -------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const paeth = (a, b, c) => {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};
/** RGBA pixels (Uint8Array, width × height × 4) as a PNG; each row takes its smallest filter. */
function png(width, height, rgba) {
  const stride = width * 4;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const up = y ? rgba.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let best;
    for (let filter = 0; filter < 5; filter++) {
      const line = Buffer.alloc(stride + 1);
      line[0] = filter;
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 4 ? row[i - 4] : 0, b = up[i], c = i >= 4 ? up[i - 4] : 0;
        const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
        const value = (row[i] - predicted) & 0xff;
        line[i + 1] = value;
        cost += value < 128 ? value : 256 - value;
      }
      if (!best || cost < best.cost) best = { line, cost };
    }
    rows.push(best.line);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// --- Drawing ---------------------------------------------------------------------------------

const hex = (text) => [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const clamp = (t) => Math.max(0, Math.min(1, t));

/** Renders `paint(x, y) → [r, g, b, a?]` (x, y in 0..1 of the width) with 4×4 supersampling. */
function draw(width, height, paint) {
  const pixels = new Uint8Array(width * height * 4);
  const n = 4;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a = 255] = paint((px + (sx + 0.5) / n) / width, (py + (sy + 0.5) / n) / width);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const o = (py * width + px) * 4;
      const alpha = sum[3] / (n * n);
      pixels[o] = alpha ? Math.round(sum[0] / sum[3]) : 0;
      pixels[o + 1] = alpha ? Math.round(sum[1] / sum[3]) : 0;
      pixels[o + 2] = alpha ? Math.round(sum[2] / sum[3]) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return png(width, height, pixels);
}

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r)), cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const ACCENT = hex("#000091");
const ACCENT_LIGHT = hex("#3a3ad6");
const PAPER = hex("#ffffff");
const LINE = hex("#9fa3ff");

/**
 * The icon: a page of text on Folio's blue. `inset` is the part of the square the page may use
 * (maskable icons keep their drawing inside the middle 80%); `rounded` gives the tile round corners.
 */
function icon(x, y, { inset = 1, rounded = true } = {}) {
  if (rounded && !inRoundedRect(x, y, 0, 0, 1, 1, 0.18)) return [0, 0, 0, 0];
  const background = mix(ACCENT_LIGHT, ACCENT, clamp((x + y) / 2));
  // The page, scaled into the usable part of the square.
  const s = inset, u = (x - 0.5) / s + 0.5, v = (y - 0.5) / s + 0.5;
  if (!inRoundedRect(u, v, 0.27, 0.18, 0.73, 0.82, 0.04)) return background;
  // A folded top-right corner.
  if (u > 0.63 && v < 0.28 && u - 0.63 > v - 0.18) return mix(background, PAPER, 0.35);
  const lines = [[0.33, 0.62], [0.42, 0.66], [0.51, 0.66], [0.60, 0.58], [0.69, 0.48]];
  for (const [top, right] of lines) {
    if (v >= top && v <= top + 0.035 && u >= 0.34 && u <= right) return top === 0.33 ? ACCENT : LINE;
  }
  return PAPER;
}

function trainWindow(x, y) {
  const h = 9 / 16; // height as a fraction of the width
  // The window frame.
  const frame = hex("#2b2d42");
  if (!inRoundedRect(x, y, 0.04, 0.04, 0.96, h - 0.04, 0.05)) return frame;
  const sky = mix(hex("#7fb8f5"), hex("#ffe2b0"), clamp(y / (h * 0.62)));
  const sun = Math.hypot(x - 0.72, y - h * 0.34) < 0.06;
  const far = h * (0.48 + 0.05 * Math.sin(x * 9 + 1) + 0.02 * Math.sin(x * 23));
  const near = h * (0.62 + 0.06 * Math.sin(x * 5.5 + 2.4) + 0.015 * Math.sin(x * 31));
  const poles = Math.abs(((x * 7) % 1) - 0.5) < 0.012 && y > h * 0.42 && y < near;
  const wire = Math.abs(y - (h * 0.43 + 0.02 * Math.cos(((x * 7) % 1 - 0.5) * Math.PI))) < 0.002;
  const rail = y > h * 0.86;
  if (rail) return mix(hex("#6b705c"), hex("#3d405b"), clamp((y - h * 0.86) / (h * 0.14)));
  if (y > near) return mix(hex("#588157"), hex("#3a5a40"), clamp((y - near) / (h * 0.3)));
  if (poles) return hex("#5c4033");
  if (y > far) return mix(hex("#a3b18a"), hex("#84a98c"), clamp((y - far) / (h * 0.2)));
  if (wire) return hex("#444444");
  if (sun) return hex("#fff3c4");
  return sky;
}

function routeMap(x, y) {
  const h = 0.5;
  const stations = [[0.08, 0.34], [0.3, 0.16], [0.52, 0.3], [0.74, 0.12], [0.92, 0.22]];
  for (const [sx, sy] of stations) {
    const d = Math.hypot(x - sx, y - sy);
    if (d < 0.018) return PAPER;
    if (d < 0.03) return ACCENT;
  }
  for (let i = 0; i + 1 < stations.length; i++) {
    const [ax, ay] = stations[i], [bx, by] = stations[i + 1];
    const t = clamp(((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2));
    if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < 0.008) return ACCENT;
  }
  // Dead zones: where the line has no signal, shaded.
  if ((x > 0.36 && x < 0.62) && y > 0.04 && y < h - 0.04) return hex("#eceaf7");
  const grid = (x * 20) % 1 < 0.03 || (y * 20) % 1 < 0.03;
  return grid ? hex("#e6e6e6") : hex("#f8f8f8");
}

const outputs = {
  "www/icons/icon-192.png": () => draw(192, 192, (x, y) => icon(x, y)),
  "www/icons/icon-512.png": () => draw(512, 512, (x, y) => icon(x, y)),
  "www/icons/maskable-512.png": () => draw(512, 512, (x, y) => icon(x, y, { inset: 0.7, rounded: false })),
  "www/icons/apple-touch-icon.png": () => draw(180, 180, (x, y) => icon(x, y, { inset: 0.85, rounded: false })),
  "www/icons/favicon-32.png": () => draw(32, 32, (x, y) => icon(x, y)),
  "www/articles/images/train-window.png": () => draw(960, 540, trainWindow),
  "www/articles/images/route-map.png": () => draw(640, 320, routeMap),
};
for (const [path, make] of Object.entries(outputs)) {
  const bytes = make();
  writeFileSync(`${ROOT}${path}`, bytes);
  console.log(`${String(bytes.length).padStart(7)}  ${path}`);
}
