"""The W241 models on the real data (skipped without the mirror)."""

import numpy as np
import pytest

from ailabor import datasets
from ailabor.models import turnover, w241, zencrowd


@pytest.fixture(scope="module")
def effects(built_data):
    return w241.pay_effects(datasets.load_table("workers"), gee=False).set_index(
        ["outcome", "sample"]
    )


def test_every_outcome_and_sample_is_estimated(effects):
    assert len(effects) == 9
    assert (effects.loc[(slice(None), "pooled"), "ri_assignments"] == 576).all()
    assert (effects.loc[(slice(None), "order1"), "ri_assignments"] == 24).all()
    for col in ("or_per_step", "or_ci_low", "or_ci_high", "ri_p", "wcb_p"):
        assert np.isfinite(effects[col]).all(), col
    assert (effects["or_ci_low"] <= effects["or_per_step"]).all()
    assert (effects["ri_p"] >= 2 / 576).all()


def test_replication_rates_match_posting_counts(built_data, effects):
    posts = w241.posting_summary(datasets.load_table("workers")).set_index("posting_id")
    acc = effects.loc[("accuracy", "order1")]
    assert acc["rate_at_0.10"] == pytest.approx(posts.loc["order1_0.10", "accuracy"])
    comp = effects.loc[("completion", "order1")]
    assert comp["rate_at_0.10"] == pytest.approx(posts.loc["order1_0.10", "completion_rate"])


def test_cox_and_zencrowd(built_data):
    w = datasets.load_table("workers")
    cox = turnover.cox_model(w)
    assert cox["events"] == int((~w241.main_design(w)["is_completed"].astype(bool)).sum())
    gap = zencrowd.error_gap(datasets.load_table("annotations"))
    assert gap["workers_us"] + gap["workers_in"] == 99
    assert gap["gap_ci_low_pp"] < gap["gap_pp"] < gap["gap_ci_high_pp"]


def test_pay_tables_built_and_sama_ratio(built_data):
    pay = datasets.load_table("pay_observations").set_index("obs_id")
    sama = pay.loc["sama_kenya_take_home"]
    cy = datasets.load_country_year()
    # The floor in force in the figure's year (2022), not the latest one (issue 12).
    ken = cy[(cy["country_iso3"] == "KEN") & (cy["year"] == 2022)].iloc[0]
    assert sama["min_wage_hourly_usd"] == pytest.approx(ken["min_wage_hourly_usd"])
    assert sama["ratio_low_to_min_wage"] == pytest.approx(1.32 / ken["min_wage_hourly_usd"])
    assert (
        sama["hourly_pay_low_ppp_usd"] > sama["hourly_pay_low_usd"]
    )  # Kenya's price level is below the US's
    us = pay.loc["remotasks_us_2023"]
    assert us["min_wage_source"] == "US DOL federal (FLSA)" and us["min_wage_hourly_usd"] == 7.25
    scores = datasets.load_table("platform_scores").set_index(["platform", "year"])
    assert scores.loc[("Amazon Mechanical Turk", 2023), "fairwork_score"] == 0
    from ailabor.pay_summary import summary_lines

    lines = summary_lines()
    assert "Kenya's hourly minimum wage" in lines[0] and "US federal minimum of $7.25" in lines[1]
