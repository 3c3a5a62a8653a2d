#!/usr/bin/env bash
# Replays every fuzz target's seed corpus (Fuzz/corpus/<name>/) with a plain build of its
# driver, no sanitizer: the brief run of the fuzzers that `make test` makes (SPEC §7).
# Takes seconds: it uses the debug build that `swift test` already made in .build, and builds
# only the fuzz products whose binary is missing or older than the sources.
# Usage: scripts/fuzz-replay.sh [name...]    names: csv yaml frontmatter formula embeds
# Environment: SWIFT (swift), FUZZ_REPLAY_SCRATCH (.build).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
scratch=${FUZZ_REPLAY_SCRATCH:-.build}
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(csv yaml frontmatter formula embeds)
bin="$scratch/debug"
for name in "${names[@]}"; do
  [ -d "Fuzz/corpus/$name" ] || { echo "fuzz-replay: no seed corpus Fuzz/corpus/$name" >&2; exit 2; }
  exe="$bin/fuzz-$name"
  if [ ! -x "$exe" ] || [ -n "$(find Sources Package.swift -newer "$exe" -print -quit)" ]; then
    if ! log=$($SWIFT build --scratch-path "$scratch" --product "fuzz-$name" 2>&1); then
      echo "$log" >&2
      echo "fuzz-replay: could not build fuzz-$name" >&2
      exit 1
    fi
  fi
  "$exe" "Fuzz/corpus/$name"
done
