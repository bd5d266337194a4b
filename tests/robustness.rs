//! No input makes Folio panic: documents built at random (a fixed seed, so runs repeat)
//! from the pieces kramdown's constructs are made of, with multi-byte text among them,
//! rendered under GFM (Jekyll) and kramdown input, trusted and safe.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::sanitize::Policy;
use folio::{Options, Profile, Request};
use std::panic::{self, AssertUnwindSafe};
use support::random::Random;

const PIECES: &[&str] = &[
    "\n", "\n\n", " ", "  ", "\t", "    ", "#", "## ", "###", "*", "**", "_", "__", "~~", "`", "```", "~~~", "[", "]", "](",
    "(", ")", "![", "[^1]", "[^1]: ", "[x]: /u ", "*[HTML]: ", "{:", "{: .c #i k=\"v\"}", "{::comment}", "{:/}",
    "{::nomarkdown}", "{::options auto_ids=\"false\" /}", "}", ":", ": ", "> ", ">", "- ", "* ", "1. ", "| ", "|---|",
    "|", "^", "$$", "$", "\\", "'", "\"", "--", "---", "...", "<<", ">>", "<div>", "</div>", "<div markdown=\"1\">",
    "<span>", "</span>", "<!--", "-->", "<br>", "<img src=x>", "&amp;", "&#x1F600;", "&#1234567;", "&nbsp;", "é", "ü",
    "русский", "中文", "😀", "\u{a0}", "{#id}", "=====", "-----", "<http://x>", "<a@b.c>", "text", "word ", "{:toc}",
    "\r\n", "\r", "```ruby\n", "~~~ русский?x\n",
];

impl Random {
    fn document(&mut self) -> String {
        let pieces = 1 + self.next() % 60;
        (0..pieces).map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize]).collect()
    }
}

#[test]
fn random_documents_should_render_without_panicking() {
    let mut random = Random(0x5EED_F011_0000_0001);
    let gfm = Profile::jekyll();
    let kramdown = Profile::with_options(&Options::kramdown());
    let policy = Policy::default();
    let mut failures = Vec::new();
    for _ in 0..3000 {
        let document = random.document();
        for profile in [&gfm, &kramdown] {
            for safe in [None, Some(&policy)] {
                let request = Request { safe, source_map: true, ..Request::new(profile) };
                if panic::catch_unwind(AssertUnwindSafe(|| folio::render_with(&document, &request))).is_err() {
                    failures.push(format!("{document:?}"));
                }
            }
        }
    }
    failures.dedup();
    assert!(failures.is_empty(), "{} documents panicked, first ones:\n{}", failures.len(), failures[..failures.len().min(5)].join("\n"));
}
