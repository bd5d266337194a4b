use crate::{render_with, sanitize, Article, Profile, Request, Severity};

fn profile() -> Profile {
    let (profile, problems) = Profile::from_yaml("url: https://example.org\nbaseurl: /blog\n").expect("a profile");
    assert!(problems.is_empty());
    profile
}

fn render(source: &str) -> Article {
    render_with(source, &Request::new(&profile()))
}

/// The article's problems: line, column, whether an error, message.
fn problems(article: &Article) -> Vec<(u32, u32, bool, &str)> {
    article.diagnostics.iter().map(|d| (d.line, d.column, d.severity == Severity::Error, d.message.as_str())).collect()
}

/// What Liquid needs the site for (its includes, posts, data) is shown as written, each with a
/// warning at its line and column; a `page` key the front matter does not have and a variable
/// nothing sets print nothing, as in Jekyll, and are said to.
#[test]
fn what_needs_the_site_is_left_as_written_with_a_warning_at_its_place() {
    type Case<'a> = (&'a str, &'a [&'a str], &'a [(u32, u32, &'a str)]);
    let cases: [Case; 3] = [
        (
            "---\ntitle: T\n---\n\nSee {% include note.html param=1 %} here.\n",
            &["See {% include note.html param=1 %} here."],
            &[(5, 5, "Liquid `{% include note.html param=1 %}` is left as written: Jekyll puts the site's _includes/note.html here")],
        ),
        (
            // A block stays whole, its inside too: the title inside the `for` is not run.
            "{% for post in site.posts %}\n* [{{ post.title }}]({{ post.url | relative_url }})\n{% endfor %}\n\n{% if site.x %}{{ page.title }}{% endif %} and {% assign y = 1 %}{{ y }} {% post_url 2016-12-23-x %}\n",
            &["{% for post in site.posts %}", "{{ post.title }}", "{% endfor %}", "{% if site.x %}{{ page.title }}{% endif %} and 1 {% post_url 2016-12-23-x %}"],
            &[
                (1, 1, "Liquid `{% for post in site.posts %}` is left as written: it needs the site"),
                (5, 1, "Liquid `{% if site.x %}` is left as written: it needs the site"),
                (5, 74, "Liquid `{% post_url 2016-12-23-x %}` is left as written: it needs the site"),
            ],
        ),
        (
            "---\ntitle: T\n---\n{{ site.posts }} {{ page.url }} {{ author }} ({{ page.titel }}) ({{ page.titel | default: 'x' }})\n",
            &["{{ site.posts }} {{ page.url }}  () (x)"],
            &[
                (4, 1, "Liquid `{{ site.posts }}` is left as written: it needs the site"),
                (4, 18, "Liquid `{{ page.url }}` is left as written: it needs the site"),
                (4, 33, "Liquid `{{ author }}` prints nothing: nothing sets it"),
                (4, 47, "Liquid `{{ page.titel }}` prints nothing: no such front matter key"),
            ],
        ),
    ];
    for (source, kept, expected) in cases {
        let article = render(source);
        let html = article.body_html.to_string();
        for kept in kept {
            assert!(html.contains(kept), "{kept:?} in {html}");
        }
        let expected: Vec<_> = expected.iter().map(|&(line, column, message)| (line, column, false, message)).collect();
        assert_eq!(problems(&article), expected, "{source}");
    }
}

#[test]
fn a_filter_folio_cannot_make_exact_leaves_its_output_as_written() {
    let source = "---\ntitle: T\nmeta: {a: 1}\npair: [a, b]\n---\n<div>{{ page.pair | sample }} {{ 'a/../b' | relative_url }} {{ page.meta }} {{ 'now' | date: '%Y' }}</div>\n";
    let article = render(source);
    let html = article.body_html.to_string();
    assert!(html.contains("{{ page.pair | sample }} {{ 'a/../b' | relative_url }} {{ page.meta }} {{ 'now' | date: '%Y' }}"), "{html}");
    let messages: Vec<_> = problems(&article).into_iter().map(|p| p.3).collect();
    assert_eq!(
        messages,
        [
            "Liquid `{{ page.pair | sample }}` is left as written: Folio does not run `sample` here",
            "Liquid `{{ 'a/../b' | relative_url }}` is left as written: Folio does not run `relative_url` here",
            "Liquid `{{ page.meta }}` is left as written: Folio does not run this",
            "Liquid `{{ 'now' | date: '%Y' }}` is left as written: Folio does not run `date` here",
        ]
    );
}

