#!/usr/bin/env python3
"""duckdb peer: monthly per-unit per-channel sums and ratios from the combined CSV.

Usage: duckdb_agg.py CHANNELS_ALL_CSV   (prints the number of result rows)
"""
import sys

import duckdb

MEASURES = ["spend", "impressions", "clicks", "sessions", "leads", "qualified_leads",
            "opportunities", "new_customers", "attributed_revenue"]


def main(path):
    sums = ", ".join("sum(%s) AS %s" % (m, m) for m in MEASURES)
    query = (
        "SELECT *, spend / nullif(leads, 0) AS cpl, "
        "spend / nullif(new_customers, 0) AS paid_cac, "
        "clicks / nullif(impressions, 0) AS ctr FROM ("
        "SELECT unit, date_trunc('month', CAST(date AS DATE)) AS month, channel, " + sums +
        " FROM read_csv(?, header = true) GROUP BY ALL) ORDER BY unit, month, channel"
    )
    rows = duckdb.connect().execute(query, [path]).fetchall()
    print(len(rows))


if __name__ == "__main__":
    main(sys.argv[1])
