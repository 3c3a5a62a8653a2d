#!/usr/bin/env python3
"""Seeded generator of the large benchmark workspace (SPEC §8).

Writes, under --out DIR:
  content/                  a boardpack workspace: boardpack.yml and 20 units, each with
                            unit.yml, data/channels.csv (date grain, 50,000 rows),
                            data/business.csv (month grain) and 50 notes of 3-6 KB
  hugo/                     the same 1,000 notes as a plain Hugo site with trivial layouts
  notes-concat.md           every note body (no front matter) concatenated, for cmark-gfm
  channels-all.csv          every unit's channel rows with a leading `unit` column,
                            for the pandas, polars and duckdb peers
  adapter/content/          a one-unit workspace whose data is a 1,000,000-row Google Ads
                            "Excel" export (UTF-16, tab separated, two title lines,
                            thousands separators, total rows), read by the google-ads
                            adapter; the same file is the pandas adapter peer's input
  manifest.txt              counts and sizes of what was written

Python standard library only; the same seed gives the same bytes.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

UNITS = 20
NOTES_PER_UNIT = 50
BASE_CHANNELS = 68
EXTRA_CHANNEL_DAYS = 360  # ch-069 is live on the last 360 days: 730*68 + 360 = 50,000 rows
FIRST_DAY = datetime.date(2024, 11, 1)
LAST_DAY = datetime.date(2026, 10, 31)
MIN_NOTE, MAX_NOTE = 3072, 6144  # note file size in bytes (3-6 KiB)
NOTE_MONTHS = 12  # notes are spread over the last 12 months of data
SECTORS = ["retail", "tech", "luxury", "banking"]
SECTIONS = ["summary", "decisions", "strategy", "risks", "appendix"]
MEASURES = ["spend", "impressions", "clicks", "sessions", "leads", "qualified_leads",
            "opportunities", "new_customers", "attributed_revenue"]

NAME_A = ["Aurora", "Borealis", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbour",
          "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchard", "Pinnacle",
          "Quarry", "Riviera", "Summit", "Tessera"]
NAME_B = {"retail": "Foods", "tech": "Systems", "luxury": "Maison", "banking": "Bank"}
PEOPLE = ["Giulia Conti", "Marco Bellini", "Sara Ricci", "Luca Ferrari", "Anna Moretti",
          "Paolo Greco", "Elena Romano", "Davide Marino"]
WORDS = ("board budget brand buyer campaign channel churn cohort community conversion cost "
         "customer demand digital experience funnel growth insight lead loyalty margin market "
         "media message network offer partner pipeline pricing quality reach referral retention "
         "revenue sales segment service signal spend store strategy target team trial value "
         "velocity visibility audience advocacy analytics attribution awareness benchmark").split()
VERBS = ("accelerates improves reduces protects widens narrows supports drives lifts softens "
         "stabilises shifts doubles trims").split()
ADJ = ("qualified organic paid premium regional national local recurring seasonal digital "
       "loyal new returning weekly quarterly").split()
KPIS_IN_NOTES = ["cpl", "ctr", "cac", "lead_to_customer_rate", "romi", "paid_cac"]


def months_between(first, last):
    """Every (year, month) from first to last inclusive."""
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def ym(y, m):
    return "%04d-%02d" % (y, m)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------- data

def gen_channels(rng, unit_id, days, ch_out, all_out):
    """Writes one unit's channel rows; returns monthly sums {month: [9 measure sums]}."""
    channels = []
    for c in range(BASE_CHANNELS + 1):
        channels.append({
            "name": "ch-%03d" % (c + 1),
            "imp": rng.uniform(2000, 40000),
            "ctr": rng.uniform(0.004, 0.03),
            "lead": rng.uniform(0.02, 0.08),
            "cpm": rng.uniform(2.0, 15.0),
            "aov": rng.uniform(80, 900),
            "first": 0 if c < BASE_CHANNELS else len(days) - EXTRA_CHANNEL_DAYS,
        })
    monthly = {}
    header = "date,channel," + ",".join(MEASURES) + "\n"
    ch_out.write(header)
    n = len(days)
    rand, unif = rng.random, rng.uniform
    prefix = unit_id + ","
    for di, day in enumerate(days):
        date = day.isoformat()
        month = date[:7]
        sums = monthly.setdefault(month, [0.0] * len(MEASURES))
        season = (1.0 + 0.2 * di / n) * (0.9 if day.weekday() >= 5 else 1.0)
        lines = []
        for ch in channels:
            if di < ch["first"]:
                continue
            imp = int(ch["imp"] * season * (0.85 + 0.3 * rand()))
            clicks = int(imp * ch["ctr"] * (0.8 + 0.4 * rand()))
            sessions = int(clicks * (0.80 + 0.15 * rand()))
            leads = int(sessions * ch["lead"] * (0.7 + 0.6 * rand()))
            qual = int(leads * (0.3 + 0.3 * rand()))
            opps = int(qual * (0.3 + 0.3 * rand()))
            new = int(opps * (0.2 + 0.3 * rand()) + rand())
            new = min(new, opps)
            spend = round(imp * ch["cpm"] / 1000.0 * unif(0.9, 1.1), 2)
            rev = round(new * ch["aov"] * unif(0.8, 1.2), 2)
            vals = (spend, imp, clicks, sessions, leads, qual, opps, new, rev)
            for i, v in enumerate(vals):
                sums[i] += v
            lines.append("%s,%s,%.2f,%d,%d,%d,%d,%d,%d,%d,%.2f\n"
                         % ((date, ch["name"]) + vals))
        block = "".join(lines)
        ch_out.write(block)
        all_out.write("".join(prefix + line for line in lines))
    return monthly