#[test]
fn broken_liquid_is_an_error_where_it_is_and_the_rest_still_renders() {
    let article = render("---\ntitle: T\n---\nA {{ page.title }} {% endif %} B\n\nC {% raw %} {{ x }}\n\nD {{ page.title }}\n");
    let html = article.body_html.to_string();
    assert!(html.contains("A T {% endif %} B") && html.contains("C {% raw %} {{ x }}") && html.contains("D {{ page.title }}"), "{html}");
    assert_eq!(
        problems(&article),
        [
            (4, 20, true, "Liquid `{% endif %}` is left as written: it is not valid Liquid"),
            (6, 3, true, "Liquid `{% raw %} {{ x }}…` is left as written: it is not closed"),
        ]
    );
    let article = render("Text {{ page.title\n\nmore {% comment\n");
    assert!(article.body_html.to_string().contains("more {% comment"));
    assert_eq!(
        problems(&article),
        [
            (1, 6, true, "Liquid `{{ page.title…` is left as written: it is not closed"),
            (3, 6, true, "Liquid `{% comment…` is left as written: it is not closed"),
        ]
    );
}

#[test]
fn a_highlight_with_options_is_left_whole() {
    let article = render("{% highlight ruby linenos %}\nx = 1\n{% endhighlight %}\n");
    assert!(article.body_html.to_string().contains("{% highlight ruby linenos %}\nx = 1\n{% endhighlight %}"));
    assert_eq!(problems(&article), [(1, 1, false, "Liquid `{% highlight ruby linenos %}` is left as written: Folio does not run this")]);
}

/// Liquid removes lines (a comment, a highlight's first and last line breaks, whitespace
/// control): what kramdown finds after them is still placed on its line of the file.
#[test]
fn lines_after_liquid_that_removed_some_are_the_lines_of_the_file() {
    let source = "---\ntitle: T\n---\n\n{% comment %}\none\ntwo\n{% endcomment %}\n\n# Heading\n\n{% highlight ruby %}\na\n\nb\n{% endhighlight %}\n\nSee [x][nope]\n{%- comment -%}\n\n{%- endcomment %} and [y][gone].\n\nEnd.\n";
    let profile = Profile::jekyll();
    let request = Request { source_map: true, ..Request::new(&profile) };
    let article = render_with(source, &request);
    assert_eq!(article.outline.as_ref().expect("asked for")[0].line, 10);
    let lines: Vec<_> = article.body_blocks.iter().map(|b| (b.start_line, b.end_line)).collect();
    assert_eq!(lines, [(10, 10), (12, 16), (18, 21), (23, 23)]);
    let html = article.body_html.to_string();
    assert!(html.contains("<p data-source-line=\"18-21\">See") && html.contains("<p data-source-line=\"23-23\">End"), "{html}");
    let warnings: Vec<_> = article.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(warnings, [18, 18], "{:?}", article.diagnostics);
}

#[test]
fn a_title_holding_a_script_is_neutralised_in_safe_mode_as_the_same_html_written_in_the_markdown() {
    let profile = profile();
    let policy = sanitize::Policy::default();
    let request = Request { safe: Some(&policy), ..Request::new(&profile) };
    let front = "---\ntitle: \"<script>alert(1)</script><img src=x onerror=alert(2)>\"\n---\n";
    let liquid = render_with(&format!("{front}\nTitle: {{{{ page.title }}}}\n"), &request).body_html.to_string();
    let written = render_with(&format!("{front}\nTitle: <script>alert(1)</script><img src=x onerror=alert(2)>\n"), &request).body_html.to_string();
    assert!(!liquid.contains("<script") && !liquid.contains("<img"), "{liquid}");
    assert_eq!(liquid, written);
}

#[test]
fn a_date_format_with_a_zone_name_is_left_as_written() {
    let article = render("---\ndate: 2016-12-23 17:50:00 +01:00\n---\n<p>{{ page.date | date: \"%H:%M %Z\" }} {{ page.date | date: \"%H:%M %z\" }}</p>\n");
    assert!(article.body_html.to_string().contains("{{ page.date | date: \"%H:%M %Z\" }} 16:50 +0000"), "{}", article.body_html.to_string());
    let messages: Vec<_> = problems(&article).into_iter().map(|p| p.3).collect();
    assert_eq!(messages, ["Liquid `{{ page.date | date: \"%H:%M %Z\" }}` is left as written: Folio does not run `date` here"]);
}

