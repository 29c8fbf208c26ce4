"""MACE, the uncertainty helpers and the benchmark scoring, on tiny frames."""

import numpy as np
import pandas as pd
import pytest

from ailabor.quality import (
    MACE,
    TIE_RULE,
    DawidSkene,
    MajorityVote,
    OneCoinDawidSkene,
    task_posteriors,
    worker_error_intervals,
)
from ailabor.quality.encoding import encode
from ailabor.quality.mace import e_step, m_step
from ailabor.quality.uncertainty import bootstrap_worker_error, jeffreys_interval
from ailabor.quality.validate import benchmark_dataset, describe_dataset, gold_by_task
from tests.unit.test_quality import simulate


def test_mace_e_and_m_step_by_hand():
    # Task 0: a says 0, b says 1. theta = (0.8, 0.5); spam distributions uniform over 2 labels.
    # T=0: a gives 0 w.p. 0.8 + 0.2*0.5 = 0.9, b gives 1 w.p. 0.5*0.5 = 0.25 -> 0.225
    # T=1: a: 0.2*0.5 = 0.1; b: 0.5 + 0.25 = 0.75 -> 0.075. Posterior P(T=0) = 0.75.
    enc = encode(pd.DataFrame({"task": [0, 0], "worker": ["a", "b"], "label": [0, 1]}))
    theta, xi = np.array([0.8, 0.5]), np.full((2, 2), 0.5)
    p, ll = e_step(enc, theta, xi)
    assert p[0].tolist() == pytest.approx([0.75, 0.25])
    assert ll == pytest.approx(np.log(0.5 * 0.225 + 0.5 * 0.075))  # uniform prior 1/2
    # P(spam) for a: 1 - 0.75 * 0.8 / 0.9 = 1/3; for b: 1 - 0.25 * 0.5 / 0.75 = 5/6.
    new_theta, new_xi = m_step(enc, p, theta, xi, smoothing=0.0)
    assert new_theta.tolist() == pytest.approx([2 / 3, 1 / 6])
    assert new_xi.ravel().tolist() == pytest.approx([1.0, 0.0, 0.0, 1.0])


def test_mace_finds_spammers_and_beats_majority_vote():
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 3, 300)
    rows = []
    for t in range(300):
        for w in range(8):
            if w < 5:  # careful workers: right 70% of the time (theta = 0.55 in MACE's terms)
                lab = truth[t] if rng.random() < 0.7 else (truth[t] + rng.integers(1, 3)) % 3
            else:  # spammers: always the first option
                lab = 0
            rows.append((t, f"w{w}", int(lab)))
    df = pd.DataFrame(rows, columns=["task", "worker", "label"])
    mace = MACE().fit(df)
    mv = MajorityVote().fit_predict(df)
    acc = (mace.labels_.to_numpy() == truth).mean()
    assert acc > 0.85 > 0.6 > (mv.to_numpy() == truth).mean()
    assert mace.competence_[[f"w{i}" for i in range(5)]].between(0.45, 0.65).all()
    assert (mace.competence_[["w5", "w6", "w7"]] < 0.05).all()
    assert (mace.spam_.loc[["w5", "w6", "w7"], 0] > 0.95).all()
    assert mace.probas_.sum(axis=1).to_numpy() == pytest.approx(1.0)
    assert 1 <= mace.n_iter_ <= 100


def test_tie_rule_is_the_same_for_every_estimator():
    df = pd.DataFrame({"task": [1, 1], "worker": ["a", "b"], "label": [10, 2]})
    for est in (MajorityVote(), DawidSkene(), OneCoinDawidSkene(), MACE()):
        assert est.fit_predict(df).tolist() == [2], type(est).__name__
    s = df.assign(label=df["label"].astype(str))
    for est in (MajorityVote(), DawidSkene(), MACE()):
        assert est.fit_predict(s).tolist() == ["10"], type(est).__name__
    assert "smallest" in TIE_RULE


