// The demo page: an editor on the left, the rendered article on the right.
import { start, preview } from "./folio.js";
import { registerServiceWorker } from "./sw-client.js";

registerServiceWorker(); // the editor works offline too, and offers new versions as the reader does

const DEFAULT_ARTICLE = new URL("articles/ogp-societe-civile.md", import.meta.url);

const source = document.getElementById("source");
const output = document.getElementById("preview");
const diagnostics = document.getElementById("diagnostics");

const [, text] = await Promise.all([start(), fetch(DEFAULT_ARTICLE).then((r) => r.text())]);
source.value = text;
// The seed comes from numerique.gouv.fr: its profile gives the hero image, summary and French date.
// Kept in a module binding: a collected Preview is freed, and freeing it stops the updates.
export const livePreview = preview(source, output, diagnostics, 16, { profile: "numerique", fileName: "ogp-societe-civile.md" });
document.body.dataset.ready = "true";
