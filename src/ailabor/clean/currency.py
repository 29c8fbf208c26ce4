"""Local currency to US$ and to PPP international $, at the same year's rate.

When a country's rate is missing for the year, the nearest earlier year is used
and the year actually used is returned beside the value, never hidden.
"""

from __future__ import annotations

import pandas as pd

# The nearest earlier year is used for at most this many years back. Beyond that a
# rate is stale (Venezuela redenominated in 2018 and 2021; its last PPP factor is
# from 2011), so the value is left missing.
MAX_RATE_LAG_YEARS = 3


def lcu_to_usd(value_lcu, fx_lcu_per_usd):
    """Local currency units to US$ at an exchange rate in LCU per US$.

    >>> lcu_to_usd(1348.22, 134.822)
    10.0
    """
    return value_lcu / fx_lcu_per_usd


def lcu_to_ppp(value_lcu, ppp_lcu_per_intl_usd):
    """Local currency units to international (PPP) $ at a PPP factor in LCU per intl $.

    >>> round(lcu_to_ppp(204.89, 20.489), 6)
    10.0
    """
    return value_lcu / ppp_lcu_per_intl_usd


def asof_rate(
    left: pd.DataFrame,
    rates: pd.DataFrame,
    rate_col: str,
    year_used_col: str,
    by: str = "country_iso3",
    year_col: str = "year",
    rate_year_col: str = "year",
    max_lag_years: int = MAX_RATE_LAG_YEARS,
) -> pd.DataFrame:
    """Attach to each row of ``left`` the rate of its year, or of the nearest earlier
    year no more than ``max_lag_years`` back.

    ``rates`` has one row per (``by``, ``rate_year_col``). Rows with no such rate
    get NA in both new columns. The row order of ``left`` is kept.

    >>> left = pd.DataFrame({"country_iso3": ["KEN", "KEN", "IND", "VEN"], "year": [2024, 2026, 1950, 2024]})
    >>> rates = pd.DataFrame({"country_iso3": ["KEN", "KEN", "IND", "VEN"], "year": [2023, 2024, 2020, 2011],
    ...                       "fx": [139.8, 134.8, 74.1, 4.3]})
    >>> out = asof_rate(left, rates, "fx", "fx_year_used")
    >>> out["fx"].tolist(), out["fx_year_used"].tolist()
    ([134.8, 134.8, nan, nan], [2024, 2024, <NA>, <NA>])
    """
    r = rates[[by, rate_year_col, rate_col]].dropna(subset=[rate_col]).copy()
    r = r.rename(columns={rate_year_col: "_rate_year"})
    r["_rate_year"] = r["_rate_year"].astype("int64")
    r[by] = r[by].astype(object)
    left = left.copy()
    left["_row"] = range(len(left))
    key = left[[by, year_col, "_row"]].copy()
    key[by] = key[by].astype(object)
    valid = key[year_col].notna()
    k = key[valid].copy()
    k["_year"] = k[year_col].astype("int64")
    k = k.sort_values("_year")
    r = r.sort_values("_rate_year")
    merged = pd.merge_asof(
        k,
        r,
        left_on="_year",
        right_on="_rate_year",
        by=by,
        direction="backward",
        tolerance=max_lag_years,
    )
    merged = merged.set_index("_row")
    out = left.drop(columns=[c for c in (rate_col, year_used_col) if c in left.columns])
    out[rate_col] = merged[rate_col].reindex(out["_row"]).to_numpy(dtype="float64")
    out[year_used_col] = pd.array(
        merged["_rate_year"].reindex(out["_row"]).to_numpy(), dtype="Int64"
    )
    return out.drop(columns="_row")
