"""ILOSTAT average earnings: pick the one national, all-sexes series."""

from __future__ import annotations

import pandas as pd


def select_national_total(df: pd.DataFrame) -> pd.DataFrame:
    """Rows for sex ``Total`` and area ``National``; one row per country and year.

    Where two surveys give the same country-year, the first in file order is kept
    and the choice is deterministic (ILOSTAT lists its preferred series first).

    >>> df = pd.DataFrame({"country_name": ["Kenya"] * 3, "year": [2020] * 3,
    ...                    "sex": ["Total", "Male", "Total"], "area_type": ["National", "National", "Urban"],
    ...                    "earnings_monthly_ppp_usd": [500.0, 600.0, 700.0]})
    >>> select_national_total(df)["earnings_monthly_ppp_usd"].tolist()
    [500.0]
    """
    out = df[(df["sex"] == "Total") & (df["area_type"] == "National")]
    return out.drop_duplicates(["country_name", "year"], keep="first").reset_index(drop=True)
