#!/usr/bin/env python3
"""One voice: every pack of a generated site says the same thing in its page as in its metrics.json.
A pack is a folder <site>/<unit>/<period>/ holding metrics.json (period YYYY-MM or YYYY-Qn):
 - metrics.json is schema 2;
 - each headline tile (<article class="tile status-X" data-kpi="id">) and each KPI table row
   (<tr data-kpi="id">, badge <span class="badge status-X"> in its last cell) shows kpis[id].status;
   a chart (<figure class="chart" data-kpi="id">) names a KPI of kpis;
 - each shown playbook verdict (<li class="rule status-X" data-rule="r">, X red/amber/green) is an entry
   of the playbook with that rule and status, never one whose entries were all suppressed;
 - no KPI is judged both ways (a shown strength and a shown warning), nor reads better than a warning
   shown on it;
 - no shown strength on a red or amber KPI: a green playbook entry without a subject names no KPI
   whose status is red or amber;
 - a quarterly pack's sector rates are on the scale of its months: within [min/1.5, max*1.5] of the
   same KPI in the unit's three monthly packs of that quarter (when all three have a value).
Prints every violation (file, what disagrees) and exits 1; one OK line otherwise.
  usage: scripts/check-one-voice.py [SITE]   (SITE defaults to output)"""
import html.parser
import json
import os
import re
import sys

SHOWN = {"red", "amber", "green"}
SECTOR_RATES = ["complaints_per_10k", "repeat_rate", "community_reach", "waitlist_cover"]
SCALE = 1.5  # a quarter may differ from its months by at most this factor either way


def status_of(classes):
    """The X of a `status-X` class, or None."""
    for name in (classes or "").split():
        if name.startswith("status-"):
            return name[len("status-"):]
    return None


