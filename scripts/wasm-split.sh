#!/usr/bin/env bash
# Prints the path of binaryen's wasm-split, version 117, building it once if it is missing.
#
# scripts/build.sh splits the core's module with it (the code few articles need goes into a
# second module, loaded on first use). Debian ships binaryen 108, whose wasm-split turns
# wasm-bindgen's externref table into a funcref one (the module then fails to load), and npm's
# binaryen has no wasm-split; binaryen 117's sources come with the binaryen-sys crate on
# crates.io. The build (cmake, about seven minutes on two cores) goes to a cache outside the
# repository, so that every clone of it shares one.
#
#   scripts/wasm-split.sh            the path, built if need be (exit 1 if that fails)
set -euo pipefail

version=117
crate=binaryen-sys-0.13.0
sha256=0511bc5f21cbcaded0f33f872de89b4c9b475e82c383b6ea0eaa53d68c8beb6b
home="${FOLIO_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/folio}/binaryen-$version"
tool="$home/bin/wasm-split"

say() { printf 'wasm-split: %s\n' "$*" >&2; }

if [ -x "$tool" ] && "$tool" --version 2>/dev/null | grep -qx "wasm-split version $version"; then
  echo "$tool"
  exit 0
fi
command -v cmake >/dev/null || { say "cmake is missing"; exit 1; }
say "building binaryen $version's wasm-split (about seven minutes, once)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL --retry 3 -o "$work/$crate.crate" "https://static.crates.io/crates/binaryen-sys/$crate.crate"
echo "$sha256  $work/$crate.crate" | sha256sum --check --quiet
tar -xzf "$work/$crate.crate" -C "$work"
cmake -S "$work/$crate/binaryen" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTS=OFF \
  -DBUILD_STATIC_LIB=ON -DENABLE_WERROR=OFF >"$work/cmake.log" 2>&1 || { tail -20 "$work/cmake.log" >&2; exit 1; }
make -C "$work/build" -j"$(nproc)" wasm-split >"$work/make.log" 2>&1 || { tail -20 "$work/make.log" >&2; exit 1; }
mkdir -p "$home/bin"
cp "$work/build/bin/wasm-split" "$tool.partial"
mv "$tool.partial" "$tool"
say "built $tool"
echo "$tool"
