//! The live preview's fast path renders an edited paragraph alone (`folio::incremental`). Its
//! promise: whenever it answers, the article is exactly what a full render of the edited text
//! gives. Checked by random edits (a fixed seed) in the paragraphs of every corpus article and
//! the seed, each edit's result compared with a full render.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::{Article, Options, Profile, Request};
use support::random::Random;

/// What is typed or pasted: words, punctuation, kramdown's markup, line breaks, other scripts.
const TYPED: &[&str] = &[
    "a", "word ", " ", "é", "’", "'", "\"", "...", "--", "*", "**", "_", "`", "[", "]", "(x)", "[^1]", "{:", "{: .c}",
    "<b>", "</b>", "&amp;", "\n", "\n\n", "# ", "> ", "* ", "1. ", "|", "===", "---", "    ", "\\", "$$", "<!--more-->",
    "😀", "中文", "[x]: /u", "*[HTML]: x", "^", ":", "~~", "{:target=\"_blank\"}", "\n{:r: .x}\n", "{:r}", "{::comment}",
];

/// An edit at a random place inside a random paragraph of `article`'s body (or anywhere, now
/// and then, to see the fast path decline).
fn edit(random: &mut Random, source: &str, article: &Article) -> String {
    let paragraphs: Vec<_> = article.body_blocks.iter().filter(|b| b.html.starts_with("<p")).collect();
    let line_starts: Vec<usize> = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut at = match paragraphs.len() {
        0 => random.below(source.len() + 1),
        n if random.below(10) > 0 => {
            let block = paragraphs[random.below(n)];
            let start = line_starts[block.start_line as usize - 1];
            let end = line_starts.get(block.end_line as usize).copied().unwrap_or(source.len());
            start + random.below(end - start + 1)
        }
        _ => random.below(source.len() + 1),
    };
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let mut edited = source.to_owned();
    if random.below(3) == 0 {
        let mut end = (at + 1 + random.below(4)).min(source.len());
        while !source.is_char_boundary(end) {
            end += 1;
        }
        edited.replace_range(at..end, "");
    } else {
        edited.insert_str(at, TYPED[random.below(TYPED.len())]);
    }
    edited
}

#[test]
fn a_paragraph_rendered_alone_gives_the_article_a_full_render_gives() {
    let shared = support::shared_dir();
    let mut files = support::articles_under(&shared.join("corpus/jekyll"));
    files.extend(support::articles_under(&shared.join("corpus/seed")));
    assert!(files.len() > 100, "the corpus should be there: {} files", files.len());
    let mut random = Random(0x1AC0_F011_0000_0007);
    let numerique = Profile::builtin("numerique").expect("a built-in profile");
    // GFM input as Jekyll sets it, and kramdown's own.
    let (gfm, kramdown) = (Profile::jekyll(), Profile::with_options(&Options::kramdown()));
    let (mut edits, mut fast) = (0, 0);
    for (n, file) in files.iter().enumerate() {
        let profile = if file.starts_with(shared.join("corpus/seed")) { &numerique } else if n % 2 == 0 { &gfm } else { &kramdown };
        let request = Request { source_map: true, ..Request::new(profile) };
        let mut source = support::read(file);
        let mut article = folio::render_with(&source, &request);
        for _ in 0..12 {
            let edited = edit(&mut random, &source, &article);
            let full = folio::render_with(&edited, &request);
            if let Some(quick) = folio::incremental::rerender(&article, &source, &edited, &request) {
                assert_eq!(quick, full, "{}: the edit from\n{source:?}\nto\n{edited:?}", file.display());
                fast += 1;
            }
            edits += 1;
            (source, article) = (edited, full);
        }
    }
    // Most edits in a paragraph are plain typing: the fast path must take a fair share of them,
    // or this test would check nothing.
    assert!(fast * 4 >= edits, "the fast path took {fast} of {edits} edits");
    println!("incremental: {fast} of {edits} random edits rendered by the fast path, each equal to a full render");
}

/// Liquid runs before kramdown and can reach across paragraphs (a comment over several) or
/// into one (an output typed into it): with Liquid in the text, before or after the edit, the
/// fast path gives the article a full render gives, or leaves it to one.
#[test]
fn an_edit_in_an_article_with_liquid_gives_what_a_full_render_gives() {
    let profile = Profile::jekyll();
    let request = Request { source_map: true, ..Request::new(&profile) };
    let source = "---\ntitle: Liquid\n---\n\nFirst paragraph.\n\nSecond paragraph here.\n\nThird {% comment %}a\nlong\nnote{% endcomment %} paragraph.\n\nFourth paragraph.\n\nLast one.\n";
    let edits = [
        source.replace("Second paragraph", "Second {{ page.title }} paragraph"),
        source.replace("Fourth paragraph", "Fourth paragraph, edited"),
        source.replace("Second paragraph", "Second {% comment %} paragraph"),
    ];
    let article = folio::render_with(source, &request);
    for edited in &edits {
        let full = folio::render_with(edited, &request);
        let quick = folio::incremental::rerender(&article, source, edited, &request);
        assert!(quick.as_ref().is_none_or(|quick| *quick == full), "the edit to\n{edited}");
    }
}
