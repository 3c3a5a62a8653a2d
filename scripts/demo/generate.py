#!/usr/bin/env python3
"""Generate boardpack's demo workspace (content/) deterministically.

Four client companies, one per sector, with 24 months of monthly KPI exports
(2024-11 .. 2026-10) and hand-written strategy notes for the last packs.

Only the CSV numbers are generated (seeded, standard library only); unit.yml files are
literal text below and the notes are copied from scripts/demo/notes/<unit>/.
Running the script twice gives identical bytes. It owns content/boardpack.yml and
content/units/<unit> for the four units below, which it deletes and rewrites.

Usage: python3 scripts/demo/generate.py [OUTPUT_DIR]   (default: <repo>/content)
"""
import random
import shutil
import sys
from pathlib import Path

SEED = 20261105
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOTES_SRC = HERE / "notes"
UNIT_IDS = ["trattoria-rapida", "nimbus-cloud", "maison-aurelia", "banca-civica"]


def month_range(year, month, count):
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


MONTHS = month_range(2024, 11, 24)            # the data: 2024-11 .. 2026-10
HISTORY = month_range(2023, 11, 12)           # the year before (retail like-for-like only)
IDX = {m: i for i, m in enumerate(MONTHS)}


def cal(m):
    """Calendar month number of 'YYYY-MM'."""
    return int(m[5:7])


