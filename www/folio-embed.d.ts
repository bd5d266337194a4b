// Importing www/folio-embed.js registers <folio-article>.
export { FolioArticle } from "./folio-article.js";
