#!/usr/bin/env python3
"""Random kramdown documents rendered by Folio and by the real kramdown, compared.

usage: scripts/kramdown-fuzz.py [--count N] [--seed S] [--noise] [--corpus | --lines | --soup] [--option KEY=VALUE]... [--jobs J] [--keep DIR]

Each document mixes the constructs Jekyll articles use (paragraphs with every span construct,
headers with and without ids, nested quotes and lists, code blocks, tables, raw HTML blocks and
figures, attribute lists before and after blocks, link, footnote and abbreviation definitions,
definition lists, math, `{::options}` and other extensions) from a seeded generator, so a failing
seed can be rendered again. `--noise` adds what files bring along: CRLF line ends, tabs, trailing
white space, text beyond Latin-1, zero-width and combining characters, NUL, vertical tabs and form
feeds. `--corpus` starts from the shared corpus's articles instead, as an editor leaves them
mid-change: lines cut, repeated, swapped or inserted, characters deleted, the text cut short (what
the live preview renders at each keystroke). `--lines` builds documents a line at a time instead,
each line a random indentation (spaces and tabs) before a random block start (list markers, `>`,
`:`, `#`, `|`, fences, HTML tags, attribute lists) or text: what stresses the rules of containers,
lazy lines and indented code, which whole constructs rarely reach. `--soup` makes paragraphs of
short words and the characters span constructs start, end or escape with, in random order: what
stresses emphasis, links, code spans, inline HTML and attribute lists against each other. kramdown
renders each through ../shared/tools/kramdown-ref (Jekyll's options, `--option` passed on to it;
the same options reach Folio through `folio render --options`), Folio through its release build;
the two are compared after the shared normaliser (shared/tools/parity/htmlnorm.py). Documents
kramdown fails on (it raises an exception, or runs past 30 seconds or 2 GiB: it never finishes
some) or whose kramdown output is not UTF-8 (a lone surrogate's character reference) are
skipped, and counted.

Prints each difference (seed, first differing block each way) and writes the failing documents
to DIR (default target/kramdown-fuzz/) as SEED.md with kramdown's SEED.html, ready to become
fixtures (tests/fixtures/kramdown/, scripts/kramdown-fixtures.sh). Exits 1 on any difference.
Needs Ruby's kramdown (the shared tool) and `pip install html5lib`; not part of `make test`:
kramdown takes about a quarter of a second a document, so 1000 documents take two minutes with
two jobs. Run it after changing the parser.
"""
import argparse, os, random, re, resource, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

from corpus_articles import ROOT, SHARED, articles
sys.path.insert(0, os.path.join(SHARED, "tools", "parity"))
from htmlnorm import blocks  # noqa: E402

WORDS = "le la les une société civile données ouvertes gouvernement été à où ça l'État d'abord aujourd'hui peut-être Jean-Pierre OGP open data transparence 2016 10 % x y".split()
R = random.Random()

CODE = "def x(a)\n  puts \"<%= a %>\" # comment\nend\n\tif (a < b && c > d) { return 'e'; }"


def word():
    return R.choice(WORDS)

def text(n=None):
    return " ".join(word() for _ in range(n or R.randint(1, 6)))

