#!/usr/bin/env python3
"""Random posts with Liquid rendered by Folio and by the real Jekyll, compared.

usage: scripts/liquid-fuzz.py [--count N] [--seed S] [--jobs J] [--keep DIR]

Each post, from a seeded generator, has a random front matter (titles in ASCII, with accents,
multibyte or markup, tags, dates and times, integers, floats such as 0.1, 1.005, 1.0e20 and
negatives, booleans, nil, lists, lists of maps, nested maps) and a body mixing the Liquid Folio
claims to run: `assign` of literals, ranges' ends and lists made with `split`, `capture`, nested
`if`/`elsif`/`else`, `unless`, `case`/`when`, `for` with `limit:`, `offset:`, `reversed`, `else`
and `forloop`, `break`, `continue`, `cycle`, `echo`, `increment` and `decrement` (on the
variables' names too), `ifchanged`, `tablerow` with `cols:`, `limit:`, `offset:` and
`tablerowloop`, the `liquid` tag, comments and `raw`, whitespace control on any tag, and
outputs through chains of the filters of the README's list (`default`'s `allow_false:` too),
given strings (empty, ASCII, accented, multibyte, markup), integers, floats, nil, lists,
`page.*` values and variables nothing sets. Half the posts are wrapped in a fenced code block,
so that white space is compared as Liquid leaves it.

Jekyll (Debian's 4.3, as `scripts/liquid-fixtures.rb`, same `_config.yml`) renders them all in one
Ruby process: a temporary site holding every post, each post rendered on its own so that one
that raises does not stop the others, with a payload of its own so that its counters start
afresh, as in a build of that post alone. Folio renders each with `folio render --json` and the same
profile. Compared: the bodies after the shared normaliser (shared/tools/parity/htmlnorm.py); a
post Jekyll stops on must be an error in Folio too. A post where Folio leaves Liquid as written
(a warning "is left as written", Folio's documented limits) is not compared, but counted.

Prints each difference (seed, first differing block each way) and writes the failing posts to
DIR (default target/liquid-fuzz/) as 2016-12-23-fuzz-SEED.md with Jekyll's output as .html (or
its error as .error), ready to become fixtures (tests/fixtures/liquid/,
`ruby scripts/liquid-fixtures.rb FILE`). Exits 1 on any difference. Needs Jekyll 4.3 with
ruby-liquid 5.4 and `pip install html5lib`; not part of `make test`: 2000 posts take about a
minute with two jobs.
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

from corpus_articles import ROOT, SHARED
sys.path.insert(0, os.path.join(SHARED, "tools", "parity"))
from htmlnorm import blocks  # noqa: E402

R = random.Random()

# Renders each post of the site in DIR on its own, as `Site#render` does, and prints
# {file name: {"html": output} or {"error": message}} as JSON.
RUBY = r'''
require "jekyll"; require "json"
dir = ARGV[0]
config = { "url" => "https://example.org", "baseurl" => "/blog", "timezone" => "Europe/Paris", "quiet" => true,
           "excerpt_separator" => "", "defaults" => [{ "scope" => { "path" => "" }, "values" => { "layout" => nil } }],
           "source" => dir, "destination" => File.join(dir, "_site") }
site = Jekyll::Site.new(Jekyll.configuration(config))
site.reset; site.read; site.generate
out = {}
site.posts.docs.each do |post|
  out[post.basename] = begin
    { "html" => Jekyll::Renderer.new(site, post, site.site_payload).run }
  rescue StandardError, SystemStackError => e
    { "error" => "#{e.class}: #{e.message}" }
  end
end
print JSON.generate(out)
'''

PROFILE = "url: https://example.org\nbaseurl: /blog\ntimezone: Europe/Paris\n"
# What Jekyll 4.3 adds to kramdown's options (Folio's `Options::jekyll4`, as tests/liquid.rs).
OPTIONS = "syntax_highlighter_opts:\n  default_lang: plaintext\n  guess_lang: true\n"

WORDS = ["le", "État", "données", "ouvertes", "été", "à", "Paris", "open", "data", "東京", "日本語", "😀", "naïve", "x", "a", "b", "OGP", "2016"]
STRINGS = ["", " ", "hello", "Hello World", "  padded  ", "été à Paris", "Élan ÉCOLE", "東京タワー", "日本語 テキスト", "😀 smile", "a,b,c", "a, b, ,c",
           "c,a,B,b,A", "<b>bold</b> & <i>x</i>", "&amp; &lt;", "O'Neil", "say \"hi\"", "1.5", "42", "-3", "3 apples", "a-b_c d.e", "one two  three\tfour",
           "line\nbreak", "Ünïcödé", "ß straße", "İstanbul", "ǅungla", "x y z", "http://ex.org/a b?c=d&e", "%20 %C3%A9", "Hello, World! Été?", "a/b/c",
           "the quick brown fox jumps", "  ", "true", "nil"]
INTS = [0, 1, 2, 3, -1, -3, 4, 7, 10, 42, 100, -17, 1000000, 2147483648]
FLOATS = ["0.1", "0.2", "1.005", "2.675", "-2.5", "3.14159", "1.0", "0.0", "-0.1", "4.5", "-4.5", "10.0", "0.3", "1.5", "100000.0", "1.25", "99.99"]
WHERE_EXP = ["i.n > 1", 'i.kind == "x"', 'i contains "a"', "i == 3", "i.name", "i.n >= 0 and i.kind"]
FORMATS = ["%Y-%m-%d", "%d %B %Y", "%b %-d, %Y", "%H:%M", "%A %j %U", "%s", "%y%m%d %I%p %P", "%e|%-m|%k", "%F %T %z", "%%", "%c", "%x %X", "%a, %d %b %Y", ""]

# Counters' names, some of them assigned as variables too (`Body.name`).
COUNTERS = ["hits", "x", "s", "down"]
FM_KEYS = ["title", "tags", "date", "n", "neg", "ratio", "price", "big", "small", "zero", "flag", "off", "empty", "list", "words", "items", "nested",
           "day", "stamp", "text_number", "author", "categories", "csv"]
# Not `count` and the like: Jekyll's drop answers them as Enumerable methods, and loops.


def q(s):
    return json.dumps(s, ensure_ascii=False)


def front_matter():
    """A random front matter: each key present or not, with values of its kind."""
    fm = {}
    lines = []
    for k in FM_KEYS:
        if R.random() < 0.35:
            continue
        if k == "title": v = q(R.choice(STRINGS[2:] + ["Values & <types>", "Über naïve 東京", "Title: with colon"]))
        elif k == "tags": v = "[" + ", ".join(q(R.choice(WORDS)) for _ in range(R.randint(0, 5))) + "]"
        elif k == "date": v = f"{R.randint(2000, 2020)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d} {R.randint(0, 23):02d}:{R.choice([0, 5, 30, 59]):02d}:{R.randint(0, 59):02d} {R.choice(['+01:00', '-05:00', '+00:00', '+09:30'])}"
        elif k == "n": v = str(R.choice(INTS))
        elif k == "neg": v = str(-R.randint(1, 100))
        elif k in ("ratio", "price", "small"): v = R.choice(FLOATS + ["1.0e20", "1.0e-5", "1e20", "19.99", "-0.001"])
        elif k == "big": v = R.choice(["1.0e20", "1e20", "123456789012345678901234567890", "9.99e15", "1.0e16"])
        elif k == "zero": v = R.choice(["0", "0.0"])
        elif k == "flag": v = "true"
        elif k == "off": v = "false"
        elif k == "empty": v = R.choice(["", "[]", "''", "{}"])
        elif k == "list": v = R.choice(["[a, [b, c], 3]", "[3, 1, 2]", "[b, a, B, c, a]", "[1.5, 2, -1]", "[x, null, y]", "[]"])
        elif k == "words": v = "[" + ", ".join(q(R.choice(STRINGS[2:])) for _ in range(R.randint(1, 4))) + "]"
        elif k == "items": v = "\n" + "\n".join(f"  - name: {q(R.choice(WORDS))}\n    n: {R.choice(INTS)}" + R.choice(["", "\n    kind: x", "\n    kind: y", "\n    n2: 1.5"]) for _ in range(R.randint(1, 4)))
        elif k == "nested": v = f"\n  name: {q(R.choice(STRINGS[2:]))}\n  more:\n    deep: {R.choice(['value', '3', '2.5', 'true', q('東京')])}\n  list: [1, 2]"
        elif k == "day": v = f"{R.randint(2000, 2020)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"
        elif k == "stamp": v = R.choice(["2017-01-02 08:30:00 -05:00", "2016-03-27 01:59:59 +00:00", "2020-02-29T23:00:00Z", "2016-12-23 17:50:00.5 +01:00"])
        elif k == "text_number": v = q(R.choice(["3.50", "12abc", "-4", "1e3", " 7 ", "0x10"]))
        elif k == "author": v = q(R.choice(["Ada", "Éloïse Ünal", "李小龙"]))
        elif k == "categories": v = "[" + ", ".join(q(R.choice(["notes", "Open Data", "été"])) for _ in range(R.randint(1, 2))) + "]"
        else: v = q(",".join(R.choice(WORDS) for _ in range(R.randint(1, 4))))
        fm[k] = True
        lines.append(f"{k}: {v}")
    return fm, "---\n" + "\n".join(lines) + ("\n" if lines else "") + "---\n"


class Body:
    """The body of one post: its variables in scope follow what it has assigned."""

    def __init__(self, fm):
        self.fm = fm
        self.vars = []   # (name, kind)
        self.loops = []  # loop variables in scope
        self.depth = 0

    def literal(self):
        k = R.randint(0, 9)
        if k <= 3:
            s = R.choice(STRINGS)
            return "'" + s.replace("'", "") + "'" if R.random() < 0.3 else q(s).replace("\\n", "\n").replace("\\t", "\t").replace('\\"', "'")
        if k <= 5: return str(R.choice(INTS))
        if k <= 7: return R.choice(FLOATS)
        return R.choice(["nil", "true", "false", "empty", "null"])

    def page(self):
        keys = [k for k in self.fm] + ["title", "date", "tags", "categories", "slug"]
        k = R.choice(keys)
        if k == "nested": return R.choice(["page.nested.name", "page.nested.more.deep", "page.nested.list", "page.nested['name']", "page.nested"])
        if k in ("items", "list", "tags", "words") and R.random() < 0.4:
            return f"page.{k}" + R.choice(["[0]", "[-1]", ".first", ".last", ".size", "[1]"])
        if k == "items" and R.random() < 0.3: return "page.items[0].name"
        return f"page.{k}"

    def value(self):
        k = R.randint(0, 9)
        if k <= 2: return self.literal()
        if k <= 5: return self.page()
        if k <= 7 and self.vars:
            name, kind = R.choice(self.vars)
            if kind == "list" and R.random() < 0.4:
                return name + R.choice(["[0]", "[-1]", ".first", ".last", ".size", "[2]"])
            return name
        if self.loops:
            return R.choice(self.loops + [f"forloop.{R.choice(['index', 'index0', 'rindex', 'rindex0', 'first', 'last', 'length'])}"])
        if k == 8: return R.choice(["nope", "undefined.key", "nope[0]", "nope.size"] + [c for c in COUNTERS if R.random() < 0.5])
        return self.literal()

    def string(self):
        return R.choice([q(R.choice(STRINGS)), q(R.choice(STRINGS)), self.value()])

    def number(self):
        return R.choice([str(R.choice(INTS)), R.choice(FLOATS), str(R.randint(1, 5)), self.value()])

    def filter(self):
        s, n = self.string, self.number
        f = R.choice([
            lambda: f"plus: {n()}", lambda: f"minus: {n()}", lambda: f"times: {n()}", lambda: f"divided_by: {R.choice([n(), '2', '3', '0.5', '4.0'])}",
            lambda: f"modulo: {R.choice([n(), '3', '-3', '2.5'])}", lambda: "abs", lambda: "ceil", lambda: "floor", lambda: "round",
            lambda: f"round: {R.choice(['0', '1', '2', '3', '-1', '-2'])}", lambda: f"at_least: {n()}", lambda: f"at_most: {n()}",
            lambda: "upcase", lambda: "downcase", lambda: "capitalize", lambda: "strip", lambda: "lstrip", lambda: "rstrip",
            lambda: "escape", lambda: "escape_once", lambda: "xml_escape", lambda: f"append: {s()}", lambda: f"prepend: {s()}",
            lambda: f"replace: {q(R.choice(['a', 'é', ' ', ',', 'x']))}, {s()}", lambda: f"replace_first: {q(R.choice(['a', 'é', ' ', 'o']))}, {q('-')}",
            lambda: f"replace_last: {q(R.choice(['a', 'é', ' ', 'o']))}, {q('_')}", lambda: f"remove: {q(R.choice(['a', 'é', ' ', 'l']))}",
            lambda: f"remove_first: {q(R.choice(['a', 'é', ' ', 'l']))}", lambda: f"remove_last: {q(R.choice(['a', 'é', ' ', 'l']))}",
            lambda: f"truncate: {R.choice(['0', '1', '3', '5', '10', '20', '-1'])}" + R.choice(["", ", ''", ", '…'", ", '...more'"]),
            lambda: f"truncatewords: {R.choice(['0', '1', '2', '3', '-1'])}" + R.choice(["", ", ''", ", '…'"]),
            lambda: f"split: {q(R.choice([',', ' ', '', 'a', ', ', 'é']))}", lambda: f"slice: {R.choice(['0', '1', '-1', '-3', '2, 3', '-2, 5', '0, 0', '10'])}",
            lambda: "strip_html", lambda: "strip_newlines", lambda: "newline_to_br", lambda: "normalize_whitespace",
            lambda: "number_of_words" + R.choice(["", ": 'cjk'", ": 'auto'"]), lambda: "url_encode", lambda: "url_decode", lambda: "cgi_escape",
            lambda: "slugify", lambda: f"default: {s()}", lambda: "markdownify", lambda: "jsonify",
            lambda: f"default: {s()}, allow_false: {R.choice(['true', 'false', 'nil', self.value()])}", lambda: "smartify", lambda: "uri_escape",
            lambda: f"group_by: {q(R.choice(['name', 'n', 'kind']))} | map: {q(R.choice(['name', 'size']))}",
            lambda: f"group_by_exp: 'i', {q(R.choice(['i.n', 'i.kind | upcase', 'i.n | modulo: 2', 'i']))} | map: {q(R.choice(['name', 'size']))}",
            lambda: f"find: {q(R.choice(['name', 'n', 'kind']))}, {self.value()}", lambda: "find_exp: 'i', " + q(R.choice(WHERE_EXP)),
            lambda: "sample" + R.choice(["", ": 0", ": 1", ": 2", ": 'x'"]),
            lambda: "size", lambda: "first", lambda: "last", lambda: f"join: {q(R.choice([', ', '-', '', ' | ']))}", lambda: "reverse",
            lambda: "sort", lambda: "sort_natural", lambda: "uniq", lambda: "compact", lambda: f"map: {q(R.choice(['name', 'n', 'kind', 'size', 'first']))}",
            lambda: f"where: {q(R.choice(['name', 'n', 'kind']))}, {self.value()}", lambda: "where_exp: 'i', " + q(R.choice(WHERE_EXP)),
            lambda: f"sort: {q(R.choice(['name', 'n', 'kind']))}" + R.choice(["", ", 'first'", ", 'last'"]),
            lambda: f"concat: {R.choice(['page.tags', 'page.list', 'page.words', self.value()])}", lambda: f"push: {self.value()}", lambda: "pop", lambda: "shift",
            lambda: f"unshift: {self.value()}", lambda: "array_to_sentence_string" + R.choice(["", ", 'or'"]),
            lambda: f"date: {q(R.choice(FORMATS))}", lambda: "date_to_xmlschema", lambda: "date_to_rfc822",
            lambda: "date_to_string" + R.choice(["", ": 'ordinal'", ": 'ordinal', 'US'", ": nil, 'US'"]),
            lambda: "date_to_long_string" + R.choice(["", ": 'ordinal'", ": 'ordinal', 'US'"]), lambda: "relative_url", lambda: "absolute_url",
        ])
        return f()

    def expr(self):
        return self.value() + "".join(" | " + self.filter() for _ in range(R.choice([0, 1, 1, 2, 2, 3])))

    def condition(self):
        def one():
            k = R.randint(0, 5)
            if k == 0: return self.value()
            if k == 1: return f"{self.value()} contains {self.string()}"
            if k == 2: return f"{self.value()} {R.choice(['==', '!='])} {R.choice(['empty', 'nil', 'blank', self.value()])}"
            if k <= 4: return f"{self.number()} {R.choice(['<', '>', '<=', '>=', '==', '!='])} {self.number()}"
            return f"{self.string()} {R.choice(['<', '>', '==', '!='])} {self.string()}"
        c = one()
        for _ in range(R.choice([0, 0, 0, 1, 2])):
            c += f" {R.choice(['and', 'or'])} {one()}"
        return c

    def tag(self, inner):
        return "{%" + R.choice(["", "", "", "-"]) + " " + inner + " " + R.choice(["", "", "", "-"]) + "%}"

    def out(self, inner):
        return "{{" + R.choice(["", "", "", "-"]) + " " + inner + " " + R.choice(["", "", "", "-"]) + "}}"

    def name(self):
        return R.choice(["x", "y", "s", "total", "list", "t", "a1", "my-var"])

    def piece(self):
        k = R.randint(0, 26)
        if self.depth >= 3 and k > 9: k = R.randint(0, 9)
        if k == 23: return self.tag(f"{R.choice(['increment', 'decrement'])} {R.choice(COUNTERS + ['x', 'total'])}")
        if k <= 2: return " ".join(R.choice(WORDS) for _ in range(R.randint(1, 4)))
        if k <= 6: return self.out(self.expr())
        if k <= 8:
            name = self.name()
            r = R.randint(0, 3)
            if r == 0:
                v, kind = f"{q(R.choice(['a,b,c', 'c,a,b,a', 'x', '', '3,1,2', 'é,東京,z', 'b a  c']))} | split: {q(R.choice([',', ' ']))}", "list"
            elif r == 1: v, kind = self.expr(), "any"
            elif r == 2: v, kind = f"{self.value()} | {R.choice(['plus', 'minus', 'times'])}: {self.number()}", "any"
            else: v, kind = R.choice(["page.tags", "page.items", "page.list", "page.words"]) + R.choice(["", " | sort", " | reverse", " | map: 'name'", " | where: 'kind', 'x'"]), "list"
            self.vars.append((name, kind))
            return self.tag(f"assign {name} = {v}")
        if k == 9: return self.out(f"{self.value()}")
        self.depth += 1
        # What a block assigns may not be set after it, where Folio does not know it.
        known, captured = len(self.vars), []
        try:
            if k <= 11:
                body = self.pieces()
                name = self.name()
                captured.append((name, "any"))
                return self.tag(f"capture {name}") + body + self.tag("endcapture")
            if k <= 13:
                s = self.tag(f"if {self.condition()}") + self.pieces()
                for _ in range(R.choice([0, 0, 1, 2])):
                    s += self.tag(f"elsif {self.condition()}") + self.pieces()
                if R.random() < 0.5: s += self.tag("else") + self.pieces()
                return s + self.tag("endif")
            if k == 14:
                return self.tag(f"unless {self.condition()}") + self.pieces() + (self.tag("else") + self.pieces() if R.random() < 0.3 else "") + self.tag("endunless")
            if k == 15:
                s = self.tag(f"case {self.value()}") + R.choice(["", "\n", " junk "])
                for _ in range(R.randint(1, 3)):
                    s += self.tag("when " + R.choice([", ", " or "]).join(self.literal() if R.random() < 0.6 else self.value() for _ in range(R.randint(1, 2)))) + self.pieces()
                if R.random() < 0.5: s += self.tag("else") + self.pieces()
                return s + self.tag("endcase")
            if k <= 19:
                var = R.choice(["i", "t", "item", "w"])
                src = R.choice([f"({R.choice(['1', '0', '3', '-2'])}..{R.choice(['3', '5', '0', '-1', 'page.zero', '2'])})", "page.tags", "page.items", "page.list", "page.words",
                                "page.nested", "page.title", "page.empty", "page.missing"] + [n for n, kind in self.vars])
                opts = ""
                if R.random() < 0.3: opts += f" limit: {R.choice(['0', '1', '2', '5'])}"
                if R.random() < 0.3: opts += f" offset: {R.choice(['0', '1', '3', 'continue'])}"
                if R.random() < 0.3: opts = " reversed" + opts
                self.loops.append(var)
                body = self.pieces()
                if R.random() < 0.3:
                    body += self.tag(f"if {self.condition()}") + self.tag(R.choice(["break", "continue"])) + self.tag("endif")
                if R.random() < 0.3:
                    body += self.tag("cycle " + R.choice(["", "'g': "]) + ", ".join(q(w) for w in R.sample(WORDS, R.randint(1, 3))))
                self.loops.pop()
                return self.tag(f"for {var} in {src}{opts}") + body + (self.tag("else") + self.pieces() if R.random() < 0.2 else "") + self.tag("endfor")
            if k == 20: return self.tag("echo " + self.expr())
            if k == 24: return self.tag("ifchanged") + self.pieces() + self.tag("endifchanged")
            if k == 25:
                var = R.choice(["i", "cell"])
                src = R.choice([f"({R.choice(['1', '0', '-1'])}..{R.choice(['3', '5', '0', 'page.zero'])})", "page.tags", "page.items", "page.list", "page.words",
                                "page.nested", "page.title", "page.empty", "page.missing", "nope"])
                values = ["0", "1", "2", "3", '"2"', "nil", "1.5", "page.n"]
                opts = "".join(R.choice(["", ",", ""]) + f" {key}: {R.choice(values)}" for key in R.sample(["cols", "limit", "offset"], R.randint(0, 3)))
                self.loops.append(var)
                body = self.pieces() + R.choice(["", "{{ tablerowloop." + R.choice(["col", "col0", "row", "index", "rindex0", "first", "last", "col_first", "col_last", "length"]) + " }}"])
                self.loops.pop()
                return self.tag(f"tablerow {var} in {src}{opts}") + body + self.tag("endtablerow")
            if k == 26: return self.liquid_tag()
            if k == 21: return self.tag("comment") + self.pieces() + self.tag("endcomment") + R.choice(["", self.tag("# inline " + R.choice(WORDS))])
            # Liquid 5.4 does not end a raw block at `{%- endraw`.
            return self.tag("raw") + R.choice(["{{ x }}", "{% if %}", "{{", "a"]) + "{% endraw" + R.choice([" %}", " -%}"])
        finally:
            self.depth -= 1
            self.vars[known:] = captured

    def liquid_tag(self):
        """A `liquid` tag: a tag a line, some of them blocks."""
        lines = []
        for _ in range(R.randint(1, 4)):
            r = R.randint(0, 5)
            if r == 0: lines.append(f"assign {self.name()} = {self.expr()}")
            elif r == 1: lines.append(f"echo {self.expr()}")
            elif r == 2: lines += [f"if {self.condition()}", f"  echo {self.expr()}", "else", f"  echo {self.string()}", "endif"]
            elif r == 3: lines += [f"for w in {R.choice(['page.tags', 'page.list', '(1..3)', 'page.words'])}", "  echo w", "  cycle 'a', 'b'", "endfor"]
            elif r == 4: lines.append(f"{R.choice(['increment', 'decrement'])} {R.choice(COUNTERS)}")
            else: lines.append("# " + R.choice(WORDS))
        # A text spanning lines there is read line by line, tags and all.
        return self.tag("liquid " + R.choice(["", "\n"]) + "\n".join(R.choice(["", "  "]) + line.replace("\n", " ") for line in lines))

    def pieces(self):
        return R.choice(["", " ", "\n", "\n  "]).join(self.piece() for _ in range(R.randint(1, 3))) + R.choice(["", " ", "\n"])


def post(seed):
    R.seed(seed)
    fm, head = front_matter()
    b = Body(fm)
    parts = [b.piece() for _ in range(R.randint(2, 8))]
    body = "".join(p + R.choice(["\n\n", "\n", " ", ""]) for p in parts)
    if R.random() < 0.5:
        body = "~~~~~~~~\n" + body + "\n~~~~~~~~\n"
    return head + "\n" + body


def jekyll(posts):
    """Jekyll's output or error for each post, rendered in one Ruby process."""
    site = tempfile.mkdtemp(prefix="liquid-fuzz-site-")
    try:
        os.makedirs(os.path.join(site, "_posts"))
        for name, text in posts.items():
            with open(os.path.join(site, "_posts", name), "w", encoding="utf-8") as f:
                f.write(text)
        run = subprocess.run(["ruby", "-e", RUBY, site], capture_output=True, check=True)
        return json.loads(run.stdout)
    finally:
        shutil.rmtree(site)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0, help="the first post's seed")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", default=os.path.join(ROOT, "target", "liquid-fuzz"))
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "folio"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="liquid-fuzz-")
    for name, text in (("profile.yml", PROFILE), ("options.yml", OPTIONS)):
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    seeds = range(a.seed, a.seed + a.count)
    posts = {f"2016-12-23-fuzz-{seed}.md": post(seed) for seed in seeds}
    for name, text in posts.items():
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write(text)
    want = jekyll(posts)

    def folio(name):
        run = subprocess.run([os.path.join(ROOT, "target", "release", "folio"), "render", "--json", "--no-config", "--profile", os.path.join(work, "profile.yml"),
                              "--options", os.path.join(work, "options.yml"), os.path.join(work, name)], capture_output=True)
        if run.returncode not in (0, 1) or not run.stdout:
            return {"crash": run.stderr.decode("utf-8", "replace")[-300:] or f"exit {run.returncode}"}
        return json.loads(run.stdout)

    with ThreadPoolExecutor(a.jobs) as pool:
        got = dict(zip(posts, pool.map(folio, posts)))

    compared = differing = left = errors = 0
    os.makedirs(a.keep, exist_ok=True)
    for seed, (name, text) in zip(seeds, posts.items()):
        w, g = want[name], got[name]
        if "crash" in g:
            g = {"diagnostics": [{"severity": "error", "message": "Liquid: Folio crashed: " + g["crash"]}], "bodyHtml": ""}
        liquid = [d for d in g["diagnostics"] if d["message"].startswith("Liquid")]
        problem = next((d["message"] for d in liquid if d["severity"] == "error"), None)
        if "error" in w and problem:
            errors += 1
            continue
        if problem is None and any("is left as written" in d["message"] for d in liquid):
            left += 1
            continue
        compared += 1
        if "error" in w:
            first = (w["error"], g["bodyHtml"])
        elif problem:
            first = (w["html"], problem)
        else:
            wb, gb = blocks(w["html"]), blocks(g["bodyHtml"])
            if wb == gb:
                continue
            first = next((x, y) for x, y in zip(wb + [""] * len(gb), gb + [""] * len(wb)) if x != y)
        differing += 1
        print(f"--- seed {seed}\n  jekyll: {first[0][:300]}\n  folio:  {first[1][:300]}")
        with open(os.path.join(a.keep, name), "w", encoding="utf-8") as f:
            f.write(text)
        ext, out = (".error", w["error"]) if "error" in w else (".html", w["html"])
        with open(os.path.join(a.keep, name[:-3] + ext), "w", encoding="utf-8") as f:
            f.write(out)
    shutil.rmtree(work)
    print(f"liquid-fuzz: {compared} post{'' if compared == 1 else 's'} compared (seeds {a.seed}..{a.seed + a.count - 1}), {differing} differ, "
          f"{errors} errors in both, {left} left as written by Folio (not compared)")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