class Noise:
    """A seeded source of multiplicative noise."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def n(self, sd):
        """A factor around 1 with standard deviation sd, clipped to +-2.5 sd."""
        g = max(-2.5, min(2.5, self.rng.gauss(0.0, 1.0)))
        return 1.0 + sd * g

    def u(self, a, b):
        return self.rng.uniform(a, b)

    def centred(self, k, sd):
        """k noises with mean exactly zero."""
        xs = [self.rng.gauss(0.0, sd) for _ in range(k)]
        mean = sum(xs) / k
        return [x - mean for x in xs]


# ---------------------------------------------------------------------------
# Allocation helpers


def split_total(total, weights, caps):
    """Split an integer total over weights (largest remainder), never above caps."""
    n = len(weights)
    alloc = [0] * n
    free = [i for i in range(n) if caps[i] > 0]
    remaining = total
    while remaining > 0 and free:
        wsum = sum(weights[i] for i in free) or float(len(free))
        raw = {i: remaining * (weights[i] if wsum else 1.0) / wsum for i in free}
        add = {i: int(raw[i]) for i in free}
        left = remaining - sum(add.values())
        for i in sorted(free, key=lambda j: (-(raw[j] - add[j]), j))[:left]:
            add[i] += 1
        over = 0
        for i in free:
            room = caps[i] - alloc[i]
            take = min(room, add[i])
            alloc[i] += take
            over += add[i] - take
        remaining = over
        free = [i for i in free if alloc[i] < caps[i]]
    if remaining > 0:
        raise ValueError("split_total: caps too small")
    return alloc


# ---------------------------------------------------------------------------
# The channel funnel (all units)


def channel_funnel(unit_seed, channels, spend_total, overhead, cac_path,
                   qualified_total=None, story=None, aov_scale=None, blanks=(), noise=1.0,
                   shares=None):
    """Per month and channel: the funnel columns.

    channels: list of (name, params). spend_total, overhead, cac_path: per month index.
    qualified_total: optional per-month total of qualified_leads to hit exactly.
    story: {month: {stage: multiplier}} for leads/mql/opp.
    shares: {month: {channel: share}} overrides a channel's share of spend from that month.
    The month's new customers are (spend + overhead) / cac_path, split over channels.
    noise scales every standard deviation (large funnels are smoother than small ones).
    """
    rnd = Noise(unit_seed)

    def nz(sd):
        return rnd.n(sd * noise)

    story = story or {}
    rows = []
    for i, m in enumerate(MONTHS):
        st = story.get(m, {})
        names = [c for c, _ in channels]
        ps = [p for _, p in channels]
        share = [(shares or {}).get(m, {}).get(c, p["share"]) for c, p in channels]
        spend = [round(spend_total[i] * share[k] * nz(0.04), 2) for k, p in enumerate(ps)]
        imp = [round(spend[k] / p["cpm"] * 1000 * nz(0.05)) for k, p in enumerate(ps)]
        clk = [min(imp[k], round(imp[k] * p["ctr"] * nz(0.05))) for k, p in enumerate(ps)]
        ses = [min(clk[k], round(clk[k] * p["sess"] * nz(0.03))) for k, p in enumerate(ps)]
        lds = [min(ses[k], round(ses[k] * p["lead"] * p.get("lead_trend", 1.0) ** i
                                 * st.get("leads", 1.0) * nz(0.05)))
               for k, p in enumerate(ps)]
        if qualified_total is not None:
            w = [lds[k] * p["mql"] * nz(0.04) for k, p in enumerate(ps)]
            qual = split_total(qualified_total[i], w, lds)
        else:
            qual = [min(lds[k], round(lds[k] * p["mql"] * st.get("mql", 1.0) * nz(0.04)))
                    for k, p in enumerate(ps)]
        opp = [min(qual[k], round(qual[k] * p["opp"] * st.get("opp", 1.0) * nz(0.04)))
               for k, p in enumerate(ps)]
        cost = round(sum(spend), 2) + overhead[i]
        new_total = round(cost / cac_path[i])
        w = [opp[k] * p["win"] * nz(0.05) for k, p in enumerate(ps)]
        new = split_total(new_total, w, opp)
        scale = aov_scale[i] if aov_scale else 1.0
        rev = [round(new[k] * p["aov"] * scale * nz(0.06), 2) for k, p in enumerate(ps)]
        for k, name in enumerate(names):
            row = {"month": m, "channel": name, "spend": spend[k], "impressions": imp[k],
                   "clicks": clk[k], "sessions": ses[k], "leads": lds[k],
                   "qualified_leads": qual[k], "opportunities": opp[k],
                   "new_customers": new[k], "attributed_revenue": rev[k]}
            for (bm, bc, col) in blanks:
                if bm == m and bc == name:
                    row[col] = None
            rows.append(row)
    return rows


def totals(rows, col):
    """Per month index: the sum of a column over rows (None cells skipped)."""
    out = [0] * len(MONTHS)
    for r in rows:
        if r.get(col) is not None:
            out[IDX[r["month"]]] += r[col]
    return out


def customers_path(rnd, start, new, churn_rate):
    """Active customers at month end and churned customers, from new customers."""
    active, churned = [], []
    prev = start
    for i in range(len(MONTHS)):
        ch = round(prev * churn_rate[i] * rnd.n(0.05))
        cur = prev + new[i] - ch
        active.append(cur)
        churned.append(ch)
        prev = cur
    return active, churned


def budgets(rnd, cost, overrides=None):
    """Planned marketing budget: cost within a few percent, rounded to hundreds."""
    out = []
    for i, m in enumerate(MONTHS):
        if overrides and m in overrides:
            out.append(round(cost[i] / overrides[m], -2))
        else:
            out.append(round(cost[i] / rnd.u(0.95, 1.045), -2))
    return out


def interp(points):
    """Per month index: linear interpolation between {month: value} anchors."""
    keys = sorted(points, key=lambda m: IDX[m])
    out = []
    for i, m in enumerate(MONTHS):
        if i <= IDX[keys[0]]:
            out.append(points[keys[0]])
            continue
        if i >= IDX[keys[-1]]:
            out.append(points[keys[-1]])
            continue
        for a, b in zip(keys, keys[1:]):
            ia, ib = IDX[a], IDX[b]
            if ia <= i <= ib:
                t = (i - ia) / (ib - ia)
                out.append(points[a] + t * (points[b] - points[a]))
                break
    return out


# ---------------------------------------------------------------------------
# 1. Trattoria Rapida — quick-service restaurants (retail)

RETAIL_SEASON = {1: 0.86, 2: 0.88, 3: 0.97, 4: 1.00, 5: 1.04, 6: 1.08, 7: 1.12,
                 8: 1.07, 9: 1.02, 10: 0.99, 11: 0.95, 12: 1.09}


def trattoria():
    rnd = Noise(SEED + 11)
    channels = [
        ("paid_search", dict(share=0.33, cpm=9.0, ctr=0.021, sess=0.86, lead=0.115, mql=0.62,
                             opp=0.68, win=0.56, aov=74.0)),
        ("paid_social", dict(share=0.36, cpm=3.2, ctr=0.0085, sess=0.80, lead=0.105, mql=0.58,
                             opp=0.64, win=0.52, aov=66.0)),
        ("display", dict(share=0.15, cpm=2.4, ctr=0.0032, sess=0.78, lead=0.075, mql=0.52,
                         opp=0.60, win=0.48, aov=61.0)),
        ("local_radio", dict(share=0.16, cpm=3.0, ctr=0.0016, sess=0.90, lead=0.19, mql=0.66,
                             opp=0.70, win=0.60, aov=79.0)),
    ]
    spend_total = [7400 * 1.006 ** i * (1 + (RETAIL_SEASON[cal(m)] - 1) * 0.5)
                   for i, m in enumerate(MONTHS)]
    spend_total[IDX["2026-09"]] *= 1.03
    overhead = [round(2900 + 12 * i + 60 * (rnd.n(1.0) - 1.0), 2) for i in range(len(MONTHS))]
    cac = [(33.6 + 0.06 * i) * rnd.n(0.025) for i in range(len(MONTHS))]
    cac[IDX["2026-08"]] = 35.0
    cac[IDX["2026-09"]] = 42.1     # +20 %: the new lead-scoring model (1 September)
    cac[IDX["2026-10"]] = 38.2     # partly recovered after the recalibration (6 October)
    story = {"2026-09": {"mql": 1.16, "opp": 0.93}, "2026-10": {"mql": 1.06, "opp": 0.97}}
    ch = channel_funnel(SEED + 12, channels, spend_total, overhead, cac, story=story,
                        blanks=[("2025-03", "display", "clicks")], noise=0.6)
    spend = totals(ch, "spend")
    new = totals(ch, "new_customers")

    # stores: revenue, like-for-like sales, QSP&V audits
    stores = [f"store-{k:03d}" for k in range(1, 9)]
    base_rev = [62000, 58000, 70000, 55000, 60000, 57000, 52000, 50000]
    opened = {"store-008": "2025-05"}
    all_months = HISTORY + MONTHS
    store_rev = {}
    srnd = Noise(SEED + 13)
    for k, s in enumerate(stores):
        for j, m in enumerate(all_months):
            i = j - 12
            if s in opened and (m < opened[s]):
                continue
            ramp = 1.0
            if s in opened:
                age = all_months.index(m) - all_months.index(opened[s])
                ramp = min(1.0, 0.8 + 0.05 * age)
            drag = 1.0
            if s == "store-005" and m >= "2026-07":
                drag = {"2026-07": 0.98, "2026-08": 0.96, "2026-09": 0.94, "2026-10": 0.93}[m]
            v = base_rev[k] * 1.0028 ** i * RETAIL_SEASON[cal(m)] * ramp * drag * srnd.n(0.02)
            store_rev[(s, m)] = round(v, 2)
    qsp = []
    base_q = {"store-001": 89.0, "store-002": 87.0, "store-003": 91.0, "store-004": 86.0,
              "store-005": 86.0, "store-006": 88.0, "store-007": 82.6, "store-008": 84.0}
    late = {"store-005": {"2026-06": 84.6, "2026-07": 82.4, "2026-08": 80.6, "2026-09": 77.4,
                          "2026-10": 76.1},
            "store-007": {"2026-08": 81.2, "2026-09": 80.4, "2026-10": 78.7}}
    dim_bias = [1.0, -1.2, 0.6, -0.4]  # quality, service, cleanliness, value
    for m in MONTHS:
        for s in stores:
            if s in opened and m < opened[s]:
                continue
            if s in late and m in late[s]:
                idx = late[s][m]
            elif s == "store-008":
                age = IDX[m] - IDX[opened[s]]
                idx = min(86.0, 81.5 + 0.6 * age) + srnd.rng.gauss(0, 0.4)
            else:
                idx = base_q[s] + srnd.rng.gauss(0, 0.5)
            noise = srnd.centred(4, 1.1)
            vals = [round(min(100.0, idx + dim_bias[d] + noise[d]), 1) for d in range(4)]
            qsp.append({"month": m, "store": s, "quality_score": vals[0],
                        "service_score": vals[1], "cleanliness_score": vals[2],
                        "value_score": vals[3]})

    def lfl(s, m):
        """Like-for-like: open for at least twelve full months before m."""
        if s not in opened:
            return True
        return all_months.index(m) - all_months.index(opened[s]) >= 13

    rev = [round(sum(v for (s, mm), v in store_rev.items() if mm == m), 2) for m in MONTHS]
    net = [round(sum(store_rev[(s, m)] for s in stores if (s, m) in store_rev and lfl(s, m)), 2)
           for m in MONTHS]
    net_ly = []
    for m in MONTHS:
        ly = all_months[all_months.index(m) - 12]
        net_ly.append(round(sum(store_rev[(s, ly)] for s in stores
                                if (s, m) in store_rev and lfl(s, m)), 2))
    ticket = [11.6 + 0.03 * i for i in range(len(MONTHS))]
    transactions = [round(net[i] / (ticket[i] * rnd.n(0.01))) for i in range(len(MONTHS))]
    gm = [0.672 * rnd.n(0.008) for _ in MONTHS]
    churn = [0.0215 * rnd.n(0.04) for _ in MONTHS]
    active, churned = customers_path(rnd, 13400, new, churn)
    cycle = [4.4 * rnd.n(0.06) for _ in MONTHS]
    cycle[IDX["2026-08"]] = 4.6
    cycle[IDX["2026-09"]] = 5.8
    cycle[IDX["2026-10"]] = 5.2
    local = []
    for i, m in enumerate(MONTHS):
        rs = {r["channel"]: r["spend"] for r in ch if r["month"] == m}
        local.append(round(rs["local_radio"] + 0.35 * rs["paid_social"], 2))
    cost = [spend[i] + overhead[i] for i in range(len(MONTHS))]
    budget = budgets(rnd, cost)
    business = []
    for i, m in enumerate(MONTHS):
        business.append({"month": m, "revenue": rev[i], "gross_profit": round(rev[i] * gm[i], 2),
                         "overhead": overhead[i], "marketing_budget": budget[i],
                         "active_customers": active[i], "churned_customers": churned[i],
                         "sales_cycle_days": round(cycle[i], 1), "local_spend": local[i],
                         "transactions": transactions[i], "net_sales": net[i],
                         "net_sales_last_year": net_ly[i]})
    return {
        "channels.csv": (CH_COLS, ch),
        "business.csv": (BIZ_COLS + ["local_spend", "transactions", "net_sales",
                                     "net_sales_last_year"], business),
        "stores.csv": (["month", "store", "quality_score", "service_score", "cleanliness_score",
                        "value_score"], qsp),
    }


CH_COLS = ["month", "channel", "spend", "impressions", "clicks", "sessions", "leads",
           "qualified_leads", "opportunities", "new_customers", "attributed_revenue"]
BIZ_COLS = ["month", "revenue", "gross_profit", "overhead", "marketing_budget",
            "active_customers", "churned_customers", "sales_cycle_days"]


# ---------------------------------------------------------------------------
# 2. Nimbus Cloud — developer SaaS (tech)

def nimbus():
    rnd = Noise(SEED + 21)
    channels = [
        ("paid_search", dict(share=0.40, cpm=14.0, ctr=0.028, sess=0.88, lead=0.058, mql=0.62,
                             opp=0.36, win=0.30, aov=600.0, lead_trend=1.014)),
        ("paid_social", dict(share=0.24, cpm=7.5, ctr=0.011, sess=0.82, lead=0.045, mql=0.48,
                             opp=0.30, win=0.26, aov=560.0, lead_trend=1.016)),
        ("content_syndication", dict(share=0.20, cpm=11.0, ctr=0.016, sess=0.85, lead=0.095,
                                     mql=0.55, opp=0.32, win=0.27, aov=620.0, lead_trend=1.012)),
        ("dev_sponsorships", dict(share=0.16, cpm=9.0, ctr=0.019, sess=0.90, lead=0.070,
                                  mql=0.70, opp=0.40, win=0.34, aov=720.0, lead_trend=1.013)),
    ]
    spend_total = [5800 * 1.0105 ** i * (0.93 if cal(m) == 8 else 1.0)
                   for i, m in enumerate(MONTHS)]
    overhead = [round(3600 + 15 * i + 50 * (rnd.n(1.0) - 1.0), 2) for i in range(len(MONTHS))]
    # qualified leads: steady growth, a plateau from spring 2026, then two falls
    growth = []
    for i, m in enumerate(MONTHS):
        g = 0.034 + 0.006 * (rnd.rng.random() - 0.5)
        g = {"2025-12": -0.008, "2026-05": 0.019, "2026-06": 0.011, "2026-07": 0.006,
             "2026-08": 0.003, "2026-09": -0.019, "2026-10": -0.027}.get(m, g)
        growth.append(g)
    q = [186.0]
    for i in range(1, len(MONTHS)):
        q.append(q[-1] * (1 + growth[i]))
    qualified = [round(v) for v in q]
    cac = interp({"2024-11": 355.0, "2026-04": 425.0})
    cac = [c * rnd.n(0.025) for c in cac]
    for m, v in {"2026-05": 452.0, "2026-06": 476.0, "2026-07": 499.0, "2026-08": 521.0,
                 "2026-09": 548.0, "2026-10": 572.0}.items():
        cac[IDX[m]] = v
    price = [49.0 if m < "2026-01" else 52.0 for m in MONTHS]
    ch = channel_funnel(SEED + 22, channels, spend_total, overhead, cac,
                        qualified_total=qualified, aov_scale=[p / 49.0 for p in price],
                        blanks=[("2025-06", "paid_social", "sessions")],
                        shares={"2026-09": {"paid_social": 0.155, "dev_sponsorships": 0.245},
                                "2026-10": {"paid_social": 0.115, "dev_sponsorships": 0.285}})
    spend = totals(ch, "spend")
    new = totals(ch, "new_customers")
    churn = interp({"2024-11": 0.0225, "2026-03": 0.0228, "2026-10": 0.0262})
    churn = [c * rnd.n(0.03) for c in churn]
    active, churned = customers_path(rnd, 760, new, churn)
    prev_active = [760] + active[:-1]
    rev = [round((prev_active[i] + active[i]) / 2 * price[i] * rnd.n(0.01), 2)
           for i in range(len(MONTHS))]
    gm = [0.79 * rnd.n(0.006) for _ in MONTHS]
    cycle = interp({"2024-11": 34.0, "2026-04": 39.5, "2026-05": 41.0, "2026-07": 45.5,
                    "2026-10": 53.0})
    cycle = [c * rnd.n(0.02) for c in cycle]
    cost = [spend[i] + overhead[i] for i in range(len(MONTHS))]
    budget = budgets(rnd, cost)
    business = [{"month": m, "revenue": rev[i], "gross_profit": round(rev[i] * gm[i], 2),
                 "overhead": overhead[i], "marketing_budget": budget[i],
                 "active_customers": active[i], "churned_customers": churned[i],
                 "sales_cycle_days": round(cycle[i], 1)} for i, m in enumerate(MONTHS)]
    # product analytics: weekly rows (Mondays), whole unit
    leads = totals(ch, "leads")
    act_rate = interp({"2024-11": 0.43, "2026-03": 0.45, "2026-10": 0.37})
    product = []
    day = 4  # 2024-11-04 is a Monday
    y, mo = 2024, 11
    wrnd = Noise(SEED + 23)
    while (y, mo) <= (2026, 10):
        m = f"{y:04d}-{mo:02d}"
        i = IDX[m]
        trials = round(leads[i] / 4.33 * 0.52 * wrnd.n(0.06))
        acts = min(trials, round(trials * act_rate[i] * wrnd.n(0.04)))
        paid = min(acts, max(1, round(new[i] / 4.33 * 0.62 * wrnd.n(0.12))))
        comm = round((38 + 0.9 * i) * (0.85 if m >= "2026-07" else 1.0) * wrnd.n(0.07))
        adv = max(2, round(comm * (0.16 if m < "2026-06" else 0.12) * wrnd.n(0.12)))
        ref = max(1, min(4, round(new[i] / 4.33 * 0.25 * wrnd.n(0.25))))
        product.append({"date": f"{m}-{day:02d}", "trials": trials, "activations": acts,
                        "paid_conversions": paid, "community_members": comm,
                        "advocates": adv, "referral_customers": ref})
        day += 7
        dim = month_days(y, mo)
        if day > dim:
            day -= dim
            mo += 1
            if mo == 13:
                y, mo = y + 1, 1
    return {
        "channels.csv": (CH_COLS, ch),
        "business.csv": (BIZ_COLS, business),
        "product.csv": (["date", "trials", "activations", "paid_conversions",
                         "community_members", "advocates", "referral_customers"], product),
    }


def month_days(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


# ---------------------------------------------------------------------------
# 3. Maison Aurelia — leather goods and jewellery (luxury)

LUX_SEASON = {1: 0.92, 2: 0.80, 3: 0.94, 4: 1.00, 5: 1.02, 6: 1.05, 7: 0.96, 8: 0.72,
              9: 1.04, 10: 1.06, 11: 1.14, 12: 1.48}


def maison():
    rnd = Noise(SEED + 31)
    channels = [
        ("paid_social", dict(share=0.34, cpm=6.0, ctr=0.006, sess=0.82, lead=0.055, mql=0.52,
                             opp=0.50, win=0.34, aov=2300.0)),
        ("paid_search", dict(share=0.17, cpm=16.0, ctr=0.035, sess=0.88, lead=0.042, mql=0.58,
                             opp=0.52, win=0.36, aov=2100.0)),
        ("print", dict(share=0.29, cpm=18.0, ctr=0.0011, sess=0.92, lead=0.16, mql=0.60,
                       opp=0.55, win=0.40, aov=3100.0)),
        ("influencer", dict(share=0.20, cpm=5.0, ctr=0.004, sess=0.80, lead=0.060, mql=0.45,
                            opp=0.46, win=0.30, aov=1900.0)),
    ]
    spend_total = [35000 * 1.004 ** i * (1 + (LUX_SEASON[cal(m)] - 1) * 0.6)
                   for i, m in enumerate(MONTHS)]
    spend_total[IDX["2026-09"]] *= 1.06
    spend_total[IDX["2026-10"]] *= 1.14     # private-sale promotion push
    overhead = [round(19500 + 40 * i + 300 * (rnd.n(1.0) - 1.0), 2) for i in range(len(MONTHS))]
    overhead[IDX["2026-09"]] = round(overhead[IDX["2026-09"]] + 6000, 2)   # Fashion Week night
    overhead[IDX["2026-10"]] = round(overhead[IDX["2026-10"]] + 4500, 2)   # private-sale events
    cac = [782.0 * rnd.n(0.04) for _ in MONTHS]
    cac[IDX["2026-08"]] = 801.0
    cac[IDX["2026-09"]] = 838.0
    cac[IDX["2026-10"]] = 911.0
    ch = channel_funnel(SEED + 32, channels, spend_total, overhead, cac, noise=0.6)
    spend = totals(ch, "spend")
    new = totals(ch, "new_customers")
    churn = [0.0118 * rnd.n(0.05) for _ in MONTHS]
    active, churned = customers_path(rnd, 5050, new, churn)
    # boutiques
    boutiques = [("milano", 0.42, 330, 0.40), ("firenze", 0.27, 210, 0.28),
                 ("roma", 0.31, 250, 0.32)]
    sell = [0.85 * rnd.n(0.012) for _ in MONTHS]
    for i, m in enumerate(MONTHS):
        if cal(m) in (1, 7):
            sell[i] = 0.785 * rnd.n(0.01)
    for m, v in {"2026-05": 0.83, "2026-06": 0.80, "2026-07": 0.745, "2026-08": 0.72,
                 "2026-09": 0.69, "2026-10": 0.65}.items():
        sell[IDX[m]] = v
    wait = interp({"2024-11": 332.0, "2026-03": 362.0, "2026-04": 352.0, "2026-05": 333.0,
                   "2026-06": 302.0, "2026-07": 271.0, "2026-08": 243.0, "2026-09": 211.0,
                   "2026-10": 176.0})
    price = [1450.0 if m < "2026-01" else 1495.0 for m in MONTHS]
    events_base = {"milano": 58, "firenze": 34, "roma": 44}
    event_season = {1: 0.8, 2: 0.9, 3: 1.0, 4: 1.05, 5: 1.1, 6: 1.0, 7: 0.8, 8: 0.45,
                    9: 1.25, 10: 1.1, 11: 1.3, 12: 1.55}
    brnd = Noise(SEED + 33)
    lux = []
    rev, gp = [], []
    for i, m in enumerate(MONTHS):
        clients = split_total(active[i], [b[1] for b in boutiques], [active[i]] * 3)
        waits = split_total(round(wait[i] * brnd.n(0.01)), [b[3] for b in boutiques],
                            [10 ** 6] * 3)
        r_m = g_m = 0.0
        for k, (b, _cs, units_base, _ws) in enumerate(boutiques):
            units = round(units_base * 1.002 ** i * LUX_SEASON[cal(m)] * brnd.n(0.04))
            fp = min(units, round(units * sell[i] * brnd.n(0.008)))
            disc = 0.70 if cal(m) in (1, 7) else 0.75
            r = fp * price[i] + (units - fp) * price[i] * disc
            r_m += r
            g_m += r - units * price[i] * 0.285
            att = round(events_base[b] * event_season[cal(m)] * brnd.n(0.08))
            if m == "2026-09" and b == "milano":
                att = 760   # deliberate one-off: Milan Fashion Week night (see README)
            lux.append({"month": m, "boutique": b, "full_price_units": fp, "units_sold": units,
                        "waitlist": waits[k], "allocations": max(1, round(waits[k] * 0.12 * brnd.n(0.1))),
                        "repeat_clients": round(clients[k] * 0.052 * brnd.n(0.05)),
                        "clients": clients[k], "event_attendees": att})
        rev.append(round(r_m, 2))
        gp.append(round(g_m, 2))
    cycle = [29.0 * rnd.n(0.05) for _ in MONTHS]
    cycle[IDX["2026-08"]] = 28.4
    cycle[IDX["2026-09"]] = 26.9
    cycle[IDX["2026-10"]] = 24.2
    cost = [spend[i] + overhead[i] for i in range(len(MONTHS))]
    budget = budgets(rnd, cost, overrides={"2026-10": 1.125})
    business = [{"month": m, "revenue": rev[i], "gross_profit": gp[i],
                 "overhead": overhead[i], "marketing_budget": budget[i],
                 "active_customers": active[i], "churned_customers": churned[i],
                 "sales_cycle_days": round(cycle[i], 1)} for i, m in enumerate(MONTHS)]
    return {
        "channels.csv": (CH_COLS, ch),
        "business.csv": (BIZ_COLS, business),
        "boutiques.csv": (["month", "boutique", "full_price_units", "units_sold", "waitlist",
                           "allocations", "repeat_clients", "clients", "event_attendees"], lux),
    }


# ---------------------------------------------------------------------------
# 4. Banca Civica — regional retail bank (banking)

BANK_SEASON = {1: 1.06, 2: 1.02, 3: 1.03, 4: 1.0, 5: 1.0, 6: 0.97, 7: 0.93, 8: 0.82,
               9: 1.05, 10: 1.04, 11: 1.0, 12: 0.9}


def banca():
    rnd = Noise(SEED + 41)
    channels = [
        ("paid_search", dict(share=0.37, cpm=12.0, ctr=0.024, sess=0.86, lead=0.036, mql=0.58,
                             opp=0.64, win=0.68, aov=430.0)),
        ("paid_social", dict(share=0.22, cpm=4.2, ctr=0.0070, sess=0.80, lead=0.030, mql=0.50,
                             opp=0.60, win=0.62, aov=360.0)),
        ("display", dict(share=0.15, cpm=2.6, ctr=0.0030, sess=0.78, lead=0.024, mql=0.46,
                         opp=0.58, win=0.60, aov=340.0)),
        ("comparison_sites", dict(share=0.26, cpm=20.0, ctr=0.040, sess=0.92, lead=0.052,
                                  mql=0.66, opp=0.68, win=0.72, aov=470.0)),
    ]
    spend_total = [104000 * 1.004 ** i * (1 + (BANK_SEASON[cal(m)] - 1) * 0.7)
                   for i, m in enumerate(MONTHS)]
    overhead = [round(62000 + 150 * i + 900 * (rnd.n(1.0) - 1.0), 2) for i in range(len(MONTHS))]
    cac = interp({"2024-11": 196.0, "2026-10": 173.0})
    cac = [c * rnd.n(0.025) for c in cac]
    ch = channel_funnel(SEED + 42, channels, spend_total, overhead, cac, noise=0.45,
                        shares={"2026-10": {"display": 0.12, "comparison_sites": 0.29}})
    spend = totals(ch, "spend")
    new = totals(ch, "new_customers")
    churn = [0.0046 * rnd.n(0.04) for _ in MONTHS]
    active, churned = customers_path(rnd, 181500, new, churn)
    arpa = interp({"2024-11": 23.8, "2026-10": 24.7})
    rev = [round(active[i] * arpa[i] * (1 + (BANK_SEASON[cal(m)] - 1) * 0.1) * rnd.n(0.008), 2)
           for i, m in enumerate(MONTHS)]
    gm = [0.552 * rnd.n(0.01) for _ in MONTHS]
    cycle = interp({"2024-11": 16.6, "2026-10": 12.8})
    cycle = [c * rnd.n(0.03) for c in cycle]
    cost = [spend[i] + overhead[i] for i in range(len(MONTHS))]
    budget = budgets(rnd, cost)
    business = [{"month": m, "revenue": rev[i], "gross_profit": round(rev[i] * gm[i], 2),
                 "overhead": overhead[i], "marketing_budget": budget[i],
                 "active_customers": active[i], "churned_customers": churned[i],
                 "sales_cycle_days": round(cycle[i], 1)} for i, m in enumerate(MONTHS)]
    digital = interp({"2024-11": 0.522, "2026-10": 0.664})
    products = interp({"2024-11": 2.05, "2026-10": 2.17})
    consent = interp({"2024-11": 0.712, "2026-02": 0.713, "2026-03": 0.705, "2026-04": 0.695,
                      "2026-05": 0.684, "2026-06": 0.672, "2026-07": 0.660, "2026-08": 0.648,
                      "2026-09": 0.636, "2026-10": 0.621})
    completion = interp({"2024-11": 0.62, "2026-10": 0.73})
    bank = []
    for i, m in enumerate(MONTHS):
        customers = round(active[i] / (0.872 - 0.0004 * i))
        jitter = 0.002 * (rnd.rng.random() - 0.5) if m < "2026-03" else 0.0
        complaints = round(152 * rnd.n(0.06))
        complaints = {"2026-08": 171, "2026-09": 188, "2026-10": 197}.get(m, complaints)
        done = round(new[i] * 0.86 * rnd.n(0.02))
        started = max(done, round(done / (completion[i] * rnd.n(0.015))))
        bank.append({"month": m, "customers": customers,
                     "digital_active": round(customers * digital[i] * rnd.n(0.003)),
                     "products_held": round(customers * products[i] * rnd.n(0.002)),
                     "onboarding_started": started, "onboarding_completed": done,
                     "consent_opt_ins": round(customers * (consent[i] + jitter)),
                     "complaints": complaints,
                     "nps": round((31.0 + 0.12 * i) * rnd.n(0.03), 1)})
    return {
        "channels.csv": (CH_COLS, ch),
        "business.csv": (BIZ_COLS, business),
        "banking.csv": (["month", "customers", "digital_active", "products_held",
                         "onboarding_started", "onboarding_completed", "consent_opt_ins",
                         "complaints", "nps"], bank),
    }


# ---------------------------------------------------------------------------
# YAML (literal text)

BOARDPACK_YML = """\
title: Marketing board packs
locale: en-GB
archive_months: 12
generated_on: 2026-11-05
"""

HEADLINE = "headline: [cac, clv, lead_to_customer_rate, romi, lvr, sales_cycle_days]\n"

UNIT_YML = {
    "trattoria-rapida": """\
