#!/usr/bin/env bash
# Every test, in three layers: native Rust, the core as WebAssembly in headless Chromium
# (wasm-bindgen-test), and the pages end to end in Chromium (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== 1/3 native: cargo test"
cargo test --quiet
# Fidelity against kramdown, as measured by tests/conformance.rs and tests/corpus.rs.
cat target/conformance-report.md target/corpus-report.md

echo "== 2/3 WebAssembly in headless Chromium: wasm-bindgen-test"
# With SIMD, as the build most engines load (scripts/build.sh): the native layer ran the chunks of
# eight bytes, this one runs those of sixteen (src/chunk/); the library's own tests of them, and of the
# text crossing the edge (src/wasm/text.rs), run in Node. The runner's default of 20 s a test binary
# is too little on a busy machine (README, Tests).
WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600} \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver FOLIO_WASM_SIMD=1 \
  scripts/wasm-cargo.sh test --tests --features editor

echo "== 3/3 pages end to end in Chromium: playwright-core"
# Each file gets 20 minutes at most (the whole suite takes under three): a test waiting on an event that
# never comes fails its file instead of holding the run up for good.
node --test --test-timeout=1200000 tests/e2e/
