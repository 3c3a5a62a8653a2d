#!/usr/bin/env bash
# output/ must equal what `make pack` produces from content/: rebuild into a temporary
# folder and compare byte for byte.
set -euo pipefail
bin=${1:-.build/release/boardpack}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build --content content --templates templates --output "$tmp/out" >/dev/null
if ! diff -r output "$tmp/out" >"$tmp/diff"; then
  echo "output/ is out of date with content/ (run make pack):"
  head -40 "$tmp/diff"
  exit 1
fi
echo "output/ is in sync with content/"
