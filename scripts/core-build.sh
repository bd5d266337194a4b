# The core's build settings, sourced by scripts/build.sh (the downloads), bench/ab.mjs (two
# revisions built alike for an A/B comparison) and bench/pulldown-wasm/build.mjs (plain
# pulldown-cmark built as the core is), so that what is compared is what is shipped.

# The WebAssembly features Folio's modules use (Rust's defaults for wasm32, and bulk memory).
features=(--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue)

# The core's cargo build of the source tree TREE, into this one's target directory (core_cargo
# TREE [CARGO_ARGS...]; FOLIO_WASM_SIMD=1 for the build with SIMD), small: opt-level z, the
# standard library built for size, panics that trap (unless FOLIO_WASM_STD, scripts/wasm-cargo.sh,
# says otherwise).
# opt-level z inlines almost nothing, so a render spends much of its time calling one-line
# functions (slicing a string, a scanner's position). LLVM's inline threshold is raised to 90:
# what that adds to the download is paid for by wasm-opt's one-caller limit below (bench/README.md:
# 12% faster renders than the threshold of 35, first module 0.7 KB smaller).
core_rustflags="-Cllvm-args=-inline-threshold=90"
# Linked with its relocations, for split_rare to see which code addresses which data; bindgen
# drops them (scripts/split/relocations.mjs), which leaves the module as linked without them.
core_cargo() {
  FOLIO_WASM_STD=${FOLIO_WASM_STD:-small-trap} RUSTFLAGS="$core_rustflags -Clink-arg=--emit-relocs" \
    scripts/wasm-cargo.sh build --release --lib --manifest-path "$1/Cargo.toml" "${@:2}"
}

# wasm-opt: control flow rebuilt (flatten, rereloop) and -Oz run to a fixed point, knowing that
# the stack sits below the data (lld's stack-first), so no access reaches the first kilobyte:
# 173.4 → 171.0 KB gzip, renders as fast (bench/README.md). Only functions of at most 30
# instructions are inlined into their one caller: binaryen otherwise inlines every function that
# has a single caller, however large, fusing code that real articles never run (a construct's
# parser, an error path) into the code they do, where split_rare cannot take it out. The
# toolchain's custom sections (`producers`: rustc's version; `target_features`) are left out:
# engines ignore them, and each download carried 0.2 KB of them after gzip (the tools that read
# the modules next are given the features). Functions of up to 6 instructions are inlined
# everywhere (binaryen's default: 2): Node 20 does not inline WebAssembly calls, and these
# wrappers and getters cost less inlined than called (the corpus 1.1% fewer instructions in
# Node, the whole module 33 B smaller; from 8 on, it grows by kilobytes).
core_opt=(--flatten --rereloop -Oz -Oz --low-memory-unused --one-caller-inline-max-function-size=30 --always-inline-max-function-size=6 --converge
  --strip-producers --strip-target-features)

# Bindings for one wasm as core_cargo linked it: bindgen WASM TARGET OUT_DIR WASM_OPT_FLAGS...
bindgen() {
  local linked
  linked=$(mktemp -d)
  node scripts/split/relocations.mjs "$1" --strip "$linked/folio.wasm"
  # --experimental-reset-state-function: after a panic, www/facade.js starts a fresh instance.
  wasm-bindgen --target "$2" --experimental-reset-state-function --out-dir "$3" "$linked/folio.wasm"
  rm -r "$linked"
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

# The core's browser module in two (split_rare DIR LINKED_WASM [FEATURE...], LINKED_WASM being
# core_cargo's output that DIR was made from): what rendering real articles uses stays in
# folio_bg.wasm, the rest (error paths, options and constructs the corpus never needs) goes to
# folio_rare_bg.wasm, which the glue links on first use (scripts/split/), and with it the
# read-only data only that code addresses (checked by rendering the articles with those bytes
# garbled). The first render downloads 143 KB of the whole module's 260 (gzip, with SIMD). Where
# wasm-split cannot be had, the module stays whole, with a warning.
split_rare() {
  local tool work=target/split
  if ! tool=$(scripts/wasm-split.sh); then
    echo "build: no wasm-split; $1/folio_bg.wasm stays one module" >&2
    return 0
  fi
  rm -rf "$work" && mkdir -p "$work"
  "$tool" --instrument "${features[@]}" "${@:3}" "$1/folio_bg.wasm" -o "$work/folio_bg.wasm"
  cp "$1/folio.js" "$work/folio.js"
  node scripts/split/profile.mjs "$work"
  "$tool" --split "${features[@]}" "${@:3}" --profile="$work/profile" --export-prefix=% "$1/folio_bg.wasm" \
    -o1 "$work/main.wasm" -o2 "$1/folio_rare_bg.wasm"
  mv "$work/main.wasm" "$1/folio_bg.wasm"
  node scripts/split/relocations.mjs "$2" --symbols "$work/symbols.json"
  node scripts/split/rare-data.mjs "$1" "$work/symbols.json"
  node scripts/split/glue.mjs "$1/folio.js"
  node scripts/split/check-rare-data.mjs "$1"
  size "$1/folio_rare_bg.wasm"
}
