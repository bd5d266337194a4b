"""The shared corpus's articles, split as Jekyll splits them, for the fuzzers in scripts/."""
import os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("FOLIO_SHARED") or next(p for p in (os.path.join(ROOT, "..", "shared"), "/work/shared") if os.path.isdir(p))

# Jekyll's YAML_FRONT_MATTER_REGEXP.
FRONT_MATTER = re.compile(r"---\s*\n(.*?\n?)^(?:---|\.\.\.)\s*$\n?", re.S | re.M)


def articles():
    """Each article of corpus/jekyll and corpus/seed: its front matter (None without one) and body."""
    for folder in ("corpus/jekyll", "corpus/seed"):
        for dirpath, _, files in sorted(os.walk(os.path.join(SHARED, folder))):
            for name in sorted(files):
                if name.endswith((".md", ".markdown")):
                    text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                    match = FRONT_MATTER.match(text)
                    yield (match.group(1), text[match.end():]) if match else (None, text)
