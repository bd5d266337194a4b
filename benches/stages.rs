//! Where a render's time goes, stage by stage (`cargo bench`): the front matter, kramdown's
//! block pass, its span pass (`update_tree` and what follows it), the HTML writer, the word
//! count, and the whole article. Inputs: the seed article and the shared corpus bodies joined (the
//! benchmark's own inputs, bench/inputs.mjs).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use folio::kramdown::element::{Element, Kind};
use folio::kramdown::parser::{adapt_source, Parser};
use folio::survey::Survey;
use folio::kramdown::Document;
use folio::Options;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    std::env::var_os("FOLIO_SHARED").map(PathBuf::from).unwrap_or(if local.is_dir() { local } else { "/work/shared".into() })
}

fn articles(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus folder").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            articles(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "markdown")) {
            out.push(std::fs::read_to_string(&path).expect("article"));
        }
    }
}

fn body(source: &str) -> &str {
    &source[folio::front_matter::split(source).body_start..]
}

/// The seed article (with its front matter) and the corpus bodies joined.
fn inputs() -> [(&'static str, String); 2] {
    let seed = std::fs::read_to_string(shared().join("corpus/seed/ogp-societe-civile.md")).expect("seed article");
    let mut corpus = Vec::new();
    articles(&shared().join("corpus/jekyll"), &mut corpus);
    let corpus = corpus.iter().map(|s| body(s)).collect::<Vec<_>>().join("\n\n");
    [("seed", seed), ("corpus", corpus)]
}

/// The block pass alone: the parser as it leaves it, and the tree of raw text.
fn block_pass<'o>(body: &str, options: &'o Options) -> (Parser<'o>, Element) {
    let mut parser = Parser::new(std::borrow::Cow::Borrowed(options));
    let mut root = Element::new(Kind::Root).at(1);
    parser.parse_blocks(&mut root, Some(adapt_source(body.to_owned(), Survey::of(body).carriage_return)), 1);
    (parser, root)
}

fn stages(c: &mut Criterion) {
    let options = Options::jekyll();
    for (name, source) in inputs() {
        let markdown = body(&source);
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function("front matter", |b| {
            b.iter(|| {
                let split = folio::front_matter::split(&source);
                folio::front_matter::read(&source, &split)
            })
        });
        group.bench_function("block pass", |b| b.iter(|| block_pass(markdown, &options)));
        group.bench_function("span pass", |b| {
            b.iter_batched(
                || block_pass(markdown, &options),
                |(mut parser, mut root)| {
                    parser.update_tree(&mut root);
                    (parser, root)
                },
                BatchSize::LargeInput,
            )
        });
        let document = Document::parse(markdown, &options);
        group.bench_function("html writer", |b| b.iter(|| document.to_html()));
        group.bench_function("word count", |b| b.iter(|| folio::stats::word_count(&document.root)));
        group.bench_function("render_body", |b| b.iter(|| folio::render_body(markdown, &options)));
        group.bench_function("render (article)", |b| b.iter(|| folio::render(&source, &options)));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
