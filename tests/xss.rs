//! Safe mode natively: public XSS payloads (`shared/vectors/dompurify.json`) placed in every
//! Markdown construct, and Folio's own Markdown and kramdown vectors (`tests/xss/`), rendered
//! with `Request::safe`; the output must hold nothing that could run script
//! (`support::safety`). The same vectors run in Chromium through the real widget
//! (`tests/e2e/xss.test.mjs`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::sanitize::Policy;
use folio::{Profile, Request};

/// Where a payload is put: raw HTML block, paragraph, link text, image alt, table cell, list item, blockquote.
const CONSTRUCTS: &[&str] = &["{}\n", "Before {} after.\n", "[{}](https://example.org)\n", "![{}](a.png)\n", "| a | b |\n|---|---|\n| {} | c |\n", "* {}\n* two\n", "> {}\n"];

fn render_safe(markdown: &str, profile: &str) -> String {
    let profile = Profile::builtin(profile).expect("a built-in profile");
    let policy = Policy::default();
    let article = folio::render_with(markdown, &Request { safe: Some(&policy), ..Request::new(&profile) });
    folio::page::article_html(&article)
}

fn check(cases: impl Iterator<Item = (String, String, String)>) -> usize {
    let hosts: Vec<&str> = folio::sanitize::policy::DEFAULT_IFRAME_HOSTS.to_vec();
    let mut tried = 0;
    let mut unsafe_cases = Vec::new();
    for (name, markdown, profile) in cases {
        tried += 1;
        let html = render_safe(&markdown, &profile);
        let problems = support::safety::problems(&html, &hosts);
        if !problems.is_empty() {
            unsafe_cases.push(format!("{name}: {}\n  input: {markdown:?}", problems.join("; ")));
        }
    }
    assert!(unsafe_cases.is_empty(), "{} of {tried} vectors give unsafe output:\n{}", unsafe_cases.len(), unsafe_cases.join("\n"));
    tried
}

#[test]
fn public_payloads_in_every_construct_should_not_survive() {
    let path = support::shared_dir().join("vectors/dompurify.json");
    let payloads: Vec<String> = serde_json::from_str(&support::read(&path)).expect("a JSON list of strings");
    assert!(payloads.len() > 200);
    let cases = payloads.iter().enumerate().flat_map(|(i, payload)| {
        CONSTRUCTS.iter().enumerate().map(move |(c, template)| {
            (format!("payload {i} in construct {c}"), template.replace("{}", payload), "jekyll".to_owned())
        })
    });
    assert_eq!(check(cases), payloads.len() * CONSTRUCTS.len());
}

#[test]
fn markdown_and_kramdown_vectors_should_not_survive() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xss/markdown-vectors.json");
    let vectors: Vec<serde_json::Value> = serde_json::from_str(&support::read(std::path::Path::new(path))).unwrap();
    let cases = vectors.iter().map(|v| {
        let profile = v["profile"].as_str().unwrap_or("jekyll").to_owned();
        (v["name"].as_str().unwrap().to_owned(), v["markdown"].as_str().unwrap().to_owned(), profile)
    });
    assert_eq!(check(cases), vectors.len());
}