name: Trattoria Rapida S.p.A.
sector: retail
currency: EUR
locale: it-IT
prepared_by: Giulia Conti, CMO frazionale
confidentiality: Riservato al Consiglio di amministrazione
""" + HEADLINE + """\
targets:
  cac: 38
  clv_to_cac: 3
  lead_to_customer_rate: [{from: 2025-01, value: 0.18}, {from: 2026-01, value: 0.20}]
  romi: 0.3
  sales_cycle_days: 5
  budget_utilisation: 1.0
tolerance: 0.10
dimensions: [channel, store]
csv_delimiter: ";"
csv_decimal: comma
governance:
  digital_maturity: low
  org_complexity: lean
  growth_objective: expansion
""",
    "nimbus-cloud": """\
name: Nimbus Cloud Inc.
sector: tech
currency: USD
locale: en-US
prepared_by: Giulia Conti, fractional CMO
confidentiality: Board confidential
""" + HEADLINE + """\
targets:
  cac: 450
  clv_to_cac: 3
  lead_to_customer_rate: [{from: 2025-01, value: 0.035}, {from: 2026-01, value: 0.032}]
  romi: 0.25
  sales_cycle_days: 40
  budget_utilisation: 1.0
tolerance: 0.10
dimensions: [channel]
governance:
  digital_maturity: high
  org_complexity: lean
  growth_objective: validation
