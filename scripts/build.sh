#!/usr/bin/env bash
# Builds the WebAssembly package: release wasm, bindings for the browser (pkg/) and for
# Node (pkg/node/, for tests and benchmarks), each shrunk with wasm-opt -Oz; the editor's
# CodeMirror as one module (pkg/vendor/codemirror.js); then the service worker's precache list
# (pkg/precache.js, scripts/precache.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/wasm-cargo.sh build --release --lib
wasm=target/wasm32-unknown-unknown/release/folio.wasm
[ -f "$wasm" ] || wasm=target/build-std/wasm32-unknown-unknown/release/folio.wasm

rm -rf pkg
# --experimental-reset-state-function: after a panic, www/folio.js starts a fresh instance.
wasm-bindgen --target web --experimental-reset-state-function --out-dir pkg "$wasm"
wasm-bindgen --target nodejs --experimental-reset-state-function --out-dir pkg/node "$wasm"
echo '{ "type": "commonjs" }' > pkg/node/package.json  # the repository's package.json says "module"
for out in pkg/folio_bg.wasm pkg/node/folio_bg.wasm; do
  # binaryen from npm (132), not Debian's 108: 108 rewrites wasm-bindgen 0.2.130's externref
  # table export into the funcref table, and the module then fails to instantiate.
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$out" -o "$out"
done
printf 'build: pkg/folio_bg.wasm %s bytes (%s gzip -9)\n' \
  "$(wc -c < pkg/folio_bg.wasm)" "$(gzip -9 -c pkg/folio_bg.wasm | wc -c)"
# CodeMirror 6 for the editor's source pane: the parts scripts/bundle/codemirror.js lists, bundled
# and minified into one ES module the page imports (no bundler for the page itself).
node_modules/.bin/esbuild scripts/bundle/codemirror.js --bundle --format=esm --minify --target=es2020 \
  --legal-comments=eof --log-level=warning --outfile=pkg/vendor/codemirror.js
printf 'build: pkg/vendor/codemirror.js %s bytes (%s gzip -9)\n' \
  "$(wc -c < pkg/vendor/codemirror.js)" "$(gzip -9 -c pkg/vendor/codemirror.js | wc -c)"
# The service worker's precache list and version (a content hash), for pkg/precache.js.
node scripts/precache.mjs
# The npm package (dist/): facade, element, stylesheet and bindings, with exports and types.
node scripts/package.mjs