/// Liquid's list filters make a time Ruby's `Time#to_a`, which ends with the zone's name.
#[test]
fn a_time_through_a_list_filter_is_left_as_written() {
    let article = render("---\ndate: 2016-12-23 17:50:00 +01:00\nstamp: 2016-12-23 17:50:00 +01:00\n---\n<p>{{ page.date | compact | sort }} {{ page.stamp | reverse }}</p>\n");
    let messages: Vec<_> = problems(&article).into_iter().map(|p| p.3).collect();
    assert_eq!(
        messages,
        [
            "Liquid `{{ page.date | compact | sort }}` is left as written: Folio does not run `compact` here",
            "Liquid `{{ page.stamp | reverse }}` is left as written: Folio does not run `reverse` here"
        ]
    );
}

/// An integer past 64 bits, exact in Ruby, is a float in Folio: what uses it is left as written.
#[test]
fn an_integer_past_64_bits_is_left_as_written() {
    let article = render("---\nbig: 123456789012345678901234567890\nlist: [1, 123456789012345678901]\nfloat: 1.0e+20\n---\n<p>{{ page.big }} {{ page.list | last }} {{ page.float }}</p>\n");
    assert!(article.body_html.to_string().contains("{{ page.big }} {{ page.list | last }} 1.0e+20"), "{}", article.body_html.to_string());
    let messages: Vec<_> = problems(&article).into_iter().map(|p| p.3).collect();
    assert_eq!(
        messages,
        [
            "Liquid `{{ page.big }}` is left as written: Folio cannot reckon with numbers this big exactly",
            "Liquid `{{ page.list | last }}` is left as written: Folio cannot reckon with numbers this big exactly"
        ]
    );
}

/// The body's text after Liquid and its problems: line, column, whether an error, message.
fn ran(body: &str) -> (String, Vec<(u32, u32, bool, String)>) {
    let article = render(&format!("---\ntitle: T\nn: 2\n---\n{body}"));
    let problems = problems(&article).into_iter().map(|(l, c, e, m)| (l, c, e, m.to_owned())).collect();
    (article.body_html.to_string(), problems)
}