""",
    "maison-aurelia": """\
name: Maison Aurelia S.r.l.
sector: luxury
currency: EUR
locale: en-GB
prepared_by: Giulia Conti, marketing consultant
confidentiality: Strictly confidential, board only
""" + HEADLINE + """\
targets:
  cac: 850
  clv_to_cac: 3
  lead_to_customer_rate: [{from: 2025-01, value: 0.05}, {from: 2026-01, value: 0.052}]
  romi: 1.0
  sales_cycle_days: 30
  budget_utilisation: 1.0
tolerance: 0.10
dimensions: [channel, boutique]
governance:
  digital_maturity: low
  org_complexity: lean
  growth_objective: validation
""",
    "banca-civica": """\
name: Banca Civica S.p.A.
sector: banking
currency: EUR
locale: it-IT
prepared_by: Marco Ferri, Chief Marketing Officer
confidentiality: Riservato, uso interno del Consiglio
""" + HEADLINE + """\
targets:
  cac: 185
  clv_to_cac: 3
  lead_to_customer_rate: [{from: 2025-01, value: 0.14}, {from: 2026-01, value: 0.145}]
  romi: 0.2
  sales_cycle_days: 14
  budget_utilisation: 1.0
tolerance: 0.10
dimensions: [channel]
governance:
  digital_maturity: high
  org_complexity: multi_department
  growth_objective: expansion
