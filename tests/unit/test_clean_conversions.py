import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ailabor.clean.currency import asof_rate, lcu_to_ppp, lcu_to_usd
from ailabor.clean.minwage import flag_min_wage
from ailabor.clean.pay_units import HOURS_PER_MONTH, hours_in_unit, monthly_to_hourly, to_hourly

pos = st.floats(min_value=1e-6, max_value=1e9, allow_nan=False, allow_infinity=False)


def test_hours_convention_is_40h_week_52_weeks():
    assert pytest.approx(173.3333333) == HOURS_PER_MONTH
    assert monthly_to_hourly(1257.0) == pytest.approx(7.2519, abs=1e-4)
    assert to_hourly(16.0, "day") == 2.0
    assert to_hourly(80.0, "week") == 2.0
    with pytest.raises(ValueError, match="minutes_per_task"):
        to_hourly(0.1, "task")
    with pytest.raises(ValueError, match="unknown time unit"):
        hours_in_unit("fortnight")


def test_kes_per_month_to_usd_per_hour():
    # Kenya 2024: 16,033.14 KES a month at 134.822483 KES per US$
    hourly_usd = lcu_to_usd(monthly_to_hourly(16033.14), 134.822483279332)
    assert hourly_usd == pytest.approx(0.686079, rel=1e-5)


@given(value=pos, rate=pos)
def test_currency_round_trip(value, rate):
    assert lcu_to_usd(value, rate) * rate == pytest.approx(value, rel=1e-9)
    assert lcu_to_ppp(value, rate) * rate == pytest.approx(value, rel=1e-9)


@given(a=pos, b=pos, rate=pos)
def test_conversion_is_monotone(a, b, rate):
    lo, hi = sorted([a, b])
    assert lcu_to_usd(lo, rate) <= lcu_to_usd(hi, rate)
    assert monthly_to_hourly(lo) <= monthly_to_hourly(hi)


@given(st.lists(st.one_of(st.none(), pos), min_size=1, max_size=20), pos)
def test_na_propagates(values, rate):
    s = pd.Series(values, dtype="float64")
    out = lcu_to_usd(monthly_to_hourly(s), rate)
    assert out.isna().tolist() == s.isna().tolist()


@given(
    st.floats(min_value=1e-3, max_value=1e6),
    st.sampled_from(["hour", "day", "week", "month", "year"]),
)
def test_to_hourly_times_hours_round_trip(value, unit):
    assert to_hourly(value, unit) * hours_in_unit(unit) == pytest.approx(value, rel=1e-9)


def test_asof_rate_uses_same_year_then_nearest_earlier_and_says_which():
    left = pd.DataFrame(
        {
            "country_iso3": ["KEN", "KEN", "DEU", "VEN", "USA"],
            "year": [2024, 2026, 2026, 2024, pd.NA],
        }
    ).astype({"year": "Int64"})
    rates = pd.DataFrame(
        {
            "country_iso3": ["KEN", "KEN", "DEU", "VEN"],
            "year": [2023, 2024, 2024, 2011],
            "rate": [139.8, 134.8, 0.92, 4.29],
        }
    )
    out = asof_rate(left, rates, "rate", "rate_year_used")
    assert out["rate"].tolist()[:3] == [134.8, 134.8, 0.92]
    assert out["rate_year_used"].tolist()[:3] == [2024, 2024, 2024]
    # Venezuela's last rate is 13 years old: beyond the lag limit, so missing.
    assert math.isnan(out["rate"].iloc[3]) and out["rate_year_used"].isna().iloc[3]
    assert math.isnan(out["rate"].iloc[4])
    assert out["country_iso3"].tolist() == left["country_iso3"].tolist()


def test_flag_min_wage_known_defects_and_rules():
    flags = flag_min_wage(
        pd.Series(["HKG", "KEN", "SDN", "HKG", "AFG"]),
        pd.Series([40.0, 16033.14, 1000.0, 9000.0, 5500.0]),
        pd.Series([5.13, 118.92, 1.6, 1150.0, 80.0]),
        pd.Series([0.001, 0.3, 0.01, 0.3, 2.5]),
    )
    assert flags.iloc[0].startswith("known defect")
    assert pd.isna(flags.iloc[1])
    assert flags.iloc[2] == "below US$15/month"
    # A plausible monthly HKG value is not flagged: the known defect is the value 40.
    assert pd.isna(flags.iloc[3])
    assert "GDP per capita" in flags.iloc[4]


def test_flag_min_wage_keeps_index():
    idx = pd.Index([10, 20])
    flags = flag_min_wage(
        pd.Series(["KEN", "KHM"], index=idx),
        pd.Series([1.0, 200.0], index=idx),
        pd.Series([np.nan, 0.05], index=idx),
        pd.Series([np.nan, np.nan], index=idx),
    )
    assert flags.index.tolist() == [10, 20]
    assert pd.isna(flags.loc[10]) and "known defect" in flags.loc[20]
