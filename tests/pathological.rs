//! Pathological inputs render right: deep nesting (kept as text past `MAX_NESTING`), long runs
//! of brackets, stars and attribute list starts, brackets, images and emphasis nested or left
//! open so that kramdown would read the text again and again, a long table, many footnotes and
//! one long line. These check the structure of the output at sizes that keep the suite quick;
//! `make bench` checks that their time grows linearly (the doubling tests).
#![cfg(not(target_arch = "wasm32"))]

use folio::kramdown::parser::MAX_NESTING;
use folio::Options;

fn render(markdown: &str) -> String {
    folio::render_body(markdown, &Options::jekyll())
}

#[test]
fn nested_blockquotes_should_stop_nesting_at_the_limit_and_keep_the_rest_as_text() {
    let n = 1000;
    let html = render(&format!("{}x\n", "> ".repeat(n)));
    assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
    assert_eq!(html.matches("</blockquote>").count(), MAX_NESTING);
    let innermost = format!("<p>{}x</p>", "&gt; ".repeat(n - MAX_NESTING));
    assert_eq!(html.matches("<p>").count(), 1);
    assert!(html.contains(&innermost), "the markers past the limit should be the paragraph's text");
}

#[test]
fn nested_lists_should_stop_nesting_at_the_limit_and_keep_the_rest_as_text() {
    let n = 1000;
    let html = render(&format!("{}x\n", "* ".repeat(n)));
    assert_eq!(html.matches("<ul>").count(), MAX_NESTING);
    assert_eq!(html.matches("<li>").count(), MAX_NESTING);
    let innermost = format!("<li>{}x</li>", "* ".repeat(n - MAX_NESTING));
    assert!(html.contains(&innermost), "the markers past the limit should be the item's text");
}

#[test]
fn unclosed_brackets_should_be_text() {
    let brackets = "[".repeat(20_000);
    assert_eq!(render(&format!("{brackets}\n")), format!("<p>{brackets}</p>\n"));
}

#[test]
fn unclosed_emphasis_should_be_text() {
    let text = "*a ".repeat(10_000);
    assert_eq!(render(&format!("{text}\n")), format!("<p>{}</p>\n", text.trim_end()));
}

#[test]
fn nested_brackets_without_a_definition_should_be_text() {
    let n = 10_000;
    let text = format!("{}x{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(render(&format!("{text}\n")), format!("<p>{text}</p>\n"));
}

#[test]
fn nested_images_without_a_definition_should_be_text() {
    // kramdown tries each image inside each other: twice the work for each level.
    let n = 1000;
    let text = format!("{}x{}", "![".repeat(n), "]".repeat(n));
    assert_eq!(render(&format!("{text}\n")), format!("<p>{text}</p>\n"));
    let short = "![".repeat(30);
    assert_eq!(render(&format!("{short}\n")), format!("<p>{short}</p>\n"));
}

#[test]
fn emphasis_left_open_in_both_widths_should_be_text() {
    // Each `**` is tried as strong, then as `*` and emphasis, over the rest of the text.
    for run in ["*a **b ", "_a __b ", "**a "] {
        let text = run.repeat(2000);
        assert_eq!(render(&format!("{text}\n")), format!("<p>{}</p>\n", text.trim_end()), "{run}");
    }
}

#[test]
fn constructs_left_open_along_one_line_should_be_text() {
    // Each one searched the rest of the line for its closer.
    let n = 20_000;
    for (run, html) in [
        ("[a](<b ", "[a](&lt;b "),
        ("[a](b \"c ", "[a](b “c "),
        ("[a][b ", "[a][b "),
        ("<http://a ", "&lt;http://a "),
        ("~~a ", "~~a "),
        // Together: a `[` whose text runs to the end of the line, over every other construct.
        ("[a](<b [a](b \"c [a][b <http://a ~~a ", "[a](&lt;b [a](b “c [a][b &lt;http://a ~~a "),
    ] {
        let expected = format!("<p>{}</p>\n", html.repeat(n).trim_end());
        assert_eq!(render(&format!("{}\n", run.repeat(n))), expected, "{run}");
    }
}

#[test]
fn extensions_never_stopped_should_be_text() {
    // Each start tag searched the rest of the text (or its lines) for its stop tag.
    let n = 4000;
    assert_eq!(render(&format!("{}\n", "{::comment}".repeat(n))), format!("<p>{}</p>\n", "{::comment}".repeat(n)));
    assert_eq!(render(&"{::comment}\n\n".repeat(n)), "<p>{::comment}</p>\n\n".repeat(n));
}

#[test]
fn a_link_after_failed_brackets_still_renders() {
    let html = render("[[[a]]] [[b] c] [x](/u) [y][d] *e **f* g\n\n[d]: /d\n");
    assert_eq!(html, "<p>[[[a]]] [[b] c] <a href=\"/u\">x</a> <a href=\"/d\">y</a> <em>e **f</em> g</p>\n\n", "as kramdown writes it");
}

#[test]
fn attribute_list_starts_without_an_end_should_be_text() {
    let text = format!("x {}", "{:".repeat(10_000));
    assert_eq!(render(&format!("{text}\n")), format!("<p>{text}</p>\n"));
}

#[test]
fn a_long_table_should_keep_every_row() {
    let n = 2000;
    let html = render(&format!("| a | b |\n|---|---|\n{}", "| x | *y* |\n".repeat(n)));
    assert_eq!(html.matches("<table>").count(), 1);
    assert_eq!(html.matches("<th>").count(), 2);
    assert_eq!(html.matches("<tr>").count(), n + 1);
    assert_eq!(html.matches("<td><em>y</em></td>").count(), n);
}

#[test]
fn many_footnotes_should_each_be_numbered_and_written() {
    let n = 2000;
    let references: String = (0..n).map(|i| format!("a[^{i}]\n")).collect();
    let definitions: String = (0..n).map(|i| format!("[^{i}]: note {i}\n")).collect();
    let html = render(&format!("{references}\n{definitions}"));
    assert_eq!(html.matches("role=\"doc-noteref\"").count(), n);
    assert_eq!(html.matches("role=\"doc-endnote\"").count(), n);
    assert!(html.contains(&format!("<a href=\"#fn:{last}\" class=\"footnote\" rel=\"footnote\">{n}</a>", last = n - 1)));
    // The back link follows a non-breaking space (`&nbsp;` as a character, Jekyll's `entity_output`).
    assert!(html.contains(&format!("<p>note {last}\u{a0}<a href=\"#fnref:{last}\"", last = n - 1)));
}

#[test]
fn one_long_line_should_be_one_paragraph_with_every_span() {
    let n = 5000;
    let html = render(&format!("{}\n", "word *em* [link](/u) `code` \"quote\" -- ".repeat(n)));
    assert_eq!(html.matches("<p>").count(), 1);
    assert_eq!(html.matches("<em>em</em>").count(), n);
    assert_eq!(html.matches("<a href=\"/u\">link</a>").count(), n);
    assert_eq!(html.matches("<code>code</code>").count(), n);
    assert_eq!(html.matches("“quote”").count(), n);
    assert_eq!(html.matches(" – ").count(), n - 1);
}
