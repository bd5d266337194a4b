//! The excerpt's HTML taken from the body's first paragraph (`src/lead_paragraph.rs`) is the
//! HTML of the excerpt rendered alone, as Jekyll renders it, trusted and in safe mode, for every
//! article of the shared corpus. A render with a source map never takes it from the body, so it
//! gives the excerpt rendered alone.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::sanitize::Policy;
use folio::{render_with, Profile, Request};

#[test]
fn the_excerpt_taken_from_the_body_is_the_excerpt_rendered_alone_trusted_and_safe() {
    let corpus = support::shared_dir().join("corpus");
    let articles: Vec<_> = ["jekyll", "seed"]
        .iter()
        .flat_map(|tree| support::articles_under(&corpus.join(tree)))
        .collect();
    assert!(articles.len() > 100, "the corpus has {} articles", articles.len());
    let (profile, policy) = (Profile::named("numerique").unwrap(), Policy::default());
    let mut first_paragraphs = 0;
    for path in &articles {
        let text = support::read(path);
        for safe in [None, Some(&policy)] {
            let request = Request { safe, ..Request::new(&profile) };
            let article = render_with(&text, &request);
            let alone = render_with(&text, &Request { source_map: true, ..request }).excerpt_html;
            assert_eq!(article.excerpt_html, alone, "{} (safe: {})", path.display(), safe.is_some());
            let body = article.body_html.to_string();
            first_paragraphs += usize::from(article.excerpt_html.is_some_and(|e| e.starts_with("<p>") && body.starts_with(&e)));
        }
    }
    // The body's first paragraph is the excerpt in most articles: the path taken from the body is
    // the one compared here, in both modes.
    assert!(first_paragraphs > articles.len(), "{first_paragraphs} excerpts were the body's first paragraph");
}
