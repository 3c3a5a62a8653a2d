#!/usr/bin/env python3
"""pandas peer of the google-ads adapter: a Google Ads "Excel" export (UTF-16, tab
separated, two title lines, thousands separators, a total row) read and added up by month.

Usage: pandas_google_ads.py GOOGLE_ADS_EXPORT   (prints the number of result rows)
"""
import sys

import pandas as pd


def main(path):
    df = pd.read_csv(path, encoding="utf-16", sep="\t", skiprows=2, thousands=",",
                     usecols=["Day", "Cost", "Impr.", "Clicks"], na_values=["--"])
    df = df[~df["Day"].str.startswith("Total")]
    df["month"] = pd.to_datetime(df["Day"], format="%Y-%m-%d").dt.to_period("M")
    out = df.groupby("month", sort=True)[["Cost", "Impr.", "Clicks"]].sum()
    print(len(out))


if __name__ == "__main__":
    main(sys.argv[1])
