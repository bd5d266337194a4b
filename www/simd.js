// Whether this engine runs WebAssembly SIMD, which the faster of the core's two builds needs
// (pkg/simd/, scripts/build.sh): every engine since 2023 (Chrome and Firefox 2021, Safari 16.4);
// the others get the build without it (pkg/).

/** The smallest module that uses SIMD: a function returning `i8x16.popcnt(i8x16.splat(0))`. */
export const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];

// An engine without WebAssembly at all (iOS in Lockdown Mode) reaches start(), which reports it.
export const hasSimd = () => typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array(SIMD_PROBE));
