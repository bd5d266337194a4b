//! The benchmark's native rows (`make bench` runs it, built with the `native` profile):
//! plain pulldown-cmark 0.13 (CommonMark, no extension) and Folio itself, natively, on the
//! files given. Prints one JSON line per renderer and file: `{"renderer", "file", "ms"}`,
//! the median time of one render.
//!
//!     cargo run --profile native --example native_bench -- FILE...

use std::time::{Duration, Instant};

/// The median time of one call of `render`, from batches long enough for the clock.
fn time(mut render: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    let mut batch = 0u32;
    while start.elapsed() < Duration::from_millis(20) || batch < 3 {
        std::hint::black_box(render());
        batch += 1;
    }
    let mut samples: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(render());
            }
            start.elapsed().as_secs_f64() * 1e3 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn pulldown(text: &str) -> usize {
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    html.len()
}

fn main() {
    let options = folio::Options::jekyll();
    for file in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let rows = [
            ("pulldown-cmark 0.13 (native)", time(|| pulldown(&text))),
            ("folio (native)", time(|| folio::render_body(&text, &options).len())),
        ];
        for (renderer, ms) in rows {
            println!("{{\"renderer\": \"{renderer}\", \"file\": {file:?}, \"ms\": {ms}}}");
        }
    }
}
