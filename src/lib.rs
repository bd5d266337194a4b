//! Folio renders Jekyll articles (YAML front matter + kramdown Markdown) to the HTML Jekyll
//! would produce, natively and in the browser (WebAssembly).
//!
//! The stages, each in its own module:
//!
//! 1. [`front_matter`] splits the article the way Jekyll does, reads the YAML block as Ruby
//!    does ([`yaml`]) and types the keys Jekyll interprets (dates through a [`calendar`]);
//! 2. [`kramdown`] turns the Markdown body into HTML as Jekyll's kramdown does (with the
//!    [`options`] of the site [`profile`]);
//! 3. the [`profile`]'s roles pick the site's own fields (summary, hero image, files);
//! 4. [`page`] lays the [`Article`] out as an HTML page;
//! 5. in safe mode, [`sanitize`] removes whatever could run script.
//!
//! [`render_with`] runs them and gathers every problem as a [`Diagnostic`] positioned in the
//! whole file; a broken front matter never stops the body from rendering.

// Where the compiler takes unstable features (the downloads': scripts/wasm-cargo.sh sets
// `folio_unstable`), the functions every paragraph goes through are optimised for speed inside
// the size-optimised build: 1.7% fewer instructions a render for 0.4 KB (bench/README.md).
#![cfg_attr(folio_unstable, feature(optimize_attribute))]

pub mod article;
pub mod calendar;
mod char_memo;
pub mod datetime;
mod decimal;
pub mod diagnostic;
pub mod drafts;
pub mod edited_text;
pub mod incremental;
mod escape;
pub mod float;
pub mod front_matter;
pub mod html_pieces;
pub mod json;
pub mod kramdown;
mod lead_paragraph;
pub mod links;
pub mod liquid;
pub mod name_map;
pub mod options;
pub mod page;
pub mod profile;
pub mod preview;
mod put;
pub mod ruby_case;
#[cfg(any(target_arch = "wasm32", test))]
mod render_arena;
pub mod size_classes;
pub mod sanitize;
pub mod slug;
pub mod source_map;
pub mod stats;
pub mod survey;
pub mod utf16;
mod utf8;
mod chunk;
#[cfg(test)]
mod test_random;
pub mod value;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod yaml;

pub use article::{Article, OutlineEntry};
pub use calendar::Calendar;
pub use diagnostic::{Diagnostic, Position, Severity};
pub use html_pieces::HtmlPieces;
pub use options::Options;
pub use profile::Profile;
pub use value::Value;

use name_map::NameMap;
use diagnostic::LineIndex;
use front_matter::{date::Zone, FrontMatter};
use survey::Survey;

/// What to render an article with, besides its text.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    /// The site: its URLs, time zone, language, kramdown options and front-matter roles.
    pub profile: &'a Profile,
    /// The article's path or file name, when it has one: `_posts/2016-12-23-slug.md` gives
    /// the date and slug when the front matter has none.
    pub file_name: Option<&'a str>,
    /// Time zones and month names: [`calendar::Builtin`], or the browser's `Intl`.
    pub calendar: &'a dyn Calendar,
    /// Safe mode: the policy that untrusted articles are held to; `None` trusts the author.
    pub safe: Option<&'a sanitize::Policy>,
    /// Make root-relative links and images of the body URLs of the profile's site.
    pub resolve_links: bool,
    /// The URL the article was read from: with `resolve_links`, its relative links and images
    /// resolve against it.
    pub article_url: Option<&'a str>,
    /// Keep the body's top-level blocks apart, each with its source lines
    /// ([`Article::body_blocks`]), and mark them with `data-source-line` in the HTML.
    pub source_map: bool,
    /// In safe mode, leave the final pass over the body (the real HTML parser) to the caller,
    /// which parses the body's HTML anyway: the browser's edge hands the checked nodes on
    /// instead of HTML that would be parsed a second time to be shown. The body's HTML is then
    /// filtered on the tree only, and must not be shown before that pass. With a source map,
    /// whose blocks are returned as HTML, the render keeps the pass ([`Request::body_left_to_caller`]).
    pub caller_parses_body: bool,
    /// Gather the body's headers into [`Article::outline`]; without it the outline is `None`.
    pub outline: bool,
    /// Count the body's words ([`Article::word_count`], [`Article::reading_minutes`]); without
    /// it both are `None`. The count reads all of the body's text again: a page that shows
    /// neither (a partner's widget) saves 6–8% of a render by leaving both out.
    pub word_count: bool,
    /// Front matter the article's own is merged over, as a Jekyll site's `defaults:` are: what
    /// reads front matter (the article's fields, its date, Liquid's `page`) sees both. Native
    /// only: the command line reads sites' configurations.
    #[cfg(not(target_arch = "wasm32"))]
    pub front_matter_defaults: Option<&'a value::Map>,
    /// The Jekyll site the article is in: Liquid's `include`, `post_url`, `link` and
    /// `page.url` run with it. Native only: the command line reads sites.
    #[cfg(not(target_arch = "wasm32"))]
    pub site: Option<&'a dyn liquid::Site>,
}

