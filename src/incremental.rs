//! The live preview's fast path: when an edit stays inside one paragraph of the body, only that
//! paragraph is rendered again, and the rest of the previous [`Article`] is kept (lines shifted).
//!
//! kramdown reads a top-level paragraph with blank lines on both sides the same alone as in its
//! article, given the article's link definitions, as long as nothing else from elsewhere reaches
//! into it: abbreviation definitions, footnotes (numbered across the article), attribute list
//! definitions, options changed by `{::options}`, the excerpt taken from the body. Each case that
//! could is left to a full render ([`rerender`] gives `None`). As a check on those rules, the
//! paragraph's old text rendered alone must give exactly the HTML the full render gave it.

use crate::article::Article;
use crate::kramdown::scanner::count_newlines;
use crate::preview::BodyBlock;
use crate::survey::Survey;
use crate::{front_matter, markdown_to_html, source_map, stats, Part, Request};

/// Text whose presence in the edited paragraph (before or after the edit) could tie it to the
/// rest of the article: footnote markers, definitions, extensions.
const TIES: [&str; 4] = ["[^", "]:", "*[", "{::"];

/// What a line of the paragraph may not start with (after spaces): a code fence, an HTML block
/// or a math block (left unclosed in the paragraph alone, each reads as text; in the article,
/// it could close further on, or close one left open above), or a block attribute list.
const OPENERS: [char; 5] = ['`', '~', '<', '$', '{'];

/// `new` rendered from `previous` (the render of `old` with the same request), if the edit
/// from `old` to `new` stays inside one paragraph that can be rendered alone; `None` when the
/// article must be rendered in full.
pub fn rerender(previous: &Article, old: &str, new: &str, request: &Request) -> Option<Article> {
    // Liquid can move lines and reach across paragraphs (a comment, a raw block).
    let (old_facts, new_facts) = (Survey::of(old), Survey::of(new));
    if !request.source_map || request.safe.is_some() || old_facts.options_extension || old_facts.liquid || new_facts.liquid {
        return None;
    }
    let body_start = front_matter::split(old).body_start;
    if front_matter::split(new).body_start != body_start {
        return None;
    }
    let (start, old_end, new_end) = changed_range(old, new);
    if start < body_start {
        return None;
    }
    let blocks = &previous.body_blocks;
    let (first, last) = (source_map::line_at(old, start), source_map::line_at(old, old_end));
    let index = blocks.iter().position(|b| b.start_line <= first && last <= b.end_line)?;
    // Not the first block (the excerpt may come from it) nor the last (footnotes follow it).
    if index == 0 || index + 1 == blocks.len() {
        return None;
    }
    let (block, next) = (&blocks[index], &blocks[index + 1]);
    let region_start = line_start(old, block.start_line)?;
    let region_end = line_start(old, next.start_line)?;
    let blank = |line: u32| line_text(old, line).is_some_and(|text| text.trim().is_empty());
    if !blank(block.start_line - 1) || next.start_line <= block.end_line + 1 || !blank(next.start_line - 1) {
        return None;
    }
    // The excerpt's end is found before the paragraph, and so stays where it is.
    if !excerpt_comes_before(previous, &old[body_start..], region_start - body_start) {
        return None;
    }
    let old_text = &old[region_start..region_end];
    let new_text = &new[region_start..region_end + new_end - old_end];
    let abbreviations = abbreviations(old);
    // A span attribute list (`{:target="_blank"}`) stays in its paragraph, unless it names an
    // attribute list definition made elsewhere.
    let has_definitions = old.lines().any(|line| is_definition(line.trim_start_matches(' ')));
    let tied = |text: &str| {
        TIES.iter().any(|tie| text.contains(tie))
            || (has_definitions && text.contains("{:"))
            || abbreviations.iter().any(|abbreviation| text.contains(abbreviation))
            || text.lines().any(|line| line.trim_start_matches(' ').starts_with(OPENERS))
    };
    if tied(old_text) || tied(new_text) || new_text.starts_with(char::is_whitespace) {
        return None;
    }
    // The paragraph's references resolve against the article's link definitions, given to it
    // as kramdown's `link_defs` option.
    let mut profile = request.profile.clone();
    profile.options.link_defs =
        previous.link_definitions.iter().map(|(id, (url, title))| (id.to_owned(), url.clone(), title.clone())).collect();
    let request = &Request { profile: &profile, ..*request };
    let before = paragraph_alone(old_text, block.start_line, request)?;
    if before.0.html != block.html {
        return None;
    }
    let (after, words) = paragraph_alone(new_text, block.start_line, request)?;
    let shift = count_newlines(new_text.as_bytes()) as i64 - count_newlines(old_text.as_bytes()) as i64;
    let word_count = match previous.word_count {
        Some(count) => Some((count + words?).checked_sub(before.1?)?),
        None => None,
    };

    let mut article = previous.clone();
    article.body_blocks[index] = after;
    for later in &mut article.body_blocks[index + 1..] {
        shift_block(later, shift);
    }
    article.body_html = article.body_blocks.iter().map(|b| b.html.clone()).collect();
    article.word_count = word_count;
    article.reading_minutes = word_count.map(stats::reading_minutes);
    let moved = |line: &mut u32| {
        if *line > block.end_line {
            *line = shifted(*line, shift);
        }
    };
    article.outline.iter_mut().flatten().for_each(|entry| moved(&mut entry.line));
    article.diagnostics.iter_mut().for_each(|d| moved(&mut d.line));
    Some(article)
}

