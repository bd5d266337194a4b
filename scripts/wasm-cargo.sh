#!/usr/bin/env bash
# Runs cargo for the wasm32-unknown-unknown target with whichever standard library
# scripts/setup.sh installed: rustup's target (way 1) or Debian's rustc-web, which
# compiles std from source with -Zbuild-std (way 2; its own target dir, as it is
# another compiler).
#
#   scripts/wasm-cargo.sh build --release --lib
#   scripts/wasm-cargo.sh test --tests
#
# FOLIO_WASM_STD=build-std forces way 2 (to check the fallback on a machine that has both).
set -euo pipefail
cd "$(dirname "$0")/.."
subcommand=$1
shift
if [ "${FOLIO_WASM_STD:-}" != build-std ] &&
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  exec cargo "$subcommand" --target wasm32-unknown-unknown --no-default-features "$@"
else
  export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
  exec /usr/bin/cargo "$subcommand" --target wasm32-unknown-unknown --no-default-features \
    --target-dir target/build-std -Zbuild-std=std,panic_abort "$@"
fi
