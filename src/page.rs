//! The article as a whole HTML page: what `folio render --page` prints.

use crate::escape;
use crate::Article;

/// A standalone HTML document holding the article: its title as `<h1>`, then the body.
pub fn to_html(article: &Article) -> String {
    let mut out = String::with_capacity(article.body_html.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape::text(&mut out, article.title.as_deref().unwrap_or(""));
    out.push_str("</title>\n</head>\n<body>\n<article>\n");
    push_article(&mut out, article);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The content of the `<article>` element: the title as `<h1>`, then the body.
pub fn article_html(article: &Article) -> String {
    let mut out = String::with_capacity(article.body_html.len() + 128);
    push_article(&mut out, article);
    out
}

fn push_article(out: &mut String, article: &Article) {
    if let Some(title) = &article.title {
        out.push_str("<h1>");
        escape::text(out, title);
        out.push_str("</h1>\n");
    }
    out.push_str(&article.body_html);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_has_the_escaped_title_as_heading_and_the_body() {
        let article = crate::render("---\ntitle: Fish & <Chips>\n---\nHello\n", &crate::Options::jekyll());
        let page = super::to_html(&article);
        assert!(page.contains("<title>Fish &amp; &lt;Chips&gt;</title>"));
        assert!(page.contains("<h1>Fish &amp; &lt;Chips&gt;</h1>\n<p>Hello</p>"));
    }
}