impl<'a> Request<'a> {
    /// A request for `profile`, with no file name and the built-in calendar.
    pub fn new(profile: &'a Profile) -> Self {
        Request {
            profile,
            file_name: None,
            calendar: &calendar::Builtin,
            safe: None,
            resolve_links: false,
            article_url: None,
            source_map: false,
            caller_parses_body: false,
            outline: true,
            word_count: true,
            #[cfg(not(target_arch = "wasm32"))]
            front_matter_defaults: None,
            #[cfg(not(target_arch = "wasm32"))]
            site: None,
        }
    }

    /// Whether safe mode's final pass over the body is the caller's (`caller_parses_body`): not
    /// without safe mode, which has none, nor with a source map, whose blocks are returned as HTML.
    fn body_left_to_caller(&self) -> bool {
        self.safe.is_some() && self.caller_parses_body && !self.source_map
    }

    /// The article's front matter as found by `split`, over the request's defaults.
    fn read_front_matter(&self, source: &str, split: &front_matter::Split) -> front_matter::Read {
        #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
        let mut read = front_matter::read(source, split);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(defaults) = self.front_matter_defaults {
            read.put_over(defaults);
        }
        read
    }
}

/// Renders a Markdown body alone (no front matter is looked for), as kramdown would.
pub fn render_body(markdown: &str, options: &Options) -> String {
    kramdown::render(markdown.to_owned(), None, options, kramdown::Keep::default(), &mut |_, _| {}).output.into_html()
}

/// Renders one article with Jekyll's profile and these kramdown options.
pub fn render(source: &str, options: &Options) -> Article {
    render_with(source, &Request::new(&Profile::with_options(options)))
}

/// Renders one article: front matter, body, the profile's fields, and diagnostics.
pub fn render_with(source: &str, request: &Request) -> Article {
    render_owned(source.to_owned(), request)
}