def span(depth=0):
    k = R.randint(0, 30)
    if depth > 2: k = 0
    if k <= 6: return text()
    opts = [
        lambda: f"*{span(depth+1)}*", lambda: f"**{span(depth+1)}**", lambda: f"_{span(depth+1)}_", lambda: f"__{span(depth+1)}__",
        lambda: f"`{text(2)}`", lambda: f"``a ` b``", lambda: f"[{span(depth+1)}](http://ex.org/{word()} \"t {word()}\")",
        lambda: f"[{text(2)}](http://ex.org/a){{:target=\"_blank\"}}", lambda: f"[{text(2)}][ref{R.randint(1,3)}]", lambda: f"[ref{R.randint(1,3)}]",
        lambda: f"![{text(2)}](/img/{word()}.png)", lambda: f"<http://ex.org/{word()}>", lambda: f"[^n{R.randint(1,3)}]",
        lambda: R.choice(["'", '"', "l'a", "'quoted'", '"dq"', "« guillemets »", "«x»", "1980's", "'80"]),
        lambda: R.choice(["--", "---", "...", "<<", ">>", " << ", "a -- b", "a---b"]),
        lambda: R.choice(["&amp;", "&nbsp;", "&eacute;", "&#8217;", "&#x2019;", "&bogus;", "AT&T", "a & b"]),
        lambda: R.choice(["\\*", "\\_", "\\[", "\\|", "\\{", "\\\\", "\\.", "\\#"]),
        lambda: R.choice(["<span>x</span>", "<em class=\"a\">y</em>", "<br>", "<br/>", "<abbr title=\"t\">OGP</abbr>", "<a href=\"/x\">l</a>", "<sup>2</sup>", "<kbd>K</kbd>"]),
        lambda: f"~~{text(2)}~~", lambda: f"$${text(1)}$$", lambda: f"*{text(2)}*{{: .cls}}", lambda: "{::comment}c{:/}",
        lambda: R.choice(["*", "_", "**", "[", "]", "`", "<", "{", "}", "|", "~", "$"]),
        lambda: f"{text(1)}  \n{text(1)}", lambda: f"{text(1)}\\\\\n{text(1)}", lambda: f"{text(1)}\n{text(1)}",
        lambda: R.choice(["http://ex.org/x", "www.ex.org", "a@b.org", ":smile:", "#tag", "@user"]),
        lambda: R.choice(["HTML", "W3C"]),
        lambda: R.choice(["a*b*c", "a_b_c", "**a*b*c**", "*a **b** c*", "***x***", "_a_b", "snake_case_name", "2*3*4", "* not em *"]),
        lambda: R.choice(["[a [b] c](http://x.org)", "[x](http://x.org/a_(b))", "[x](<http://x.org/a b>)", "[x]( http://x.org )", "[x](http://x.org 'T')", "[X][REF1]", "[x] [ref1]", "[x][]", "![i][ref2]", "[`c`](http://x.org)", "[x](#frag)", "[x](/rel?a=1&b=2)"]),
        lambda: R.choice(['"quoted \'nested\' text"', "'tis", "don't", "'90s", "O'Neil", "«\u00a0fr\u00a0»", "“déjà”", "a\u00a0: b", "x ; y", "x ! y", "<< x >>"]),
        lambda: R.choice(["&lt;tag&gt;", "a < b", "a > b", "x &copy; y", "&#0;", "AT&amp;T"]),
        lambda: R.choice(["{:.cls}", "{: #id}", "*x*{:#e}", "[l](http://x.org){: .btn target=\"_blank\" rel=\"noopener\"}", "`c`{: .lang}", "{::nomarkdown}<b>x</b>{:/}", "{::comment}x{:/comment}"]),
        lambda: R.choice(["\t", "a\tb"]),
    ]
    return R.choice(opts)()

def line_spans():
    return " ".join(span() for _ in range(R.randint(1, 5)))

def para():
    lines = [line_spans() for _ in range(R.randint(1, 3))]
    return "\n".join(lines)

