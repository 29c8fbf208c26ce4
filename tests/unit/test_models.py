import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from ailabor.errors import ParseError
from ailabor.models.inference import (
    assignments,
    binomial_irls,
    cluster_t_interval,
    randomisation_test,
    wild_bootstrap_interval,
    wild_cluster_bootstrap,
)
from ailabor.models.permutation import (
    assignment_matrix,
    batched_binomial_slopes,
    batched_ols_slopes,
    linked_assignment_matrix,
    permutation_inversion,
)
from ailabor.models.w241 import lee_bounds_pair
from ailabor.simulate import check_estimators, simulate_w241, targets
from ailabor.sources.w241 import load_postings


def _postings(acc_by_pay, reps=("order1", "order2")):
    rows = []
    for rep in reps:
        for pay, acc in acc_by_pay.items():
            rows.append(
                {
                    "replication": rep,
                    "posting_id": f"{rep}_{pay}",
                    "pay_per_task_usd": pay,
                    "n_correct": acc * 100,
                    "n_gold_labels": 100.0,
                }
            )
    return pd.DataFrame(rows)


def test_irls_matches_statsmodels_glm():
    rng = np.random.default_rng(0)
    X = sm.add_constant(rng.normal(size=(30, 2)))
    n = rng.integers(5, 50, 30).astype(float)
    s = rng.binomial(n.astype(int), 0.4).astype(float)
    ours = binomial_irls(X, s, n)
    ref = sm.GLM(np.column_stack([s, n - s]), X, family=sm.families.Binomial()).fit().params
    assert np.allclose(ours, ref, atol=1e-8)


def test_assignments_permute_within_strata_only():
    tot = pd.DataFrame({"replication": ["a", "a", "b", "b"], "pay": [1.0, 2.0, 1.0, 2.0]})
    perms = [tuple(p) for p in assignments(tot, "pay", "replication")]
    assert len(perms) == 4
    assert all(sorted(p[:2]) == [1.0, 2.0] and sorted(p[2:]) == [1.0, 2.0] for p in perms)


def test_randomisation_p_is_exact_and_smallest_when_monotone():
    # Accuracy rises perfectly with pay in both replications: the observed slope is the
    # largest of all 24 x 24 assignments, and its mirror image the smallest.
    d = _postings({0.10: 0.5, 0.25: 0.6, 0.40: 0.7, 0.55: 0.8})
    res = randomisation_test(d, "n_correct", "n_gold_labels")
    assert res.n_assignments == 576
    assert res.p_value == pytest.approx(2 / 576)
    one = randomisation_test(
        d[d["replication"] == "order1"], "n_correct", "n_gold_labels", strata=None
    )
    assert one.n_assignments == 24 and one.p_value == pytest.approx(2 / 24)


def test_randomisation_p_is_one_when_pay_does_nothing():
    d = _postings({0.10: 0.7, 0.25: 0.7, 0.40: 0.7, 0.55: 0.7})
    assert randomisation_test(d, "n_correct", "n_gold_labels").p_value == 1.0


def test_wild_bootstrap_enumerates_small_designs_and_rejects_a_strong_effect():
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(4), 50)
    x = np.repeat([0.1, 0.25, 0.4, 0.55], 50)
    X = np.column_stack([np.ones_like(x), x])
    y_null = rng.normal(size=200) + rng.normal(size=4)[groups]
    res = wild_cluster_bootstrap(y_null, X, np.ones(200), groups, 1)
    assert res.enumerated and res.draws == 6**4
    assert 0 <= res.p_value <= 1
    est, se, lo, hi = cluster_t_interval(y_null, X, np.ones(200), groups, 1)
    assert lo < est < hi and se > 0


def test_simulation_follows_the_real_schedule_and_runs_small():
    sim = simulate_w241(seed=3)
    assert sim["posting_id"].nunique() == 8
    plan = sim.groupby("posting_id")[["replication", "slot", "pay_per_task_usd", "night"]].first()
    # The real schedule: each slot holds both weeks, with the pay swapped within the slot.
    assert plan.groupby("slot")["replication"].nunique().eq(2).all()
    assert plan.loc["order1_0.10", "slot"] == plan.loc["order2_0.40", "slot"]
    assert plan.loc["order1_0.10", "night"] == 1.0 and plan.loc["order2_0.10", "night"] == 0.0
    # Quitters save no answers; finishers answer every question.
    assert (sim.loc[sim["completed"] == 0, "n_gold_labels"] == 0).all()
    assert (sim.loc[sim["completed"] == 1, "n_gold_labels"] == 48).all()
    res = check_estimators(3, seed=11, wcb_draws=99)
    acc = res["outcomes"]["accuracy"]
    for key in ("permutation_cover", "wild_bootstrap_wcr_reject", "glm_cluster_z_cover_mcse"):
        assert 0 <= acc[key] <= 1, key


def test_selection_makes_the_finisher_target_differ_from_the_structural_effect():
    no_effect = targets(
        accuracy_logodds_per_step=0.0, completion_logodds_per_step=0.0, selection_on_ability=0.5
    )
    assert no_effect["accuracy"]["logodds_per_unit"] == pytest.approx(0.0, abs=1e-9)
    sel = targets(accuracy_logodds_per_step=0.0, completion_logodds_per_step=0.4)
    # Abler workers finish more often; higher pay lets less able ones finish too.
    assert sel["accuracy"]["logodds_per_unit"] < -0.01
    none = targets(
        accuracy_logodds_per_step=0.0, completion_logodds_per_step=0.4, selection_on_ability=0.0
    )
    assert none["accuracy"]["logodds_per_unit"] == pytest.approx(0.0, abs=1e-9)