/// [`render_with`] for a text the caller gives up: the body is parsed where it is, not
/// copied, so a long article's text is in memory once.
pub fn render_owned(mut source: String, request: &Request) -> Article {
    // Jekyll runs Liquid on the body before kramdown. An article with no `{{` or `{%` anywhere
    // (most) goes straight on; in the others, `liquid` replaces the body by what Liquid gives,
    // and at the end puts what is placed by line back on the lines as written.
    let mut diagnostics = Vec::new();
    let whole = Survey::of(&source);
    let liquid = match whole.liquid {
        true => liquid::run_on(&mut source, request),
        false => None,
    };
    let profile = request.profile;
    let split = front_matter::split(&source);
    // The body's facts are the whole file's where Liquid left it as written and its front
    // matter holds none of the bytes looked for (most articles): the body is not read again.
    let unchanged = liquid.is_none() && Survey::of(&source[..split.body_start]) == Survey::default();
    let body_survey = if unchanged { whole } else { Survey::of(&source[split.body_start..]) };
    let mut read = request.read_front_matter(&source, &split);

    let zone_name = if request.calendar.utc_offset(&profile.timezone, 0).is_some() {
        profile.timezone.as_str()
    } else {
        let message = format!("profile: unknown time zone `{}`; dates are shown in UTC", profile.timezone);
        diagnostics.push(Diagnostic::warning(Position::OUTSIDE, message));
        "UTC"
    };
    if !profile.site_is_web() {
        diagnostics.push(Diagnostic::warning(Position::OUTSIDE, "profile: the site's URL is not a web address: links to it are left as written"));
    }
    let zone = Zone { name: zone_name, calendar: request.calendar };
    let mut key_problems = Vec::new();
    let jekyll = FrontMatter::interpret(&read.data, request.file_name, &zone, &mut key_problems);
    for (problem, key) in key_problems {
        let offset = read.value_offset_of(&source, &split, &key);
        read.problems.push((problem, offset));
    }
    // Positions of the whole file only when there is a problem to place: indexing every line
    // of a long article at each keystroke of the editor would be wasted.
    if !read.problems.is_empty() {
        diagnostics.splice(0..0, read.diagnostics(&LineIndex::new(&source)));
    }

    let markdownify = |markdown: &str| markdown_to_html(markdown.to_owned(), None, request, Part::Field, None).html.to_string();
    let body_line = source_map::line_at(&source, split.body_start);
    let extracted = match jekyll.excerpt {
        Some(_) => None,
        None => front_matter::excerpt::extract(&source[split.body_start..], &jekyll.excerpt_separator),
    };
    // With a source map the body's blocks are marked: the excerpt is never taken from the body
    // then. In safe mode it is taken from the body's filtered HTML: a paragraph without HTML of
    // the author's (see `lead_paragraph`) is filtered alike alone and as the body's first block;
    // not where the caller filters the body, after this.
    let excerpt_in_body = extracted.as_deref().filter(|_| !request.source_map && !request.body_left_to_caller());
    let mut lead = excerpt_in_body.and_then(|excerpt| lead_paragraph::Lead::new(excerpt, &source[split.body_start..]));
    // Kept for the excerpt's own render, when the body's does not give it: the body's text is
    // the body's render's own from here.
    let extracted = extracted.map(std::borrow::Cow::into_owned);
    source.drain(..split.body_start);
    let body = markdown_to_html(source, Some(body_survey), request, Part::Body, lead.as_mut());
    diagnostics.extend(body.problems(body_line));
    let excerpt_html = lead
        .and_then(|lead| lead.html_in(&body.html, body.options_fixed))
        .or_else(|| jekyll.excerpt.as_deref().or(extracted.as_deref()).map(markdownify));
    let mut picked = profile.pick(&read.data, markdownify);
    // With a source map, the body's HTML is its marked blocks put together. Only then: a call
    // with no blocks kept the map's code in the first download.
    let body_blocks = if request.source_map { source_map::blocks(&body.blocks, body_line) } else { Vec::new() };
    if request.safe.is_some() {
        picked.hero = picked.hero.filter(|hero| sanitize::url_is_safe(&hero.src));
        picked.files.retain(|file| sanitize::url_is_safe(&file.href));
    }
    let mut article = Article {
        date_text: jekyll.date.map(|date| request.calendar.long_date(date.date, &profile.lang)),
        lang: profile.lang.clone(),
        excerpt_html,
        markdown_html: picked.markdown_html,
        summary_html: picked.summary_html,
        hero: picked.hero,
        files: picked.files,
        // Copies made now that the body is written, not the headings' own strings: those were
        // made among the writing's short-lived blocks, and keeping them to the end raised the
        // peak memory from 3.7 to 4.2 bytes a byte of input (bench/README.md, "What changed").
        outline: request.outline.then(|| {
            body.headings.iter().map(|h| OutlineEntry { level: h.level, id: h.id.clone(), text: h.text.clone(), line: file_line(body_line, h.line) }).collect()
        }),
        word_count: body.words,
        reading_minutes: body.words.map(stats::reading_minutes),
        body_html: if request.source_map { body_blocks.iter().map(|b| b.html.clone()).collect() } else { body.html },
        body_blocks,
        front_matter: read.data,
        jekyll,
        diagnostics,
        link_definitions: body.link_definitions,
    };
    if let Some(ran) = liquid {
        liquid::place(&mut article, ran, request.source_map);
    }
    article
}

/// Markdown rendered for an article: the HTML, block by block, and what was learnt on the way.
struct Rendered {
    /// The HTML, except for a body with a source map, which is read block by block.
    html: HtmlPieces,
    /// The body's top-level blocks, with body lines (only asked for with a source map).
    blocks: Vec<kramdown::convert::Block>,
    headings: Vec<kramdown::convert::Heading>,
    /// The body's words, when the request asks for them.
    words: Option<usize>,
    /// The link definitions, by normalised id (of the body only).
    link_definitions: NameMap<(String, Option<String>)>,
    warnings: Vec<kramdown::parser::Warning>,
    /// Safe mode found no HTML parser to finish with (or the page refused it the HTML), so the
    /// HTML was withheld.
    withheld: bool,
    /// Whether the options stayed as given (no `{::options}` in the Markdown).
    options_fixed: bool,
}

