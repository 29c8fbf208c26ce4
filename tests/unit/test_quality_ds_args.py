"""crowd-kit 1.4's arguments on the Dawid-Skene estimators: true_labels and initial_error,
and the single-class one-coin fit (issue 13, friction 6-7)."""

import warnings

import numpy as np
import pandas as pd
import pytest

from ailabor.quality import DawidSkene, OneCoinDawidSkene
from ailabor.quality.dawid_skene import EPS

# Two tasks, three workers: majority says task 1 is 0 and task 2 is 1.
TINY = pd.DataFrame(
    {"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 0]}
)


def simulate(n_tasks=300, n_workers=20, k=3, per_task=5, seed=5):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, k, n_tasks)
    skill = np.linspace(0.3, 0.95, n_workers)
    t = np.repeat(np.arange(n_tasks), per_task)
    w = np.concatenate([rng.choice(n_workers, per_task, replace=False) for _ in range(n_tasks)])
    right = rng.random(len(t)) < skill[w]
    label = np.where(right, truth[t], (truth[t] + rng.integers(1, k, len(t))) % k)
    df = pd.DataFrame({"task": [f"t{i:03d}" for i in t], "worker": [f"w{i:02d}" for i in w]})
    df["label"] = label
    return df, pd.Series(truth, index=[f"t{i:03d}" for i in range(n_tasks)])


def test_true_labels_fix_gold_posteriors():
    ds = DawidSkene().fit(TINY, true_labels=pd.Series({1: 1, 99: 0, 2: np.nan}))
    # Task 1 is fixed to its gold label 1 against the majority; task 99 (not in the data)
    # and a missing gold value are ignored.
    assert ds.probas_.loc[1].tolist() == [0.0, 1.0]
    # Gold says a and b were wrong on task 1 and c right, so task 2 follows c (as crowd-kit 1.4).
    assert ds.labels_.tolist() == [1, 0]
    assert DawidSkene().fit(TINY).labels_.tolist() == [0, 1]


def test_true_labels_with_an_unseen_label_is_an_error():
    with pytest.raises(ValueError, match="no worker gave"):
        DawidSkene().fit(TINY, true_labels=pd.Series({1: 7}))


def test_true_labels_of_another_type_warn():
    with pytest.warns(UserWarning, match="none of its tasks"):
        DawidSkene().fit(TINY, true_labels=pd.Series({"1": 1}))


def test_initial_error_assign_is_normalised_per_worker():
    idx = pd.MultiIndex.from_product([list("abc"), [0, 1]], names=["worker", "label"])
    init = pd.DataFrame([[9, 1], [1, 9]] * 3, index=idx, columns=[0, 1])
    ds = DawidSkene(n_iter=0, initial_error_strategy="assign").fit(TINY, initial_error=init)
    # Counts are normalised over each worker's observed labels, per true class: 9/10, 1/10.
    assert np.allclose(ds.errors_.loc["a"].to_numpy(), [[0.9, 0.1], [0.1, 0.9]])
    # 'assign' needs every (worker, label) pair in the data.
    with pytest.raises(ValueError, match="every \\(worker, label\\) pair"):
        DawidSkene(initial_error_strategy="assign").fit(TINY, initial_error=init.iloc[1:])


def test_initial_error_addition_adds_counts():
    # Majority-vote posteriors: task 1 = [2/3, 1/3], task 2 = [1/3, 2/3]. Worker a gave 0 to
    # task 1 and 1 to task 2, so its M-step counts are [[2/3, 1/3], [1/3, 2/3]]; adding
    # [[3, 0], [0, 3]] and normalising per true class gives 11/3 / (11/3 + 1/3) = 11/12.
    idx = pd.MultiIndex.from_tuples([("a", 0), ("a", 1)], names=["worker", "label"])
    init = pd.DataFrame([[3.0, 0.0], [0.0, 3.0]], index=idx, columns=[0, 1])
    ds = DawidSkene(n_iter=0, initial_error_strategy="addition").fit(TINY, initial_error=init)
    assert np.allclose(ds.errors_.loc["a"].to_numpy(), [[11 / 12, 1 / 12], [1 / 12, 11 / 12]])
    # Workers not in initial_error keep their plain M-step errors.
    plain = DawidSkene(n_iter=0).fit(TINY)
    assert np.allclose(ds.errors_.loc["b"].to_numpy(), plain.errors_.loc["b"].to_numpy())


def test_initial_error_without_strategy_warns_and_is_ignored_like_crowd_kit():
    idx = pd.MultiIndex.from_tuples([("a", 0), ("a", 1)], names=["worker", "label"])
    init = pd.DataFrame([[3.0, 0.0], [0.0, 3.0]], index=idx, columns=[0, 1])
    with pytest.warns(UserWarning, match="initial_error_strategy"):
        ds = DawidSkene().fit(TINY, initial_error=init)
    assert np.allclose(ds.probas_, DawidSkene().fit(TINY).probas_)
    with pytest.raises(ValueError, match="indexed by"):
        DawidSkene(initial_error_strategy="addition").fit(TINY, initial_error=init.reset_index())


def test_one_coin_single_class_has_no_invalid_division():
    df = pd.DataFrame({"task": [1, 1, 2], "worker": list("abc"), "label": [1, 1, 1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        oc = OneCoinDawidSkene().fit(df)
    assert oc.labels_.tolist() == [1, 1]
    assert np.allclose(oc.skills_, 1.0)
    assert np.allclose(oc.errors_.to_numpy(), 1 - EPS)


def test_one_coin_takes_true_labels_but_no_initial_error():
    oc = OneCoinDawidSkene().fit(TINY, true_labels=pd.Series({1: 1}))
    assert oc.probas_.loc[1].tolist() == [0.0, 1.0]
    assert oc.labels_.tolist() == [1, 0]
    with pytest.raises(ValueError, match="no initial_error"):
        OneCoinDawidSkene().fit(TINY, initial_error=pd.DataFrame())


def test_arguments_match_crowd_kit_when_installed():
    ck = pytest.importorskip("crowdkit.aggregation", reason="crowd-kit is in the bench extra")
    df, truth = simulate()
    gold = truth.iloc[::4]
    a = DawidSkene().fit(df, true_labels=gold)
    b = ck.DawidSkene(100).fit(df, true_labels=gold)
    pb = b.probas_.sort_index()
    assert np.abs(a.probas_.loc[pb.index, pb.columns].to_numpy() - pb.to_numpy()).max() < 1e-6
    assert a.n_iter_ == len(b.loss_history_)
    # initial errors: every pair, as probabilities (assign), and partial counts (addition).
    full = DawidSkene(n_iter=0).fit(df).errors_
    skewed = full.copy()
    skewed.iloc[:, 0] = skewed.iloc[:, 0] ** 2
    skewed = skewed / skewed.groupby(level="worker").transform("sum")
    partial = (full.loc[["w00", "w01", "w02"]] * 50).round()
    for strategy, init in (("assign", skewed), ("addition", partial)):
        a = DawidSkene(initial_error_strategy=strategy).fit(df, initial_error=init)
        b = ck.DawidSkene(100, initial_error_strategy=strategy).fit(df, initial_error=init)
        pb = b.probas_.sort_index()
        diff = np.abs(a.probas_.loc[pb.index, pb.columns].to_numpy() - pb.to_numpy()).max()
        assert diff < 1e-6, strategy
        assert a.n_iter_ == len(b.loss_history_), strategy
