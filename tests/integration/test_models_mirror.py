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
