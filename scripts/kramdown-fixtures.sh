#!/usr/bin/env bash
# Writes the expected HTML of Folio's differential fixtures with the real kramdown
# (../shared/tools/kramdown-ref, Debian's ruby-kramdown), so the tests need no Ruby.
#
#   scripts/kramdown-fixtures.sh            # every tests/fixtures/kramdown/**/*.md
#   scripts/kramdown-fixtures.sh FILE.md... # just these
#
# CASE.md is the input; CASE.options (optional) holds `key: value` lines, each passed as
# `--option key=value` over Jekyll 3.8's options; CASE.html is written.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${FOLIO_SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
ref="$shared/tools/kramdown-ref"

if [ $# -eq 0 ]; then
  mapfile -t cases < <(find tests/fixtures/kramdown -name '*.md' | sort)
else
  cases=("$@")
fi
for case in "${cases[@]}"; do
  args=()
  if [ -f "${case%.md}.options" ]; then
    while IFS= read -r line; do
      [ -n "$line" ] && args+=(--option "${line/: /=}")
    done < "${case%.md}.options"
  fi
  "$ref" "${args[@]}" < "$case" > "${case%.md}.html"
done
echo "kramdown-fixtures: wrote ${#cases[@]} expected outputs"
