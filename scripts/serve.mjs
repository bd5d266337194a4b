// A static file server for the demo and the browser tests: serves a folder on
// 127.0.0.1 with the right content types (`.wasm` as application/wasm, which
// WebAssembly.instantiateStreaming requires) and prints its URL.
//
//   node scripts/serve.mjs [--port 8080] [--root .] [--base /folio/]
//
// `--base` serves the folder under a path prefix, as a static host serves a project site
// (https://example.org/folio/): anything outside the prefix is 404, and `/` redirects to it.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".md": "text/markdown; charset=utf-8",
  ".markdown": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ts": "text/plain; charset=utf-8",
};

/** `/folio`, `folio/` or `/folio/` → `/folio/`; nothing → `/`. */
function normalizeBase(base) {
  const trimmed = String(base ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Starts a server for `root`; resolves to the http.Server once it listens.
 * `base` is the path prefix the folder is served under. `intercept(path, request, response)`,
 * for tests, sees each request first (path relative to the folder, e.g. `/pkg/precache.js`) and
 * returns true when it has answered it itself: a changed build, a server gone dark.
 */
export function serve({ root = ".", port = 8080, host = "127.0.0.1", headers = {}, base = "/", intercept } = {}) {
  const folder = resolve(root);
  const prefix = normalizeBase(base);
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!pathname.startsWith(prefix)) {
      if (pathname === "/" || pathname === prefix.slice(0, -1)) {
        response.writeHead(302, { location: prefix, ...headers }).end();
      } else {
        response.writeHead(404, { "content-type": "text/plain", ...headers }).end(`not found: ${pathname} (served under ${prefix})`);
      }
      return;
    }
    const path = pathname.slice(prefix.length - 1);
    if (intercept?.(path, request, response)) return;
    let file = normalize(join(folder, path));
    if (file !== folder && !file.startsWith(folder + sep)) {
      response.writeHead(403, headers).end("forbidden");
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain", ...headers }).end(`not found: ${path}`);
    }
  });
  server.base = prefix;
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      root: { type: "string", default: "." },
      base: { type: "string", default: "/" },
    },
  });
  const server = await serve({ root: values.root, port: Number(values.port), base: values.base });
  const { port } = server.address();
  console.log(`Folio is running at http://127.0.0.1:${port}${server.base}  (Ctrl-C to stop)`);
}
