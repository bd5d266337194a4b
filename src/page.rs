//! The article as a page a reader would expect: what `folio render --page` prints.
//!
//! The markup is semantic so that it reads well without styles and with a screen reader:
//!
//! ```html
//! <article class="folio-article">
//!   <header>
//!     <figure class="article-hero"><img src="…" alt="…"></figure>   (the profile's hero image)
//!     <h1>Title</h1>
//!     <p class="article-date"><time datetime="2016-12-23T17:50:00+01:00">23 décembre 2016</time></p>
//!     <div class="article-summary">…</div>                             (the profile's summary)
//!     <ul class="article-categories" aria-label="Catégories">…</ul>
//!     <ul class="article-tags" aria-label="Mots-clés">…</ul>
//!   </header>
//!   <div class="article-body">…</div>
//!   <section class="article-files" aria-labelledby="article-files">     (attached files)
//!     <h2 id="article-files">Fichiers à télécharger</h2><ul><li><a href="…" download>…</a></li></ul>
//!   </section>
//! </article>
//! ```
//!
//! The whole page carries `<html lang>` from the profile and `www/article.css` inline, so it
//! stands alone.

use crate::escape;
use crate::Article;

/// The default stylesheet of an article page.
pub const STYLESHEET: &str = include_str!("../www/article.css");