def block(depth=0):
    k = R.randint(0, 40)
    if depth > 2 and k > 20: k = 0
    if k <= 10: return para()
    choices = [
        lambda: f"{'#' * R.randint(1, 6)} {line_spans()}" + R.choice(["", " {#id-" + word() + "}", " #", " {: .cls}"]),
        lambda: f"{line_spans()}\n" + R.choice(["===", "---", "======"]),
        lambda: "\n".join("> " + l for l in block(depth+1).split("\n")),
        lambda: "\n".join(">" + l for l in ("## " + text(2) + "\n\n" + para()).split("\n")),
        lambda: lst(depth),
        lambda: "    " + text(3) + "\n    " + R.choice(["<b>x</b>", "  indented", "a & b"]),
        lambda: "```" + R.choice(["", "", "text", "plaintext", "ruby", "js", "html", "python", "bash", "yaml", "css", "liquid", "nosuchlang", "ruby linenos"]) + "\n" + R.choice([text(3), CODE]) + "\n<x> & y\n```",
        lambda: "~~~ ruby\n" + CODE + "\n~~~\n" + R.choice(["", "{: .language-js}", "{: .highlight}", "{: #code-id}"]),
        lambda: "    " + CODE.replace("\n", "\n    ") + "\n{: .language-" + R.choice(["ruby", "python", "nosuchlang"]) + "}",
        lambda: "# " + R.choice(["1 first", "Héllo, wörld!", "a_b-c d", "`code` in header", "[link](http://x.org) header", "*em* and **strong**", "東京", "Q&A", "C++ / C#", "x --- y", "'quoted'", "header"]) + R.choice(["", "", " {#explicit}"]),
        lambda: "* toc\n{:toc}\n\n## One\n\n### Two\n\n## One",
        lambda: "[^" + word() + "]: " + text(2) + "\n\n    second paragraph\n\n        code in note\n\n" + text(2) + " [^" + word() + "]",
        lambda: "*[" + R.choice(["Q&A", "C++", "e.g.", "OGP"]) + "]: " + text(2) + "\n\n" + R.choice(["Q&A", "C++", "e.g.", "OGP"]) + " " + text(3),
        lambda: "<div markdown=\"1\">\n# header\n\n* list\n\n</div>",
        lambda: "<ul>\n  <li>" + text(2) + "</li>\n  <li markdown=\"span\">*x*</li>\n</ul>",
        lambda: "<script>var x = '<b>';</script>\n\n" + para(),
        lambda: "<style>\np { color: red }\n</style>",
        lambda: "<div\n  class=\"multi\">\n" + text(2) + "\n</div>",
        lambda: "<div>\n<p>unclosed\n</div>",
        lambda: "<!-- multi\n\nline comment -->\n" + text(2),
        lambda: "1. " + text(2) + "\n1. " + text(2) + "\n\n3. " + text(2),
        lambda: "10. " + text(2) + "\n    " + text(1) + "\n11. " + text(2),
        lambda: "*   " + text(2) + "\n\n    " + text(2) + "\n\n*   " + text(2),
        lambda: "- " + text(1) + "\n  - " + text(1) + "\n    - " + text(1) + "\n- " + text(1),
        lambda: "* [ ] " + text(2) + "\n* [x] " + text(2),
        lambda: "term\n: def *em*\n\nterm2\nterm3\n: def2\n\n  more",
        lambda: "> " + text(2) + "\n>\n>> nested\n> back",
        lambda: "$$\n\\begin{align}x &= y\\\\\nz\\end{align}\n$$",
        lambda: "~~~\n" + text(3) + "\n~~~",
        lambda: table(),
        lambda: R.choice(["***", "---", "* * *", "- - -", "___"]),
        lambda: R.choice(["<div>\n" + para() + "\n</div>", "<div markdown=\"1\">\n" + para() + "\n</div>",
                          "<figure>\n  <img src=\"/a.png\" alt=\"a\">\n  <figcaption>" + text(3) + "</figcaption>\n</figure>",
                          "<figure markdown=\"1\">\n![x](/a.png)\n</figure>", "<!-- comment -->", "<p>" + text(3) + "</p>",
                          "<details>\n<summary>s</summary>\n\n" + para() + "\n</details>", "<iframe src=\"https://ex.org/v\"></iframe>"]),
        lambda: para() + "\n{: .encadre}",
        lambda: "{: .note}\n" + para(),
        lambda: f"{{:ref{R.randint(1,2)}: .c{R.randint(1,3)} #i{R.randint(1,3)}}}",
        lambda: f"[ref{R.randint(1,3)}]: http://ex.org/{word()}" + R.choice(["", " \"Title\"", " 'T'"]),
        lambda: f"[^n{R.randint(1,3)}]: {line_spans()}" + R.choice(["", "\n\n    " + text(3)]),
        lambda: f"*[{R.choice(['HTML', 'W3C'])}]: {text(2)}",
        lambda: f"{text(1)}\n: {line_spans()}" + R.choice(["", "\n: " + text(2)]),
        lambda: "$$\n" + text(2) + "\n$$",
        lambda: "^",
        lambda: "{::comment}\n" + text(2) + "\n{:/comment}",
        lambda: "{::nomarkdown}\n<b>" + text(2) + "</b>\n{:/}",
        lambda: "{::options auto_ids=\"false\" /}",
        lambda: "{::options " + R.choice(["toc_levels=\"2..3\"", "footnote_nr=\"5\"", "entity_output=\"numeric\"", "header_offset=\"1\"",
                                          "smart_quotes=\"apos,apos,quot,quot\"", "auto_id_prefix=\"p-\"", "typographic_symbols=\"{hellip: '...'}\"",
                                          "parse_block_html=\"true\"", "parse_span_html=\"false\"", "html_to_native=\"true\"", "hard_wrap=\"true\"",
                                          "footnote_backlink=\"\"", "coderay_line_numbers=\"table\"", "math_engine=\"nil\"", "no_such=\"x\"",
                                          "auto_ids=\"maybe\""]) + " /}",
        lambda: R.choice(["<div markdown=\"block\">\n*x*\n</div>", "<div markdown=\"0\">\n*x*\n</div>", "<p markdown=\"block\">*a*</p>",
                          "<span markdown=\"1\">*x*</span>", "<section markdown=\"1\">\n## h\n\n" + para() + "\n</section>",
                          "<aside markdown=\"span\">*x* " + text(2) + "</aside>", "<table markdown=\"1\">\n<tr><td>*a*</td></tr>\n</table>"]),
        lambda: "{::nomarkdown type=\"" + R.choice(["html", "latex", "html,latex", "kramdown"]) + "\"}\n<b>x</b>\n{:/}",
        lambda: "[^" + word() + "]: " + text(2) + "\n{: .note}\n\n" + text(1) + " [^" + word() + "]{: .ref}",
        lambda: "*[" + R.choice(["Q&A", "a b", "x.y", "OGP"]) + "]:\n\n" + R.choice(["Q&A", "a b", "x.y", "OGP"]) + " " + text(2),
        lambda: "* toc\n{:toc}",
        lambda: " " * R.randint(1, 3) + para(),
        lambda: "\t" + text(2),
        lambda: " " * R.randint(1, 3) + R.choice(["* ", "1. ", "> ", "# "]) + text(3),
        lambda: "> " + text(3) + "\n" + text(2) + "\n> " + text(2),
        lambda: "* " + text(3) + "\n" + text(2) + "\n* " + text(2),
        lambda: text(2) + "\n- " + text(2),
        lambda: text(2) + "\n-",
        lambda: R.choice(["<div markdown=\"span\">\n*x* " + text(2) + "\n</div>", "<table>\n<tr><td>*a*</td></tr>\n</table>", "<pre>\n" + text(2) + "\n</pre>",
                          "<div class=\"x\">\n\n" + para() + "\n\n</div>", "<div>\n<div markdown=\"1\">\n" + para() + "\n</div>\n</div>", "<p markdown=\"1\">*a*</p>",
                          "<span>" + text(2) + "</span>", "<div>" + text(2), "</div>", "<hr>", "<hr/>", "<img src=\"/a.png\">", "<video src=\"/v.mp4\" controls></video>"]),
        lambda: "# " + text(2) + " #{#" + word() + "}",
        lambda: "## " + text(2) + " ##",
        lambda: "{: .before}\n" + table(),
        lambda: table() + "\n{: .after}",
        lambda: lst(depth) + "\n{: .list}",
        lambda: "    code\n{: .code}",
        lambda: "*[HTML]: Hyper Text\n\nThe HTML and W3C " + text(2),
        lambda: text(1) + "\n" + text(1) + "\n: " + text(2) + "\n\n: " + text(2),
        lambda: "1. " + text(2) + "\n\n       code in item\n\n2. " + text(2),
        lambda: "* " + text(2) + "\n\n  > quote in item\n\n  ## header in item",
        lambda: "> # q header\n>\n> * q list\n> * two\n>\n>     q code",
        lambda: "|a|b|\n|-|-|\n|`x|y`|\\||\n",
        lambda: "a | b\n--|--\nc | d",
    ]
    return R.choice(choices)()

