//! Liquid's tags that need the site (`include`, `include_relative`, `post_url`, `link`,
//! `page.url`), run natively by `folio` in a Jekyll site: `tests/fixtures/site-liquid` rendered
//! with each of its configurations and compared with what the real Jekyll 4.3 builds
//! (`scripts/site-liquid-fixtures.rb` wrote `expected/` and `errors/jekyll.json`, committed so no
//! Ruby is needed).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site-liquid")
}

/// `folio` run in the fixture site.
fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).current_dir(site()).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_page_and_post_should_render_as_jekyll_builds_it_with_each_permalink_style() {
    let expected = site().join("expected");
    let mut failures = Vec::new();
    let mut count = 0;
    for config in ["default", "pretty", "ordinal", "custom"] {
        let configs = match config {
            "default" => "_config.yml".to_owned(),
            other => format!("_config.yml,_config.{other}.yml"),
        };
        let root = expected.join(config);
        let cases = support::files_under(&root, |p| p.extension().is_some_and(|e| e == "html"));
        assert_eq!(cases.len(), 7, "the pages and posts of {}", root.display());
        for case in cases {
            count += 1;
            let path = case.strip_prefix(&root).unwrap().with_extension("md").to_string_lossy().into_owned();
            let out = folio(&["render", "--config", &configs, &path]);
            let want = support::read(&case);
            let outcome = support::judge(format!("{config} {path}"), String::new(), &want, || text(&out.stdout));
            if let Some((want, got)) = outcome.difference {
                failures.push(format!("{config} {path}\n  want: {want}\n  got:  {got}"));
            }
            // Jekyll finds a post named without its folder, and warns of it; nothing else is said.
            let warned = match path.as_str() {
                "_posts/2017-01-05-links.md" => "_posts/2017-01-05-links.md:6:73: warning: Liquid `{% post_url 2016-12-24-in-asia %}` names the post as Jekyll's old matching does, which it warns of: write `{% post_url travel/2016-12-24-in-asia %}`\n",
                _ => "",
            };
            if text(&out.stderr) != warned {
                failures.push(format!("{config} {path}: {}", text(&out.stderr)));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn what_jekyll_stops_on_is_an_error_at_the_tag() {
    let jekyll: serde_json::Value = serde_json::from_str(&support::read(&site().join("errors/jekyll.json"))).unwrap();
    // Each post of errors/ has its tag on line 4, at column 12 but where said; what Folio says
    // of it. Jekyll stops on some as it parses the post: in a branch that never runs too.
    let cases = [
        ("include-dotdot", "`../about.md` is not a valid include name"),
        ("include-loop", "in _includes/loop.html, Liquid `{% include loop.html %}` is left as written: Jekyll stops here, as includes nest deeper than Liquid's 100"),
        ("include-params", "`kind` does not read as parameters"),
        ("link-missing", "the site has no file `nope.md`"),
        ("missing-include", "there is no `nope.html` in _includes/"),
        ("post-future", "the site publishes no post `2999-01-01-not-yet`"),
        ("post-missing", "the site publishes no post `2010-01-01-nope` (none has that name, or it is dated later or not published)"),
        ("post-name", "`nodate` is not a post's name (YYYY-MM-DD-title)"),
        ("post-unpublished", "the site publishes no post `2016-01-01-hidden`"),
        ("relative-dotdot", "`../about.md` is not a valid include name"),
        ("relative-missing", "there is no `nope.md` in errors/"),
        ("unrun-include-params@26", "`kind` does not read as parameters"),
        ("unrun-post-name@26", "`nodate` is not a post's name"),
    ];
    assert_eq!(jekyll.as_object().unwrap().len(), cases.len());
    for (case, message) in cases {
        let (name, column) = case.split_once('@').unwrap_or((case, "12"));
        let file = format!("errors/2018-01-01-{name}.md");
        assert!(jekyll[&file[7..]].is_string(), "Jekyll stops on {file}");
        let out = folio(&["check", &file]);
        let listing = text(&out.stdout);
        let prefix = format!("{file}:4:{column}: error: Liquid `{{% ");
        assert!(listing.starts_with(&prefix) && listing.contains(message) && listing.lines().count() == 1, "{file}: {listing}");
        assert_eq!(out.status.code(), Some(1), "{file}");
    }
}

#[test]
fn without_a_site_the_tags_stay_as_written_with_a_warning() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["render", "-"])
        .current_dir(site())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let body = "{% include note.html %} {% post_url 2016-12-23-includes %} {{ page.url }}\n";
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), body.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(text(&out.stdout), format!("<p>{}</p>\n", body.trim_end()));
    let warnings = text(&out.stderr);
    assert_eq!(warnings.lines().count(), 3, "{warnings}");
    assert!(warnings.contains("-:1:1: warning: Liquid `{% include note.html %}` is left as written: Jekyll puts the site's _includes/note.html here"), "{warnings}");
}
