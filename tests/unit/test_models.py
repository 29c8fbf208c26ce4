import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from ailabor.models.inference import (
    assignments,
    binomial_irls,
    cluster_t_interval,
    randomisation_test,
    wild_cluster_bootstrap,
)
from ailabor.simulate import check_estimators, simulate_w241


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


def test_simulation_recovers_effect_and_ri_has_nominal_size():
    sim = simulate_w241(seed=3)
    assert sim["posting_id"].nunique() == 8
    assert sim.groupby("replication")["pay_per_task_usd"].nunique().tolist() == [4, 4]
    eff = check_estimators(30, seed=11, accuracy_logodds_per_step=0.2)
    assert abs(eff["mean_estimate"] - eff["true_population_averaged"]) < 0.05
    null = check_estimators(30, seed=12, accuracy_logodds_per_step=0.0)
    assert null["rejection_ri"] <= 0.15  # exact test: 5% in expectation
    assert abs(null["mean_estimate"]) < 0.05
