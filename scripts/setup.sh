#!/usr/bin/env bash
# Installs what building, running and testing Folio needs. Idempotent: what is already
# there is left alone, so `make demo` and `make test` can call it every time.
#
#   1. Debian packages: chromium and chromium-driver (browser tests).
#   2. A wasm32 standard library: rustup's target if it downloads (way 1), else Debian's
#      rustc-web with -Zbuild-std (way 2); see ../shared/TOOLCHAIN.md. The core's download
#      is always built the second way, std compiled for size (scripts/wasm-cargo.sh), so
#      rustc-web and std's source are installed either way.
#   3. wasm-bindgen-cli at exactly the version Cargo.toml pins.
#   4. npm devDependencies: playwright-core, binaryen's wasm-opt (Debian's 108 breaks
#      wasm-bindgen 0.2.130 output), the benchmark's other renderers.
#   5. binaryen 117's wasm-split, built once from source with cmake (scripts/wasm-split.sh): it
#      splits the core's rare code into a module of its own (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

apt_install chromium chromium-driver
# The core's size build (scripts/wasm-cargo.sh builds without it, larger, where these are missing).
apt_install rustc-web cargo-web rust-web-src lld-22 || say "could not install rustc-web: the core will be built larger"

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  :
elif timeout 300 rustup target add wasm32-unknown-unknown; then
  say "wasm32 target installed with rustup"
else
  say "rustup could not download the wasm32 target; using Debian's rustc-web with -Zbuild-std"
  apt_install rustc-web cargo-web rust-web-src lld-22
fi

wasm_bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes, once)"
  # No --locked: a version locked by the CLI is missing from this registry (TOOLCHAIN.md).
  cargo install --quiet wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  say "installing npm devDependencies"
  npm ci --silent --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json
fi

apt_install cmake || say "could not install cmake"
scripts/wasm-split.sh >/dev/null || say "could not build wasm-split: the core will be one module, 164 KB instead of 148"
