#!/usr/bin/env python3
"""Check the demo workspace and print the numbers behind each unit's story.

Checks: the generator is deterministic and content/ is what it writes; every CSV row has
as many fields as its header; numbers follow the strict grammar; no negative values; the
funnel never widens; no month is missing; no unplanned outliers (over five times the
median of the previous twelve months); notes have valid front matter.

Usage: python3 scripts/demo/check.py [CONTENT_DIR]   (default: <repo>/content)
Exit status 1 when a check fails.
"""
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
FUNNEL = ["impressions", "clicks", "sessions", "leads", "qualified_leads", "opportunities",
          "new_customers"]
TEXT = {"month", "date", "channel", "store", "boutique"}
LAST = {"active_customers", "waitlist", "clients", "customers", "digital_active",
        "products_held", "consent_opt_ins"}
MEAN = {"sales_cycle_days", "quality_score", "service_score", "cleanliness_score",
        "value_score", "nps"}
# Documented on purpose (README): Maison Aurelia's Fashion Week night.
EXPECTED_OUTLIERS = {("maison-aurelia", "boutiques.csv", "event_attendees", "2026-09")}
FRONT_KEYS = {"title", "period", "section", "audience", "draft", "author", "order"}

errors = []
seen_outliers = set()


def fail(msg):
    errors.append(msg)


def months_between(a, b):
    y, m = int(a[:4]), int(a[5:])
    out = []
    while f"{y:04d}-{m:02d}" <= b:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def unit_style(udir):
    text = (udir / "unit.yml").read_text()
    delim = ";" if 'csv_delimiter: ";"' in text else ","
    dec = "," if "csv_decimal: comma" in text else "."
    dims = re.search(r"^dimensions: \[(.*)\]$", text, re.M).group(1).split(", ")
    return delim, dec, dims