def gen_business(rng, monthly):
    lines = ["month,revenue,gross_profit,overhead,marketing_budget,active_customers,"
             "churned_customers,sales_cycle_days\n"]
    margin = rng.uniform(0.35, 0.6)
    active = rng.randint(20000, 80000)
    cycle = rng.uniform(20, 60)
    for month in sorted(monthly):
        s = monthly[month]
        spend, new, attributed = s[0], s[7], s[8]
        overhead = round(spend * rng.uniform(0.15, 0.25), 2)
        budget = round((spend + overhead) * rng.uniform(1.02, 1.12), 2)
        revenue = round(max(attributed, spend) * rng.uniform(2.5, 4.0), 2)
        gross = round(revenue * margin * rng.uniform(0.97, 1.03), 2)
        churned = int(active * rng.uniform(0.01, 0.03))
        active = active - churned + int(new)
        cycle = min(90.0, max(10.0, cycle * rng.uniform(0.95, 1.05)))
        lines.append("%s,%.2f,%.2f,%.2f,%.2f,%d,%d,%.1f\n"
                     % (month, revenue, gross, overhead, budget, active, churned, cycle))
    return "".join(lines)


# ---------------------------------------------------------------- notes

def sentence(rng, unit_id, links):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    words.insert(rng.randint(1, 3), rng.choice(VERBS))
    roll = rng.random()
    if roll < 0.15:
        i = rng.randrange(len(words))
        words[i] = "*%s*" % words[i]
    elif roll < 0.25:
        i = rng.randrange(len(words))
        words[i] = "**%s %s**" % (rng.choice(ADJ), words[i])
    elif roll < 0.30:
        i = rng.randrange(len(words))
        words[i] = "~~%s~~" % words[i]
    elif roll < 0.40:
        i = rng.randrange(len(words))
        links[0] += 1
        words[i] = "[%s](https://intranet.example.com/%s/%s-%d)" % (
            words[i], unit_id, words[i], links[0])
    elif roll < 0.45:
        words.append("(see https://www.example.org/%s/%s)" % (unit_id, rng.choice(WORDS)))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, unit_id, links):
    return " ".join(sentence(rng, unit_id, links) for _ in range(rng.randint(3, 6)))