def lst(depth):
    ordered = R.random() < 0.4
    items = []
    for i in range(R.randint(1, 4)):
        marker = f"{i+1}." if ordered else R.choice(["*", "-", "+"])
        body = block(depth+1) if R.random() < 0.3 else line_spans()
        lines = body.split("\n")
        ind = " " * (len(marker) + 1)
        item = marker + " " + lines[0] + "".join("\n" + (ind if l else "") + l for l in lines[1:])
        if R.random() < 0.2:
            item += "\n\n" + ind + text(3)
        if R.random() < 0.15:
            item += "\n" + ind + "* " + text(2)
        items.append(item)
    sep = "\n\n" if R.random() < 0.3 else "\n"
    return sep.join(items)

def table():
    cols = R.randint(1, 3)
    row = lambda: "| " + " | ".join(R.choice([text(1), span(), "`a|b`", ""]) for _ in range(cols)) + " |"
    out = [row()]
    if R.random() < 0.8:
        out.append("|" + "|".join(R.choice(["---", ":--", "--:", ":-:"]) for _ in range(cols)) + "|")
    out += [row() for _ in range(R.randint(1, 3))]
    if R.random() < 0.15: out.append("|===|")
    if R.random() < 0.15: out.append(row())
    return "\n".join(out)

def corpus_bodies():
    """The bodies of the shared corpus's articles (front matter cut off as Jekyll does)."""
    return [body for _, body in articles()]