def read_csv(path, delim, dec):
    """Rows as dicts of floats (None for empty) and text; checks shape and grammar."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[-1] != "":
        fail(f"{path}: no final newline")
    lines = lines[:-1]
    header = lines[0].split(delim)
    if len(set(header)) != len(header):
        fail(f"{path}: duplicate header names")
    rows = []
    for ln, line in enumerate(lines[1:], start=2):
        fields = line.split(delim)
        if len(fields) != len(header):
            fail(f"{path}:{ln}: {len(fields)} fields, header has {len(header)}")
            continue
        row = {}
        for col, f in zip(header, fields):
            if col in TEXT:
                row[col] = f
                continue
            if f == "":
                row[col] = None
                continue
            if dec == ",":
                if "." in f:
                    fail(f"{path}:{ln}: '{f}' uses a point in a decimal-comma file")
                f = f.replace(",", ".")
            if not NUMBER.match(f):
                fail(f"{path}:{ln}: '{f}' is not a number")
                continue
            v = float(f)
            if v < 0:
                fail(f"{path}:{ln}: negative {col}")
            row[col] = v
        row["_line"] = ln
        row["_month"] = row.get("month") or row["date"][:7]
        rows.append(row)
    return header, rows


def check_unit(udir):
    uid = udir.name
    delim, dec, dims = unit_style(udir)
    data = {}
    all_months = set()
    for f in sorted((udir / "data").glob("*.csv")):
        header, rows = read_csv(f, delim, dec)
        data[f.name] = (header, rows)
        for col in header:
            if col not in TEXT and col in dims:
                fail(f"{f}: {col} is both a dimension and a measure")
            if col in TEXT and col not in ("month", "date") and col not in dims:
                fail(f"{f}: dimension {col} not declared in unit.yml")
        for r in rows:
            present = [c for c in FUNNEL if r.get(c) is not None]
            for a, b in zip(present, present[1:]):
                if r[a] < r[b]:
                    fail(f"{f}:{r['_line']}: funnel widens {a} {r[a]} < {b} {r[b]}")
            if r.get("full_price_units") is not None and r["full_price_units"] > r["units_sold"]:
                fail(f"{f}:{r['_line']}: full_price_units > units_sold")
            if r.get("onboarding_completed") is not None and \
                    r["onboarding_completed"] > r["onboarding_started"]:
                fail(f"{f}:{r['_line']}: onboarding completed > started")
        ms = sorted({r["_month"] for r in rows})
        if ms != months_between(ms[0], ms[-1]):
            fail(f"{f}: months missing")
        all_months |= set(ms)
        # outliers, per monthly aggregate of each measure
        for col in header:
            if col in TEXT:
                continue
            agg = {}
            for r in rows:
                if r[col] is None:
                    continue
                m = r["_month"]
                agg.setdefault(m, []).append(r[col])
            series = []
            for m in sorted(agg):
                vals = agg[m]
                if col in MEAN:
                    v = sum(vals) / len(vals)
                elif col in LAST and "date" in header:
                    v = vals[-1]
                else:
                    v = sum(vals)   # sum, or `last` summed over dimension values
                series.append((m, v))
            for k, (m, v) in enumerate(series):
                prev = [x for _, x in series[max(0, k - 12):k]]
                if prev and v > 5 * statistics.median(prev):
                    seen_outliers.add((uid, f.name, col, m))
                    if (uid, f.name, col, m) not in EXPECTED_OUTLIERS:
                        fail(f"{f}: unplanned outlier {col} {m} = {v}")
        # outliers, per row series (each dimension value, or each date row, on its own)
        dim_cols = [c for c in header if c in TEXT and c not in ("month", "date")]
        for col in header:
            if col in TEXT:
                continue
            series = {}
            for r in rows:
                if r[col] is not None:
                    series.setdefault(tuple(r[d] for d in dim_cols), []).append((r["_month"], r[col]))
            for key, vals in series.items():
                for k, (m, v) in enumerate(vals):
                    prev = [x for _, x in vals[max(0, k - 12):k]]
                    if prev and v > 5 * statistics.median(prev) and \
                            (uid, f.name, col, m) not in EXPECTED_OUTLIERS:
                        fail(f"{f}: unplanned row outlier {col} {key} {m} = {v}")
    if sorted(all_months) != months_between("2024-11", "2026-10"):
        fail(f"{uid}: data months are not 2024-11 .. 2026-10")
    return data


def check_notes(udir):
    for f in sorted((udir / "notes").glob("*.md")):
        text = f.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if not m:
            fail(f"{f}: no front matter")
            continue
        keys = {}
        for line in m.group(1).split("\n"):
            k, _, v = line.partition(": ")
            keys[k] = v
        if set(keys) != FRONT_KEYS:
            fail(f"{f}: front matter keys {sorted(keys)}")
        if not re.match(r"^\d{4}-(\d{2}|Q[1-4])$", keys.get("period", "")):
            fail(f"{f}: bad period")
        if keys.get("section") not in {"summary", "decisions", "strategy", "risks", "appendix"}:
            fail(f"{f}: bad section")
        if keys.get("audience") not in {"staff", "management", "board"}:
            fail(f"{f}: bad audience")
        if keys.get("draft") not in {"true", "false"}:
            fail(f"{f}: bad draft")
        words = len(text[m.end():].split())
        if not 100 <= words <= 450:
            fail(f"{f}: {words} words")


# ---------------------------------------------------------------------------
# Story numbers


def monthly(data, fname, col, how="sum"):
    header, rows = data[fname]
    out = {}
    for r in rows:
        if r.get(col) is None:
            continue
        out.setdefault(r["_month"], []).append(r[col])
    if how == "sum":
        return {m: sum(v) for m, v in out.items()}
    return {m: sum(v) / len(v) for m, v in out.items()}


def kpis(data):
    spend = monthly(data, "channels.csv", "spend")
    new = monthly(data, "channels.csv", "new_customers")
    leads = monthly(data, "channels.csv", "leads")
    ql = monthly(data, "channels.csv", "qualified_leads")
    attr = monthly(data, "channels.csv", "attributed_revenue")
    oh = monthly(data, "business.csv", "overhead")
    bud = monthly(data, "business.csv", "marketing_budget")
    rev = monthly(data, "business.csv", "revenue")
    gp = monthly(data, "business.csv", "gross_profit")
    act = monthly(data, "business.csv", "active_customers")
    ch = monthly(data, "business.csv", "churned_customers")
    cyc = monthly(data, "business.csv", "sales_cycle_days")
    ms = sorted(spend)
    out = {}
    for k, m in enumerate(ms):
        cost = spend[m] + oh[m]
        gm = gp[m] / rev[m]
        arpa = rev[m] / act[m]
        prev = ms[k - 1] if k else None
        churn = ch[m] / act[prev] if prev else None
        clv = arpa * gm / churn if churn else None
        cac = cost / new[m]
        out[m] = dict(cost=cost, cac=cac, new=new[m], leads=leads[m], ql=ql[m],
                      l2c=new[m] / leads[m], romi=(attr[m] * gm - cost) / cost,
                      lvr=(ql[m] - ql[prev]) / ql[prev] if prev else None,
                      cycle=cyc[m], util=cost / bud[m], gm=gm, arpa=arpa, churn=churn,
                      clv=clv, clv_cac=clv / cac if clv else None,
                      payback=cac / (arpa * gm))
    return out


def fmt(v, nd=2):
    return "n/a" if v is None else f"{v:,.{nd}f}"


def story(uid, data):
    k = kpis(data)
    last = [m for m in sorted(k)][-14:]
    print(f"\n== {uid}")
    print("month     cost        new   CAC      L2C    ROMI    LVR     cycle util   CLV:CAC payback")
    for m in last:
        x = k[m]
        print(f"{m}  {x['cost']:>10,.2f} {x['new']:>5.0f} {x['cac']:>8.2f} {x['l2c']:.4f} "
              f"{x['romi']:>6.3f} {fmt(x['lvr'], 4):>7} {x['cycle']:>5.1f} {x['util']:.3f} "
              f"{fmt(x['clv_cac'])} {x['payback']:.1f}")
    ms = sorted(k)
    ann = sum(k[m]["cost"] for m in ms[-12:])
    print(f"CAC 2026-08 {k['2026-08']['cac']:.2f}  2026-09 {k['2026-09']['cac']:.2f} "
          f"({k['2026-09']['cac'] / k['2026-08']['cac'] - 1:+.1%})  2026-10 "
          f"{k['2026-10']['cac']:.2f} ({k['2026-10']['cac'] / k['2026-09']['cac'] - 1:+.1%})")
    q3 = ["2026-07", "2026-08", "2026-09"]
    q2 = ["2026-04", "2026-05", "2026-06"]
    for name, q in (("2026-Q2", q2), ("2026-Q3", q3)):
        cost = sum(k[m]["cost"] for m in q)
        new = sum(k[m]["new"] for m in q)
        print(f"{name} CAC {cost / new:.2f} (cost {cost:,.2f} / new {new:.0f})")
    print(f"annual marketing cost (2025-11..2026-10): {ann:,.2f}")
    if uid == "trattoria-rapida":
        h, rows = data["stores.csv"]
        for m in ["2026-08", "2026-09", "2026-10"]:
            low = [(r["store"], (r["quality_score"] + r["service_score"] + r["cleanliness_score"]
                                 + r["value_score"]) / 4) for r in rows if r["month"] == m]
            low = sorted(low, key=lambda t: t[1])
            print(f"QSP&V {m}: " + ", ".join(f"{s} {v:.2f}" for s, v in low[:3])
                  + f" ... best {low[-1][0]} {low[-1][1]:.2f}")
        b = {r["month"]: r for r in data["business.csv"][1]}
        for m in ["2026-08", "2026-09", "2026-10"]:
            r = b[m]
            sp = k[m]["cost"] - r["overhead"]
            print(f"{m}: local share {r['local_spend'] / sp:.3f}, ticket "
                  f"{r['net_sales'] / r['transactions']:.2f}, SSSG "
                  f"{r['net_sales'] / r['net_sales_last_year'] - 1:+.3%}")
    if uid == "nimbus-cloud":
        h, rows = data["product.csv"]
        agg = {}
        for r in rows:
            a = agg.setdefault(r["_month"], {})
            for c in h[1:]:
                a[c] = a.get(c, 0) + r[c]
        for m in ["2026-07", "2026-08", "2026-09", "2026-10"]:
            a = agg[m]
            print(f"{m}: trials {a['trials']:.0f} activation {a['activations'] / a['trials']:.3f} "
                  f"trial-to-paid {a['paid_conversions'] / a['trials']:.3f} advocates "
                  f"{a['advocates'] / a['community_members']:.3f} referral "
                  f"{a['referral_customers'] / k[m]['new']:.3f}")
    if uid == "maison-aurelia":
        h, rows = data["boutiques.csv"]
        for m in ["2025-10", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]:
            rs = [r for r in rows if r["month"] == m]
            fp = sum(r["full_price_units"] for r in rs)
            u = sum(r["units_sold"] for r in rs)
            w = sum(r["waitlist"] for r in rs)
            al = sum(r["allocations"] for r in rs)
            rep = sum(r["repeat_clients"] for r in rs)
            cl = sum(r["clients"] for r in rs)
            ev = sum(r["event_attendees"] for r in rs)
            print(f"{m}: sell-through {fp / u:.3f} ({fp:.0f}/{u:.0f}) waitlist {w:.0f} "
                  f"alloc {al:.0f} repeat {rep / cl:.3f} events {ev:.0f}")
    if uid == "banca-civica":
        b = {r["month"]: r for r in data["banking.csv"][1]}
        for m in ["2025-10", "2026-02", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]:
            r = b[m]
            print(f"{m}: consent {r['consent_opt_ins'] / r['customers']:.4f} digital "
                  f"{r['digital_active'] / r['customers']:.4f} products "
                  f"{r['products_held'] / r['customers']:.3f} onboarding "
                  f"{r['onboarding_completed'] / r['onboarding_started']:.3f} complaints/10k "
                  f"{r['complaints'] / r['customers'] * 10000:.2f} nps {r['nps']}")


def main():
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content"
    with tempfile.TemporaryDirectory() as tmp:
        for k in ("a", "b"):
            subprocess.run([sys.executable, str(HERE / "generate.py"), f"{tmp}/{k}"],
                           check=True, stdout=subprocess.DEVNULL)
        diff = subprocess.run(["diff", "-r", f"{tmp}/a", f"{tmp}/b"], capture_output=True)
        if diff.returncode:
            fail("generator is not deterministic")
        diff = subprocess.run(["diff", "-r", f"{tmp}/a/units", str(content / "units")],
                              capture_output=True)
        if diff.returncode:
            fail("content/units differs from what generate.py writes (run it)")
    for udir in sorted((content / "units").iterdir()):
        data = check_unit(udir)
        check_notes(udir)
        story(udir.name, data)
    for o in sorted(EXPECTED_OUTLIERS - seen_outliers):
        fail(f"planned outlier not above five times the median: {o}")
    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