/// A standalone HTML document holding the article.
pub fn to_html(article: &Article) -> String {
    let mut out = String::with_capacity(article.body_html.len() + STYLESHEET.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    escape::attribute(&mut out, &article.lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape::text(&mut out, article.jekyll.title.as_deref().unwrap_or(""));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLESHEET);
    out.push_str("</style>\n</head>\n<body>\n<article class=\"folio-article\">\n");
    push_article(&mut out, article);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The content of the `<article>` element: header, body and attached files.
pub fn article_html(article: &Article) -> String {
    let mut out = String::with_capacity(article.body_html.len() + 1024);
    push_article(&mut out, article);
    out
}

/// The words of the page's own labels, in the profile's language.
struct Labels {
    categories: &'static str,
    tags: &'static str,
    files: &'static str,
}

fn labels(lang: &str) -> Labels {
    match lang.split(['-', '_']).next().unwrap_or("") {
        "fr" => Labels { categories: "Catégories", tags: "Mots-clés", files: "Fichiers à télécharger" },
        _ => Labels { categories: "Categories", tags: "Tags", files: "Downloads" },
    }
}

fn push_article(out: &mut String, article: &Article) {
    let (before, after) = around_body(article);
    out.push_str(&before);
    article.body_html.pieces().for_each(|piece| out.push_str(piece));
    out.push_str(&after);
}

/// The content of the `<article>` element before the body's HTML (the header, the body's
/// opening tag) and after it (its closing tag, the attached files). In the browser the page is
/// joined from them and the body's string, which crosses from WebAssembly once.
pub fn around_body(article: &Article) -> (String, String) {
    let mut before = String::from("<header>\n");
    for part in header_parts(article) {
        before.push_str(&part);
    }
    before.push_str("</header>\n<div class=\"article-body\">\n");
    let mut after = String::from("</div>\n");
    after.push_str(&files_html(article));
    (before, after)
}

/// The children of the page's `<header>`, each with its line break, in order: hero, title,
/// date, summary, categories, tags (those the article has). A live preview compares them one
/// by one, so that typing in the title does not reload the hero image.
pub fn header_parts(article: &Article) -> Vec<String> {
    let labels = labels(&article.lang);
    let fm = &article.jekyll;
    let mut parts = Vec::with_capacity(6);
    if let Some(hero) = &article.hero {
        let mut out = String::from("<figure class=\"article-hero\"><img src=\"");
        escape::attribute(&mut out, &hero.src);
        out.push_str("\" alt=\"");
        escape::attribute(&mut out, &hero.alt);
        out.push_str("\"></figure>\n");
        parts.push(out);
    }
    if let Some(title) = &fm.title {
        let mut out = String::from("<h1>");
        escape::text(&mut out, title);
        out.push_str("</h1>\n");
        parts.push(out);
    }
    if let (Some(date), Some(text)) = (&fm.date, &article.date_text) {
        let mut out = String::from("<p class=\"article-date\"><time datetime=\"");
        escape::attribute(&mut out, &date.to_string());
        out.push_str("\">");
        escape::text(&mut out, text);
        out.push_str("</time></p>\n");
        parts.push(out);
    }
    if let Some(summary) = &article.summary_html {
        parts.push(["<div class=\"article-summary\">\n", summary, "</div>\n"].concat());
    }
    for (class, label, items) in [
        ("article-categories", labels.categories, &fm.categories),
        ("article-tags", labels.tags, &fm.tags),
    ] {
        let mut out = String::new();
        push_list(&mut out, class, label, items);
        if !out.is_empty() {
            parts.push(out);
        }
    }
    parts
}

/// The section of attached files (with its line break); empty when there are none.
pub fn files_html(article: &Article) -> String {
    let mut out = String::new();
    if article.files.is_empty() {
        return out;
    }
    let labels = labels(&article.lang);
    out.push_str("<section class=\"article-files\" aria-labelledby=\"article-files\">\n<h2 id=\"article-files\">");
    escape::text(&mut out, labels.files);
    out.push_str("</h2>\n<ul>\n");
    for file in &article.files {
        out.push_str("<li><a href=\"");
        escape::attribute(&mut out, &file.href);
        out.push_str("\" download>");
        escape::text(&mut out, &file.name);
        out.push_str("</a></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// A labelled list of words (tags, categories); nothing when there are none.
fn push_list(out: &mut String, class: &str, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ul class=\"");
    out.push_str(class);
    out.push_str("\" aria-label=\"");
    escape::attribute(out, label);
    out.push_str("\">");
    for item in items {
        out.push_str("<li>");
        escape::text(out, item);
        out.push_str("</li>");
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use crate::{render_with, Profile, Request};

    const SEED: &str = include_str!("../www/articles/ogp-societe-civile.md");

    fn seed_page() -> String {
        let profile = Profile::named("numerique").unwrap();
        super::to_html(&render_with(SEED, &Request::new(&profile)))
    }

    #[test]
    fn the_page_has_the_escaped_title_as_heading_and_the_body() {
        let article = crate::render("---\ntitle: Fish & <Chips>\n---\nHello\n", &crate::Options::jekyll());
        let page = super::to_html(&article);
        assert!(page.contains("<title>Fish &amp; &lt;Chips&gt;</title>"));
        assert!(page.contains("<h1>Fish &amp; &lt;Chips&gt;</h1>\n"));
        assert!(page.contains("<div class=\"article-body\">\n<p>Hello</p>"));
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    }

    #[test]
    fn the_seed_page_is_in_french_with_its_hero_date_summary_and_tags() {
        let page = seed_page();
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(page.contains(
            "<figure class=\"article-hero\"><img src=\"https://www.numerique.gouv.fr/uploads/societe-civile-ogp_une.jpg\" alt=\"\"></figure>"
        ));
        assert!(page.contains("<time datetime=\"2016-12-23T17:50:00+01:00\">23 décembre 2016</time>"));
        assert!(page.contains("<div class=\"article-summary\">\n<p>Membres d’associations citoyennes"));
        assert!(page.contains(
            "<ul class=\"article-tags\" aria-label=\"Mots-clés\"><li>Partenariat pour un gouvernement ouvert</li>"
        ));
        assert!(page.contains("<ul class=\"article-categories\" aria-label=\"Catégories\"><li>Article</li></ul>"));
        assert!(!page.contains("<section class=\"article-files\""), "the seed has no attached files");
    }

    #[test]
    fn attached_files_are_download_links() {
        let profile = Profile::named("numerique").unwrap();
        let source = "---\ntitle: T\nfiles:\n- file: /docs/rapport.pdf\n  nom: Le \"rapport\"\n---\nx\n";
        let page = super::to_html(&render_with(source, &Request::new(&profile)));
        assert!(page.contains("<h2 id=\"article-files\">Fichiers à télécharger</h2>"));
        assert!(page.contains(
            "<li><a href=\"https://www.numerique.gouv.fr/docs/rapport.pdf\" download>Le \"rapport\"</a></li>"
        ));
    }
}
