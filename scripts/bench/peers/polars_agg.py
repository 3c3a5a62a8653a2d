#!/usr/bin/env python3
"""polars peer: monthly per-unit per-channel sums and ratios from the combined CSV.

Usage: polars_agg.py CHANNELS_ALL_CSV   (prints the number of result rows)
"""
import sys

import polars as pl

MEASURES = ["spend", "impressions", "clicks", "sessions", "leads", "qualified_leads",
            "opportunities", "new_customers", "attributed_revenue"]


def main(path):
    out = (
        pl.scan_csv(path)
        .with_columns(pl.col("date").str.to_date("%Y-%m-%d").dt.truncate("1mo").alias("month"))
        .group_by(["unit", "month", "channel"])
        .agg([pl.col(m).sum() for m in MEASURES])
        .with_columns(
            (pl.col("spend") / pl.col("leads")).alias("cpl"),
            (pl.col("spend") / pl.col("new_customers")).alias("paid_cac"),
            (pl.col("clicks") / pl.col("impressions")).alias("ctr"),
        )
        .sort(["unit", "month", "channel"])
        .collect()
    )
    print(out.height)


if __name__ == "__main__":
    main(sys.argv[1])
