#!/usr/bin/env python3
"""Prints the benchmark report from the files scripts/bench/run.sh leaves in RESULTS_DIR.

Usage: report.py RESULTS_DIR
Reads contenders.tsv (name, command), NAME.status, NAME.json (hyperfine --export-json),
NAME.rss.N (GNU time %M, KiB), NAME.stderr.N (boardpack's `timing <phase> <seconds>`
lines), NAME.note, facts.tsv and manifest.txt. Also writes RESULTS_DIR/summary.json.
Standard library only.
"""

import glob
import json
import os
import re
import statistics
import sys

PHASES = ["load", "validate", "compute", "render", "write", "markdown", "data"]
DATA_PEERS = ["polars", "duckdb", "pandas"]
TIMING = re.compile(r"^\s*timing\s+([A-Za-z_-]+)\s+([0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\s*$")


def read(path, default=""):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def tsv(path):
    rows = []
    for line in read(path).splitlines():
        if "\t" in line:
            rows.append(line.split("\t", 1))
    return rows


def peak_kib(res, name):
    """The largest max-RSS over the memory runs, in KiB, or None."""
    values = []
    for path in glob.glob(os.path.join(res, name + ".rss.*")):
        lines = [l for l in read(path).split() if l.isdigit()]
        if lines:
            values.append(int(lines[-1]))
    return max(values) if values else None


def phases(res, name):
    """Median seconds of each `timing <phase> <seconds>` phase over the memory runs."""
    seen = {}
    for path in sorted(glob.glob(os.path.join(res, name + ".stderr.[0-9]*"))):
        for line in read(path).splitlines():
            m = TIMING.match(line)
            if m:
                seen.setdefault(m.group(1), []).append(float(m.group(2)))
    return {k: statistics.median(v) for k, v in seen.items()}


def contender(res, name, command):
    status = read(os.path.join(res, name + ".status"), "not run").strip() or "not run"
    c = {"name": name, "command": command, "status": status,
         "note": " ".join(read(os.path.join(res, name + ".note")).split()),
         "peak_kib": peak_kib(res, name), "median": None, "min": None, "max": None,
         "runs": 0, "phases": phases(res, name)}
    if status == "ok":
        data = json.loads(read(os.path.join(res, name + ".json"), "{}") or "{}")
        results = data.get("results") or []
        if results:
            r = results[0]
            c.update(median=r["median"], min=r["min"], max=r["max"], runs=len(r["times"]))
    return c


def fmt_s(v):
    return "n/a" if v is None else ("%.4f" % v if v < 10 else "%.2f" % v)


def fmt_mib(kib):
    return "n/a" if kib is None else "%.1f" % (kib / 1024.0)


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return "n/a"
    return "%.2fx" % (a / b)


