"""US Federal Reserve H.10 annual exchange rates (a cross-check where WDI has gaps)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.errors import ParseError
from ailabor.sources.base import Source, github_files
from ailabor.sources.readers import read_csv_strict, to_number

EXCHANGE_RATES = Source(
    source_id="fed_exchange_rates",
    title="Federal Reserve H.10 foreign exchange rates, annual",
    publisher="Board of Governors of the Federal Reserve System (packaged by datasets/exchange-rates)",
    licence="ODC-PDDL",
    is_redistributable=True,
    publisher_url="https://www.federalreserve.gov/releases/h10/",
    files=github_files(
        "datasets/exchange-rates",
        "fa7d949956d1db1d21102654b1f40d64d2568677",
        ["data/annual.csv", "datapackage.json"],
        "fed_exchange_rates/",
    ),
    description="About 22 currencies, 1971-2025 (Date, Country, Exchange rate). Lacks Kenya, Nigeria, Philippines, Pakistan.",
    citation="Board of Governors of the Federal Reserve System, H.10 Foreign Exchange Rates.",
    upstream="github datasets/exchange-rates",
    upstream_commit="fa7d949956d1db1d21102654b1f40d64d2568677",
)

SOURCES = (EXCHANGE_RATES,)

# Fed H.10 quotes these as US$ per currency unit; the rest as currency units per US$
# (datasets/exchange-rates datapackage readme).
USD_PER_UNIT = frozenset({"Australia", "Euro", "Ireland", "New Zealand", "United Kingdom"})


def parse_fed_annual(path: Path) -> pd.DataFrame:
    """``annual.csv`` -> ``fed_country``, ``year``, ``fx_lcu_per_usd`` (inverted where the
    Fed quotes US$ per unit)."""
    sid = EXCHANGE_RATES.source_id
    df = read_csv_strict(path, sid, required=["Date", "Country", "Exchange rate"])
    rate = to_number(df, "Exchange rate", sid, path)
    date = pd.to_datetime(df["Date"], format="%Y-%m-%d", errors="coerce")
    if date.isna().any():
        line = date.isna().idxmax()
        raise ParseError(
            sid, path, f"Date: expected YYYY-MM-DD, found {df.at[line, 'Date']!r}", line=int(line)
        )
    inverted = df["Country"].isin(USD_PER_UNIT)
    if (inverted & rate.eq(0)).any():
        line = (inverted & rate.eq(0)).idxmax()
        raise ParseError(
            sid, path, "Exchange rate: 0 US$ per unit cannot be inverted", line=int(line)
        )
    out = pd.DataFrame(
        {
            "fed_country": df["Country"].astype("string"),
            "year": date.dt.year.astype("Int64"),
            "fx_lcu_per_usd": rate.where(~inverted, 1.0 / rate).astype("float64"),
        }
    )
    return out.dropna(subset=["fx_lcu_per_usd"]).reset_index(drop=True)
