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

# The WebAssembly features Folio's modules use (Rust's defaults for wasm32, and bulk memory).
features=(--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue)

# Bindings for one wasm: bindgen WASM TARGET OUT_DIR WASM_OPT_FLAGS...
bindgen() {
  # --experimental-reset-state-function: after a panic, www/facade.js starts a fresh instance.
  wasm-bindgen --target "$2" --experimental-reset-state-function --out-dir "$3" "$1"
  # binaryen from npm (132), not Debian's 108: 108 rewrites wasm-bindgen 0.2.130's externref
  # table export into the funcref table, and the module then fails to instantiate.
  node_modules/.bin/wasm-opt "${@:4}" "${features[@]}" "$3/folio_bg.wasm" -o "$3/folio_bg.wasm"
  size "$3/folio_bg.wasm"
}

size() {
  printf 'build: %s %s bytes (%s gzip -9)\n' "$1" "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)"
}

# The browser's glue is downloaded with the wasm: its imports named short in both
# (scripts/short-imports.mjs), then minified; 4.5 → 3.0 KB gzip for the core.
minify_glue() {
  node scripts/short-imports.mjs "$1"
  node_modules/.bin/esbuild "$1/folio.js" --minify --format=esm --log-level=warning \
    --allow-overwrite --outfile="$1/folio.js"
  size "$1/folio_bg.wasm"
  size "$1/folio.js"
}

# The core's browser module in two (split_rare DIR [FEATURE...]): what rendering real articles uses stays in
# folio_bg.wasm, the rest (error paths, options and constructs the corpus never needs) goes to
# folio_rare_bg.wasm, which the glue links on first use (scripts/split/). The first render
# downloads 19 KB less (gzip). Where wasm-split cannot be had, the module stays whole, with a warning.
split_rare() {
  local tool work=target/split
  if ! tool=$(scripts/wasm-split.sh); then
    echo "build: no wasm-split; $1/folio_bg.wasm stays one module" >&2
    return 0
  fi
  rm -rf "$work" && mkdir -p "$work"
  "$tool" --instrument "${features[@]}" "${@:2}" "$1/folio_bg.wasm" -o "$work/folio_bg.wasm"
  cp "$1/folio.js" "$work/folio.js"
  node scripts/split/profile.mjs "$work"
  "$tool" --split "${features[@]}" "${@:2}" --profile="$work/profile" --export-prefix=% "$1/folio_bg.wasm" \
    -o1 "$work/main.wasm" -o2 "$1/folio_rare_bg.wasm"
  mv "$work/main.wasm" "$1/folio_bg.wasm"
  node scripts/split/glue.mjs "$1/folio.js"
  size "$1/folio_rare_bg.wasm"
}

rm -rf pkg
# The core, small (opt-level z, -Oz): what the widget, the reader and the npm package download;
# for the browser (pkg/) and for Node (pkg/node/, for tests and benchmarks).
# opt-level z inlines almost nothing, so a render spends much of its time calling one-line
# functions (slicing a string, a scanner's position). LLVM's inline threshold is raised to 90:
# what that adds to the download is paid for by wasm-opt's one-caller limit below (README,
# Benchmark: 12% faster renders than the threshold of 35, first module 0.7 KB smaller).
FOLIO_WASM_STD=small-trap RUSTFLAGS="-Cllvm-args=-inline-threshold=90" scripts/wasm-cargo.sh build --release --lib
# wasm-opt: control flow rebuilt (flatten, rereloop) and -Oz run to a fixed point, knowing that
# the stack sits below the data (lld's stack-first), so no access reaches the first kilobyte:
# 173.4 → 171.0 KB gzip, renders as fast (README, Benchmark). Only functions of at most 30
# instructions are inlined into their one caller: binaryen otherwise inlines every function that
# has a single caller, however large, fusing code that real articles never run (a construct's
# parser, an error path) into the code they do, where split_rare cannot take it out.
core_opt=(--flatten --rereloop -Oz -Oz --low-memory-unused --one-caller-inline-max-function-size=30 --converge)
bindgen "$built/release/folio.wasm" web pkg "${core_opt[@]}"
split_rare pkg
minify_glue pkg
# The same core with WebAssembly SIMD (src/chunk/ reads sixteen bytes at a time: the 13.4 KB
# article renders about 7% faster), in pkg/simd/: www/simd.js picks it where the engine has SIMD, and
# the module without it stays for the others (Safari before 16.4). Its glue is the same file, and
# is checked to be.
FOLIO_WASM_SIMD=1 FOLIO_WASM_STD=small-trap RUSTFLAGS="-Cllvm-args=-inline-threshold=90" scripts/wasm-cargo.sh build --release --lib
bindgen "$built_simd/release/folio.wasm" web pkg/simd "${core_opt[@]}" --enable-simd
split_rare pkg/simd --enable-simd
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
# (README, Benchmark).
FOLIO_WASM_STD=small RUSTFLAGS="-Cllvm-args=-inline-threshold=90" scripts/wasm-cargo.sh build --release --lib --features editor
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