def main():
    res = sys.argv[1]
    facts = dict(tsv(os.path.join(res, "facts.tsv")))
    manifest = dict(l.split(" ", 1) for l in read(os.path.join(res, "manifest.txt")).splitlines()
                    if " " in l)
    cs = [contender(res, n, cmd) for n, cmd in tsv(os.path.join(res, "contenders.tsv"))]
    by = {c["name"]: c for c in cs}
    bp = by.get("boardpack")
    if bp is None or bp["status"] != "ok":
        bp = {"status": "failed", "median": None, "peak_kib": None, "phases": {}, "note": ""}
    out = []
    p = out.append
    mb = lambda k: "%.1f MB" % (int(manifest.get(k, "0")) / 1e6)
    p("boardpack benchmark (SPEC section 8), seed %s" % manifest.get("seed", "?"))
    p("workspace: %s units, %s notes (%s), %s channel rows (%s in per-unit CSVs, %s combined)"
      % (manifest.get("units", "?"), format(int(manifest.get("notes", "0")), ","),
         mb("note_bytes"), format(int(manifest.get("channel_rows", "0")), ","),
         mb("channel_csv_bytes"), mb("combined_csv_bytes")))
    p("machine: %s cores, %s, %s, %s; load average %s"
      % (facts.get("nproc", "?"), facts.get("cpu", "?"), facts.get("memory", "?"),
         facts.get("kernel", "?"), facts.get("load", "?")))
    p("method: %s; medians of wall time, peak = largest max RSS" % facts.get("runs", "?"))
    p("")
    head = "%-14s %10s %10s %10s %5s %10s %12s %12s" % (
        "contender", "median s", "min s", "max s", "runs", "peak MiB", "bp/peer time",
        "bp/peer mem")
    p(head)
    p("-" * len(head))
    for c in cs:
        if c["status"] != "ok":
            p("%-14s FAILED: %s" % (c["name"], c["status"]))
            continue
        is_bp = c["name"].startswith("boardpack")
        p("%-14s %10s %10s %10s %5d %10s %12s %12s" % (
            c["name"], fmt_s(c["median"]), fmt_s(c["min"]), fmt_s(c["max"]), c["runs"],
            fmt_mib(c["peak_kib"]),
            "" if is_bp else ratio(bp.get("median"), c["median"]),
            "" if is_bp else ratio(bp.get("peak_kib"), c["peak_kib"])))
    for c in cs:
        if c["status"] != "ok":
            tail = read(os.path.join(res, c["name"] + ".stderr.1")).strip().splitlines()[-8:]
            p("  %s failed; the end of its stderr:" % c["name"])
            for line in tail or ["(empty)"]:
                p("    " + line)
    notes = [c for c in cs if c["note"]]
    for c in notes:
        p("  note, %s: %s" % (c["name"], c["note"]))
    p("  (bp/peer > 1: boardpack is slower or larger than the peer)")
    cold, hugo = by.get("boardpack-cold", {}), by.get("hugo", {})
    p("whole build vs hugo: rebuild over the previous output %s, first build into an empty folder %s"
      % (ratio(bp.get("median"), hugo.get("median")),
         ratio(cold.get("median") if cold.get("status") == "ok" else None, hugo.get("median"))))
    prev = by.get("previous", {})
    if prev:
        p("whole build vs the previous binary (BENCH_PREVIOUS): %s (a change may be at most 1.10x)"
          % ratio(bp.get("median"), prev.get("median") if prev.get("status") == "ok" else None))
    half = by.get("boardpack-half", {})
    p("scaling: rebuild of the whole workspace / of its first half of the units %s"
      " (2.00x = linear: twice the units, notes, rows and packs)"
      % ratio(bp.get("median"), half.get("median") if half.get("status") == "ok" else None))
    p("")
    ph = bp.get("phases") or {}
    p("boardpack phases (--timings, median of the memory runs): " + (
        ", ".join("%s %s s" % (k, fmt_s(ph[k])) for k in PHASES + sorted(set(ph) - set(PHASES))
                  if k in ph) or "n/a"))
    data, md = ph.get("data"), ph.get("markdown")
    p("data phase (read, validate, aggregate %s rows) vs the data peers (whole process):"
      % format(int(manifest.get("channel_rows", "0")), ","))
    for peer in DATA_PEERS:
        c = by.get(peer, {})
        p("  boardpack data %8s s  vs %-7s %8s s  ratio %s" % (
            fmt_s(data), peer, fmt_s(c.get("median")), ratio(data, c.get("median"))))
    c = by.get("cat", {})
    p("  I/O floor: cat of the combined CSV %s s (data phase / cat: %s)"
      % (fmt_s(c.get("median")), ratio(data, c.get("median"))))
    a, c = by.get("boardpack-adapter", {}), by.get("pandas-adapter", {})
    p("adapter: a %s-row Google Ads export (UTF-16, %s) read and added up by month:"
      % (format(int(manifest.get("adapter_rows", "0")), ","), mb("adapter_bytes")))
    p("  boardpack check %8s s  vs pandas %8s s  ratio %s" % (
        fmt_s(a.get("median")), fmt_s(c.get("median")), ratio(a.get("median"), c.get("median"))))
    c = by.get("cmark-gfm", {})
    p("markdown phase vs the cmark-gfm CLI on the same notes concatenated:")
    p("  boardpack markdown %8s s  vs cmark-gfm %8s s  ratio %s" % (
        fmt_s(md), fmt_s(c.get("median")), ratio(md, c.get("median"))))
    p("")
    p("versions:")
    for k, v in facts.items():
        if k.startswith("version "):
            p("  %-10s %s" % (k[len("version "):], v or "unknown"))
    for c in cs:
        p("  command %-14s %s" % (c["name"], c["command"]))
    print("\n".join(out))
    summary = {"facts": facts, "workspace": manifest, "contenders": cs,
               "ratios_time": {c["name"]: (bp.get("median") / c["median"])
                               if bp.get("median") and c["median"] else None
                               for c in cs if not c["name"].startswith("boardpack")}}
    with open(os.path.join(res, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
