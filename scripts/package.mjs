// Assembles dist/, the npm package: the facade, the element, the stylesheet and the generated
// bindings (build output, not committed), with a package.json whose `exports` name them.
//   node scripts/package.mjs            (after scripts/build.sh)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist`;
const version = readFileSync(`${root}Cargo.toml`, "utf8").match(/^version = "([^"]+)"/m)[1];

const FILES = [
  "www/facade.js", "www/folio.js", "www/folio.d.ts", "www/folio-editor.js", "www/folio-editor.d.ts", "www/folio-article.js", "www/folio-article.d.ts",
  "www/folio-embed.js", "www/folio-embed.d.ts", "www/article.css", "www/simd.js",
  "pkg/folio.js", "pkg/folio.d.ts", "pkg/folio_bg.wasm", "pkg/folio_bg.wasm.d.ts", "pkg/simd/folio_bg.wasm",
  "pkg/editor/folio.js", "pkg/editor/folio.d.ts", "pkg/editor/folio_bg.wasm", "pkg/editor/folio_bg.wasm.d.ts",
];
// The core's rare code, where the build split it off (scripts/build.sh): next to folio_bg.wasm.
const RARE = "pkg/folio_rare_bg.wasm";
const SIMD_RARE = "pkg/simd/folio_rare_bg.wasm";
for (const rare of [RARE, SIMD_RARE]) if (existsSync(`${root}${rare}`)) FILES.push(rare);

rmSync(dist, { recursive: true, force: true });
for (const file of FILES) {
  mkdirSync(`${dist}/${file.slice(0, file.lastIndexOf("/"))}`, { recursive: true });
  cpSync(`${root}${file}`, `${dist}/${file}`);
}
cpSync(`${root}scripts/package/README.md`, `${dist}/README.md`);
const manifest = {
  name: "folio-jekyll",
  version,
  description: "Jekyll articles rendered in the browser exactly as Jekyll's kramdown renders them, and a safe <folio-article> element",
  license: "MIT",
  type: "module",
  main: "./www/folio.js",
  types: "./www/folio.d.ts",
  exports: {
    ".": { types: "./www/folio.d.ts", default: "./www/folio.js" },
    "./editor": { types: "./www/folio-editor.d.ts", default: "./www/folio-editor.js" },
    "./embed": { types: "./www/folio-embed.d.ts", default: "./www/folio-embed.js" },
    "./element": { types: "./www/folio-article.d.ts", default: "./www/folio-article.js" },
    "./article.css": "./www/article.css",
    "./folio_bg.wasm": "./pkg/folio_bg.wasm",
    ...(FILES.includes(RARE) && { "./folio_rare_bg.wasm": `./${RARE}` }),
    // The build with WebAssembly SIMD, which www/folio.js picks where the engine has it.
    "./simd/folio_bg.wasm": "./pkg/simd/folio_bg.wasm",
    ...(FILES.includes(SIMD_RARE) && { "./simd/folio_rare_bg.wasm": `./${SIMD_RARE}` }),
    "./package.json": "./package.json",
  },
  // For TypeScript resolving as Node 10 did (`moduleResolution: node`), which reads no `exports`.
  typesVersions: { "*": { editor: ["./www/folio-editor.d.ts"], embed: ["./www/folio-embed.d.ts"], element: ["./www/folio-article.d.ts"] } },
  sideEffects: ["./www/folio-embed.js"],
  files: ["www/", "pkg/", "README.md"],
};
writeFileSync(`${dist}/package.json`, JSON.stringify(manifest, null, 2) + "\n");
console.log(`package: dist/ (folio-jekyll ${version}, ${FILES.length} files)`);