/// What Folio cannot know decides nothing: the block it would decide stays whole, what it
/// would set is unknown after it, and the rest runs.
#[test]
fn a_block_decided_by_what_folio_cannot_know_is_left_whole() {
    type Case<'a> = (&'a str, &'a str, &'a [(u32, u32, &'a str)]);
    let cases: [Case; 7] = [
        (
            "{% if site.posts.size == 1 %}many {{ page.title }}{% else %}few{% endif %} and {{ page.n }}",
            "<div>{% if site.posts.size == 1 %}many {{ page.title }}{% else %}few{% endif %} and 2</div>",
            &[(5, 6, "Liquid `{% if site.posts.size == 1 %}` is left as written: it needs the site")],
        ),
        (
            // An assignment from the site makes its variable unknown, and what uses it.
            "{% assign p = site.posts | first %}{{ p.title }} {% if p %}x{% endif %} {{ page.n }}",
            "<div>{% assign p = site.posts | first %}{{ p.title }} {% if p %}x{% endif %} 2</div>",
            &[
                (5, 6, "Liquid `{% assign p = site.posts | first %}` is left as written: it needs the site"),
                (5, 41, "Liquid `{{ p.title }}` is left as written: it needs the site"),
                (5, 55, "Liquid `{% if p %}` is left as written: it needs the site"),
            ],
        ),
        (
            // What a block left whole would have set is unknown after it.
            "{% if site.x %}{% assign y = 1 %}{% endif %}{{ y }} {% for i in (1..2) %}{{ i | plugin }}{% endfor %}",
            "<div>{% if site.x %}{% assign y = 1 %}{% endif %}{{ y }} {{ i | plugin }}{{ i | plugin }}</div>",
            &[
                (5, 6, "Liquid `{% if site.x %}` is left as written: it needs the site"),
                (5, 50, "Liquid `{{ y }}` is left as written: it needs the site"),
                (5, 79, "Liquid `{{ i | plugin }}` is left as written: Folio does not run `plugin` here"),
            ],
        ),
        (
            // A `break` that may or may not run leaves its whole loop.
            "{% for i in (1..3) %}{{ i }}{% if site.x %}{% break %}{% endif %}{% endfor %}, {{ i }}",
            "<div>{% for i in (1..3) %}{{ i }}{% if site.x %}{% break %}{% endif %}{% endfor %}, </div>",
            &[
                (5, 6, "Liquid `{% for i in (1..3) %}` is left as written: it needs the site"),
                (5, 85, "Liquid `{{ i }}` prints nothing: nothing sets it"),
            ],
        ),
        (
            // A capture cannot hold Liquid left as written: it is left whole.
            "{% capture c %}a {% include x.html %} b{% endcapture %}[{{ c }}] {% capture d %}{{ page.n }}{% endcapture %}{{ d }}",
            "<div>{% capture c %}a {% include x.html %} b{% endcapture %}[{{ c }}] 2</div>",
            &[
                (5, 6, "Liquid `{% capture c %}` is left as written: Jekyll puts the site's _includes/x.html here"),
                (5, 62, "Liquid `{{ c }}` is left as written: Jekyll puts the site's _includes/x.html here"),
            ],
        ),
        (
            "{% for post in site.posts %}{{ post.title }}{% endfor %}{% case site.lang %}{% when 'en' %}en{% endcase %}{% plugin k %}{{ k }}",
            "<div>{% for post in site.posts %}{{ post.title }}{% endfor %}{% case site.lang %}{% when 'en' %}en{% endcase %}{% plugin k %}{{ k }}</div>",
            &[
                (5, 6, "Liquid `{% for post in site.posts %}` is left as written: it needs the site"),
                (5, 62, "Liquid `{% case site.lang %}` is left as written: it needs the site"),
                // A plugin's tag, or an include, may set any variable.
                (5, 112, "Liquid `{% plugin k %}` is left as written: Folio does not run this"),
                (5, 126, "Liquid `{{ k }}` is left as written: Folio does not know this variable"),
            ],
        ),
        (
            // A `break` in a `tablerow` stops each cell after it in Liquid.
            "{{ page.n | plus: 1 | plugin: 'x' }} {{ (1..3) }} {% tablerow i in (1..2) %}{% break %}{% endtablerow %}",
            "<div>{{ page.n | plus: 1 | plugin: 'x' }} {{ (1..3) }} {% tablerow i in (1..2) %}{% break %}{% endtablerow %}</div>",
            &[
                (5, 6, "Liquid `{{ page.n | plus: 1 | plugin: 'x' }}` is left as written: Folio does not run `plugin` here"),
                (5, 43, "Liquid `{{ (1..3) }}` is left as written: Folio does not run this"),
                (5, 56, "Liquid `{% tablerow i in (1..2) %}` is left as written: Folio does not run this"),
            ],
        ),
    ];
    for (body, html, expected) in cases {
        let (got, problems) = ran(&format!("<div>{body}</div>\n"));
        assert_eq!(got.trim(), html, "{body}");
        let expected: Vec<_> = expected.iter().map(|&(line, column, message)| (line, column, false, message.to_owned())).collect();
        assert_eq!(problems, expected, "{body}");
    }
}

/// What Jekyll stops on is an error at its place; the rest of the article still runs.
#[test]
fn liquid_jekyll_stops_on_is_an_error_at_its_place() {
    let (html, problems) = ran("{% if page.n %}\nA {{ page.n }}\n\n<div>{% endfor %} B {{ page.n | divided_by: 0 }} {% if 1 == 1 and 1 < 'a' %}x{% endif %} {{ page.n | plus: 1 }}</div>\n");
    assert!(html.contains("{% if page.n %}\nA 2") && html.contains("{% endfor %} B {{ page.n | divided_by: 0 }} {% if 1 == 1 and 1 &lt; 'a' %}x{% endif %} 3"), "{html}");
    assert_eq!(
        problems,
        [
            (5, 1, true, "Liquid `{% if page.n %}` is left as written: it is not closed".to_owned()),
            (8, 6, true, "Liquid `{% endfor %}` is left as written: it is not valid Liquid".to_owned()),
            (8, 21, true, "Liquid `{{ page.n | divided_by: 0 }}` is left as written: Jekyll stops here, as it divides by zero".to_owned()),
            (8, 50, true, "Liquid `{% if 1 == 1 and 1 < 'a' %}` is left as written: Jekyll stops here, as it compares an integer with a string".to_owned()),
        ]
    );
}

/// Each line of a `liquid` tag is a tag: one Folio does not know (a plugin's) leaves the whole
/// tag as written, and one that does not parse, or a block never closed, is an error there.
#[test]
fn a_liquid_tag_is_left_whole_or_an_error_as_its_lines_say() {
    let (html, problems) = ran("<p>{% liquid echo 1\n  plugin x %} {% liquid if true\necho 2 %} {% liquid raw %} {% liquid {{ x }} %} {% liquid echo 3 %}</p>\n");
    assert!(html.contains("{% liquid echo 1\n  plugin x %} {% liquid if true\necho 2 %} {% liquid raw %} {% liquid {{ x }} %} 3</p>"), "{html}");
    assert_eq!(
        problems,
        [
            (5, 4, false, "Liquid `{% liquid echo 1…` is left as written: Folio does not run this".to_owned()),
            (6, 25, true, "Liquid `if true` is left as written: it is not closed".to_owned()),
            (7, 21, true, "Liquid `raw` is left as written: it is not closed".to_owned()),
            (7, 38, true, "Liquid `{{ x }}` is left as written: it is not valid Liquid".to_owned()),
        ]
    );
}

/// Lines inside an `if` that runs are the lines of the file, as around it.
#[test]
fn lines_inside_a_condition_that_runs_stay_the_lines_of_the_file() {
    let source = "---\nn: 1\n---\n{% if page.n == 1 %}\n\n# One\n\nText [x][nope]\n{% else %}\n\n# Other\n{% endif %}\n\n# After\n";
    let profile = Profile::jekyll();
    let article = render_with(source, &Request { source_map: true, ..Request::new(&profile) });
    let lines: Vec<_> = article.outline.iter().flatten().map(|o| o.line).collect();
    assert_eq!(lines, [6, 14]);
    assert_eq!(article.diagnostics.iter().map(|d| d.line).collect::<Vec<_>>(), [8], "{:?}", article.diagnostics);
}

/// A template that doubles a text, in a loop or line after line, or a loop that writes a long
/// text many times, stops at `MAX_MADE` bytes made: left as written, said, and the rest renders,
/// where it would otherwise take all memory.
#[test]
fn what_makes_more_than_sixteen_megabytes_is_left_as_written() {
    let doubling = "{% assign x = 'ab' %}{% for i in (1..60) %}{% capture x %}{{ x }}{{ x }}{% endcapture %}{% endfor %}{{ x | size }}\n\nAfter";
    let appending = "{% assign x = 'ab' %}".to_owned() + &"{% assign x = x | append: x %}\n".repeat(40) + "\nAfter";
    let writing = format!("{{% for i in (1..90000) %}}{}{{% endfor %}}\n\nAfter", "y".repeat(1000));
    for text in [doubling, &appending, &writing] {
        let (html, problems) = ran(text);
        assert!(html.ends_with("<p>After</p>\n") && html.len() < 1 << 20, "{}", &html[..200]);
        assert!(problems.iter().any(|p| p.3.ends_with("is left as written: Folio makes at most 16 MB of text with Liquid")), "{problems:?}");
    }
}

/// The editor runs Liquid on each edit: a loop too long is left as written, blocks nested past
/// Liquid's limit are an error, as in Jekyll, and neither runs the stack or the time out.
#[test]
fn loops_too_long_and_blocks_too_deep_are_left_as_written() {
    let (html, problems) = ran("{% for i in (1..1000000) %}x{% endfor %} {% for i in (1..400) %}{% for j in (1..400) %}{% endfor %}{% endfor %} {{ page.n }}\n");
    assert!(html.contains("{% for i in (1..1000000) %}x{% endfor %} {% for i in (1..400) %}") && html.ends_with(" 2</p>\n"), "{html}");
    let messages: Vec<_> = problems.iter().map(|p| (p.1, p.3.as_str())).collect();
    assert_eq!(
        messages,
        [
            (1, "Liquid `{% for i in (1..1000000) %}` is left as written: Folio runs loops 100000 times at most in all"),
            (42, "Liquid `{% for i in (1..400) %}` is left as written: Folio runs loops 100000 times at most in all"),
        ]
    );
    let deep = "{% if true %}".repeat(101) + "x" + &"{% endif %}".repeat(101);
    let (_, problems) = ran(&deep);
    assert_eq!(problems[0], (5, 1301, true, "Liquid `{% if true %}` is left as written: it nests blocks deeper than Liquid's 100".to_owned()));
    let chain = format!("{{% if {} true %}}y{{% endif %}}", "false or ".repeat(5000));
    assert!(ran(&chain).0.contains('y'));
}
