#!/usr/bin/env bash
# Runs cargo for the wasm32-unknown-unknown target with whichever standard library
# scripts/setup.sh installed: rustup's target (way 1) or Debian's rustc-web, which
# compiles std from source with -Zbuild-std (way 2; its own target dir, as it is
# another compiler).
#
#   scripts/wasm-cargo.sh build --release --lib
#   scripts/wasm-cargo.sh test --tests
#
# FOLIO_WASM_STD picks a way instead:
#   build-std  way 2, to check the fallback on a machine that has both;
#   small      way 2 with std's size features, as the downloads are built (scripts/build.sh,
#              into target/small): rustup's std is precompiled with the panic locations and
#              Debug formatting that Folio never shows anyone. std keeps opt-level 3 before
#              link-time optimisation (at the core's `z`, renders took 8% longer). Without
#              rustc-web and std's source, the usual way, larger.
#   small-trap small, and a panic traps at once (-Cpanic=immediate-abort, into target/small-trap):
#              the core's download, where panic messages and their formatting cost 3 KB gzip;
#              the facade (www/facade.js) reports the trap as a panic and resets the instance.
# FOLIO_WASM_SIMD=1 builds with WebAssembly SIMD (simd128: src/chunk/ reads sixteen bytes at a
# time), into a target directory of its own ("-simd" added), so that the two builds do not
# rebuild each other's dependencies.
# FOLIO_WASM_TARGET puts those target directories somewhere other than target/ (bench/ab.mjs
# builds other revisions there, so that they never stand in for this tree's build).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${FOLIO_WASM_TARGET:-target}
subcommand=$1
shift
way=${FOLIO_WASM_STD:-}
target_dir=()
panic=()
if [ "$way" = small-trap ]; then
  way=small panic=(-Zunstable-options -Cpanic=immediate-abort)
fi
simd=
if [ "${FOLIO_WASM_SIMD:-}" = 1 ]; then
  simd=-simd
  export RUSTFLAGS="${RUSTFLAGS:-} -Ctarget-feature=+simd128"
  target_dir=(--target-dir "$targets/simd")
fi
if [ "$way" = small ]; then
  target_dir=(--target-dir "$targets/small${panic:+-trap}$simd")
  if ! [ -d "$(/usr/bin/rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ]; then
    echo "wasm-cargo: no rustc-web with std's source: the core is built without its size build" >&2
    way=
  fi
fi
if [ -z "$way" ] && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  exec cargo "$subcommand" --target wasm32-unknown-unknown --no-default-features "${target_dir[@]}" "$@"
fi
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
# This compiler takes unstable features: the hottest parsing functions are optimised for speed
# (src/lib.rs, folio_unstable).
export RUSTFLAGS="${RUSTFLAGS:-} --cfg folio_unstable"
if [ "$way" = small ]; then
  # location-detail: panic messages keep their text, not the source file and line.
  # fmt-debug: `{:?}` writes nothing; Folio formats nothing it shows with it.
  export RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none -Zfmt-debug=none ${panic[*]}"
  exec /usr/bin/cargo "$subcommand" --target wasm32-unknown-unknown --no-default-features \
    "${target_dir[@]}" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
    --config 'profile.release.package.core.opt-level=3' --config 'profile.release.package.alloc.opt-level=3' \
    --config 'profile.release.package.std.opt-level=3' "$@"
fi
[ ${#target_dir[@]} -eq 0 ] && target_dir=(--target-dir "$targets/build-std")
exec /usr/bin/cargo "$subcommand" --target wasm32-unknown-unknown --no-default-features \
  "${target_dir[@]}" -Zbuild-std=std,panic_abort "$@"
