#!/usr/bin/env python3
"""Random front matter read by Folio and by Ruby's YAML, compared.

usage: scripts/front-matter-fuzz.py [--count N] [--seed S] [--show N] [--corpus]

Each document is a YAML mapping such as Jekyll articles start with, from a seeded generator:
Jekyll's keys and odd ones (numbers, booleans, dates and `<<` as keys), plain scalars of every
kind YAML 1.1 resolves (booleans as `yes`/`on`, octal, hexadecimal, sexagesimal, underscores,
infinities, dates and times with and without offsets, near misses of each), quoted scalars with
escapes, explicit tags, block scalars with every indicator, flow and block collections, nesting,
anchors, aliases and merge keys, comments. Ruby reads them all in one process with
`YAML.safe_load(text, permitted_classes: [Date, Time], aliases: true)` and TZ=UTC, as
`scripts/front-matter-fixtures.rb` does for the corpus; Folio reads each as an article's front
matter (`folio render --json`). Compared: the values (dates as `2016-12-23`, times as ISO 8601
with their offset, non-finite floats as null, keys as Ruby's `to_s`), and, where Ruby refuses the
text, that Folio reports an error too. Dates and times are compared as Folio's JSON spells them,
so a date and a text spelled alike are not told apart here (the corpus fixtures of
`tests/front_matter_ruby.rs` keep the types). Prints each difference with its document; exits 1
on any.
`--corpus` starts from the front matter of the shared corpus's articles instead, edited as an
author might: a long line wrapped at a space (indented or not), a tab put after a colon or before
a line, a character deleted, a line repeated or deleted, quotes added around a value.
Needs Ruby; not part of `make test`.

Left out, as known differences: `!!float` before a value Ruby's `Float()` refuses or reads
otherwise (`!!float 08` is 8.0 in Ruby, a timestamp its seconds since 1970; Folio keeps the text),
and a scalar's tag on a collection (`!!str {a: b}`: Ruby fails with
FrozenError, Folio reads the collection). Still generated, and reported, as they are rare: an alias
inside the node its own anchor names (Ruby builds a structure that contains itself, Folio
reports an error), and a merge key whose value is an alias to a list (Ruby keeps it as a `<<`
entry, Folio merges nothing). Tabs are generated where libyaml takes them and where it does not (after
`:` and `-`, starting lines, in flow collections).
"""
import argparse, json, os, random, subprocess, sys
from corpus_articles import articles

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = random.Random()

RUBY = r'''
require "yaml"; require "json"; require "date"
ENV["TZ"] = "UTC"
def plain(v, d = 0)
  raise ArgumentError, "cycle" if d > 30
  case v
  when Hash then v.each_with_object({}) { |(k, x), h| h[k.to_s] = plain(x, d + 1) }
  when Array then v.map { |x| plain(x, d + 1) }
  when Time
    f = v.nsec.zero? ? "" : "." + format("%09d", v.nsec).sub(/0+\z/, "")
    v.strftime("%Y-%m-%dT%H:%M:%S") + f + v.strftime("%:z")
  when Date then v.strftime("%Y-%m-%d")
  when Float then v.finite? ? v : nil
  else v
  end
end
docs = JSON.parse($stdin.read)
out = docs.map do |d|
  begin
    r = YAML.safe_load("---\n" + d, permitted_classes: [Date, Time], aliases: true)
    r = {} if r.nil? # Jekyll: `SafeYAML.load(...) || {}`
    r.is_a?(Hash) ? plain(r) : { "$notmap" => true }
  rescue StandardError, SystemStackError => e
    { "$error" => e.class.name }
  end
end
print JSON.generate(out)
'''

