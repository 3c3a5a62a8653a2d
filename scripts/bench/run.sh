#!/usr/bin/env bash
# The benchmark of SPEC §8 (`make bench`): generates a large seeded workspace into .bench/
# (only when missing or when the seed or generator changed), then times boardpack and its
# peers on it in the same run and prints medians, peak memory and ratios boardpack/peer.
#
# Usage: scripts/bench/run.sh [BOARDPACK_BIN]      (default .build/release/boardpack)
# Environment: BENCH_SEED (42), BENCH_RUNS (5), BENCH_WARMUP (1), BENCH_MEM_RUNS (3),
#              BENCH_SLOW_SECONDS (60: a contender slower than this gets 3 runs, no warm-up),
#              BENCH_TIMEOUT (300: a memory/check run longer than this is a failure),
#              BENCH_ONLY (space-separated contender names to run, default all),
#              BENCH_PREVIOUS (another boardpack binary, e.g. the one before a change: timed as
#              the contender `previous` right after boardpack, its ratio printed).
# Exit status: 0, or 1 when boardpack or a peer failed (the report is printed either way).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
bin=${1:-${BOARDPACK_BIN:-.build/release/boardpack}}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-5}
warmup=${BENCH_WARMUP:-1}
mem_runs=${BENCH_MEM_RUNS:-3}
slow=${BENCH_SLOW_SECONDS:-60}
limit=${BENCH_TIMEOUT:-300}
only=${BENCH_ONLY:-}
bench=$root/.bench
ws=$bench/workspace
res=$bench/results
out=$bench/out
venv=$bench/venv
here=$root/scripts/bench

say() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
scripts/setup.sh hyperfine hugo cmark-gfm time || { say "could not install the tools"; exit 2; }
command -v python3 >/dev/null || scripts/setup.sh python3 || exit 2

if ! "$venv/bin/python" -c 'import pandas, polars, duckdb' 2>/dev/null; then
  say "creating $venv with pandas, polars and duckdb (PyPI)"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    scripts/setup.sh python3-venv || exit 2
    rm -rf "$venv"
    python3 -m venv "$venv" || { say "python3 -m venv failed"; exit 2; }
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check pandas polars duckdb \
    || { say "pip install pandas polars duckdb failed"; exit 2; }
fi

# --- workspace ---------------------------------------------------------------------------
stamp="seed=$seed generator=$(sha256sum "$here/generate.py" | cut -c1-16)"
if [ "$(cat "$ws/.stamp" 2>/dev/null)" != "$stamp" ]; then
  say "generating the workspace into $ws (seed $seed)"
  rm -rf "$ws"
  python3 "$here/generate.py" --out "$ws" --seed "$seed" >/dev/null \
    || { say "the generator failed"; exit 2; }
  echo "$stamp" >"$ws/.stamp"
else
  say "reusing the workspace in $ws ($stamp)"
