"""Pay against the floor in force, and the MTurk survey tables, on the real mirror files."""

import pandas as pd
import pytest

import ailabor
from ailabor import catalog
from ailabor.models import zencrowd
from ailabor.tables.pay import worker_pay


@pytest.fixture(scope="module")
def pay(built_data):
    return catalog.load("pay_observations")


def test_no_ratio_anywhere_uses_a_floor_from_a_later_year(built_data, pay):
    with_floor = pay[pay["min_wage_year_used"].notna()]
    assert len(with_floor) > 20
    assert (with_floor["min_wage_year_used"] <= with_floor["year"]).all()
    assert (
        with_floor["min_wage_lag_years"] == with_floor["year"] - with_floor["min_wage_year_used"]
    ).all()
    for c in ("fx_year_used", "ppp_year_used", "avg_earnings_year_used", "min_wage_fx_year_used"):
        used = pay[c].notna()
        assert (pay.loc[used, c] <= pay.loc[used, "year"]).all(), c
    # ... nor the ZenCrowd comparison (c. 2011), nor Figure 1 (one year for both axes).
    ctx = zencrowd.country_context(catalog.load_country_year())
    assert (ctx["year"] <= zencrowd.DATA_YEAR).all() and (
        ctx["gdp_year"] == zencrowd.DATA_YEAR
    ).all()


def test_sama_take_home_uses_kenyas_2022_minimum_at_the_2022_rate(built_data, pay):
    s = pay.set_index("obs_id").loc["sama_kenya_take_home"]
    cy = catalog.load_country_year().set_index(["country_iso3", "year"])
    assert s["min_wage_year_used"] == 2022 and s["min_wage_fx_year_used"] == 2022
    k = cy.loc[("KEN", 2022)]
    assert k["min_wage_monthly_lcu"] == 16033.14
    hourly = 16033.14 / (40 * 52 / 12) / k["fx_lcu_per_usd"]
    assert s["ratio_low_to_min_wage"] == pytest.approx(1.32 / hourly)
    assert s["ratio_high_to_min_wage"] == pytest.approx(2.00 / hourly)
    assert 1.6 < s["ratio_low_to_min_wage"] < 1.8 and 2.4 < s["ratio_high_to_min_wage"] < 2.6


def test_no_billing_rate_in_worker_pay_and_airtm_counted_once(built_data, pay):
    w = worker_pay(pay)
    assert not (w["pay_kind"] == "client billing rate").any()
    assert set(pay.loc[pay["pay_kind"] == "client billing rate", "paid_to"]) == {"vendor"}
    airtm = pay[pay["obs_id"].isin(["seed_airtm_expert_hourly", "seed_airtm_expert_daily"])]
    assert airtm["observation_group"].nunique() == 1
    assert (w["observation_group"] == airtm["observation_group"].iloc[0]).sum() == 1
    assert airtm["hourly_pay_low_usd"].tolist() == [40.0, 40.0]


def test_pay_summary_prints_the_sama_ratio(built_data):
    from ailabor.pay_summary import summary_lines

    text = summary_lines()[0]
    assert "1.68x to 2.55x" in text and "2022" in text and "16,033.14" in text


def test_mturk_tables_load_and_cover_2017_2026(built_data):
    for t in ("mturk_weekly_income", "mturk_weekly_hours"):
        d = ailabor.load(t)
        asked = d[d["is_asked"]]
        assert set(range(2017, 2027)) <= set(asked["year"]), t
    for t in (
        "mturk_workers_by_country",
        "mturk_cohort_halflife",
        "mturk_return",
        "mturk_earnings_by_year",
        "mturk_us_india",
    ):
        assert len(ailabor.load(t)) > 0, t


def test_income_band_counts_add_up_to_the_surveys_totals(built_data):
    from ailabor.sources import mturk_surveys as src

    inc = ailabor.load("mturk_weekly_income")
    totals = src.parse_totals(src.SOURCE.path("totals.csv"))
    by_year = inc.groupby("year")["n_answers"].sum()
    assert int(by_year.sum()) == totals["responses"] == 392995
    country = ailabor.load("mturk_workers_by_country").groupby("year")["n_answers"].sum()
    pd.testing.assert_series_equal(by_year, country, check_names=False)
    hours = ailabor.load("mturk_weekly_hours").groupby("year")["n_answers"].sum()
    pd.testing.assert_series_equal(by_year, hours, check_names=False)


def test_earnings_bounds_are_ordered_and_halflife_as_published(built_data):
    e = ailabor.load("mturk_earnings_by_year")
    for name in ("2", "7_25"):
        lo, co, hi = (e[f"share_hourly_below_{name}_{k}"] for k in ("lower", "comonotone", "upper"))
        assert ((lo <= co) & (co <= hi)).all()
    h = ailabor.load("mturk_cohort_halflife").set_index("era")["half_life_days"].round()
    assert h.tolist() == [535.0, 479.0, 255.0]