PLAIN = ["x", "hello world", "Été 2016", "a: b", "a #b", "a#b", "yes", "no", "on", "off", "y", "n", "Yes", "NO", "true", "False", "TRUE", "null", "Null", "~", "",
         "0", "-0", "+1", "017", "0o17", "0x1F", "0b101", "1_000", "1e3", "1.5e-3", "1.", ".5", ".inf", "-.Inf", ".NaN", "1:20", "1:20:30.5", "190:20:30",
         "2016-12-23", "2016-1-2", "2016-12-23 17:50:00 +01:00", "2016-12-23T17:50:00Z", "2016-12-23t17:50:00.5-05:30", "2001-12-14 21:59:43.10 -5",
         "2016-12-23 17:50", "2016-12-23 17:50:00", "2016-02-30",
         "2016-1-2 3:04:05", "2016-12-23 17:50:00 +0100", "2016-12-23  17:50:00", "2016-12-23 17:50:00.123456789 +01:00",
         "2016-12-23 17:50:00Z", "2016-12-23T17:50:00+1", "2016-12-23 17:50:00 -00:30", "2016-12-23T17:50:00.5", "-2016-12-23",
         "20161-12-23", "2016-12-23 25:00:00", "2016-13-01", "2016-12-23 17:50:60", "0000-01-01", "1900-02-29", "2000-02-29", "12:30", "1,000", "3.14", "-3.", "+.5", "0.", "1e", "e3", "0x", "08", "09.5",
         "'single'", '"double"', "'it''s'", '"tab\\tnew\\nline \\u00e9 \\x41"', '"\\/"', "@at", "`tick", "%pct", "&amp", "*star", "|pipe", ">gt",
         "- dash", "? q", "[a, b]", "{a: b}", "a, b", "http://x.org/a?b=c#d", "C:\\path", "l'État", "« quoted »", "日本", "=", "<<"]

def wrapped(v):
    """A quoted text now and then going on to a line indented anyhow (libyaml folds it)."""
    if " " in v and R.random() < 0.3:
        return v.replace(" ", R.choice(["\n", "\n\t", "\n  ", "\n\n"]), 1)
    return v

def scalar():
    v = R.choice(PLAIN)
    k = R.random()
    if k < 0.1: return "'" + wrapped(v.replace("'", "''")) + "'"
    if k < 0.2: return '"' + wrapped(v.replace("\\", "\\\\").replace('"', '\\"')) + '"'
    # A scalar's tag, not a collection's (see the known differences above).
    if k < 0.25 and v[:1] not in ("[", "{"): return R.choice(["!!str ", "!!int ", "!!bool ", "!!null ", "!!timestamp "]) + v
    # A tag alone: an empty value, which libyaml wants white space or a comma after.
    if k < 0.27: return R.choice(["!!str", "!!null", "!local"])
    return v