fi
# Its first half of the units (boardpack-half), for the scaling check: the whole workspace is
# twice the units, notes, rows and packs, so a build without quadratic steps takes twice as long.
half=$ws/content-half
if [ ! -d "$half" ]; then
  units=("$ws"/content/units/*/)
  mkdir -p "$half.tmp/units" && cp "$ws/content/boardpack.yml" "$half.tmp/" \
    && cp -r "${units[@]:0:$((${#units[@]} / 2))}" "$half.tmp/units/" && mv "$half.tmp" "$half" \
    || { say "could not copy half of the workspace"; exit 2; }
fi

# The previous run's output is moved aside, not removed, until every contender has run (see
# move-aside.sh).
trash=$bench/trash
rm -rf "$res" "$trash"
"$here/move-aside.sh" "$out" "$trash"
mkdir -p "$res" "$out"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# Keep the page cache warm for everyone: read the inputs once before any timing.
cat "$ws/channels-all.csv" "$ws"/content/units/*/data/*.csv "$ws/notes-concat.md" \
  "$ws/adapter/content/units/ads/data/google-ads.csv" >/dev/null

# --- contenders: name, hyperfine output mode, command (no shell: words split by hyperfine)
templates=""
[ -d "$root/templates" ] && templates="--templates $root/templates"
bp_base="$bin build --content $ws/content $templates --output $out/boardpack"
py="$venv/bin/python"
names=(boardpack boardpack-cold boardpack-half cmark-gfm hugo pandas polars duckdb cat boardpack-adapter pandas-adapter)
previous=${BENCH_PREVIOUS:-}
[ -n "$previous" ] && names=(boardpack previous "${names[@]:1}")
declare -A mode=([cat]=pipe)
# boardpack rebuilds over its previous output, as a CMO's monthly `make pack` does and as
# hugo does here; boardpack-cold builds into a folder moved aside before each run (nothing
# to reuse: every file and folder is new; see move-aside.sh for why not removed).
declare -A prep=([boardpack-cold]="$here/move-aside.sh $out/boardpack-cold $trash")
declare -A cmd=(
  [boardpack]="$bp_base --timings"
  [boardpack-cold]="${bp_base%/boardpack}/boardpack-cold"
  [boardpack-half]="$bin build --content $half $templates --output $out/boardpack-half"
  [cmark-gfm]="cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e footnotes $ws/notes-concat.md"
  [hugo]="hugo --source $ws/hugo --destination $out/hugo --quiet --noBuildLock"
  [pandas]="$py $here/peers/pandas_agg.py $ws/channels-all.csv"
  [polars]="$py $here/peers/polars_agg.py $ws/channels-all.csv"
  [duckdb]="$py $here/peers/duckdb_agg.py $ws/channels-all.csv"
  [cat]="cat $ws/channels-all.csv"
  [boardpack-adapter]="$bin check --content $ws/adapter/content"
  [pandas-adapter]="$py $here/peers/pandas_google_ads.py $ws/adapter/content/units/ads/data/google-ads.csv"
  [previous]="$previous build --content $ws/content $templates --output $out/previous"
)

now() { date +%s.%N; }

# Runs one contender $mem_runs times under /usr/bin/time (peak RSS, stderr kept for the
# phase timings). Returns the exit status of the first failing run.
check_runs() {
  local name=$1 c=$2 i rc t0
  for ((i = 1; i <= mem_runs; i++)); do
    # shellcheck disable=SC2086  # a word list, like the commands
    [ -n "${prep[$name]:-}" ] && ${prep[$name]}
    t0=$(now)
    # shellcheck disable=SC2086  # the command is a word list by design
    timeout "$limit" /usr/bin/time -f %M -o "$res/$name.rss.$i" $c \
      >"$res/$name.stdout.$i" 2>"$res/$name.stderr.$i" </dev/null
    rc=$?
    awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.3f\n", a - b }' >"$res/$name.seconds.$i"
    [ $rc -ne 0 ] && return $rc
  done
  return 0
}

failed=0
for name in "${names[@]}"; do
  if [ -n "$only" ] && [[ " $only " != *" $name "* ]]; then continue; fi
  c=${cmd[$name]}
  say "$name: $c"
  if [[ $name == boardpack* ]] && ! command -v "$bin" >/dev/null; then
    say "boardpack FAILED: $bin is not an executable (build it first: make build)"
    printf '%s\t%s\n' "$name" "$c" >>"$res/contenders.tsv"
    echo "$bin is not an executable file" >"$res/$name.status"
    failed=1
    continue
  fi
  check_runs "$name" "$c"
  rc=$?
  if [ $rc -eq 2 ] && [ "$name" = boardpack ]; then
    # A boardpack without --timings yet: measure it all the same, phases n/a.
    cp "$res/$name.stderr.1" "$res/$name.stderr.with-timings" 2>/dev/null
    rm -f "$res/$name".{rss,stdout,stderr,seconds}.*
    if check_runs "$name" "$bp_base"; then
      say "boardpack failed with --timings (exit $rc) and works without: phases n/a"
      echo "--timings not accepted (exit $rc): phase timings n/a" >"$res/$name.note"
      c=$bp_base
      rc=0
    else
      rc=$?
    fi
  fi
  printf '%s\t%s\n' "$name" "$c" >>"$res/contenders.tsv"
  if [ $rc -ne 0 ]; then
    say "$name FAILED (exit $rc); its stderr ends with:"
    tail -n 15 "$res/$name.stderr.1" | sed 's/^/    /' >&2
    if [ $rc -eq 124 ]; then
      echo "timed out after $limit s" >"$res/$name.status"
    else
      echo "exit $rc" >"$res/$name.status"
    fi
    failed=1
    continue
  fi
  r=$runs w=$warmup
  if awk -v s="$(cat "$res/$name.seconds.1")" -v l="$slow" 'BEGIN { exit !(s > l) }'; then
    r=3 w=0
    echo "slower than ${slow} s: 3 runs, no warm-up" >>"$res/$name.note"
  fi
  prepare=()
  [ -n "${prep[$name]:-}" ] && prepare=(--prepare "${prep[$name]}")
  # shellcheck disable=SC2086
  if hyperfine -N --style basic --warmup "$w" --runs "$r" --output "${mode[$name]:-null}" "${prepare[@]}" \
      --export-json "$res/$name.json" --command-name "$name" "$c" >"$res/$name.hyperfine.log" 2>&1; then
    echo ok >"$res/$name.status"
    say "$name: median $(python3 -c 'import json,sys; print("%.4f s" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$res/$name.json")"
  else
    say "$name FAILED under hyperfine:"
    tail -n 15 "$res/$name.hyperfine.log" | sed 's/^/    /' >&2
    echo "under hyperfine" >"$res/$name.status"
    cp "$res/$name.hyperfine.log" "$res/$name.stderr.1"
    failed=1
  fi
done

# --- machine facts and versions ----------------------------------------------------------
first() { "$@" 2>&1 </dev/null | head -n 1; }
{
  printf 'seed\t%s\n' "$seed"
  printf 'runs\t%s warm-up, %s timed runs (hyperfine), %s memory runs (/usr/bin/time)\n' "$warmup" "$runs" "$mem_runs"
  printf 'nproc\t%s\n' "$(nproc)"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  printf 'memory\t%s\n' "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  printf 'kernel\t%s\n' "$(uname -sr)"
  printf 'load\tat the start %s, at the end %s\n' "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'version boardpack\t%s\n' "$(timeout 10 "$bin" --version 2>&1 </dev/null | head -n 1 || true)"
  printf 'version cmark-gfm\t%s\n' "$(first cmark-gfm --version)"
  printf 'version hugo\t%s\n' "$(first hugo version)"
  printf 'version python\t%s\n' "$(first "$py" --version)"
  for m in pandas polars duckdb; do
    printf 'version %s\t%s\n' "$m" "$("$py" -c "import $m; print($m.__version__)" 2>&1 | tail -n 1)"
  done
  printf 'version cat\t%s\n' "$(first cat --version)"
  printf 'version hyperfine\t%s\n' "$(first hyperfine --version)"
} >"$res/facts.tsv"
cp "$ws/manifest.txt" "$res/manifest.txt"

rm -rf "$trash"
python3 "$here/report.py" "$res" | tee "$bench/report.txt"
echo "(report saved to .bench/report.txt, raw results in .bench/results/)"
exit $failed
