//! The test harness's HTML normaliser agrees with `shared/tools/parity/htmlnorm.py`.
//!
//! Each expected value below is what htmlnorm.py (html5lib 1.1) returns for the same input;
//! `scripts/check-htmlnorm-port.py` checks the whole corpus the same way.
#![cfg(not(target_arch = "wasm32"))]

mod support {
    pub mod normalize;
}

use support::normalize::{block_similarity, blocks, is_space};

fn assert_blocks(html: &str, want: &[&str]) {
    assert_eq!(blocks(html), want, "blocks of {html:?}");
}

#[test]
fn attributes_and_class_tokens_should_be_sorted() {
    assert_blocks(r#"<p title="t" class="b a  c" id="x">hi</p>"#, &[r#"<p class="a b c" id="x" title="t">hi</p>"#]);
}

#[test]
fn white_space_should_fold_to_one_space_and_vanish_next_to_block_tags() {
    assert_blocks("<div>\n  <p> a \n b </p>\n <em> x </em> </div>", &["<div><p>a b</p><em>x</em></div>"]);
    assert_blocks("<ul>\n<li>one</li>\n<li><p>two</p>\n</li>\n</ul>", &["<ul><li>one</li><li><p>two</p></li></ul>"]);
}

#[test]
fn white_space_should_be_what_python_calls_white_space() {
    // `str.isspace()`, listed by Python 3.11 over every code point.
    let python: Vec<u32> = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680]
        .into_iter()
        .chain(0x2000..=0x200a)
        .chain([0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
        .collect();
    let ours: Vec<u32> = (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| is_space(c)).map(u32::from).collect();
    assert_eq!(ours, python);
    // No-break spaces fold, information separators too; a zero-width space is text.
    assert_blocks("<p>a\u{a0}\u{a0}b\u{1f}c\u{200b}d</p>", &["<p>a b c\u{200b}d</p>"]);
}

#[test]
fn highlighter_spans_inside_pre_should_be_dropped_and_its_white_space_kept() {
    assert_blocks(
        "<pre><code class=\"language-rb\"><span class=\"k\">def</span>  x\n\n</code></pre>",
        &["<pre><code class=\"language-rb\">def  x\n\n</code></pre>"],
    );
}

#[test]
fn tag_patterns_should_also_match_text_as_htmlnorm_py_does() {
    // htmlnorm.py applies its patterns to the written-out string, where text is not escaped.
    assert_blocks(
        "<pre>&lt;span class=\"x\"&gt;a&lt;/span&gt;</pre><p>a &lt;br&gt; b</p>",
        &["<pre>a</pre>", "<p>a<br>b</p>"],
    );
}

#[test]
fn comments_and_loose_text_should_be_blocks_of_their_own() {
    assert_blocks("lead <!--  a \n  b --> <p>x</p> tail", &["#text:lead", "<!--a b-->", "<p>x</p>", "#text:tail"]);
}

#[test]
fn foreign_elements_and_attributes_should_keep_their_namespace() {
    assert_blocks(
        r##"<svg viewbox="0 0 1 1"><use xlink:href="#a"/></svg>"##,
        &[concat!(
            r#"<{http://www.w3.org/2000/svg}svg viewBox="0 0 1 1">"#,
            r##"<{http://www.w3.org/2000/svg}use {http://www.w3.org/1999/xlink}href="#a"></{http://www.w3.org/2000/svg}use>"##,
            "</{http://www.w3.org/2000/svg}svg>"
        )],
    );
}

#[test]
fn template_contents_and_noscript_should_be_markup() {
    assert_blocks(
        "<template><p>x</p></template><noscript><p>y</p></noscript>",
        &["<template><p>x</p></template>", "<noscript><p>y</p></noscript>"],
    );
}

#[test]
fn foster_parented_elements_should_be_kept_before_their_table() {
    // Here html5lib's ElementTree builder differs from browsers: an element foster-parented out of
    // a table at the top level of a fragment is lost (htmlnorm.py returns only the table). We keep
    // what a browser shows.
    assert_blocks(
        "<table><tr><td>a</td><pre>x</pre></tr></table>",
        &["<pre>x</pre>", "<table><tbody><tr><td>a</td></tr></tbody></table>"],
    );
}

#[test]
fn block_similarity_should_be_the_share_of_blocks_in_the_longest_common_subsequence() {
    let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(block_similarity(&[], &[]), 1.0);
    assert_eq!(block_similarity(&list(&["a", "b", "c"]), &list(&["a", "c"])), 0.8);
    assert_eq!(block_similarity(&list(&["a"]), &[]), 0.0);
}