""",
}

CSV_STYLE = {"trattoria-rapida": (";", ",")}   # delimiter, decimal mark

INT_COLS = {"impressions", "clicks", "sessions", "leads", "qualified_leads", "opportunities",
            "new_customers", "active_customers", "churned_customers", "transactions",
            "full_price_units", "units_sold", "waitlist", "allocations", "repeat_clients",
            "clients", "event_attendees", "customers", "digital_active", "products_held",
            "onboarding_started", "onboarding_completed", "consent_opt_ins", "complaints",
            "trials", "activations", "paid_conversions", "community_members", "advocates",
            "referral_customers"}
ONE_DECIMAL = {"sales_cycle_days", "quality_score", "service_score", "cleanliness_score",
               "value_score", "nps"}
TEXT_COLS = {"month", "date", "channel", "store", "boutique"}


def cell(col, v, decimal):
    if v is None:
        return ""
    if col in TEXT_COLS:
        return str(v)
    if col in INT_COLS:
        s = str(int(v))
    elif col in ONE_DECIMAL:
        s = f"{v:.1f}"
    else:
        s = f"{v:.2f}"
    return s.replace(".", decimal)


def write_csv(path, cols, rows, delim, decimal):
    lines = [delim.join(cols)]
    for r in rows:
        lines.append(delim.join(cell(c, r[c], decimal) for c in cols))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(out):
    out.mkdir(parents=True, exist_ok=True)
    (out / "boardpack.yml").write_text(BOARDPACK_YML, encoding="utf-8")
    builders = {"trattoria-rapida": trattoria, "nimbus-cloud": nimbus,
                "maison-aurelia": maison, "banca-civica": banca}
    for uid in UNIT_IDS:
        udir = out / "units" / uid
        if udir.exists():
            shutil.rmtree(udir)
        (udir / "data").mkdir(parents=True)
        (udir / "unit.yml").write_text(UNIT_YML[uid], encoding="utf-8")
        delim, decimal = CSV_STYLE.get(uid, (",", "."))
        for name, (cols, rows) in builders[uid]().items():
            write_csv(udir / "data" / name, cols, rows, delim, decimal)
        src = NOTES_SRC / uid
        if src.is_dir():
            (udir / "notes").mkdir()
            for f in sorted(src.glob("*.md")):
                (udir / "notes" / f.name).write_bytes(f.read_bytes())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content"
    generate(target)
    print(f"wrote {target}")