class Page(html.parser.HTMLParser):
    """Tiles, KPI table rows (with the badge of their last cell), charts and playbook verdicts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tiles, self.rows, self.charts, self.rules = [], [], [], []
        self.row = None  # (kpi id, [badge statuses of each cell]) of the open <tr data-kpi>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article" and "tile" in classes and a.get("data-kpi"):
            self.tiles.append((a["data-kpi"], status_of(a.get("class"))))
        elif tag == "figure" and "chart" in classes and a.get("data-kpi"):
            self.charts.append(a["data-kpi"])
        elif tag == "li" and "rule" in classes and a.get("data-rule"):
            self.rules.append((a["data-rule"], status_of(a.get("class"))))
        elif tag == "tr":
            self.end_row()  # a <tr> closes an open one
            if a.get("data-kpi"):
                self.row = (a["data-kpi"], [])
        elif tag in ("td", "th") and self.row:
            self.row[1].append([])
        elif tag == "span" and "badge" in classes and self.row and self.row[1]:
            self.row[1][-1].append(status_of(a.get("class")))

    def handle_endtag(self, tag):
        if tag in ("tr", "tbody", "thead", "tfoot", "table"):
            self.end_row()

    def end_row(self):
        if self.row:
            kpi, cells = self.row
            badges = cells[-1] if cells else []
            self.rows.append((kpi, badges[0] if badges else None))
            self.row = None


site = sys.argv[1] if len(sys.argv) > 1 else "output"
if len(sys.argv) > 2:
    print("usage: scripts/check-one-voice.py [SITE]", file=sys.stderr)
    sys.exit(2)
if not os.path.isdir(site):
    print(f"check-one-voice: no site folder at {site}", file=sys.stderr)
    sys.exit(2)

violations = []
packs = {}  # (unit, period) -> metrics
for unit in sorted(os.listdir(site)):
    if not os.path.isdir(os.path.join(site, unit)):
        continue
    for period in sorted(os.listdir(os.path.join(site, unit))):
        path = os.path.join(site, unit, period, "metrics.json")
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                metrics = json.load(f)
        except (OSError, ValueError) as error:
            violations.append(f"{path}: unreadable: {error}")
            continue
        if metrics.get("schema") != 2:
            violations.append(f"{path}: schema is {metrics.get('schema')!r}, not 2")
        packs[(unit, period)] = metrics
if not packs and not violations:
    print(f"check-one-voice: no pack (a folder holding metrics.json) in {site}/", file=sys.stderr)
    sys.exit(1)

statuses_checked = 0
for (unit, period), metrics in sorted(packs.items()):
    folder = os.path.join(site, unit, period)
    kpis = metrics.get("kpis") or {}
    playbook = metrics.get("playbook") or []
    page_path = os.path.join(folder, "index.html")

    # No shown strength on a red or amber KPI (metrics.json alone).
    for entry in playbook:
        if entry.get("status") == "green" and entry.get("subject") is None:
            for kpi in entry.get("kpis") or []:
                if kpi in kpis and kpis[kpi].get("status") in ("red", "amber"):
                    violations.append(
                        f"{folder}/metrics.json: playbook rule {entry.get('rule')} is green (a strength) "
                        f"on KPI {kpi}, whose status is {kpis[kpi]['status']}"
                    )

    # Never both ways: no KPI has a shown strength and a shown warning (SPEC §5.5 point 4), and
    # no KPI reads better than a warning shown on it (point 2).
    rank = {"red": 0, "amber": 1, "na": 2, "green": 3, "none": 4}
    for entry in playbook:
        if entry.get("subject") is not None or entry.get("status") not in SHOWN:
            continue
        for kpi in entry.get("kpis") or []:
            if entry["status"] != "green" and kpi in kpis and rank.get(kpis[kpi].get("status"), 4) > rank[entry["status"]]:
                violations.append(
                    f"{folder}/metrics.json: playbook rule {entry.get('rule')} is {entry['status']} on KPI {kpi}, "
                    f"whose status is {kpis[kpi].get('status')}"
                )
            for other in playbook:
                if (
                    other.get("subject") is None and entry["status"] == "green" and other.get("status") in ("red", "amber")
                    and kpi in (other.get("kpis") or [])
                ):
                    violations.append(
                        f"{folder}/metrics.json: KPI {kpi} has a shown strength ({entry.get('rule')}) and a shown "
                        f"warning ({other.get('rule')})"
                    )

    # The page says what metrics.json says.
    try:
        with open(page_path, encoding="utf-8", errors="replace") as f:
            page = Page()
            page.feed(f.read())
            page.close()
            page.end_row()
    except OSError as error:
        violations.append(f"{page_path}: unreadable: {error}")
        continue
    for where, found in (("tile", page.tiles), ("table row", page.rows)):
        for kpi, status in found:
            if kpi not in kpis:
                violations.append(f"{page_path}: {where} for KPI {kpi}, which is not in metrics.json kpis")
                continue
            statuses_checked += 1
            if status != kpis[kpi].get("status"):
                violations.append(
                    f"{page_path}: {where} for KPI {kpi} shows status {status or '(no status badge)'}, "
                    f"metrics.json says {kpis[kpi].get('status')}"
                )
    for kpi in page.charts:
        if kpi not in kpis:
            violations.append(f"{page_path}: chart for KPI {kpi}, which is not in metrics.json kpis")
    for rule, status in page.rules:
        if status not in SHOWN:
            continue
        entries = [e.get("status") for e in playbook if e.get("rule") == rule]
        if status in entries:
            continue
        if entries and all(s == "suppressed" for s in entries):
            violations.append(f"{page_path}: playbook rule {rule} is shown as {status} but metrics.json suppressed it")
        else:
            violations.append(
                f"{page_path}: playbook rule {rule} is shown as {status}, "
                f"metrics.json has it as {', '.join(map(str, entries)) or 'no entry'}"
            )

# Quarterly sector rates on the scale of their months.
rates_checked = 0
for (unit, period), metrics in sorted(packs.items()):
    m = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if metrics.get("period_kind") != "quarter" or not m:
        continue
    year, quarter = m.group(1), int(m.group(2))
    months = [f"{year}-{3 * (quarter - 1) + i:02d}" for i in (1, 2, 3)]
    kpis = metrics.get("kpis") or {}
    for kpi in SECTOR_RATES:
        value = (kpis.get(kpi) or {}).get("value")
        monthly = [((packs.get((unit, month)) or {}).get("kpis") or {}).get(kpi, {}).get("value") for month in months]
        if value is None or any(v is None for v in monthly):
            continue
        rates_checked += 1
        low, high = min(monthly), max(monthly)
        low, high = min(low / SCALE, low * SCALE), max(high * SCALE, high / SCALE)  # also right when negative
        if not low <= value <= high:
            violations.append(
                f"{os.path.join(site, unit, period)}/metrics.json: {kpi} is {value:g} for {period}, off the scale "
                f"of its months ({', '.join(f'{month} {v:g}' for month, v in zip(months, monthly))})"
            )

for violation in violations:
    print(violation)
if violations:
    print(f"check-one-voice: {len(violations)} violation(s) in {site}/ (a pack's page and metrics.json must agree)")
    sys.exit(1)
print(
    f"check-one-voice: {len(packs)} packs, {statuses_checked} KPI statuses on tiles and table rows agree with "
    f"metrics.json; no strength shown on a red or amber KPI; {rates_checked} quarterly sector rates on their "
    f"months' scale"
)
