#!/usr/bin/env bash
# move-aside.sh DIR TRASH: moves DIR (when it exists) into a new folder under TRASH.
#
# The hyperfine --prepare step of the boardpack-cold contender. Removing the previous
# output right before a timed run would make the run pay for that removal on filesystems
# that avoid reusing recently freed inodes (ext4 without a journal, as on the benchmark
# machine, scans past every inode freed in the last 30 s); a real first build does not
# follow a mass deletion. run.sh removes TRASH once every contender has run.
set -euo pipefail
[ -e "$1" ] || exit 0
mkdir -p "$2"
mv "$1" "$(mktemp -d "$2/run.XXXXXX")/"
