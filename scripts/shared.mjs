// Where the shared, read-only material lives (kramdown's suites, the corpus, XSS vectors):
// $FOLIO_SHARED, else ../shared beside the repository, else /work/shared.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const candidates = [
  process.env.FOLIO_SHARED,
  fileURLToPath(new URL("../../shared", import.meta.url)),
  "/work/shared",
].filter(Boolean);

export const SHARED = candidates.find((dir) => existsSync(`${dir}/corpus/README.md`));
if (!SHARED) {
  throw new Error(`shared material not found (tried ${candidates.join(", ")}); set FOLIO_SHARED`);
}
