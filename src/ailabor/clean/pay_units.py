"""Pay per task, day, week or month to pay per hour, under stated conventions.

The conventions are constants here and are recorded on every converted row, so a
reader can redo the arithmetic under other assumptions.
"""

from __future__ import annotations

import pandas as pd

HOURS_PER_WEEK = 40.0
WEEKS_PER_YEAR = 52.0
HOURS_PER_DAY = 8.0
HOURS_PER_MONTH = HOURS_PER_WEEK * WEEKS_PER_YEAR / 12.0  # 173.33...
HOURS_PER_YEAR = HOURS_PER_WEEK * WEEKS_PER_YEAR

UNIT_HOURS = {
    "hour": 1.0,
    "day": HOURS_PER_DAY,
    "week": HOURS_PER_WEEK,
    "month": HOURS_PER_MONTH,
    "year": HOURS_PER_YEAR,
}
PAY_UNITS = ("hour", "day", "week", "month", "year", "task")


def hours_in_unit(unit: str) -> float:
    """Hours in one pay period under the stated convention.

    >>> hours_in_unit("day"), round(hours_in_unit("month"), 4)
    (8.0, 173.3333)
    """
    try:
        return UNIT_HOURS[unit]
    except KeyError:
        raise ValueError(
            f"unknown time unit {unit!r}; expected one of {sorted(UNIT_HOURS)}"
        ) from None


def monthly_to_hourly(monthly: pd.Series | float, hours_per_month: float = HOURS_PER_MONTH):
    """Monthly pay to hourly pay (NA stays NA).

    >>> round(monthly_to_hourly(1257.0), 2)  # US federal minimum, monthly, in ILOSTAT
    7.25
    """
    return monthly / hours_per_month


def to_hourly(value, unit: str, minutes_per_task: float | None = None):
    """Pay in ``unit`` to pay per hour. Per-task pay needs the minutes a task takes.

    >>> to_hourly(16.0, "day")
    2.0
    >>> to_hourly(0.10, "task", minutes_per_task=6)
    1.0
    """
    if unit == "task":
        if minutes_per_task is None or pd.isna(minutes_per_task) or minutes_per_task <= 0:
            raise ValueError("per-task pay needs a positive minutes_per_task to become hourly")
        return value * 60.0 / minutes_per_task
    return value / hours_in_unit(unit)