def mutated(bodies):
    """A corpus article as an editor leaves it mid-change: lines cut, repeated, swapped or
    inserted, a few characters deleted, the text cut short."""
    lines = R.choice(bodies).split("\n")
    for _ in range(R.randint(1, 6)):
        i = R.randrange(len(lines))
        k = R.randint(0, 5)
        if k == 0: del lines[i]
        elif k == 1: lines.insert(i, lines[R.randrange(len(lines))])
        elif k == 2:
            j = R.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif k == 3: lines[i:i] = block().split("\n")
        elif k == 4 and lines[i]:
            a = R.randrange(len(lines[i]))
            lines[i] = lines[i][:a] + lines[i][a + R.randint(1, 4):]
        else: lines[i] += " " + span()
        if not lines: lines = [""]
    out = "\n".join(lines)
    return out[:R.randrange(len(out) + 1)] if R.random() < 0.3 else out


LINE_STARTS = ["* ", "- ", "+ ", "*\t", "1. ", "10. ", "2) ", "> ", ">", ": ", "# ", "### ", "| ", "|-|-|", "```", "~~~", "{: .c}", "{:r: .x}",
               "<div>", "</div>", "<div markdown=\"1\">", "<p>", "<!-- ", "-->", "***", "---", "===", "^", "[r]: /u", "[^n]: ", "*[OGP]: o",
               "{::comment}", "{:/comment}", "$$", "\\", "", "", "", "", "", ""]


def line_doc():
    """A document a line at a time: random indentation, then a block start or text, or nothing.
    A line often keeps the previous line's start, longer or shorter, so containers nest and go on."""
    lines = []
    prefix = ""
    for _ in range(R.randint(2, 14)):
        if R.random() < 0.2:
            lines.append(R.choice(["", "", " ", "\t", prefix.rstrip()]))
            continue
        k = R.random()
        if k < 0.3 and prefix:
            pass
        elif k < 0.45 and prefix:
            prefix = prefix[:R.randrange(len(prefix))]
        elif k < 0.6:
            prefix += R.choice(["> ", ">", "* ", "1. ", "  ", "    ", "\t", ": "])
        else:
            indent = "".join(R.choice([" ", " ", " ", "\t"]) for _ in range(R.choice([0, 0, 0, 1, 2, 2, 3, 4, 4, 5, 6, 8])))
            prefix = indent + "".join(R.choice(LINE_STARTS) for _ in range(R.choice([1, 1, 1, 2])))
        rest = R.choice(["", text(), line_spans(), "[r] [^n] OGP"])
        lines.append(prefix + rest)
        # What follows a list marker or a quote's start on its line is the container's content.
        prefix = "".join(" " * len(p) if p.rstrip() in ("*", "-", "+", "1.", "10.", "2)") else p for p in re.findall(r"\S+\s*|\s+", prefix)) if R.random() < 0.5 else prefix
    return "\n".join(lines) + R.choice(["", "\n"])


