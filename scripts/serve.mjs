// A static file server for the demo and the browser tests: serves a folder on
// 127.0.0.1 with the right content types (`.wasm` as application/wasm, which
// WebAssembly.instantiateStreaming requires) and prints its URL.
//
//   node scripts/serve.mjs [--port 8080] [--root .]
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

/** Starts a server for `root`; resolves to the http.Server once it listens. */
export function serve({ root = ".", port = 8080, host = "127.0.0.1", headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
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
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, root: { type: "string", default: "." } } });
  const server = await serve({ root: values.root, port: Number(values.port) });
  const { port } = server.address();
  console.log(`Folio is running at http://127.0.0.1:${port}/  (Ctrl-C to stop)`);
}
