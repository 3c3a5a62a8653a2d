#!/usr/bin/env bash
# Fuzzes the parsers (SPEC §7, Fuzz/README.md): builds each libFuzzer target with
# AddressSanitizer in .build-fuzz, then runs each for FUZZ_SECONDS, starting from its seed
# corpus (Fuzz/corpus/<name>/, read only) and the inputs earlier runs found (kept in FUZZ_WORK,
# not in git), with its dictionary (Fuzz/dict/<name>.dict). Stops at the first crash, hang
# (FUZZ_TIMEOUT), out-of-memory or leak with a non-zero exit and the path of the input.
# Usage: scripts/fuzz.sh [name...]    names: csv yaml frontmatter formula embeds (default all)
# Environment:
#   FUZZ_SECONDS      time per target (300)
#   FUZZ_MAX_LEN      largest input in bytes (4096)
#   FUZZ_TIMEOUT      seconds one input may take before it counts as a hang (10)
#   FUZZ_RSS_MB       memory limit (2048)
#   FUZZ_WORK         grown corpora, crash inputs and logs (.build-fuzz/work)
#   FUZZ_KEEP_GOING=1 do not stop at a crash: run every target to the end (libFuzzer's fork
#                     mode), keep every crashing input, fail at the end if there was one
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-300}
max_len=${FUZZ_MAX_LEN:-4096}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
work=${FUZZ_WORK:-.build-fuzz/work}
scratch=.build-fuzz/libfuzzer
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(csv yaml frontmatter formula embeds)

# `--sanitize fuzzer` makes SwiftPM link libFuzzer's `main` (not the target's); -DFUZZING
# leaves the target's replay `main` out. swiftc keeps only the last `-sanitize=` flag it is
# given, and `--sanitize fuzzer --sanitize address` passes two in no fixed order (the Swift
# code then got either coverage or AddressSanitizer, never both): `-sanitize=fuzzer,address`
# comes last and wins. -Xcc adds AddressSanitizer to the C code (libyaml, BoringSSL).
flags=(-c release --scratch-path "$scratch" --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address
  -Xswiftc -DFUZZING -Xswiftc -g)
for name in "${names[@]}"; do
  [ -d "Fuzz/corpus/$name" ] || { echo "fuzz: no target $name (expected Fuzz/corpus/$name)" >&2; exit 2; }
  echo "fuzz: building fuzz-$name (libFuzzer + AddressSanitizer, $scratch)"
  if ! log=$($SWIFT build "${flags[@]}" --product "fuzz-$name" 2>&1); then
    echo "$log" >&2
    exit 1
  fi
done
bin=$($SWIFT build "${flags[@]}" --show-bin-path)

failed=()
for name in "${names[@]}"; do
  dir="$work/$name"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  options=(-max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss"
    -artifact_prefix="$dir/artifacts/" -print_final_stats=1)
  # The format's words (Fuzz/dict/<name>.dict) help it past keywords and structure.
  [ -f "Fuzz/dict/$name.dict" ] && options+=(-dict="Fuzz/dict/$name.dict")
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  stamp="$dir/.started"
  touch "$stamp"
  echo "fuzz: fuzz-$name for ${seconds} s (log: $dir/fuzz.log)"
  start=$(date +%s)
  status=0
  # New inputs go to the first folder (the work corpus); the seeds are only read. Crashes are
  # reported by libFuzzer and AddressSanitizer, not by the Swift runtime's backtracer.
  SWIFT_BACKTRACE=enable=no "$bin/fuzz-$name" "${options[@]}" "$dir/corpus" "Fuzz/corpus/$name" >"$dir/fuzz.log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  # The number of inputs run: the final statistics, or in fork mode the last progress line.
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$dir/fuzz.log" | grep -oE '[0-9]+$' || true)
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$dir/fuzz.log" | tail -1 | tr -d '#' || true)
  runs=${runs:-0}
  corpus=$(find "$dir/corpus" -type f | wc -l)
  echo "fuzz: fuzz-$name ran ${elapsed} s, ${runs} inputs ($((runs / (elapsed > 0 ? elapsed : 1)))/s), corpus ${corpus} inputs, exit ${status}"
  found=$(find "$dir/artifacts" -type f -newer "$stamp" | sort)
  if [ "$status" -ne 0 ] || [ -n "$found" ]; then
    { grep -E '^(==[0-9]+== ?ERROR|SUMMARY:|.*Fatal error:)' "$dir/fuzz.log" || true; } | sort | uniq -c | sort -rn | head -20
    for input in $found; do echo "fuzz: crashing input: $input"; done
    echo "fuzz: fuzz-$name FAILED; see an input's failure with: $bin/fuzz-$name INPUT" >&2
    failed+=("$name")
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] || exit 1
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]} (inputs in $work/<name>/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash in ${names[*]}"