SOUP = ["*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "<", ">", "{", "}", "{:", ":", "!", "\\", "&", ";", "#", "\"", "'",
        "$$", "~~", "^", "|", "=", ".", "-", "/", "http://x.org", "a", "b", "c", "é", "’", "x y", " ", " ", " ", "  ", "\n", "\t",
        "<b>", "</b>", "<a href=\"/u\">", "</a>", "<span markdown=\"1\">", "</span>", "<!--", "-->", "&amp;", "[^n]", "[r]", "OGP",
        ".c", "#i", "k=\"v\"", "/", "{::", "{:/}"]


def soup_doc():
    """Paragraphs of span starts, ends and escapes in random order, with the definitions they may
    refer to."""
    paragraphs = ["".join(R.choice(SOUP) for _ in range(R.randint(3, 40))) for _ in range(R.randint(1, 4))]
    return "\n\n".join(paragraphs) + "\n\n[r]: http://x.org/r\n[^n]: note\n*[OGP]: o\n"


def doc(seed, noise=False, bodies=None, lines=False, soup=False):
    R.seed(seed)
    if bodies:
        out = mutated(bodies)
    elif lines:
        out = line_doc()
    elif soup:
        out = soup_doc()
    else:
        blocks = [block() for _ in range(R.randint(1, 7))]
        out = ""
        for b in blocks:
            out += b + R.choice(["\n\n", "\n\n", "\n", "\n\n\n"])
    if out.startswith("---"): out = "x\n" + out
    if noise:
        r = R.random()
        if r < 0.15: out = out.replace("\n", "\r\n")
        elif r < 0.3: out = out.replace("  ", "\t", R.randint(1, 3))
        elif r < 0.45: out = "\n".join(l + R.choice(["", " ", "  ", "\t"]) for l in out.split("\n"))
        elif r < 0.6:
            for a, b in [("été", "東京 😀"), ("données", "Ünïcödé"), ("civile", "e\u0301t\u0301"), ("OGP", "<?php x ?>"), ("transparence", "<![CDATA[x]]>"), ("x", "\u200b")]:
                if R.random() < 0.5: out = out.replace(a, b)
        elif r < 0.7: out = out.replace("\n\n", "\n \n")
        elif r < 0.8:
            # What Ruby's `strip` and `\s` tell apart: NUL is stripped and is no white space;
            # vertical tab and form feed are both. Mostly where a text is stripped: at a line's
            # start, after a list marker or a cell's pipe. A quote after a NUL shows whether it
            # was stripped (the normaliser, as browsers, drops a NUL in text): it opens only if so.
            spots = [m.end() for m in re.finditer(r"\n|[*|-] ", out)]
            for _ in range(R.randint(1, 6)):
                at = R.choice(spots) if spots and R.random() < 0.7 else R.randrange(len(out) + 1)
                out = out[:at] + R.choice(["\0", "\0'", "\v", "\f"]) + out[at:]
    return out


# kramdown never finishes some documents (an indented line that starts with a form feed), its
# memory growing without end (14 GB in nine minutes): each run is held to these.
KRAMDOWN_SECONDS = 30
KRAMDOWN_BYTES = 2 << 30


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (KRAMDOWN_BYTES, KRAMDOWN_BYTES))


def kramdown(text, options):
    args = [os.path.join(SHARED, "tools", "kramdown-ref")]
    for option in options:
        args += ["--option", option]
    try:
        run = subprocess.run(args, input=text.encode(), capture_output=True, timeout=KRAMDOWN_SECONDS, preexec_fn=limited)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        return None
    try:
        return run.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None


def folio(path, options_file):
    args = [os.path.join(ROOT, "target", "release", "folio"), "render", "--body"]
    if options_file:
        args += ["--options", options_file]
    return subprocess.run(args + [path], capture_output=True, check=True).stdout.decode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0, help="the first document's seed")
    ap.add_argument("--noise", action="store_true")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--corpus", action="store_true", help="mutate the shared corpus's articles instead")
    kind.add_argument("--lines", action="store_true", help="build documents a line at a time instead")
    kind.add_argument("--soup", action="store_true", help="paragraphs of span constructs' characters instead")
    ap.add_argument("--option", action="append", default=[], help="KEY=VALUE, a kramdown option for both")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", default=os.path.join(ROOT, "target", "kramdown-fuzz"))
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "folio"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="kramdown-fuzz-")
    options_file = None
    if a.option:
        options_file = os.path.join(work, "options.yml")
        with open(options_file, "w") as f:
            f.write("".join(f"{k}: {v}\n" for k, v in (o.split("=", 1) for o in a.option)))

    def check(seed, text):
        path = os.path.join(work, f"{seed}.md")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        want = kramdown(text, a.option)
        if want is None:
            return seed, text, None, None
        got = folio(path, options_file)
        return seed, text, want, got

    compared = differing = skipped = 0
    os.makedirs(a.keep, exist_ok=True)
    with ThreadPoolExecutor(a.jobs) as pool:
        # Generated here, in order: the generator's random state is shared.
        seeds = range(a.seed, a.seed + a.count)
        bodies = corpus_bodies() if a.corpus else None
        for seed, text, want, got in pool.map(check, seeds, [doc(seed, a.noise, bodies, a.lines, a.soup) for seed in seeds]):
            if want is None:
                skipped += 1
                continue
            compared += 1
            w, g = blocks(want), blocks(got)
            if w == g:
                continue
            differing += 1
            first = next((x, y) for x, y in zip(w + [""] * len(g), g + [""] * len(w)) if x != y)
            print(f"--- seed {seed}\n  kramdown: {first[0][:300]}\n  folio:    {first[1][:300]}")
            with open(os.path.join(a.keep, f"{seed}.md"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            with open(os.path.join(a.keep, f"{seed}.html"), "w", encoding="utf-8") as f:
                f.write(want)
    print(f"kramdown-fuzz: {compared} document{'' if compared == 1 else 's'} compared (seeds {a.seed}..{a.seed + a.count - 1}), {differing} differ, {skipped} skipped (kramdown failed)")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