impl Rendered {
    /// The warnings as diagnostics, for Markdown that starts on line `first_line` of the file.
    fn problems(&self, first_line: u32) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self
            .warnings
            .iter()
            .map(|w| Diagnostic::warning(Position { line: file_line(first_line, w.line), column: 1 }, w.message.clone()))
            .collect();
        if self.withheld {
            out.push(html_withheld());
        }
        out
    }
}

/// The error of an article whose HTML is not shown, for want of an HTML parser (safe mode's, or
/// the browser's edge's, which hands nodes on). Not inlined: in a page it is never needed, and
/// wasm-split leaves it out of the first download.
#[inline(never)]
pub(crate) fn html_withheld() -> Diagnostic {
    Diagnostic::error(Position::OUTSIDE, "the article's HTML could not be parsed (no browser DOM here, or the page's Trusted Types refused it): nothing is shown")
}

/// A line of Markdown that starts on line `first_line` of the file, as a line of the file.
fn file_line(first_line: u32, body_line: usize) -> u32 {
    first_line.saturating_add(u32::try_from(body_line.max(1)).unwrap_or(u32::MAX) - 1)
}

/// What Markdown of the article is rendered: the body, whose words are counted, or a field
/// (the excerpt, the profile's Markdown fields), of which only the HTML is kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    Field,
}