def test_batched_slopes_match_single_fits():
    rng = np.random.default_rng(2)
    X = np.column_stack([np.ones(8), np.repeat([0.1, 0.25, 0.4, 0.55], 2), np.tile([0.0, 1.0], 4)])
    n = rng.integers(50, 200, 8).astype(float)
    s = rng.binomial(n.astype(int), 0.6).astype(float)
    Xb = np.stack([X, X[::-1]])
    got = batched_binomial_slopes(Xb, s, n, np.zeros(8), 1)
    assert got[0] == pytest.approx(binomial_irls(X, s, n)[1], abs=1e-7)
    assert got[1] == pytest.approx(binomial_irls(X[::-1], s, n)[1], abs=1e-7)
    y = rng.normal(size=8)
    ols = batched_ols_slopes(Xb, y, 1)
    assert ols[0] == pytest.approx(np.linalg.lstsq(X, y, rcond=None)[0][1])
    singular = np.stack([np.column_stack([np.ones(8), np.ones(8), X[:, 2]])])
    assert np.isnan(batched_binomial_slopes(singular, s, n, np.zeros(8), 1)[0])


def test_permutation_set_contains_the_estimate_and_is_unbounded_with_24_assignments():
    d = _postings({0.10: 0.5, 0.25: 0.62, 0.40: 0.66, 0.55: 0.8})
    tot = d.reset_index(drop=True)
    inv = permutation_inversion(
        tot,
        "pay_per_task_usd",
        (),
        "replication",
        assignment_matrix(tot, "pay_per_task_usd", "replication"),
        successes="n_correct",
        trials="n_gold_labels",
    )
    assert inv.n_assignments == 576 and inv.p_value == pytest.approx(2 / 576)
    assert inv.set_low < inv.estimate < inv.set_high
    assert np.isfinite(inv.set_low) and np.isfinite(inv.set_high) and inv.set_low > 0
    one = tot[tot["replication"] == "order1"].reset_index(drop=True)
    inv1 = permutation_inversion(
        one,
        "pay_per_task_usd",
        (),
        None,
        assignment_matrix(one, "pay_per_task_usd", None),
        successes="n_correct",
        trials="n_gold_labels",
    )
    # Two-sided p >= 2/24 > 5% for every null value: the set is the whole line.
    assert inv1.set_low == -np.inf and inv1.set_high == np.inf


def test_linked_assignments_follow_the_swap():
    tot = _postings({0.10: 0.5, 0.25: 0.6, 0.40: 0.7, 0.55: 0.8})
    swap = {0.10: 0.40, 0.40: 0.10, 0.25: 0.55, 0.55: 0.25}
    tot["slot"] = tot["pay_per_task_usd"].round(2).map(lambda v: f"s{int(round(100 * v))}")
    second = tot["replication"] == "order2"
    tot.loc[second, "slot"] = (
        tot.loc[second, "pay_per_task_usd"]
        .round(2)
        .map(swap)
        .map(lambda v: f"s{int(round(100 * v))}")
    )
    A = linked_assignment_matrix(tot, "pay_per_task_usd", "slot", "replication")
    assert A.shape == (24, 8)
    for row in A:
        by_slot1 = dict(zip(tot.loc[~second, "slot"], row[~second.to_numpy()], strict=True))
        for slot, pay in zip(tot.loc[second, "slot"], row[second.to_numpy()], strict=True):
            assert swap[round(by_slot1[slot], 2)] == pytest.approx(pay)


def test_wild_bootstrap_inverts_to_an_interval_around_the_estimate():
    rng = np.random.default_rng(4)
    groups = np.repeat(np.arange(8), 40)
    x = np.repeat([0.1, 0.25, 0.4, 0.55] * 2, 40)
    X = np.column_stack([np.ones_like(x), x])
    y = 0.5 * x + rng.normal(size=320) * 0.3 + rng.normal(size=8)[groups] * 0.05
    est = cluster_t_interval(y, X, np.ones(320), groups, 1)[0]
    at_est = wild_cluster_bootstrap(y, X, np.ones(320), groups, 1, 999, null_value=est)
    assert at_est.p_value > 0.9
    lo, hi = wild_bootstrap_interval(y, X, np.ones(320), groups, 1, max_draws=999)
    assert lo < est < hi
    assert (
        wild_cluster_bootstrap(y, X, np.ones(320), groups, 1, 999, null_value=hi + 0.5).p_value
        < 0.05
    )


def test_lee_bounds_collapse_when_completion_is_equal():
    b = lee_bounds_pair([0.4, 0.6], 4, [0.5, 0.9], 4)
    assert b["trim_share"] == 0 and b["lower"] == pytest.approx(b["naive"]) == b["upper"]
    b = lee_bounds_pair([0.2, 0.4, 0.6, 0.8], 4, [0.9], 4)  # trims the low-pay arm
    assert b["trimmed_arm"] == "low" and b["lower"] < b["naive"] < b["upper"]


def test_postings_file_is_checked(tmp_path):
    good = load_postings()
    assert good["is_main_design"].sum() == 8
    assert set(good.loc[good["is_main_design"], "slot"]) == {
        "sat_night",
        "sat_day",
        "sun_night",
        "sun_day",
    }
    assert good["notes"].str.len().gt(0).all()
    bad = tmp_path / "postings.csv"
    good.drop(columns=["slot", "posted_at"]).to_csv(bad, index=False)
    with pytest.raises(ParseError, match="missing columns"):
        load_postings(bad)
    broken = good.drop(columns="posted_at").astype(str)
    broken.loc[3, "time_of_day"] = "evening"
    broken.to_csv(bad, index=False)
    with pytest.raises(ParseError, match="row 5|time_of_day"):
        load_postings(bad)
