import numpy as np
import pandas as pd
import pytest

from ailabor.quality import (
    DawidSkene,
    MajorityVote,
    OneCoinDawidSkene,
    accuracy_against_gold,
    wilson_interval,
)


def simulate(n_tasks=400, n_workers=30, k=3, per_task=5, seed=1, skip=0.0):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, k, n_tasks)
    skill = np.r_[
        np.full(n_workers // 3, 0.95),
        np.full(n_workers // 3, 0.75),
        np.full(n_workers - 2 * (n_workers // 3), 0.4),
    ]
    rows = []
    for t in range(n_tasks):
        for w in rng.choice(n_workers, per_task, replace=False):
            if rng.random() < skip:
                continue  # worker skipped the task
            lab = truth[t] if rng.random() < skill[w] else (truth[t] + rng.integers(1, k)) % k
            rows.append((f"t{t}", f"w{w:02d}", int(lab)))
    df = pd.DataFrame(rows, columns=["task", "worker", "label"])
    return (
        df,
        pd.Series(truth, index=[f"t{t}" for t in range(n_tasks)]),
        pd.Series(skill, index=[f"w{w:02d}" for w in range(n_workers)]),
    )


@pytest.mark.parametrize("est", [DawidSkene, OneCoinDawidSkene])
def test_ds_beats_majority_vote_and_recovers_worker_skill(est):
    df, truth, skill = simulate(skip=0.2)
    mv = MajorityVote().fit_predict(df)
    ds = est().fit(df)
    acc_mv = (mv == truth[mv.index]).mean()
    acc_ds = (ds.labels_ == truth[ds.labels_.index]).mean()
    assert acc_ds >= acc_mv
    assert acc_ds > 0.85
    # Gold-free worker accuracy tracks the true skill.
    assert np.corrcoef(ds.worker_accuracy_, skill[ds.worker_accuracy_.index])[0, 1] > 0.9
    assert ds.probas_.sum(axis=1).to_numpy() == pytest.approx(1.0)
    assert 1 <= ds.n_iter_ <= 100


def test_ds_is_deterministic_and_order_free():
    df, _, _ = simulate(seed=3)
    a = DawidSkene().fit(df).probas_
    b = DawidSkene().fit(df.sample(frac=1, random_state=0)).probas_
    pd.testing.assert_frame_equal(a, b)


def test_one_coin_skills_and_errors_shape():
    df, _, skill = simulate(k=4, seed=5)
    ds = OneCoinDawidSkene().fit(df)
    assert ds.skills_.between(0, 1).all()
    assert ds.skills_["w00"] > ds.skills_[ds.skills_.index[-1]]
    full = DawidSkene().fit(df)
    # Confusion rows normalise over the labels each worker used.
    sums = full.errors_.groupby(level="worker").sum()
    assert np.allclose(sums.to_numpy(), 1.0)


def test_majority_vote_tie_breaks_to_first_sorted_label():
    df = pd.DataFrame({"task": ["a", "a"], "worker": ["x", "y"], "label": ["dog", "cat"]})
    assert MajorityVote().fit_predict(df).tolist() == ["cat"]


def test_encode_rejects_missing_values():
    with pytest.raises(ValueError, match="must not be missing"):
        DawidSkene().fit(pd.DataFrame({"task": ["a"], "worker": ["x"], "label": [None]}))


def test_wilson_and_accuracy():
    lo, hi = wilson_interval(np.array([0, 10]), np.array([10, 10]))
    assert lo[0] == 0.0 and hi[1] == pytest.approx(1.0)
    assert hi[0] == pytest.approx(0.2775, abs=1e-4)  # 0 of 10: upper Wilson bound
    lo, hi = wilson_interval(0, 0)
    assert np.isnan(lo) and np.isnan(hi)
    df = pd.DataFrame(
        {"w": ["a", "a", "a", "b"], "label": [1, 1, 0, 1], "true_label": [1, 1, 1, None]}
    )
    acc = accuracy_against_gold(df, by="w")
    assert acc.loc["a", "accuracy"] == pytest.approx(2 / 3)
    assert "b" not in acc.index


def test_matches_crowd_kit_when_installed():
    ck = pytest.importorskip("crowdkit.aggregation", reason="crowd-kit is in the bench extra")
    df, _, _ = simulate(seed=7, skip=0.1)
    for ours, theirs in (
        (DawidSkene(), ck.DawidSkene(100)),
        (OneCoinDawidSkene(), ck.OneCoinDawidSkene(100)),
    ):
        a = ours.fit(df).probas_
        b = theirs.fit(df).probas_.sort_index()
        b.columns = b.columns.astype(a.columns.dtype)
        assert np.abs(a.loc[b.index, b.columns].to_numpy() - b.to_numpy()).max() < 1e-6
        assert (ours.labels_[b.index] == theirs.labels_.sort_index()).all()
