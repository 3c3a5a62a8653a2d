#!/usr/bin/env python3
"""pandas peer: monthly per-unit per-channel sums and ratios from the combined CSV.

Usage: pandas_agg.py CHANNELS_ALL_CSV   (prints the number of result rows)
"""
import sys

import pandas as pd

MEASURES = ["spend", "impressions", "clicks", "sessions", "leads", "qualified_leads",
            "opportunities", "new_customers", "attributed_revenue"]


def main(path):
    df = pd.read_csv(path)
    df["month"] = pd.to_datetime(df["date"], format="%Y-%m-%d").dt.to_period("M")
    out = df.groupby(["unit", "month", "channel"], sort=True)[MEASURES].sum()
    out["cpl"] = out["spend"] / out["leads"]
    out["paid_cac"] = out["spend"] / out["new_customers"]
    out["ctr"] = out["clicks"] / out["impressions"]
    print(len(out))


if __name__ == "__main__":
    main(sys.argv[1])
