// The one script a partner page adds: registers <folio-article>.
//   <script type="module" src="…/folio-embed.js"></script>
//   <folio-article src="https://example.org/articles/post.md"></folio-article>
import { FolioArticle } from "./folio-article.js";

FolioArticle.define();
export { FolioArticle };
