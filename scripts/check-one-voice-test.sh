#!/usr/bin/env bash
# Tests scripts/check-one-voice.py on tiny fake sites: a good one must pass, and each bad one
# (a copy of it with one kind of violation) must fail naming what disagrees; so must a
# missing folder. Exits 1 on the first surprise; one OK line otherwise.
#   usage: scripts/check-one-voice-test.sh
set -euo pipefail
check="$(cd "$(dirname "$0")" && pwd)/check-one-voice.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pack UNIT PERIOD KIND RATE: a pack whose page agrees with its metrics.json; complaints_per_10k is RATE.
pack() {
  local dir="$tmp/good/$1/$2"
  mkdir -p "$dir"
  cat >"$dir/metrics.json" <<JSON
{"schema": 2, "period": "$2", "period_kind": "$3",
 "kpis": {
  "cac": {"status": "green", "target_status": "green", "value": 30},
  "churn_rate": {"status": "red", "target_status": "red", "value": 0.1},
  "complaints_per_10k": {"status": "none", "target_status": "none", "value": $4}},
 "playbook": [
  {"rule": "cac-healthy", "status": "green", "kpis": ["cac"], "subject": null, "streak": 2, "message": "ok"},
  {"rule": "churn-rising", "status": "red", "kpis": ["churn_rate"], "subject": null, "streak": 1, "message": "up"},
  {"rule": "churn-low", "status": "ok", "kpis": ["churn_rate"], "subject": null, "streak": 0, "message": null},
  {"rule": "cac-cheap", "status": "suppressed", "kpis": ["cac"], "subject": null, "streak": null, "message": null}]}
JSON
  cat >"$dir/index.html" <<'HTML'
<!doctype html><html><body>
<article class="tile status-green" data-kpi="cac"><svg><path d="M0 0"/></svg></article>
<article class="tile status-red" data-kpi="churn_rate"></article>
<table><tr><th>KPI</th><th>Status</th></tr>
<tr data-kpi="cac"><th>CAC</th><td><span class="badge status-red">not this cell</span></td><td><span class="badge status-green"><span>●</span> on target</span></td></tr>
<tr data-kpi="churn_rate"><th>Churn</th><td><span class="badge status-red">off</span></td></tr></table>
<table><tr data-kpi="cac"><th>CAC</th><td><span class="badge status-green">on target</span></td></tr></table>
<figure class="chart" data-kpi="cac"><svg></svg></figure>
<section><h2>Sector playbook</h2><ul>
<li class="rule status-red" data-rule="churn-rising">Churn is rising</li>
<li class="rule status-green" data-rule="cac-healthy">CAC is healthy</li></ul></section>
<section><h2>Appendix</h2><ul><li class="rule status-suppressed" data-rule="cac-cheap">suppressed</li></ul></section>
</body></html>
HTML
}
pack acme 2026-07 month 2.8
pack acme 2026-08 month 3.0
pack acme 2026-09 month 3.2
pack acme 2026-Q3 quarter 3.1
echo '<html><body>archive</body></html>' >"$tmp/good/index.html"

failures=0
# expect NAME WANT(pass|fail) MESSAGE-FRAGMENT: runs the checker on $tmp/NAME.
expect() {
  local out status=0
  out=$("$check" "$tmp/$1" 2>&1) || status=$?
  if [ "$2" = pass ] && [ $status -ne 0 ]; then
    echo "FAIL: $1 should pass but exited $status:"; echo "$out"; failures=$((failures + 1))
  elif [ "$2" = fail ] && { [ $status -eq 0 ] || ! grep -qF -- "$3" <<<"$out"; }; then
    echo "FAIL: $1 should fail naming '$3' but exited $status:"; echo "$out"; failures=$((failures + 1))
  fi
}
# bad NAME FILE SED-SCRIPT: a copy of the good site with one file of acme/2026-Q3 edited.
bad() {
  cp -r "$tmp/good" "$tmp/$1"
  sed -i "$3" "$tmp/$1/acme/2026-Q3/$2"
}

expect good pass
grep -q '4 packs, 20 KPI statuses.*; 1 quarterly' <<<"$("$check" "$tmp/good")" || { echo "FAIL: good site summary miscounts"; failures=$((failures + 1)); }
bad tile index.html 's/tile status-red/tile status-amber/'
expect tile fail 'tile for KPI churn_rate shows status amber'
bad row index.html '/<table><tr data-kpi="cac">/s/status-green/status-amber/'
expect row fail 'table row for KPI cac shows status amber'
bad chart index.html 's/chart" data-kpi="cac"/chart" data-kpi="ghost"/'
expect chart fail 'chart for KPI ghost'
bad verdict index.html 's/rule status-red/rule status-amber/'
expect verdict fail 'churn-rising is shown as amber'
bad suppressed index.html 's/rule status-suppressed/rule status-green/'
expect suppressed fail 'metrics.json suppressed it'
bad strength metrics.json 's/"rule": "churn-low", "status": "ok"/"rule": "churn-low", "status": "green"/'
expect strength fail 'churn-low is green (a strength) on KPI churn_rate'
bad bothways metrics.json 's/"rule": "cac-cheap", "status": "suppressed"/"rule": "cac-cheap", "status": "amber"/'
expect bothways fail 'KPI cac has a shown strength (cac-healthy) and a shown warning (cac-cheap)'
bad weaker metrics.json 's/"rule": "churn-rising", "status": "red", "kpis": \["churn_rate"\]/"rule": "churn-rising", "status": "red", "kpis": ["complaints_per_10k"]/'
expect weaker fail 'churn-rising is red on KPI complaints_per_10k, whose status is none'
bad scale metrics.json 's/"value": 3.1}/"value": 9.3}/'
expect scale fail 'complaints_per_10k is 9.3 for 2026-Q3, off the scale'
bad schema metrics.json 's/"schema": 2/"schema": 1/'
expect schema fail 'schema is 1, not 2'
expect nonexistent fail 'no site folder'

if [ $failures -ne 0 ]; then
  echo "check-one-voice-test: $failures failure(s)"
  exit 1
fi
echo "check-one-voice-test: good site passes; tile, row, chart, verdict, suppressed, strength, both-ways, weaker-than-its-warning, scale, schema and missing-folder cases fail"
