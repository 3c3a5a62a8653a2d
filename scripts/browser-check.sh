#!/usr/bin/env bash
# Renders one demo pack in headless Chromium as a user would see it: a PNG at desktop width,
# one at phone width, and an A4 PDF (print). Fails when a render is blank, when the PDF lacks
# a section, when a PDF page lacks the confidentiality marking, or when the PDF is longer than
# BOARD_PAGES (12: a board pack's length, SPEC §6 v2).
# Usage: scripts/browser-check.sh [site] [unit/period] [marking]
set -euo pipefail
site=${1:-output}
pack=${2:-trattoria-rapida/2026-10}
marking=${3:-RISERVATO}
scripts/setup.sh chromium poppler-utils
out=.build/browser-check
mkdir -p "$out"
url="file://$(cd "$site" && pwd)/$pack/index.html"
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
"${chrome[@]}" --window-size=1280,2400 --screenshot="$out/desktop.png" "$url" >/dev/null 2>&1
"${chrome[@]}" --window-size=390,2400 --screenshot="$out/phone.png" "$url" >/dev/null 2>&1
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/pack.pdf" "$url" >/dev/null 2>&1
for png in desktop phone; do
  size=$(stat -c %s "$out/$png.png")
  # A blank page compresses to a few kilobytes; a rendered pack is far larger.
  [ "$size" -gt 40000 ] || { echo "browser check: $png.png is blank ($size bytes)"; exit 1; }
done
pages=$(pdfinfo "$out/pack.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 4 ] || { echo "browser check: the PDF has only $pages pages"; exit 1; }
[ "$pages" -le "${BOARD_PAGES:-12}" ] || { echo "browser check: the PDF has $pages pages, more than ${BOARD_PAGES:-12}"; exit 1; }
text=$(pdftotext -layout "$out/pack.pdf" -)
for section in "${@:4}"; do
  grep -qF "$section" <<<"$text" || { echo "browser check: the PDF lacks the section \"$section\""; exit 1; }
done
for i in $(seq 1 "$pages"); do
  # The page's text first: `grep -q` stops reading at the first match, and pdftotext writing
  # into the closed pipe would fail the pipeline (pipefail) on a long page.
  page=$(pdftotext -f "$i" -l "$i" "$out/pack.pdf" -)
  grep -qiF "$marking" <<<"$page" || { echo "browser check: PDF page $i lacks \"$marking\""; exit 1; }
done
echo "browser check: $pack renders at 1280 and 390 px; the A4 PDF has $pages pages, every one marked \"$marking\""
