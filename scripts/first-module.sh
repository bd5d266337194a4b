#!/usr/bin/env bash
# The download before the first render (the core's first module and its glue, gzip -9) in about
# two minutes, against the 150 KB target: the core built, split and its glue minified exactly as
# scripts/build.sh does, into target/first-module/ (pkg/ is left alone). For checking a change
# before landing it; the whole build takes eight. Exits 1 over the target.
#
#   scripts/first-module.sh          the build with SIMD (the larger of the two so far)
#   scripts/first-module.sh plain    the build without it
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/core-build.sh

out=target/first-module
rm -rf "$out"
if [ "${1:-simd}" = plain ]; then
  core_cargo .
  bindgen target/small-trap/wasm32-unknown-unknown/release/folio.wasm web "$out" "${core_opt[@]}"
  split_rare "$out" target/small-trap/wasm32-unknown-unknown/release/folio.wasm
else
  FOLIO_WASM_SIMD=1 core_cargo .
  bindgen target/small-trap-simd/wasm32-unknown-unknown/release/folio.wasm web "$out" "${core_opt[@]}" --enable-simd
  split_rare "$out" target/small-trap-simd/wasm32-unknown-unknown/release/folio.wasm --enable-simd
fi
minify_glue "$out"

module=$(gzip -9 -c "$out/folio_bg.wasm" | wc -c)
glue=$(gzip -9 -c "$out/folio.js" | wc -c)
total=$((module + glue))
echo "first-module: $module + $glue = $total B before the first render ($((150000 - total)) B under 150,000)"
[ "$total" -le 150000 ]
