#!/usr/bin/env bash
# Builds the WebAssembly packages: the core for the browser (pkg/, its rare code split off) and
# for Node (pkg/node/, for tests and benchmarks), shrunk with wasm-opt -Oz; the editor's build
# (pkg/editor/); the editor's CodeMirror as one module (pkg/vendor/codemirror.js); then the
# service worker's precache list (pkg/precache.js, scripts/precache.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

# Both downloads are built with the standard library compiled with them, without what Folio never
# shows (panic locations, Debug text): FOLIO_WASM_STD=small (scripts/wasm-cargo.sh). The core's
# panics trap at once (small-trap): its first render's download is 3 KB smaller without their
# messages; the editor's keep theirs for the author's bug report.
built=target/small-trap/wasm32-unknown-unknown
built_simd=target/small-trap-simd/wasm32-unknown-unknown
built_editor=target/small/wasm32-unknown-unknown

# The core's build settings and steps (features, core_cargo, core_opt, bindgen, split_rare,
# minify_glue), shared with bench/ab.mjs and scripts/first-module.sh.
source scripts/core-build.sh

rm -rf pkg
# The core, small (scripts/core-build.sh): what the widget, the reader and the npm package
# download; for the browser (pkg/) and for Node (pkg/node/, for tests and benchmarks).
core_cargo .
bindgen "$built/release/folio.wasm" web pkg "${core_opt[@]}"
split_rare pkg "$built/release/folio.wasm"
minify_glue pkg
# The same core with WebAssembly SIMD (src/chunk/ reads sixteen bytes at a time: the 13.4 KB
# article renders about 7% faster), in pkg/simd/: www/simd.js picks it where the engine has SIMD, and
# the module without it stays for the others (Safari before 16.4). Its glue is the same file, and
# is checked to be.
FOLIO_WASM_SIMD=1 core_cargo .
bindgen "$built_simd/release/folio.wasm" web pkg/simd "${core_opt[@]}" --enable-simd
split_rare pkg/simd "$built_simd/release/folio.wasm" --enable-simd
minify_glue pkg/simd
if ! cmp -s pkg/folio.js pkg/simd/folio.js; then
  echo "build: the SIMD build's glue differs from the other's; pkg/folio.js cannot load both" >&2
  exit 1
fi
rm pkg/simd/folio.js pkg/simd/folio.d.ts pkg/simd/folio_bg.wasm.d.ts
# Node (tests and benchmarks) has SIMD since Node 16.4.
bindgen "$built_simd/release/folio.wasm" nodejs pkg/node "${core_opt[@]}" --enable-simd
echo '{ "type": "commonjs" }' > pkg/node/package.json  # the repository's package.json says "module"
# The editor (pkg/editor/): the core plus the live preview and drafts, built as the core is
# (opt-level z, the same inlining and wasm-opt passes) but keeping its panic messages. At opt-level 2
# it was 82 KB gzip larger and typed no faster: a keystroke mostly renders its paragraph alone
# (README, "The editor").
FOLIO_WASM_STD=small core_cargo . --features editor
bindgen "$built_editor/release/folio.wasm" web pkg/editor "${core_opt[@]}"
minify_glue pkg/editor
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