def table(rng):
    cols = rng.randint(4, 6)
    head = ["Channel"] + [rng.choice(["Spend", "Leads", "CPL", "Customers", "CAC", "CTR",
                                      "ROMI", "Target", "Status"]) for _ in range(cols - 1)]
    rows = ["| " + " | ".join(head) + " |",
            "|" + "|".join([":---"] + ["---:"] * (cols - 1)) + "|"]
    for _ in range(rng.randint(4, 8)):
        cells = ["ch-%03d" % rng.randint(1, 69)]
        cells += ["%s" % format(rng.uniform(0, 50000), ",.2f") for _ in range(cols - 1)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def bullets(rng, unit_id, links):
    return "\n".join("* %s" % sentence(rng, unit_id, links) for _ in range(rng.randint(3, 6)))


def numbered(rng, unit_id, links):
    return "\n".join("%d. %s" % (i + 1, sentence(rng, unit_id, links))
                     for i in range(rng.randint(3, 5)))


def tasks(rng):
    items = []
    for _ in range(rng.randint(2, 4)):
        mark = "x" if rng.random() < 0.3 else " "
        items.append("- [%s] %s the %s %s plan by %s" % (
            mark, rng.choice(["Approve", "Review", "Fund", "Pause", "Extend"]),
            rng.choice(ADJ), rng.choice(WORDS), rng.choice(PEOPLE)))
    return "\n".join(items)


def note_body(rng, unit_id, title, target_size, limit, note_no):
    """A note body of at least target_size and at most limit characters (ASCII)."""
    links = [note_no * 100]
    blocks = ["# %s" % title, paragraph(rng, unit_id, links)]
    if note_no % 2 == 0:
        kpi = KPIS_IN_NOTES[note_no % len(KPIS_IN_NOTES)]
        blocks.append("This period `%s` stands at {{ kpi %s }} ({{ kpi %s change }})."
                      % (kpi, kpi, kpi))
    footnote = note_no % 3 == 0
    if footnote:
        blocks[-1] += " The figures are unaudited.[^n%d]" % note_no
    kinds = ["h2", "p", "table", "p", "bullets", "tasks", "p", "numbered", "quote"]
    k = 0
    size = sum(len(b) + 2 for b in blocks)
    while size < target_size and k < 200:
        kind = kinds[k % len(kinds)] if k < len(kinds) else rng.choice(kinds)
        k += 1
        if kind == "h2":
            block = "## %s %s" % (rng.choice(ADJ).capitalize(), rng.choice(WORDS))
        elif kind == "p":
            block = paragraph(rng, unit_id, links)
        elif kind == "table":
            block = table(rng)
        elif kind == "bullets":
            block = bullets(rng, unit_id, links)
        elif kind == "numbered":
            block = numbered(rng, unit_id, links)
        elif kind == "tasks":
            block = tasks(rng)
        else:
            block = "> " + sentence(rng, unit_id, links)
        if size + len(block) + 2 > limit:
            continue  # would pass the 6 KB ceiling: try another, smaller block
        blocks.append(block)
        size += len(block) + 2
    if footnote:
        blocks.append("[^n%d]: Source: the %s export, reconciled by finance." % (
            note_no, rng.choice(WORDS)))
    return "\n\n".join(blocks) + "\n"


def gen_notes(rng, unit_id, unit_no, months, content_dir, hugo_dir, concat):
    sizes = 0
    for i in range(NOTES_PER_UNIT):
        y, m = months[i % len(months)]
        period = ym(y, m)
        section = SECTIONS[(i // len(months) + i) % len(SECTIONS)]
        title = "%s %s %s review %d" % (rng.choice(ADJ).capitalize(), rng.choice(WORDS),
                                        rng.choice(WORDS), i + 1)
        author = PEOPLE[(unit_no + i) % len(PEOPLE)]
        front = ('title: "%s"\nperiod: %s\nsection: %s\naudience: board\ndraft: false\n'
                 'author: %s\norder: %d\n' % (title, period, section, author, (i + 1) * 10))
        header = len(front) + 9  # "---\n" + front + "---\n\n"
        target = rng.randint(MIN_NOTE, MAX_NOTE - 400) - header
        body = note_body(rng, unit_id, title, target, MAX_NOTE - header - 100,
                         unit_no * 1000 + i)
        stem = "%s-%s-%02d" % (period, section, i + 1)
        text = "---\n" + front + "---\n\n" + body
        sizes += len(text.encode("utf-8"))
        write(os.path.join(content_dir, "units", unit_id, "notes", stem + ".md"), text)
        hugo_front = ('title: "%s"\ndate: %s-01\ndraft: false\nauthor: %s\nweight: %d\n'
                      % (title, period, author, (i + 1) * 10))
        write(os.path.join(hugo_dir, "content", "notes", "%s-%s.md" % (unit_id, stem)),
              "---\n" + hugo_front + "---\n\n" + body)
        concat.write(body)
        concat.write("\n")
    return sizes


# ---------------------------------------------------------------- sites

HUGO_CONFIG = """baseURL = "https://bench.example/"
title = "boardpack bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.extensions]
  table = true
  strikethrough = true
  linkify = true
  taskList = true
  footnote = true
  definitionList = false
  typographer = false
[markup.goldmark.renderer]
  unsafe = false
"""

HUGO_SINGLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
"""

HUGO_LIST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></main></body></html>
"""


def unit_yml(unit_no, sector):
    name = "%s %s" % (NAME_A[unit_no], NAME_B[sector])
    maturity = "high" if unit_no % 2 else "low"
    return ("name: %s\nsector: %s\ncurrency: EUR\nlocale: en-GB\n"
            "prepared_by: %s, fractional CMO\nconfidentiality: Board confidential\n"
            "targets:\n  cpl: 4\n  ctr: 0.015\n  lead_to_customer_rate: 0.02\n"
            "tolerance: 0.10\ndimensions: [channel]\n"
            "governance:\n  digital_maturity: %s\n  org_complexity: lean\n"
            "  growth_objective: expansion\n"
            % (name, sector, PEOPLE[unit_no % len(PEOPLE)], maturity))


ADAPTER_ROWS = 1_000_000
CAMPAIGNS = ["Brand", "Generic", "Competitor", "Remarketing", "Shopping", "PMax EU", "PMax US",
             "Video"]


def gen_google_ads(rng, adapter_dir, days):
    """A Google Ads campaign report by day, as the "Excel" download writes it."""
    write(os.path.join(adapter_dir, "content", "boardpack.yml"),
          "title: Adapter benchmark\nlocale: en-US\ngenerated_on: 2026-11-05\n")
    write(os.path.join(adapter_dir, "content", "units", "ads", "unit.yml"),
          "name: Ads Inc.\nsector: tech\ncurrency: USD\nconfidentiality: Board only\n"
          "sources:\n  - file: google-ads.csv\n    format: google-ads\n")
    lines = ["Campaign performance report",
             '"%s - %s"' % (days[0].strftime("%B %-d, %Y"), days[-1].strftime("%B %-d, %Y")),
             "Day\tCampaign\tCampaign type\tCost\tImpr.\tClicks\tCTR\tAvg. CPC\tConversions"]
    per_day = ADAPTER_ROWS // len(days) + 1
    k = 0
    for day in days:
        iso = day.isoformat()
        for c in range(per_day):
            if k == ADAPTER_ROWS:
                break
            k += 1
            impr = rng.randint(200, 90000)
            clicks = rng.randint(0, impr // 20)
            cost = round(clicks * rng.uniform(0.2, 3.5), 2)
            cpc = "%.2f" % (cost / clicks) if clicks else "--"
            lines.append("%s\t%s %d\tSearch\t%s\t%s\t%s\t%.2f%%\t%s\t%.2f" % (
                iso, CAMPAIGNS[c % len(CAMPAIGNS)], c, format(cost, ",.2f"), format(impr, ","),
                format(clicks, ","), 100.0 * clicks / impr, cpc, clicks * 0.05))
    lines.append("Total: Account\t\t\t--\t--\t--\t--\t--\t--")
    path = os.path.join(adapter_dir, "content", "units", "ads", "data", "google-ads.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="folder to (re)create")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "content")
    hugo = os.path.join(out, "hugo")
    write(os.path.join(content, "boardpack.yml"),
          "title: Benchmark portfolio\nlocale: en-GB\narchive_months: 12\n"
          "generated_on: 2026-11-05\n")
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)

    days = [FIRST_DAY + datetime.timedelta(d) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
    note_months = months_between(FIRST_DAY, LAST_DAY)[-NOTE_MONTHS:]
    rows = note_bytes = 0
    all_path = os.path.join(out, "channels-all.csv")
    with open(all_path, "w", encoding="utf-8", newline="\n") as all_out, \
            open(os.path.join(out, "notes-concat.md"), "w", encoding="utf-8",
                 newline="\n") as concat:
        all_out.write("unit,date,channel," + ",".join(MEASURES) + "\n")
        for u in range(UNITS):
            sector = SECTORS[u % len(SECTORS)]
            unit_id = "%s-%s-%02d" % (NAME_A[u].lower(), sector, u + 1)
            rng = random.Random(args.seed * 1000 + u)
            udir = os.path.join(content, "units", unit_id)
            write(os.path.join(udir, "unit.yml"), unit_yml(u, sector))
            os.makedirs(os.path.join(udir, "data"), exist_ok=True)
            with open(os.path.join(udir, "data", "channels.csv"), "w", encoding="utf-8",
                      newline="\n") as ch_out:
                monthly = gen_channels(rng, unit_id, days, ch_out, all_out)
            rows += len(days) * BASE_CHANNELS + EXTRA_CHANNEL_DAYS
            write(os.path.join(udir, "data", "business.csv"), gen_business(rng, monthly))
            note_bytes += gen_notes(rng, unit_id, u, note_months, content, hugo, concat)
            print("generate: unit %d/%d %s" % (u + 1, UNITS, unit_id), file=sys.stderr)
    csv_bytes = sum(os.path.getsize(os.path.join(dp, f))
                    for dp, _, fs in os.walk(content) for f in fs if f == "channels.csv")
    manifest = ("seed %d\nunits %d\nnotes %d\nnote_bytes %d\nchannel_rows %d\n"
                "channel_csv_bytes %d\ncombined_csv_bytes %d\nconcat_bytes %d\n"
                % (args.seed, UNITS, UNITS * NOTES_PER_UNIT, note_bytes, rows, csv_bytes,
                   os.path.getsize(all_path),
                   os.path.getsize(os.path.join(out, "notes-concat.md"))))
    adapter_path = gen_google_ads(random.Random(args.seed * 1000 + 999), os.path.join(out, "adapter"), days)
    manifest += "adapter_rows %d\nadapter_bytes %d\n" % (ADAPTER_ROWS, os.path.getsize(adapter_path))
    write(os.path.join(out, "manifest.txt"), manifest)
    sys.stdout.write(manifest)


if __name__ == "__main__":
    main()