/// Markdown to HTML; in safe mode filtered on the tree, then through a real HTML parser.
/// What is derived from the body (its outline, word count, links resolved against the site,
/// its blocks for a source map) belongs here, in one place.
/// `survey`: the Markdown's, when the caller has it. `lead`, for the body, follows its first
/// paragraph (the excerpt's HTML may be taken from it).
fn markdown_to_html(markdown: String, survey: Option<Survey>, request: &Request, part: Part, mut lead: Option<&mut lead_paragraph::Lead>) -> Rendered {
    let profile = request.profile;
    let site_url = |path: &str| profile.site_url(path);
    let base = links::Base { site_url: &site_url, article_url: request.article_url };
    let mut words = (part == Part::Body && request.word_count).then(stats::WordCounter::default);
    let tree_filter = request.safe.map(sanitize::tree::TreeFilter::new);
    // Each finished piece of the body is counted, resolved and filtered, then written and
    // dropped: the whole tree is never kept.
    let keep = kramdown::Keep { blocks: request.source_map, headings: part == Part::Body && request.outline };
    let body = kramdown::render(markdown, survey, &profile.options, keep, &mut |holder: &mut kramdown::element::Element, finished| {
        // The word count is the body's own text; the footnotes' is not counted.
        if let Some(words) = words.as_mut().filter(|_| finished == kramdown::Finished::Blocks) {
            words.add(holder);
        }
        if request.resolve_links {
            links::resolve(holder, &base);
        }
        if let Some(filter) = &tree_filter {
            filter.apply(holder);
        }
        if let Some(lead) = lead.as_deref_mut().filter(|_| finished == kramdown::Finished::Blocks) {
            lead.see(holder);
        }
    });
    let (mut output, warnings, lines, options_fixed) = (body.output, body.warnings, body.lines, body.options_fixed);
    let words = words.map(|counter| counter.words);
    let link_definitions = if part == Part::Body { body.link_defs } else { NameMap::new() };
    let headings = std::mem::take(&mut output.headings);
    let mut rendered = Rendered { html: HtmlPieces::default(), blocks: Vec::new(), headings, words, link_definitions, warnings, withheld: false, options_fixed };
    let mut blocks = output.blocks;
    if let Some(policy) = request.safe.filter(|_| part == Part::Field || !request.body_left_to_caller()) {
        // Without a source map, the final pass sees the whole body at once.
        if !request.source_map {
            let html = blocks.iter().map(|b| b.html.as_str()).collect();
            blocks = vec![kramdown::convert::Block { html, first_line: 1, last_line: lines }];
        }
        for block in &mut blocks {
            match sanitize::html(&block.html, policy) {
                Some(html) => block.html = html,
                None => {
                    rendered.withheld = true;
                    block.html.clear();
                }
            }
        }
    }
    // A body with a source map is read block by block (its HTML is made of the marked blocks);
    // otherwise the HTML is all that is wanted.
    if request.source_map && part == Part::Body {
        rendered.blocks = blocks;
    } else {
        rendered.html = blocks.into_iter().map(|b| b.html).collect();
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_broken_front_matter_still_renders_the_body_with_a_positioned_diagnostic() {
        let bomb_lines: String = ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
            .map(|(name, prev)| format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")))
            .collect();
        let cases = [
            ("unclosed block", "---\ntitle: T\n\nBody text\n".to_owned()),
            ("unclosed quote", "---\ntitle: \"T\n---\n\nBody text\n".to_owned()),
            ("not a mapping", "---\n- a\n---\n\nBody text\n".to_owned()),
            ("duplicate key", "---\ntitle: A\ntitle: B\n---\n\nBody text\n".to_owned()),
            ("alias bomb", format!("---\na: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n{bomb_lines}---\n\nBody text\n")),
            ("5 MB value", format!("---\nblob: {}\n---\n\nBody text\n", "x".repeat(5 << 20))),
        ];
        for (name, source) in cases {
            let article = render(&source, &Options::jekyll());
            assert!(article.body_html.to_string().contains("Body text"), "{name}: the body should render");
            assert_eq!(article.diagnostics.len(), 1, "{name}: {:?}", article.diagnostics);
            assert!(article.diagnostics[0].line >= 1, "{name}: should be positioned in the file");
        }
    }

    #[test]
    fn a_body_renders_by_its_own_facts_whatever_its_front_matter_holds() {
        let front_matters = ["", "---\ntitle: T\n---\n", "---\ntitle: a \\ b\n---\n", "---\ntitle: \"{::options auto_ids=\\\"false\\\" /}\"\n---\n", "---\r\ntitle: T\r\n---\r\n"];
        let bodies = ["Un\\\nsaut.\n", "# T\n\n{::options auto_ids=\"false\" /}\n\n# U\n", "a\r\nb\r\n", "Texte {: .x}, sans rien d’autre.\n{: .encadre}\n"];
        for front_matter in front_matters {
            for body in bodies {
                let article = render(&format!("{front_matter}{body}"), &Options::jekyll());
                assert_eq!(article.body_html.to_string(), render_body(body, &Options::jekyll()), "{front_matter:?} {body:?}");
            }
        }
    }

    #[test]
    fn a_date_that_is_not_a_date_is_reported_at_its_value_the_one_that_won() {
        let at = |source: &str| {
            let article = render(source, &Options::jekyll());
            assert!(article.body_html.to_string().contains("Body"), "the body renders: {source}");
            article.diagnostics.iter().map(|d| (d.line, d.column)).collect::<Vec<_>>()
        };
        assert_eq!(at("---\ntitle: T\ndate: 23 décembre 2016\n---\nBody\n"), [(3, 7)]);
        assert_eq!(at("---\ndate:   \"yesterday\"\n---\nBody\n"), [(2, 9)], "a quoted value at its quote");
        assert_eq!(at("---\ndate:\n  soon\n---\nBody\n"), [(3, 3)], "a value on the next line");
        assert_eq!(at("---\nd: &d nope\ndate: *d\n---\nBody\n"), [(3, 7)], "an alias where it is used");
        assert_eq!(at("---\ndate: 2016-12-23\ntitle: T\ndate: never\n---\nBody\n"), [(4, 1), (4, 7)], "the repeated key, then the value that won");
        assert_eq!(at("---\ntitle: \"a\n\tb\"\ndate: nope\n---\nBody\n"), [(4, 1)], "at the key, after a tab Ruby reads and saphyr does not");
    }

    #[test]
    fn an_outline_and_word_count_not_asked_for_are_left_out_and_nothing_else_changes() {
        let profile = Profile::named("numerique").expect("a built-in profile");
        let seed = include_str!("../www/articles/ogp-societe-civile.md");
        let full = render_with(seed, &Request::new(&profile));
        assert!(full.outline.as_ref().is_some_and(|o| !o.is_empty()) && full.word_count.is_some_and(|w| w > 500), "the seed has headers and words");
        for (outline, word_count) in [(false, true), (true, false), (false, false)] {
            let lean = render_with(seed, &Request { outline, word_count, ..Request::new(&profile) });
            assert_eq!(lean.outline.is_some(), outline);
            assert_eq!((lean.word_count.is_some(), lean.reading_minutes.is_some()), (word_count, word_count));
            let json = json::to_string(&lean);
            assert_eq!((json.contains("\"outline\":"), json.contains("\"wordCount\":"), json.contains("\"readingMinutes\":")), (outline, word_count, word_count));
            let restored = Article {
                outline: if outline { lean.outline.clone() } else { full.outline.clone() },
                word_count: full.word_count,
                reading_minutes: full.reading_minutes,
                ..lean
            };
            assert_eq!(restored, full, "outline {outline}, word count {word_count}");
        }
    }

    #[test]
    fn a_site_url_of_a_script_is_a_warning_and_links_to_the_site_stay_as_written() {
        let mut profile = Profile::jekyll();
        profile.url = "javascript:alert(document.domain);x=".into();
        let request = Request { resolve_links: true, ..Request::new(&profile) };
        let article = render_with("[about](/about/)\n", &request);
        assert!(article.body_html.to_string().contains("href=\"/about/\""), "{}", article.body_html.to_string());
        assert_eq!(article.diagnostics.len(), 1);
        assert!(article.diagnostics[0].message.contains("is not a web address"), "{:?}", article.diagnostics);
    }

    #[test]
    fn footnotes_get_what_the_body_gets_links_resolved_and_safe_mode() {
        let profile = Profile::named("numerique").expect("a built-in profile");
        let policy = sanitize::Policy::default();
        let source = "Text[^1] with [a link](/page).\n\n[^1]: See [the page](/page) and [next](next.md).\n\n    <iframe src=\"https://evil.example/\"></iframe>\n";
        let article_url = "https://www.numerique.gouv.fr/posts/p.md";
        for safe in [None, Some(&policy)] {
            let request = Request { safe, resolve_links: true, article_url: Some(article_url), ..Request::new(&profile) };
            let html = render_with(source, &request).body_html.to_string();
            let notes = &html[html.find("class=\"footnotes\"").expect("the footnotes")..];
            assert!(notes.contains("href=\"https://www.numerique.gouv.fr/page\""), "{notes}");
            assert!(notes.contains("href=\"https://www.numerique.gouv.fr/posts/next.md\""), "{notes}");
            assert_eq!(notes.contains("<iframe"), safe.is_none(), "{notes}");
        }
    }

    #[test]
    fn a_body_the_caller_parses_is_what_safe_mode_gives_once_it_has_parsed_it() {
        let profile = Profile::named("numerique").expect("a built-in profile");
        let policy = sanitize::Policy::default();
        let seed = include_str!("../www/articles/ogp-societe-civile.md");
        let sources = [
            seed,
            "A first paragraph, the excerpt.\n\n<img src=x onerror=alert(1)> and [a](javascript:alert(2))\n\n<div>unclosed\n",
            "---\ntitle: T\nexcerpt_separator: <!--more-->\n---\nLead *with* it<script>alert(1)</script>\n<!--more-->\nRest\n",
        ];
        let mut left_to_the_caller = 0;
        for source in sources {
            let whole = render_with(source, &Request { safe: Some(&policy), ..Request::new(&profile) });
            let parsed_after = render_with(source, &Request { safe: Some(&policy), caller_parses_body: true, ..Request::new(&profile) });
            let body = parsed_after.body_html.to_string();
            left_to_the_caller += usize::from(whole.body_html.to_string() != body);
            assert_eq!(sanitize::html(&body, &policy), Some(whole.body_html.to_string()), "{source}");
            assert_eq!(parsed_after.excerpt_html, whole.excerpt_html, "the excerpt is final either way: {source}");
            assert_eq!(parsed_after.summary_html, whole.summary_html, "{source}");
        }
        assert!(left_to_the_caller >= 2, "the seed's figures and the event handler are the parser's to remove");
        // Without safe mode there is no pass to leave.
        let trusted = render_with(seed, &Request { caller_parses_body: true, ..Request::new(&profile) });
        assert_eq!(trusted.body_html.to_string(), render_with(seed, &Request::new(&profile)).body_html.to_string());
    }
}
