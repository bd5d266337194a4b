//! The `folio` command line: what it prints and how it exits.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

/// `folio` with `input` on its standard input.
fn folio_reading(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn render_prints_the_body_html_by_default() {
    let out = folio(&["render", "tests/fixtures/cli/good.md"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "<p>Hello <em>world</em>.</p>\n");
}

#[test]
fn render_page_prints_a_whole_document_with_the_title() {
    let out = folio(&["render", "--page", "tests/fixtures/cli/good.md"]);
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<h1>Good</h1>"));
}

#[test]
fn render_json_prints_the_article_data() {
    let out = folio(&["render", "--json", "tests/fixtures/cli/good.md"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["title"], "Good");
    assert_eq!(json["frontMatter"]["title"], "Good");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn render_reads_standard_input_for_a_dash() {
    let out = folio_reading(&["render", "-"], b"\xef\xbb\xbf# Hi\n");
    assert!(stdout(&out).contains(">Hi</h1>"), "the byte order mark should be dropped");
}

#[test]
fn render_reports_front_matter_errors_with_their_position_and_still_prints_the_body() {
    let out = folio(&["render", "tests/fixtures/cli/broken-front-matter.md"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Still rendered"));
    let err = stderr(&out);
    assert!(err.starts_with("tests/fixtures/cli/broken-front-matter.md:"), "{err}");
    assert!(err.contains(": error: front matter is not valid YAML"), "{err}");
}

#[test]
fn check_prints_file_line_column_and_fails_on_errors() {
    let out = folio(&["check", "tests/fixtures/cli"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout(&out);
    let first = lines.lines().next().unwrap();
    let parts: Vec<&str> = first.splitn(4, ':').collect();
    assert_eq!(parts[0], "tests/fixtures/cli/broken-front-matter.md");
    assert!(parts[1].parse::<u32>().unwrap() >= 2 && parts[2].parse::<u32>().is_ok(), "{first}");
    assert!(stderr(&out).contains("3 files, 1 error,"), "{}", stderr(&out));
}

/// A test's own folder, removed when the test ends (passing or not): each run of the suite
/// left two dozen folders behind in the system's temporary folder.
struct Scratch(std::path::PathBuf);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An empty folder of its own for a test.
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("folio-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// A folder of its own for a test, holding `files` (path and text), their folders made.
fn scratch_with(name: &str, files: &[(&str, &str)]) -> Scratch {
    let dir = scratch(name);
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[cfg(unix)]
#[test]
fn check_walks_each_folder_once_however_links_loop() {
    let dir = scratch("loop");
    std::fs::write(dir.join("a.md"), "---\ntags: [a\n---\nx\n").unwrap();
    std::os::unix::fs::symlink(".", dir.join("s1")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("s2")).unwrap();
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("1 file, 1 error,"), "{}", stderr(&out));
}

#[test]
fn check_reports_a_file_that_is_not_utf8_where_it_stops_being_so_and_goes_on() {
    let dir = scratch("latin1");
    std::fs::write(dir.join("a.md"), b"---\ntitle: caf\xe9\n---\n").unwrap();
    std::fs::write(dir.join("b.md"), "---\ntags: [a\n---\nx\n").unwrap();
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout(&out);
    assert!(lines.contains("a.md:2:11: error: this file is not UTF-8 text"), "{lines}");
    assert!(lines.contains("b.md:2:7: error:"), "{lines}");
    assert!(stderr(&out).contains("2 files, 2 errors,"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn check_reports_files_found_that_do_not_read_each_as_an_error_and_goes_on() {
    // In a folder, and in a Jekyll site, whose files are found another way.
    for (name, config) in [("broken-links", None), ("site-broken-links", Some("title: T\n"))] {
        let dir = scratch(name);
        if let Some(config) = config {
            std::fs::write(dir.join("_config.yml"), config).unwrap();
        }
        std::os::unix::fs::symlink("gone.md", dir.join("a.md")).unwrap();
        std::os::unix::fs::symlink("gone-too.md", dir.join("b.md")).unwrap();
        std::fs::write(dir.join("c.md"), "---\ntags: [a\n---\nx\n").unwrap();
        let out = folio(&["check", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let lines = stdout(&out);
        for file in ["a.md", "b.md"] {
            assert!(lines.contains(&format!("{file}: error: cannot read it: No such file")), "{name}: {lines}");
        }
        assert!(lines.contains("c.md:2:7: error:"), "{name}: {lines}");
        assert!(stderr(&out).contains("3 files, 3 errors,"), "{name}: {}", stderr(&out));
    }
}

#[test]
fn check_lists_a_file_s_problems_in_the_file_s_order() {
    let dir = scratch("order");
    std::fs::write(dir.join("a.md"), "---\ndate: never\ntitle: A\ntitle: B\n---\n[a][missing]\n\n{::nothing}\n").unwrap();
    let out = folio(&["check", dir.to_str().unwrap()]);
    let listed = stdout(&out);
    let places: Vec<&str> = listed.lines().map(|line| line.split(": ").next().unwrap().rsplit_once("a.md:").unwrap().1).collect();
    // kramdown warns of the unclosed extension twice (block pass and span pass), and so does Folio.
    assert_eq!(places, ["2:7", "4:1", "6:1", "8:1", "8:1"], "{listed}");
}

#[test]
fn check_reads_standard_input_for_a_dash() {
    let out = folio_reading(&["check", "-", "tests/fixtures/cli/good.md"], b"---\ndate: nope\n---\nx\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("-:2:7: error: `date` `nope` is not a date"), "{}", stdout(&out));
    assert!(stderr(&out).contains("2 files, 1 error,"), "{}", stderr(&out));
}

#[test]
fn a_byte_order_mark_before_the_front_matter_is_left_out_as_jekyll_does() {
    let dir = scratch("bom");
    std::fs::write(dir.join("a.md"), "\u{feff}---\ntitle: Marked\n---\nBody\n").unwrap();
    let out = folio(&["render", "--json", dir.join("a.md").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"title\": \"Marked\""), "{}", stdout(&out));
}

#[test]
fn check_stops_quietly_when_its_output_is_closed() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "tests/fixtures/cli"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn check_says_a_problem_of_the_profile_once_not_for_each_file() {
    let dir = scratch("zone");
    std::fs::write(dir.join("profile.yml"), "timezone: Mars/Olympus\n").unwrap();
    for name in ["a.md", "b.md", "c.md"] {
        std::fs::write(dir.join(name), "# x\n").unwrap();
    }
    let out = folio(&["check", "--profile", dir.join("profile.yml").to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(stdout(&out).matches("unknown time zone").count(), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("3 files, 0 errors, 1 warning\n"), "{}", stderr(&out));
}

#[test]
fn check_passes_a_clean_file() {
    let out = folio(&["check", "tests/fixtures/cli/good.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[test]
fn options_file_is_merged_and_unknown_options_are_warned_about() {
    let out = folio(&["render", "--options", "tests/fixtures/cli/options-with-unknown.yml", "tests/fixtures/cli/good.md"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("unknown kramdown option `no_such_option`"), "{}", stderr(&out));
}

#[test]
fn unknown_flags_exit_2_with_usage() {
    let out = folio(&["render", "--bogus", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--bogus"));
    assert!(stderr(&out).contains("usage: folio render"));
}

#[test]
fn unreadable_files_exit_2_with_the_reason() {
    let out = folio(&["render", "tests/fixtures/cli/missing.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read tests/fixtures/cli/missing.md"), "{}", stderr(&out));
}

#[test]
fn no_command_exits_2() {
    assert_eq!(folio(&[]).status.code(), Some(2));
    assert_eq!(folio(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn render_page_with_a_built_in_profile_writes_the_site_language_and_date() {
    let out = folio(&["render", "--page", "--profile", "numerique", "www/articles/ogp-societe-civile.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(page.contains("<time datetime=\"2016-12-23T17:50:00+01:00\">23 décembre 2016</time>"), "{page}");
    assert!(page.contains("src=\"https://www.numerique.gouv.fr/uploads/societe-civile-ogp_une.jpg\""));
}

#[test]
fn a_profile_file_is_read_and_its_unknown_keys_are_warned_about() {
    let out = folio(&["render", "--json", "--profile", "tests/fixtures/cli/profile-with-unknown.yml", "tests/fixtures/cli/good.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("profile-with-unknown.yml: warning: profile: unknown key `colour` (ignored)"), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["lang"], "fr");
}

#[test]
fn an_unknown_profile_exits_2_naming_the_built_in_ones() {
    let out = folio(&["render", "--profile", "nope", "tests/fixtures/cli/good.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no built-in profile is named `nope` (there are: jekyll, numerique)"), "{}", stderr(&out));
}

#[test]
fn a_dated_file_name_gives_the_date_and_slug() {
    let out = folio(&["render", "--json", "tests/fixtures/cli/2016-12-23-dated-by-name.md"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["date"], "2016-12-23T00:00:00+00:00");
    assert_eq!(json["slug"], "dated-by-name");
    assert_eq!(json["dateText"], "December 23, 2016");
}

/// The fake Jekyll site: its `_config.yml` sets `auto_ids: false`, a collection, `exclude:` and
/// `include:`; it has `_site/`, `node_modules/`, `vendor/bundle/`, and Markdown without front matter.
const SITE: &str = "tests/fixtures/site";

/// The files `check --list` names, relative to the folder named.
fn listed(out: &Output, folder: &str) -> Vec<String> {
    let lines = stdout(out);
    let files = lines.lines().filter(|line| !line.contains(": "));
    files.map(|line| line.strip_prefix(folder).unwrap_or(line).trim_start_matches('/').to_owned()).collect()
}

#[test]
fn check_reads_a_jekyll_site_as_jekyll_does() {
    let out = folio(&["check", "--list", SITE]);
    assert!(out.status.success(), "{}", stderr(&out));
    // What `jekyll build --drafts` converts, and no more: not README.md, notes.md or
    // _recipes/shopping-list.md (no front matter), _posts/ideas.md (no date), _includes/,
    // _site/, node_modules/, vendor/bundle/, old-drafts/ (`exclude:`) or .jekyll-cache/.
    let expected = [
        ".well-known/security.md", // a folder `include:` names, though it starts with a dot
        "_drafts/coming-soon.md",
        "_posts/2024-01-15-welcome.md",
        "_posts/2024-02-01-plain.md", // posts need no front matter
        "_recipes/pancakes.md",       // a collection of `collections:`
        "about.markdown",
        "blog/_posts/2024-03-01-in-a-category.md", // posts of any folder read
        "blog/index.md",
        "index.md",
    ];
    assert_eq!(listed(&out, SITE), expected);
}

#[test]
fn check_of_a_site_says_how_many_markdown_files_it_left_out_for_want_of_front_matter() {
    let out = folio(&["check", SITE]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let summary = "folio check: 9 files, 0 errors, 1 warning; 3 Markdown files without front matter left out (Jekyll copies them as they are)\n";
    assert_eq!(stderr(&out), summary);
}

#[test]
fn check_warns_of_a_post_that_jekyll_leaves_out_for_its_name() {
    let out = folio(&["check", SITE]);
    let warning = "tests/fixtures/site/_posts/ideas.md: warning: Jekyll leaves this post out, and so does `folio check`: a post's name starts with its date (YYYY-MM-DD-title.md)\n";
    assert_eq!(stdout(&out), warning);
}

#[test]
fn check_follows_the_site_s_markdown_ext_collections_dir_and_destination() {
    let page = "---\ntitle: T\n---\n";
    let dir = scratch_with(
        "site-keys",
        &[
            ("_config.yml", "markdown_ext: md,TXT\ncollections_dir: content\ncollections: [notes]\ndestination: public\n"),
            ("content/_posts/2024-01-01-a.md", page),
            ("_posts/2024-01-01-outside.md", page),
            ("content/_notes/n.txt", page),
            ("public/index.md", page),
            ("page.markdown", page),
            ("content/page.md", page),
        ],
    );
    let folder = dir.to_str().unwrap();
    let out = folio(&["check", "--list", folder]);
    // As `jekyll build` has it: posts only in `collections_dir`, `.txt` is Markdown and
    // `.markdown` is not, `public` is the destination.
    assert_eq!(listed(&out, folder), ["content/_notes/n.txt", "content/_posts/2024-01-01-a.md", "content/page.md"]);
}

#[test]
fn check_reads_posts_that_include_brings_in_as_folders_of_pages_too() {
    let post = ("_posts/2024-01-01-plain.md", "No front matter, a post all the same.\n");
    let dir = scratch_with("include-posts", &[("_config.yml", "include: [_posts]\n"), post]);
    let out = folio(&["check", "--list", dir.to_str().unwrap()]);
    assert_eq!(listed(&out, dir.to_str().unwrap()), ["_posts/2024-01-01-plain.md"]);
    assert_eq!(stderr(&out), "folio check: 1 file, 0 errors, 0 warnings\n");
}

#[test]
fn a_site_configured_in_toml_is_said_to_be_unread_and_read_with_jekyll_s_defaults() {
    let files = [("_config.toml", "title = \"T\"\n"), ("README.md", "No front matter.\n"), ("index.md", "---\ntitle: T\n---\n")];
    let dir = scratch_with("toml-site", &files);
    let folder = dir.to_str().unwrap();
    let out = folio(&["check", "--list", folder]);
    let warning = format!("{}: warning: Folio reads only YAML, not `_config.toml`: Jekyll's defaults are used", dir.join("_config.toml").display());
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), [warning.as_str(), &format!("{folder}/index.md")]);
}

#[test]
fn check_of_a_folder_inside_a_site_reads_it_as_the_site_does() {
    let out = folio(&["check", "--list", "tests/fixtures/site/_posts"]);
    assert_eq!(listed(&out, "tests/fixtures/site/_posts"), ["2024-01-15-welcome.md", "2024-02-01-plain.md"]);
    let out = folio(&["check", "--list", "tests/fixtures/site/node_modules"]);
    assert_eq!(listed(&out, "tests/fixtures/site/node_modules"), [""; 0]);
    assert!(stderr(&out).starts_with("folio check: 0 files,"), "{}", stderr(&out));
}

#[test]
fn check_lists_and_counts_a_site_s_files_once_however_often_its_folders_are_named() {
    let out = folio(&["check", SITE, "tests/fixtures/site/_posts", SITE]);
    assert_eq!(stdout(&out).lines().count(), 1, "the undated post once: {}", stdout(&out));
    assert!(stderr(&out).starts_with("folio check: 9 files, 0 errors, 1 warning; 3 Markdown files"), "{}", stderr(&out));
}

#[test]
fn check_with_no_config_walks_every_markdown_file_as_before() {
    let out = folio(&["check", "--list", "--no-config", SITE]);
    let files = listed(&out, SITE);
    for file in ["README.md", "_site/README.md", "node_modules/some-theme/index.md", "vendor/bundle/ruby/3.1.0/gems/minima-2.5.1/about.md"] {
        assert!(files.iter().any(|f| f == file), "{file}: {files:?}");
    }
    assert_eq!(files.len(), 20, "{files:?}");
    let out = folio(&["check", "--no-config", SITE]);
    assert!(stderr(&out).starts_with("folio check: 20 files, 4 errors, 0 warnings\n"), "{}", stderr(&out));
}

#[test]
fn a_file_named_is_checked_whatever_the_site_leaves_out_and_rendered_as_the_site_s() {
    let excluded = "tests/fixtures/site/old-drafts/first-try.md";
    let out = folio(&["check", "--list", excluded]);
    assert_eq!(stdout(&out), format!("{excluded}\n"));
    let out = folio(&["render", excluded]);
    assert!(stdout(&out).contains("<h2>Its heading</h2>"), "the site's `auto_ids: false`: {}", stdout(&out));
}

#[test]
fn check_reads_a_site_it_meets_in_a_folder_walked_as_that_site() {
    let dir = scratch_with(
        "docs-site",
        &[
            ("notes.md", "Loose notes, outside any site.\n"),
            ("docs/_config.yml", "title: Docs\n"),
            ("docs/index.md", "---\ntitle: Docs\n---\n"),
            ("docs/README.md", "No front matter.\n"),
            ("docs/_site/index.md", "---\ntitle: Built\n---\n"),
        ],
    );
    let folder = dir.to_str().unwrap();
    let out = folio(&["check", "--list", folder]);
    assert_eq!(listed(&out, folder), ["docs/index.md", "notes.md"]);
    let summary = "folio check: 2 files, 0 errors, 0 warnings; 1 Markdown file without front matter left out (Jekyll copies it as it is)\n";
    assert_eq!(stderr(&out), summary, "docs/README.md");
}

#[test]
fn render_uses_the_kramdown_options_of_the_site_s_configuration() {
    let post = "tests/fixtures/site/_posts/2024-01-15-welcome.md";
    let out = folio(&["render", post]);
    assert!(stdout(&out).contains("<h2>A heading without an id</h2>"), "{}", stdout(&out));
    let out = folio(&["render", "--no-config", post]);
    assert!(stdout(&out).contains("<h2 id=\"a-heading-without-an-id\">"), "{}", stdout(&out));
}

#[test]
fn the_site_s_time_zone_and_language_apply_unless_a_profile_is_named_and_its_kramdown_options_always() {
    let post = "tests/fixtures/site/_posts/2024-01-15-welcome.md";
    let json: serde_json::Value = serde_json::from_str(&stdout(&folio(&["render", "--json", post]))).unwrap();
    assert_eq!((&json["lang"], &json["date"]), (&"en-GB".into(), &"2024-01-15T00:00:00+01:00".into()));
    let out = folio(&["render", "--json", "--profile", "jekyll", post]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((&json["lang"], &json["date"]), (&"en".into(), &"2024-01-15T00:00:00+00:00".into()));
    assert!(json["bodyHtml"].as_str().unwrap().contains("<h2>A heading"), "{}", json["bodyHtml"]);
}

#[test]
fn options_given_on_the_command_line_win_over_the_site_s() {
    let dir = scratch_with("options-over-site", &[("ids.yml", "auto_ids: true\n")]);
    let out = folio(&["render", "--options", dir.join("ids.yml").to_str().unwrap(), "tests/fixtures/site/_posts/2024-01-15-welcome.md"]);
    assert!(stdout(&out).contains("<h2 id=\"a-heading-without-an-id\">"), "{}", stdout(&out));
}

#[test]
fn check_reports_bad_values_of_the_site_s_configuration_where_they_are() {
    let config = "title: Not Folio's business\nexclude: node_modules\nkramdown:\n  auto_ids: maybe\n  no_such_option: 1\ntimezone: Mars/Olympus\nmarkdown: CommonMark\nurl: [a]\n";
    let dir = scratch_with("bad-config", &[("_config.yml", config), ("a.md", "---\ntitle: A\n---\n# A\n")]);
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "Jekyll stops on an `exclude` that is no list");
    let config = dir.join("_config.yml");
    let expected: Vec<String> = [
        "2:10: error: `exclude` takes a list, not a string: Jekyll stops on it",
        "4:13: warning: kramdown option `auto_ids` takes true or false, not `maybe` (ignored)",
        "5:19: warning: unknown kramdown option `no_such_option` (ignored)",
        "6:11: warning: no time zone is named `Mars/Olympus` (ignored)",
        "7:11: warning: this site's Markdown is converted by `CommonMark`, not kramdown: Folio renders it as kramdown would",
        "8:6: warning: `url` takes a string, not a list (ignored)",
    ]
    .iter()
    .map(|line| format!("{}:{line}", config.display()))
    .collect();
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), expected);
    assert!(stderr(&out).starts_with("folio check: 1 file, 1 error, 5 warnings\n"), "{}", stderr(&out));
}

#[test]
fn a_site_s_configuration_that_is_not_yaml_is_an_error_and_its_articles_are_still_checked() {
    let files = [("_config.yml", "title: T\nkramdown: {auto_ids: false\n"), ("a.md", "---\ndate: nope\n---\n# A\n")];
    let dir = scratch_with("broken-config", &files);
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout(&out);
    assert!(lines.starts_with(&format!("{}:2:11: error: not valid YAML:", dir.join("_config.yml").display())), "{lines}");
    assert!(lines.contains("a.md:2:7: error: `date`"), "{lines}");
    let out = folio(&["render", dir.join("a.md").to_str().unwrap()]);
    assert!(stderr(&out).contains("_config.yml:2:11: error: not valid YAML:"), "render says it too: {}", stderr(&out));
}

/// A post with a code span and a code block that name no language.
const UNLABELLED_CODE: &str = "---\ntitle: A\n---\nSome `code` here.\n\n```\nplain block\n```\n";

/// A `Gemfile.lock` locking `jekyll` at `version` (a dependency's line first, as in a real one).
fn gemfile_lock(version: &str) -> String {
    format!("GEM\n  remote: https://rubygems.org/\n  specs:\n    jekyll-feed (0.17.0)\n      jekyll (>= 3.7, < 5.0)\n    jekyll ({version})\n      addressable (~> 2.4)\n")
}

#[test]
fn a_site_locked_to_jekyll_3_9_or_4_1_on_gets_that_jekyll_s_plain_text_code_and_the_site_s_guess_lang() {
    // What Debian's Jekyll 4.3.1 builds from this post (`jekyll build`).
    let jekyll_4_3 = "<p>Some <code class=\"language-plaintext highlighter-rouge\">code</code> here.</p>\n\n\
        <div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>plain block\n</code></pre></div></div>\n";
    for version in ["4.3.1", "3.9.3", "3.10.0"] {
        let lock = gemfile_lock(version);
        let dir = scratch_with("jekyll-lock", &[("_config.yml", "title: T\n"), ("Gemfile.lock", &lock), ("_posts/2024-01-01-a.md", UNLABELLED_CODE)]);
        let out = folio(&["render", dir.join("_posts/2024-01-01-a.md").to_str().unwrap()]);
        assert_eq!(stdout(&out), jekyll_4_3, "Jekyll {version}");
        assert_eq!(stderr(&out), "");
    }
    // `guess_lang: false` in the site's kramdown options: Jekyll 4.3.1 writes plain code again.
    let lock = gemfile_lock("4.3.1");
    let dir = scratch_with("jekyll-lock", &[("_config.yml", "kramdown:\n  guess_lang: false\n"), ("Gemfile.lock", &lock), ("a.md", UNLABELLED_CODE)]);
    let out = folio(&["render", dir.join("a.md").to_str().unwrap()]);
    assert_eq!(stdout(&out), "<p>Some <code>code</code> here.</p>\n\n<pre><code>plain block\n</code></pre>\n");
}

#[test]
fn a_site_without_a_lock_or_locked_to_jekyll_3_8_gets_the_jekyll_profile_s_code() {
    let jekyll_3_8 = "<p>Some <code>code</code> here.</p>\n\n<pre><code>plain block\n</code></pre>\n";
    let lock = gemfile_lock("3.8.7");
    for files in [vec![("_config.yml", "title: T\n")], vec![("_config.yml", "title: T\n"), ("Gemfile.lock", lock.as_str())]] {
        let dir = scratch_with("jekyll-3-8", &[files.as_slice(), &[("a.md", UNLABELLED_CODE)]].concat());
        assert_eq!(stdout(&folio(&["render", dir.join("a.md").to_str().unwrap()])), jekyll_3_8);
    }
}

#[test]
fn a_site_locked_to_jekyll_4_0_is_told_at_the_lock_that_rouge_s_guesses_are_plain_text_here() {
    let lock = gemfile_lock("4.0.1");
    let dir = scratch_with("jekyll-4-0", &[("_config.yml", "title: T\n"), ("Gemfile.lock", &lock), ("a.md", UNLABELLED_CODE)]);
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(
        stdout(&out),
        format!(
            "{}:6:5: warning: Jekyll 4.0.1 lets rouge guess the language of code that names none; Folio takes plain text, \
             which is rouge's guess for prose but not always for code\n",
            dir.join("Gemfile.lock").display()
        )
    );
    let out = folio(&["render", dir.join("a.md").to_str().unwrap()]);
    // Highlighted with no language named: kramdown's class names none either.
    assert!(stdout(&out).starts_with("<p>Some <code class=\"highlighter-rouge\">code</code>"), "{}", stdout(&out));
}

/// A site whose `_config.yml` has front matter defaults, and what Debian's Jekyll 4.3.1 makes of
/// each file (scripts/defaults-fixtures.rb).
const DEFAULTS_SITE: &str = "tests/fixtures/site-defaults";

#[test]
fn front_matter_defaults_reach_each_file_s_data_date_and_liquid_as_jekyll_4_3_merges_them() {
    let jekyll: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{DEFAULTS_SITE}/jekyll.json")).unwrap()).unwrap();
    let files = jekyll.as_object().unwrap();
    assert_eq!(files.len(), 7);
    for (file, expected) in files {
        let out = folio(&["render", "--json", &format!("{DEFAULTS_SITE}/{file}")]);
        let mut json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json["frontMatter"].as_object_mut().unwrap().remove("date");
        // Key order too: serde_json's maps keep it only with `preserve_order`, so compare as text.
        assert_eq!(json["frontMatter"].to_string(), expected["frontMatter"].to_string(), "{file}");
        assert_eq!(json["date"], expected["date"], "{file}");
        assert_eq!(json["bodyHtml"], expected["body"], "{file}");
    }
}

#[test]
fn check_says_where_a_defaults_scope_matches_nothing_in_jekyll_4_3() {
    let out = folio(&["check", DEFAULTS_SITE]);
    let config = format!("{DEFAULTS_SITE}/_config.yml");
    assert_eq!(
        stdout(&out),
        format!(
            "{config}:10:19: warning: `defaults`: this scope matches no file in Jekyll 4.3: its path starts with `/` (write it without)\n\
             {config}:14:19: warning: `defaults`: this scope matches no file in Jekyll 4.3: drafts are of type `posts` there\n"
        )
    );
    assert_eq!(stderr(&out), "folio check: 7 files, 0 errors, 2 warnings\n");
}

#[test]
fn problems_in_front_matter_defaults_are_placed_in_the_config_and_the_other_sets_still_apply() {
    let config = "defaults:\n  - scope: {path: \"\"}\n    values: {lang: fr}\n  - values: [a]\n  - just text\n  - scope: posts\n    values: {x: 1}\n  - scope:\n      type: 2\n    values: {x: 1}\n  - scope: {path: 2019, type: post}\n    values: {date: 2024-01-15}\n  - values: {y: 1}\n";
    let dir = scratch_with("bad-defaults", &[("_config.yml", config), ("a.md", "---\ntitle: A\n---\n{{ page.lang }}\n")]);
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "Jekyll stops on some of them");
    let config = dir.join("_config.yml");
    let expected: Vec<String> = [
        "4:13: warning: `defaults`: `values` takes a mapping, not a list: Jekyll warns and ignores this set",
        "5:5: warning: `defaults`: a set takes a mapping, not a string: Jekyll warns and ignores this set",
        "6:12: error: `defaults`: `scope` takes a mapping, not a string: Jekyll stops on it",
        "9:13: error: `defaults`: a scope's `type` takes text, not an integer: Jekyll stops on it",
        "11:19: warning: `defaults`: a scope's `path` takes text, not an integer: this set applies to every file, and Jekyll stops where another set applies to the same file (quote it)",
        "11:31: warning: `defaults`: type `post` is Jekyll 2's name, read as `posts` (Jekyll warns of it)",
        "12:20: error: `defaults`: a default `date` takes a time (2024-01-15 10:00:00) or text, not a date: Jekyll stops on it",
        "13:5: warning: `defaults`: a set without `scope` applies to every file, and Jekyll stops where a set before it applies too: give it `scope: {path: \"\"}`",
    ]
    .iter()
    .map(|line| format!("{}:{line}", config.display()))
    .collect();
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), expected);
    let out = folio(&["render", dir.join("a.md").to_str().unwrap()]);
    assert_eq!(stdout(&out), "<p>fr</p>\n");
}

/// `folio` run in the folder `dir`.
fn folio_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn config_files_named_with_config_are_deep_merged_in_order_over_the_current_folder_s_site() {
    let files = [
        ("a.yml", "kramdown:\n  auto_ids: false\n  hard_wrap: true\ntimezone: Europe/Paris\n"),
        ("b.yml", "kramdown:\n  hard_wrap: false\n  smart_quotes: [\"apos\", \"apos\", \"quot\", \"quot\"]\n  toc_levels: x\nlang: fr\n"),
        ("_config.yml", "kramdown:\n  auto_ids: true\n"),
        ("index.md", "---\ntitle: \"A\"\n---\n# Heading\n\nOne \"quoted\"\nline.\n"),
    ];
    let dir = scratch_with("config-files", &files);
    // What Debian's Jekyll 4.3.1 builds with `jekyll build --config a.yml,b.yml`: _config.yml unread.
    let jekyll = "<h1>Heading</h1>\n\n<p>One \"quoted\"\nline.</p>\n";
    let out = folio_in(&dir, &["render", "--json", "--config", "a.yml,b.yml", "index.md"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((json["bodyHtml"].as_str(), json["lang"].as_str()), (Some(jekyll), Some("fr")));
    assert_eq!(stderr(&out), "b.yml:4:15: warning: kramdown option `toc_levels` takes a range like 1..6 or a list of levels, not `x` (ignored)\n");
    let out = folio_in(&dir, &["render", "index.md"]);
    assert!(stdout(&out).starts_with("<h1 id=\"heading\">"), "{}", stdout(&out));
    let out = folio_in(&dir, &["check", "--config", "a.yml", "--no-config", "."]);
    assert_eq!(out.status.code(), Some(2));
}

/// A site with Markdown files without front matter: meta files (README, LICENSE…), one that
/// `include:` names, a collection's, and others.
fn site_without_front_matter(name: &str, config: &str, lock: Option<&str>) -> Scratch {
    let mut files = vec![("_config.yml", config.to_owned()), ("index.md", "---\n---\nx\n".to_owned())];
    for file in ["README.md", "Readme.md", "notes.md", "docs/LICENSE.md", "docs/guide.markdown", "CONTRIBUTING.md", "_recipes/plain.md"] {
        files.push((file, format!("# {file}\n\n{{{{ page.lang }}}}\n")));
    }
    files.extend(lock.map(|lock| ("Gemfile.lock", lock.to_owned())));
    let files: Vec<(&str, &str)> = files.iter().map(|(file, text)| (*file, text.as_str())).collect();
    scratch_with(name, &files)
}

const OPTIONAL_FRONT_MATTER: &str = "plugins: [jekyll-optional-front-matter]\ninclude: [CONTRIBUTING.md]\ncollections: {recipes: {output: true}}\ndefaults:\n  - scope: {path: docs}\n    values: {lang: fr}\n";

#[test]
fn with_jekyll_optional_front_matter_markdown_without_front_matter_is_a_page_but_for_meta_files() {
    let dir = site_without_front_matter("optional-front-matter", OPTIONAL_FRONT_MATTER, None);
    let folder = dir.to_str().unwrap();
    let out = folio(&["check", "--list", folder]);
    // What Debian's Jekyll 4.3.1 with its jekyll-optional-front-matter 0.3.2 makes pages and
    // converts: README.md, Readme.md and docs/LICENSE.md are copied as they are.
    let jekyll = [
        ("CONTRIBUTING.md", "<h1 id=\"contributingmd\">CONTRIBUTING.md</h1>\n\n"),
        ("_recipes/plain.md", "<h1 id=\"_recipesplainmd\">_recipes/plain.md</h1>\n\n"),
        ("docs/guide.markdown", "<h1 id=\"docsguidemarkdown\">docs/guide.markdown</h1>\n\n<p>fr</p>\n"),
        ("index.md", "<p>x</p>\n"),
        ("notes.md", "<h1 id=\"notesmd\">notes.md</h1>\n\n"),
    ];
    assert_eq!(listed(&out, folder), jekyll.map(|(file, _)| file));
    assert_eq!(stderr(&out), "folio check: 5 files, 0 errors, 0 warnings; 3 Markdown files without front matter left out (Jekyll copies them as they are)\n");
    for (file, body) in jekyll {
        assert_eq!(stdout(&folio(&["render", dir.join(file).to_str().unwrap()])), body, "{file}");
    }
}

#[test]
fn github_pages_gem_implies_jekyll_optional_front_matter_and_the_site_can_turn_it_off() {
    let lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    github-pages (232)\n      jekyll (= 3.10.0)\n    jekyll (3.10.0)\n";
    for (name, config, pages) in [
        ("github-pages", "title: T\n", 3),
        ("github-pages-off", "optional_front_matter:\n  enabled: false\n", 1),
        ("github-pages-required", "require_front_matter: true\n", 1),
    ] {
        let dir = site_without_front_matter(name, config, Some(lock));
        let out = folio(&["check", "--list", dir.to_str().unwrap()]);
        assert_eq!(listed(&out, dir.to_str().unwrap()).len(), pages, "{name}: {}", stdout(&out));
    }
    let dir = site_without_front_matter("no-plugin", "title: T\n", None);
    assert_eq!(listed(&folio(&["check", "--list", dir.to_str().unwrap()]), dir.to_str().unwrap()), ["index.md"]);
}

#[test]
fn includes_come_from_the_site_s_includes_dir_and_one_it_lacks_may_be_its_theme_s() {
    let files = [
        ("_config.yml", "theme: minima\nincludes_dir: parts\n"),
        ("parts/a.html", "A{{ include.x }}"),
        ("_posts/2020-01-01-t.md", "---\n---\n{% include a.html x=1 %} {% include footer.html %}\n"),
    ];
    let dir = scratch_with("theme-includes", &files);
    // Debian's Jekyll 4.3.1 builds `<p>A1</p>` from `{% include a.html x=1 %}` with `includes_dir: parts`.
    let out = folio(&["render", dir.join("_posts/2020-01-01-t.md").to_str().unwrap()]);
    assert_eq!(stdout(&out), "<p>A1 {% include footer.html %}</p>\n");
    assert!(
        stderr(&out).ends_with(":3:26: warning: Liquid `{% include footer.html %}` is left as written: `footer.html` is not in the site's includes: it may be the theme's, which Folio does not read\n"),
        "{}",
        stderr(&out)
    );
    let out = folio(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
}

#[test]
fn a_post_url_to_a_post_folio_does_not_read_is_a_warning_and_to_none_an_error() {
    let files = [
        ("_config.yml", "title: t\n"),
        ("_posts/2020-01-01-h.html", "---\n---\nhi\n"),
        ("_posts/2020-01-02-a.md", "---\n---\n{% post_url 2020-01-01-h %} {% post_url 2020-01-01-nope %}\n"),
    ];
    let dir = scratch_with("unread-post", &files);
    let out = folio(&["check", dir.join("_posts/2020-01-02-a.md").to_str().unwrap()]);
    let listing = stdout(&out);
    assert!(listing.contains(":3:1: warning: Liquid `{% post_url 2020-01-01-h %}` is left as written: Folio does not compute the URL of `2020-01-01-h`"), "{listing}");
    assert!(listing.contains(":3:29: error: Liquid `{% post_url 2020-01-01-nope %}` is left as written: Jekyll stops here, as the site publishes no post"), "{listing}");
}
