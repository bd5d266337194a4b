#!/usr/bin/env python3
"""Checks that the Rust HTML normaliser (tests/support/normalize.rs) gives the same blocks as
the shared one it ports (shared/tools/parity/htmlnorm.py) on every reference file.

usage: scripts/check-htmlnorm-port.py [--stress]

Needs `pip install html5lib`. Not part of `make test` (CI has no Python): run it after changing
the normaliser, or when html5ever is upgraded. Exits 1 on any difference.

Checked: every .html under corpus/jekyll-ref, jekyll4-ref, seed-ref and conformance/.
--stress adds material that no reference is made of but that exercises the two HTML parsers:
the conformance inputs (*.text, Markdown with raw HTML) read as HTML, and the current
renderer's output for each conformance input and corpus article.
"""
import glob, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_dir():
    for d in (os.environ.get("FOLIO_SHARED"), os.path.join(ROOT, "..", "shared"), "/work/shared"):
        if d and os.path.isdir(d):
            return os.path.abspath(d)
    sys.exit("no shared folder: set FOLIO_SHARED")


SHARED = shared_dir()
sys.path.insert(0, os.path.join(SHARED, "tools", "parity"))
from htmlnorm import blocks  # noqa: E402


def cargo(*args):
    subprocess.run(["cargo", *args, "--quiet"], cwd=ROOT, check=True)


def rust_blocks(files):
    out = subprocess.run([os.path.join(ROOT, "target/debug/examples/htmlnorm"), *files],
                         capture_output=True, text=True, check=True).stdout
    return {row["file"]: row["blocks"] for row in map(json.loads, out.splitlines())}


def render_all(inputs, out_dir):
    """The current renderer's body HTML for each input, as files in out_dir."""
    folio = os.path.join(ROOT, "target/debug/folio")
    files = []
    for i, path in enumerate(inputs):
        out = os.path.join(out_dir, f"{i:04}.html")
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
                first = next(((p, r) for p, r in zip(want + [""] * 9, rust[path] + [""] * 9) if p != r), None)
                print(f"  {os.path.relpath(path, SHARED)}\n    python: {first[0][:300]!r}\n    rust:   {first[1][:300]!r}")
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
        ok &= check("conformance inputs read as HTML", inputs)
        cargo("build", "--bin", "folio")
        articles = sorted(glob.glob(os.path.join(corpus, "jekyll", "**", "*.md"), recursive=True)
                          + glob.glob(os.path.join(corpus, "jekyll", "**", "*.markdown"), recursive=True)
                          + glob.glob(os.path.join(corpus, "seed", "*.md")))
        with tempfile.TemporaryDirectory() as tmp:
            ok &= check("renderer output", render_all(inputs + articles, tmp))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
