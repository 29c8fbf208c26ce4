"""Pay observations to hourly US$ and hourly PPP $, and ratios to local benchmarks.

Pure functions on small frames; the conventions (hours in a day or month, how far
back a rate may come from) are recorded on every row. Missing context gives NA
with the reason, never a guess.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.clean.minwage import floor_in_force
from ailabor.clean.pay_units import HOURS_PER_DAY, HOURS_PER_WEEK, UNIT_HOURS, WEEKS_PER_YEAR

# Currency -> the country whose official rate converts it (for the currencies in the curated data).
CURRENCY_COUNTRY = {
    "USD": "USA",
    "KES": "KEN",
    "GBP": "GBR",
    "INR": "IND",
    "PHP": "PHL",
    "UGX": "UGA",
}


def hours_for_unit(unit: str, stated: float | None) -> tuple[float | None, str]:
    """Hours in one pay period: as the source states it, else ailabor's convention.

    >>> hours_for_unit("day", 10.0)
    (10.0, 'stated by source: 10 h per day')
    >>> hours_for_unit("month", None)[1]
    'convention: 40 h/week x 52 weeks / 12 = 173.33 h per month'
    >>> hours_for_unit("task", None)
    (None, 'per-task pay: no hours given')
    """
    if stated is not None and not pd.isna(stated):
        return float(stated), f"stated by source: {float(stated):g} h per {unit}"
    if unit == "hour":
        return 1.0, "hourly as published"
    if unit in UNIT_HOURS:
        week = f"{HOURS_PER_WEEK:g} h/week"
        conv = {
            "day": f"{HOURS_PER_DAY:g} h per day",
            "week": f"{week}",
            "month": f"{week} x {WEEKS_PER_YEAR:g} weeks / 12 = {UNIT_HOURS['month']:.2f} h per month",
            "year": f"{week} x {WEEKS_PER_YEAR:g} weeks = {UNIT_HOURS['year']:g} h per year",
        }[unit]
        return UNIT_HOURS[unit], f"convention: {conv}"
    return None, f"per-{unit} pay: no hours given"


def to_usd(
    value: float, currency: str, year: int, context: pd.DataFrame
) -> tuple[float, int | None, str]:
    """Convert ``value`` in ``currency`` to US$ at the official rate in force in ``year`` (that
    year, else the nearest earlier within 3; never a later year).

    >>> cy = pd.DataFrame({"country_iso3": ["KEN"], "year": [2023], "fx_lcu_per_usd": [139.85]})
    >>> round(to_usd(26600.0, "KES", 2023, cy)[0], 2)
    190.2
    >>> to_usd(5.0, "USD", 2023, cy)
    (5.0, None, 'already US$')
    >>> to_usd(5.0, "KES", 2022, cy)[2]
    'no fx_lcu_per_usd for KEN in 2022 or up to 3 years before'
    >>> to_usd(5.0, "XXX", 2023, cy)[2]
    'no exchange-rate country for currency XXX'
    """
    if currency == "USD":
        return float(value), None, "already US$"
    iso3 = CURRENCY_COUNTRY.get(currency)
    if iso3 is None:
        return np.nan, None, f"no exchange-rate country for currency {currency}"
    fx, fx_year, _lag, note = floor_in_force(context, iso3, year, "fx_lcu_per_usd")
    return float(value) / fx, fx_year, note


def below_floor(low: float, high: float, floor: float):
    """Whether reported pay is below a floor: True when even the highest reported value is
    below it, False when the lowest is at or above it, NA when a range straddles it or a
    value is missing. A 'less than X' or 'up to X' figure has only ``high``: it can show pay
    below the floor, never pay at or above it.

    >>> below_floor(1.32, 2.0, 0.78), below_floor(np.nan, 2.0, 7.25), below_floor(5.0, 10.0, 7.25)
    (False, True, <NA>)
    >>> below_floor(np.nan, 150.0, 7.25)
    <NA>
    """
    if pd.isna(floor):
        return pd.NA
    if pd.isna(low) and pd.notna(high):
        return True if high < floor else pd.NA
    vals = [v for v in (low, high) if pd.notna(v)]
    if not vals:
        return pd.NA
    if max(vals) < floor:
        return True
    if min(vals) >= floor:
        return False
    return pd.NA