def test_majority_vote_worker_agreement():
    df = pd.DataFrame(
        {"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 0]}
    )
    mv = MajorityVote().fit(df)
    assert mv.worker_accuracy_.to_dict() == {"a": 1.0, "b": 1.0, "c": 0.0}
    assert mv.worker_n_labels_.tolist() == [2, 2, 2]


def test_jeffreys_interval_edges():
    lo, hi = jeffreys_interval(np.array([0.0, 10.0, 0.0]), np.array([10, 10, 0]))
    assert lo[0] == 0.0 and hi[1] == 1.0
    assert np.isnan(lo[2]) and np.isnan(hi[2])
    lo, hi = jeffreys_interval(5.0, 10)
    assert lo < 0.5 < hi and lo == pytest.approx(1 - hi)


def test_worker_error_intervals_cover_true_error_in_simulation():
    df, _, skill = simulate(n_tasks=600, n_workers=30, k=2, per_task=6, seed=11)
    ds = OneCoinDawidSkene().fit(df)
    iv = worker_error_intervals(ds)
    true_err = 1 - skill[iv.index]
    inside = (iv["error_ci_low"] <= true_err) & (true_err <= iv["error_ci_high"])
    assert inside.mean() >= 0.8
    assert (iv["error_ci_high"] - iv["error_ci_low"]).gt(0).all()
    assert iv["n_labels"].sum() == len(df)
    boot = worker_error_intervals(ds, data=df, method="bootstrap", n_boot=20, seed=1)
    assert (boot["error_ci_low"] <= boot["error"]).all()
    assert ((boot["error_ci_low"] <= true_err) & (true_err <= boot["error_ci_high"])).mean() >= 0.7
    with pytest.raises(ValueError, match="pass data="):
        worker_error_intervals(ds, method="bootstrap")


def test_bootstrap_resamples_tasks_as_new_tasks():
    df = pd.DataFrame({"task": [1, 1, 2, 2], "worker": list("abab"), "label": [0, 0, 1, 1]})
    boot = bootstrap_worker_error(MajorityVote(), df, n_boot=5, seed=0)
    assert boot.shape == (2, 5)
    assert (boot == 0).all().all()  # a and b always agree


def test_task_posteriors_long_and_wide():
    df, _, _ = simulate(n_tasks=50, seed=2)
    ds = DawidSkene().fit(df)
    wide = task_posteriors(ds)
    assert (wide["label"] == ds.labels_).all()
    assert wide["probability"].between(1 / 3, 1).all()
    assert (wide["margin"] >= 0).all() and (wide["entropy"] >= 0).all()
    long = task_posteriors(ds, long=True)
    assert len(long) == 50 * 3
    assert long.groupby("task")["probability"].sum().to_numpy() == pytest.approx(1.0)


def test_benchmark_rows_on_a_tiny_set():
    df, truth, _ = simulate(n_tasks=200, n_workers=12, k=2, per_task=5, seed=4)
    df["true_label"] = df["task"].map(truth)
    df.loc[df["task"].isin([f"t{i}" for i in range(100)]), "true_label"] = np.nan
    out = benchmark_dataset(df, "toy")
    assert out["method"].tolist() == ["majority_vote", "ds_one_coin", "ds_full", "mace"]
    assert (out["n_gold_tasks"] == 100).all()
    mv = out.set_index("method").loc["majority_vote"]
    pred = MajorityVote().fit_predict(df)
    gold = truth[[f"t{i}" for i in range(100, 200)]]
    assert mv["label_accuracy"] == pytest.approx((pred[gold.index] == gold).mean())
    assert (out["label_accuracy_ci_low"] <= out["label_accuracy"]).all()
    assert out.set_index("method").loc["ds_one_coin", "worker_rank_spearman"] > 0.5
    assert (out["n_iterations"] > 0).sum() == 3


def test_describe_and_gold_by_task():
    d = pd.DataFrame(
        {
            "task": ["a", "a", "a", "b"],
            "worker": ["x", "x", "y", "x"],
            "label": [1, 0, 1, 1],
            "true_label": [1, 1, 1, None],
        }
    )
    info = describe_dataset(d, min_gold=2)
    assert info["n_duplicate_pairs"] == 1 and info["n_workers_ranked"] == 1
    assert info["n_gold_tasks"] == 1 and info["n_classes"] == 2
    with pytest.raises(ValueError, match="conflicting gold"):
        gold_by_task(d.assign(true_label=[1, 0, 1, None]))


def test_interval_coverage_on_a_simulated_design():
    from ailabor.quality.uncertainty import interval_coverage, simulate_one_coin_like

    df, truth, skill = simulate(n_tasks=300, n_workers=20, k=2, per_task=5, seed=8)
    sim = simulate_one_coin_like(df, skill, truth, seed=0)
    assert list(sim.columns) == ["task", "worker", "label"] and len(sim) == len(df)
    right = (sim["label"] == sim["task"].map(truth)).groupby(sim["worker"]).mean()
    assert np.corrcoef(right, skill[right.index])[0, 1] > 0.9
    cov = interval_coverage(df, OneCoinDawidSkene, n_sim=8)
    assert 0.8 <= cov["coverage"] <= 1.0 and cov["n_workers"] == 20
    assert 0 < cov["mean_width"] < 0.5