def value(ind, depth):
    k = R.random()
    if depth > 2 or k < 0.55: return " " + scalar()
    if k < 0.62: return " [" + sep().join(scalar() for _ in range(R.randint(0, 3))) + "]"
    if k < 0.67: return " {" + sep().join(f"k{i}:{R.choice([' ', chr(9)])}{scalar()}" for i in range(R.randint(0, 3))) + "}"
    if k < 0.75:
        style = R.choice(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1-"])
        lines = [R.choice(["line one", "  indented", "", "last", "a: b", "# not comment"]) for _ in range(R.randint(1, 4))]
        return " " + style + "\n" + "\n".join((" " * (ind + 2) + l) if l else "" for l in lines)
    if k < 0.85:
        return "\n" + "\n".join(" " * (ind + 2) + "-" + tabbed(value(ind + 2, depth + 1)) for _ in range(R.randint(1, 3)))
    if k < 0.9:
        return " &a" + str(R.randint(1, 2)) + value(ind, depth + 1)
    if k < 0.93:
        return " *a" + str(R.randint(1, 2))
    return "\n" + mapping(ind + 2, depth + 1)

def sep():
    """A flow collection's separator, now and then with a tab or going on to a line indented
    anyhow."""
    return R.choice([", ", ", ", ", ", ",\t", ",\n", ",\n\t", ",\n  ", ",\n\t "])

def tabbed(v):
    """The white space before a value, now and then with a tab in it (libyaml takes some, not all)."""
    if v.startswith(" ") and R.random() < 0.15:
        return R.choice(["\t", " \t", "\t\t"]) + v[1:]
    if v.startswith("\n") and R.random() < 0.05:
        return "\n\t" + v[1:]
    return v

def key():
    return R.choice(["title", "date", "tags", "layout", "published", "categories", "chapeau-text", "une-ou-diaporama", "k", "1", "true", "null", "2016-12-23", "'quoted key'", "a b", "<<", "~", "1.5"])

def mapping(ind, depth):
    out = []
    for _ in range(R.randint(1, 5)):
        line = " " * ind + key() + ":" + tabbed(value(ind, depth))
        if R.random() < 0.03: line = "\t" + line
        if R.random() < 0.1: line += "  # comment"
        out.append(line)
    if R.random() < 0.05: out.append(" " * ind + "<<: {merged: 1}")
    return "\n".join(out)


def corpus_front_matters():
    """The front matter of each article of the shared corpus (between its `---` lines)."""
    return [front_matter for front_matter, _ in articles() if front_matter is not None]


def edited(front_matters):
    """A corpus front matter as an author might leave it."""
    lines = R.choice(front_matters).split("\n")
    for _ in range(R.randint(1, 4)):
        i = R.randrange(len(lines))
        line, k = lines[i], R.randint(0, 7)
        if k == 0 and " " in line.strip():
            cut = R.choice([j for j, c in enumerate(line) if c == " " and j > 0])
            lines[i:i + 1] = [line[:cut], R.choice(["", " ", "  ", "\t"]) + line[cut + 1:]]
        elif k == 1 and ": " in line:
            lines[i] = line.replace(": ", R.choice([":\t", ": \t", ":\t\t"]), 1)
        elif k == 2:
            lines[i] = R.choice(["\t", " \t", "  "]) + line
        elif k == 3 and line:
            j = R.randrange(len(line))
            lines[i] = line[:j] + line[j + 1:]
        elif k == 4:
            lines.insert(i, line)
        elif k == 5 and len(lines) > 1:
            del lines[i]
        elif k == 6 and ": " in line:
            key, value = line.split(": ", 1)
            lines[i] = key + ": " + R.choice(['"', "'"]) + value.replace('"', "").replace("'", "") + R.choice(['"', "'", ""])
        elif k == 7 and line.lstrip().startswith("- "):
            lines[i] = line.replace("- ", R.choice(["-\t", "- \t", "-  "]), 1)
    return "\n".join(lines).rstrip("\n") + "\n"


def folio(text):
    out = subprocess.run([os.path.join(ROOT, "target", "release", "folio"), "render", "--json", "-"],
                         input=("---\n" + text + "---\nbody\n").encode(), capture_output=True, check=True).stdout
    article = json.loads(out)
    return article["frontMatter"], [d["message"] for d in article["diagnostics"] if d["severity"] == "error"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0, help="the first document's seed")
    ap.add_argument("--show", type=int, default=10, help="differences printed in full")
    ap.add_argument("--corpus", action="store_true", help="edit the corpus's front matter instead")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "--bin", "folio"], cwd=ROOT, check=True)
    docs = []
    front_matters = corpus_front_matters() if a.corpus else None
    for seed in range(a.seed, a.seed + a.count):
        R.seed(seed)
        docs.append(edited(front_matters) if front_matters else mapping(0, 0) + "\n")
    ruby = json.loads(subprocess.run(["ruby", "-e", RUBY], input=json.dumps(docs).encode(), capture_output=True, check=True).stdout)
    differing = refused = 0
    for seed, text, want in zip(range(a.seed, a.seed + a.count), docs, ruby):
        got, errors = folio(text)
        if "$error" in want or "$notmap" in want:
            refused += 1
            if errors:
                continue
            problem = f"Ruby refuses it ({want.get('$error', 'not a mapping')}), Folio reads it"
        elif got == want:
            continue
        else:
            keys = [k for k in {**want, **got} if want.get(k, "<absent>") != got.get(k, "<absent>")]
            problem = "; ".join(f"{k!r}: Ruby {want.get(k, '<absent>')!r}, Folio {got.get(k, '<absent>')!r}" for k in keys[:3])
            if errors:
                problem += f" (Folio: {errors[0]})"
        differing += 1
        if differing <= a.show:
            print(f"--- seed {seed}: {problem}\n{text}")
    print(f"front-matter-fuzz: {a.count} front matters (seeds {a.seed}..{a.seed + a.count - 1}), "
          f"{refused} refused by Ruby; {differing} differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
