"""The W241 models on the real data (skipped without the mirror)."""

import numpy as np
import pytest

from ailabor import catalog, storage
from ailabor.models import abandonment, w241, w241_postings, zencrowd
from ailabor.sources import w241 as w241_source


@pytest.fixture(scope="module")
def effects(built_data):
    return w241.pay_effects(catalog.load("workers")).set_index(["outcome", "sample"])


def test_every_outcome_and_sample_is_estimated(effects):
    assert len(effects) == 9
    assert (effects.loc[(slice(None), "pooled"), "perm_assignments"] == 576).all()
    assert (effects.loc[(slice(None), "order1"), "perm_assignments"] == 24).all()
    for col in ("or_per_step", "z_ci_low", "z_ci_high", "perm_p", "wcr_p", "pp_per_step"):
        assert np.isfinite(effects[col]).all(), col
    assert (effects["z_ci_low"] <= effects["or_per_step"]).all()
    assert (effects["perm_p"] >= 2 / 576).all()
    # One week alone: the permutation set is the whole line.
    assert (effects.loc[(slice(None), "order2"), "perm_set_low"] == -np.inf).all()
    # Pooled accuracy: the set holds the estimate; the WCR interval holds the linear estimate.
    acc = effects.loc[("accuracy", "pooled")]
    assert acc["perm_set_low"] < acc["or_per_step"] < acc["perm_set_high"]
    assert acc["wcr_ci_low"] < acc["pp_per_step"] < acc["wcr_ci_high"]
    assert acc["perm_linked_assignments"] == 24


def test_replication_rates_match_posting_counts(built_data, effects):
    posts = w241_postings.posting_summary(catalog.load("workers")).set_index("posting_id")
    acc = effects.loc[("accuracy", "order1")]
    assert acc["rate_at_low_pay"] == pytest.approx(posts.loc["order1_0.10", "accuracy"])
    comp = effects.loc[("completion", "order1")]
    assert comp["rate_at_low_pay"] == pytest.approx(posts.loc["order1_0.10", "completion_rate"])


def test_schedule_matches_the_mturk_batches(built_data):
    """posted_at_pt in the curated file is each batch's MTurk CreationTime (to the minute)."""
    p = w241_source.POSTINGS
    for _, r in p.iterrows():
        m = w241_source.parse_mturk_batch(w241_source.SOURCE.path(f"MTurk_data/{r['mturk_file']}"))
        created = m["created_at"].min().tz_convert("America/Los_Angeles").strftime("%Y-%m-%d %H:%M")
        assert created == r["posted_at_pt"], r["posting_id"]
        assert len(m) == r["available_hits"], r["posting_id"]
    main = p[p["is_main_design"]]
    # order2 is order1 with the pay swapped within each slot.
    by = main.pivot(index="slot", columns="replication", values="pay_per_task_usd")
    swap = {0.10: 0.40, 0.40: 0.10, 0.25: 0.55, 0.55: 0.25}
    assert all(swap[round(a, 2)] == pytest.approx(b) for a, b in by.to_numpy())


def test_night_adjusted_and_leave_one_out(built_data):
    w = catalog.load("workers")
    d = w241.outcome_frame(w, "accuracy", "pooled")
    adj = w241.glm_cluster(d, "n_correct", "n_gold_labels", ("night",))
    assert adj["night_or"] < 1  # night postings were less accurate
    loo = w241.leave_one_posting_out(w, outcomes=("accuracy",)).set_index("dropped")
    assert len(loo) == 9 and (loo.drop(index="none")["perm_assignments"] == 144).all()
    assert loo.loc["order1_0.10", "or_per_step"] < 1 < loo.loc["none", "or_per_step"]


def test_abandonment_fill_repeat_and_exclusions(built_data):
    w = catalog.load("workers")
    q = abandonment.abandonment_check(w)
    assert q["all_on_first_page"] and q["max_answers_saved"] == 0
    assert q["abandoned"] == int((~w241.main_design(w)["is_completed"].astype(bool)).sum())
    fill = abandonment.time_to_fill(w)
    assert len(fill) == 8 and fill["reached_target"].all() and (fill["hours_to_fill"] > 0).all()
    assert fill.set_index("posting_id")["hours_to_fill"].idxmax().endswith("0.10")
    rep = abandonment.repeat_participation(w)
    assert rep["repeat_workers_all_postings"] == 35
    assert 0 < rep["repeat_workers_main"] <= rep["repeat_workers_all_postings"]
    table, facts = w241_postings.exclusions(w, storage.read_meta("workers")["report"])
    counts = dict(zip(table["step"], table["responses"], strict=True))
    assert counts["Qualtrics status 'Spam'"] == 3
    assert counts["Qualtrics status 'Survey Preview'"] == 1
    assert counts["Responses only in the raw export (_raw.csv) of order1 $0.25"] == 4
    assert facts["order1_025_accuracy_cleaned_export"] > facts["order1_025_accuracy_used"]
    lee = w241.lee_bounds(w)
    assert (lee["lower"] <= lee["naive"] + 1e-9).all() and (
        lee["naive"] <= lee["upper"] + 1e-9
    ).all()


def test_zencrowd(built_data):
    gap = zencrowd.error_gap(catalog.load("annotations"))
    assert gap["workers_us"] + gap["workers_in"] == 99
    assert gap["gap_ci_low_pp"] < gap["gap_pp"] < gap["gap_ci_high_pp"]


def test_pay_tables_built_and_sama_ratio(built_data):
    pay = catalog.load("pay_observations").set_index("obs_id")
    sama = pay.loc["sama_kenya_take_home"]
    cy = catalog.load_country_year()
    # The floor in force in the figure's year (2022), not the latest one (issue 12).
    ken = cy[(cy["country_iso3"] == "KEN") & (cy["year"] == 2022)].iloc[0]
    assert sama["min_wage_hourly_usd"] == pytest.approx(ken["min_wage_hourly_usd"])
    assert sama["ratio_low_to_min_wage"] == pytest.approx(1.32 / ken["min_wage_hourly_usd"])
    assert (
        sama["hourly_pay_low_ppp_usd"] > sama["hourly_pay_low_usd"]
    )  # Kenya's price level is below the US's
    us = pay.loc["remotasks_us_2023"]
    assert us["min_wage_source"] == "US DOL federal (FLSA)" and us["min_wage_hourly_usd"] == 7.25
    scores = catalog.load("platform_scores").set_index(["platform", "year"])
    assert scores.loc[("Amazon Mechanical Turk", 2023), "fairwork_score"] == 0
    from ailabor.pay_summary import summary_lines

    lines = summary_lines()
    assert "Kenya's hourly minimum wage" in lines[0] and "US federal minimum of $7.25" in lines[1]
