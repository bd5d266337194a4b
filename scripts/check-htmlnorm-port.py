#!/usr/bin/env python3
"""Checks that the Rust HTML normaliser (tests/support/normalize.rs) gives the same blocks as
the shared one it ports (shared/tools/parity/htmlnorm.py) on every reference file.

usage: scripts/check-htmlnorm-port.py [--stress]

Needs `pip install html5lib`. Not part of `make test` (CI has no Python): run it after changing
the normaliser, or when html5ever is upgraded. Exits 1 on any difference.

Checked: every .html under corpus/jekyll-ref, jekyll4-ref, seed-ref and conformance/; the exit
status says whether all agree. --stress also reports on material that exercises the two HTML
parsers further: the conformance inputs (*.text, Markdown with raw HTML) read as HTML, and the
current renderer's output for each conformance input and corpus article. Differences there are
reported only: normalize.rs keeps, as browsers do, elements foster-parented out of a table at the
top level, which html5lib's ElementTree builder loses.
"""
import glob, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def shared_dir():
    """As the Rust tests find it: $FOLIO_SHARED, else ../shared beside the crate, else /work/shared."""
    if os.environ.get("FOLIO_SHARED"):
        return os.environ["FOLIO_SHARED"]
    for d in (os.path.join(ROOT, "..", "shared"), "/work/shared"):
        if os.path.isdir(d):
            return os.path.abspath(d)
    sys.exit("no shared folder: set FOLIO_SHARED")


SHARED = shared_dir()
sys.path.insert(0, os.path.join(SHARED, "tools", "parity"))
from htmlnorm import blocks  # noqa: E402


def cargo(*args):
    subprocess.run(["cargo", *args, "--quiet"], cwd=ROOT, check=True)


def rust_blocks(files):
    out = subprocess.run([os.path.join(TARGET, "debug/examples/htmlnorm"), *files],
                         capture_output=True, text=True, check=True).stdout
    return {row["file"]: row["blocks"] for row in map(json.loads, out.splitlines())}


def render_all(inputs, out_dir):
    """The current renderer's body HTML for each input, as files in out_dir."""
    folio = os.path.join(TARGET, "debug/folio")
    files = []
    for i, path in enumerate(inputs):
        out = os.path.join(out_dir, f"{i:04}-{os.path.basename(path)}.html")
        with open(out, "w", encoding="utf-8") as f:
            subprocess.run([folio, "render", "--body", path], stdout=f, check=True)
        files.append(out)
    return files


def check(name, files):
    rust = rust_blocks(files)
    differ = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            want = blocks(f.read())
        if rust[path] != want:
            differ.append(path)
            if len(differ) <= 5:
                got = rust[path]
                first = next((p, r) for p, r in zip(want + [""] * len(got), got + [""] * len(want)) if p != r)
                print(f"  {path.removeprefix(SHARED + os.sep)}\n    python: {first[0][:300]!r}\n    rust:   {first[1][:300]!r}")
    print(f"{name}: {len(files) - len(differ)} of {len(files)} files give the same blocks")
    return not differ


def main():
    stress = "--stress" in sys.argv[1:]
    cargo("build", "--example", "htmlnorm")
    corpus = os.path.join(SHARED, "corpus")
    conformance = os.path.join(SHARED, "conformance")
    sets = [(tree, sorted(glob.glob(os.path.join(corpus, tree, "**", "*.html"), recursive=True)))
            for tree in ("jekyll-ref", "jekyll4-ref", "seed-ref")]
    sets.append(("conformance", sorted(glob.glob(os.path.join(conformance, "**", "*.html"), recursive=True))))
    ok = all([check(name, files) for name, files in sets])
    if stress:
        inputs = sorted(glob.glob(os.path.join(conformance, "**", "*.text"), recursive=True))
        check("conformance inputs read as HTML", inputs)
        cargo("build", "--bin", "folio")
        articles = sorted(glob.glob(os.path.join(corpus, "jekyll", "**", "*.md"), recursive=True)
                          + glob.glob(os.path.join(corpus, "jekyll", "**", "*.markdown"), recursive=True)
                          + glob.glob(os.path.join(corpus, "seed", "*.md")))
        with tempfile.TemporaryDirectory() as tmp:
            check("renderer output", render_all(inputs + articles, tmp))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