/// What safe-mode documents are built from at random: kramdown's constructs (attribute lists,
/// extensions, definitions, raw HTML with and without `markdown="1"`, option changes) and what
/// attackers put in them (script, handlers, `javascript:` in every spelling, styles, frames,
/// foreign elements).
const HOSTILE_PIECES: &[&str] = &[
    "\n", "\n\n", " ", "    ", "# ", "* ", "1. ", "> ", "| a | b |\n|---|---|\n| ", "text ", "[x](", ")", "[y]: ", "![i](",
    "javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x", "&#106;avascript:x", "jav&#x09;ascript:x", "data:text/html,<script>x</script>",
    "vbscript:x", " \"title\"", "<http://x.org>", "<javascript:x>", "{: onclick=\"x()\"}", "{: style=\"background:url(x)\"}",
    "{: #id .c href=\"javascript:x\"}", "{:ref: onmouseover=\"x\"}", "{: ref}", "{::nomarkdown}<script>x</script>{:/}",
    "{::nomarkdown type=\"html\"}\n<img src=x onerror=y>\n{:/}", "{::options parse_block_html=\"true\" /}",
    "{::options html_to_native=\"true\" /}", "{::options auto_id_prefix=\"x\\\" onload=\\\"y\" /}", "{::comment}<script>{:/}",
    "<script>x</script>", "<img src=x onerror=y>", "<svg><g onload=x></svg>", "<math><mi xlink:href=\"javascript:x\">m</mi></math>",
    "<iframe src=\"https://evil.example/\"></iframe>", "<iframe srcdoc=\"<script>x</script>\"></iframe>", "<a href=\"javascript:x\">a</a>",
    "<div markdown=\"1\">", "</div>", "<span markdown=\"span\" onclick=x>", "</span>", "<style>*{x:y}</style>", "<form action=x>",
    "<object data=x>", "<base href=x>", "<meta http-equiv=refresh content=\"0;url=javascript:x\">", "<!--", "-->", "<![CDATA[",
    "<template><script>x</script></template>", "<noscript><p title=\"</noscript><img src=x onerror=y>\">", "<p style=\"x:expression(y)\">",
    "[^1]", "[^1]: ", "*[HTML]: <script>", "HTML", "$$x$$", "`<script>`", "```\n<script>\n```\n", "<div onclick=x>", "{:toc}", "^",
];

/// `pieces` hostile pieces picked at random.
fn hostile_text(random: &mut support::random::Random, pieces: usize) -> String {
    (0..pieces).map(|_| HOSTILE_PIECES[random.below(HOSTILE_PIECES.len())]).collect()
}

/// YAML's single-quoted form of `text` (newlines folded to spaces, as such a scalar reads them).
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''").replace(['\n', '\r'], " "))
}

/// A front matter for the `numerique` profile with hostile values in every field its page shows:
/// title, summary (Markdown), hero image and its alternative text, attached files.
fn hostile_front_matter(random: &mut support::random::Random) -> String {
    let pieces = 1 + random.below(10);
    let summary: String = hostile_text(random, pieces).lines().map(|line| format!("  {line}\n")).collect();
    format!(
        "---\ntitle: {}\nchapeau-text: |\n{summary}une-ou-diaporama:\n  - image: {}\n    alternative-textuelle: {}\nfiles:\n  - file: {}\n    nom: {}\n---\n",
        quoted(&hostile_text(random, 2)),
        quoted(&hostile_text(random, 1)),
        quoted(&hostile_text(random, 2)),
        quoted(&hostile_text(random, 1)),
        quoted(&hostile_text(random, 2)),
    )
}

#[test]
fn random_documents_of_kramdown_constructs_and_payloads_should_not_survive() {
    let mut random = support::random::Random(0x5AFE_F011_0000_0006);
    let cases: Vec<_> = (0..4000)
        .map(|i| {
            let pieces = 1 + random.below(40);
            let body = hostile_text(&mut random, pieces);
            // Every other document is a `numerique` article whose front matter is hostile too.
            let (markdown, profile) = match i % 2 {
                0 => (body, "jekyll"),
                _ => (hostile_front_matter(&mut random) + &body, "numerique"),
            };
            (format!("random document {i}"), markdown, profile.to_owned())
        })
        .collect();
    assert_eq!(check(cases.into_iter()), 4000);
}

#[test]
fn the_judge_should_catch_what_it_looks_for() {
    // The check must be able to fail: unsanitised output is flagged.
    let hosts = ["www.youtube.com"];
    for bad in ["<script>x</script>", "<img src=x onerror=y>", "<a href=\"java\tscript:x\">a</a>", "<svg></svg>", "<p style=\"background:url(x)\">a</p>", "<iframe src=\"https://evil/\"></iframe>"] {
        assert!(!support::safety::problems(bad, &hosts).is_empty(), "{bad}");
    }
    assert!(support::safety::problems("<p><a href=\"https://x\">a</a></p>", &hosts).is_empty());
}