/// The abbreviations the text may define (`*[HTML]: …` lines; some may be in code, which only
/// makes the fast path more careful): kramdown marks them up in every paragraph.
fn abbreviations(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.trim_start_matches(' ').strip_prefix("*["))
        .filter_map(|rest| rest.split_once("]:").map(|(name, _)| name))
        .filter(|name| !name.is_empty())
        .collect()
}

/// Whether a line (without its indentation) defines an attribute list: `{:name: …}`.
fn is_definition(line: &str) -> bool {
    line.strip_prefix("{:").and_then(|rest| rest.split_once(':')).is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

/// The paragraph's text rendered alone as the body block it is, starting on line `first_line`
/// of the file, and its words (if the request counts them); `None` unless it is one paragraph
/// without a warning.
fn paragraph_alone(text: &str, first_line: u32, request: &Request) -> Option<(BodyBlock, Option<usize>)> {
    let rendered = markdown_to_html(text.to_owned(), None, request, Part::Body, None);
    let [block] = &rendered.blocks[..] else { return None };
    if !rendered.warnings.is_empty() || rendered.withheld || !block.html.starts_with("<p") {
        return None;
    }
    let mut blocks = source_map::blocks(std::slice::from_ref(block), first_line);
    Some((blocks.pop()?, rendered.words))
}

/// Whether Jekyll's excerpt is taken from the body before byte `offset` of it (or from the
/// front matter), so that nothing from `offset` on changes it.
fn excerpt_comes_before(article: &Article, body: &str, offset: usize) -> bool {
    if article.jekyll.excerpt.is_some() {
        return true;
    }
    let separator = &article.jekyll.excerpt_separator;
    !separator.is_empty() && body.find(separator.as_str()).is_some_and(|at| at + separator.len() <= offset)
}

/// Where `old` and `new` differ: the first differing byte, and where the difference ends in
/// each (on character boundaries).
fn changed_range(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let longest = a.len().min(b.len()) - start;
    let mut suffix = a.iter().rev().zip(b.iter().rev()).take(longest).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
        suffix -= 1;
    }
    (start, a.len() - suffix, b.len() - suffix)
}

/// The byte where line `line` (from 1) starts, if the text has it.
fn line_start(text: &str, line: u32) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line as usize - 2).map(|(at, _)| at + 1)
}

/// Line `line` (from 1) of the text, without its line break.
fn line_text(text: &str, line: u32) -> Option<&str> {
    let start = line_start(text, line)?;
    let rest = &text[start..];
    Some(&rest[..rest.find('\n').unwrap_or(rest.len())])
}

fn shifted(line: u32, shift: i64) -> u32 {
    u32::try_from(i64::from(line) + shift).unwrap_or(0)
}

/// A block moved by `shift` lines: its lines and the `data-source-line` mark of its HTML.
fn shift_block(block: &mut BodyBlock, shift: i64) {
    if shift == 0 {
        return;
    }
    let old_mark = format!(" data-source-line=\"{}-{}\"", block.start_line, block.end_line);
    block.start_line = shifted(block.start_line, shift);
    block.end_line = shifted(block.end_line, shift);
    if let Some(at) = block.html.find(&old_mark) {
        let new_mark = format!(" data-source-line=\"{}-{}\"", block.start_line, block.end_line);
        block.html.replace_range(at..at + old_mark.len(), &new_mark);
    }
}
