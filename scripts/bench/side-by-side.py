#!/usr/bin/env python3
"""Two boardpack binaries side by side on the bench workspace, run after run in turns.

Usage: scripts/bench/side-by-side.py OLD_BIN NEW_BIN [RUNS]   (RUNS pairs, default 20)

Each binary rebuilds its own output folder (.bench/out/side-a, side-b) over its previous
output, so both time a rebuild. The order alternates every pair and two warm-up pairs are
dropped, so drift of the machine (other load, the file system's recently freed inodes) falls
on both alike; hyperfine times one command's runs, then the other's, and its ratio follows the
order. Prints the median wall and CPU (user + system) seconds of each and the ratios NEW/OLD.
Run `make bench` first: it generates the workspace.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
workspace = os.path.join(root, ".bench", "workspace", "content")
if len(sys.argv) < 3 or not os.path.isdir(workspace):
    sys.exit(__doc__)
old, new = sys.argv[1], sys.argv[2]
pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
wall = {old: [], new: []}
cpu = {old: [], new: []}
for i in range(pairs + 2):
    for name, out in ((old, "side-a"), (new, "side-b")) if i % 2 == 0 else ((new, "side-b"), (old, "side-a")):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [name, "build", "--content", workspace, "--templates", os.path.join(root, "templates"),
             "--output", os.path.join(root, ".bench", "out", out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i >= 2:
            wall[name].append(seconds)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
for name in (old, new):
    print("%-40s median wall %.4f s  cpu %.3f s  runs %d" % (name, statistics.median(wall[name]), statistics.median(cpu[name]), len(wall[name])))
print("new/old: wall %.3fx  cpu %.3fx" % (statistics.median(wall[new]) / statistics.median(wall[old]),
                                          statistics.median(cpu[new]) / statistics.median(cpu[old])))
