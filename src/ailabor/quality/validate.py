"""Check the gold-free estimators against gold: one row per dataset x method.

For each method: the accuracy of its aggregated labels on the tasks with gold (with a
Wilson interval over those tasks), and the Spearman rank correlation between its
gold-free estimate of each worker's accuracy (``worker_accuracy_``; for majority vote,
agreement with the majority) and the worker's accuracy against gold, over workers with
at least ``MIN_GOLD_LABELS`` gold-labelled answers. Fit seconds are wall-clock time on
the machine that ran it: machine-dependent, never compared byte for byte.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from ailabor.quality.dawid_skene import DawidSkene, OneCoinDawidSkene
from ailabor.quality.gold import wilson_interval
from ailabor.quality.mace import MACE
from ailabor.quality.majority_vote import MajorityVote

MIN_GOLD_LABELS = 10
# method name -> estimator factory (the order is the order of the table and figure)
METHODS = {
    "majority_vote": MajorityVote,
    "ds_one_coin": OneCoinDawidSkene,
    "ds_full": DawidSkene,
    "mace": MACE,
}
METHOD_NAMES = {
    "majority_vote": "Majority vote",
    "ds_one_coin": "One-coin Dawid-Skene",
    "ds_full": "Full Dawid-Skene",
    "mace": "MACE",
}


def gold_by_task(labels: pd.DataFrame) -> pd.Series:
    """Each task's gold label (rows without gold ignored); conflicting gold raises.

    >>> gold_by_task(pd.DataFrame({"task": ["a", "a", "b"], "true_label": [1, 1, None]})).to_dict()
    {'a': 1.0}
    """
    g = labels.dropna(subset=["true_label"])
    n = g.groupby("task")["true_label"].nunique()
    if (bad := n[n > 1]).size:
        raise ValueError(f"tasks with conflicting gold labels: {list(bad.index[:5])}")
    return g.groupby("task")["true_label"].first()


def describe_dataset(labels: pd.DataFrame, min_gold: int = MIN_GOLD_LABELS) -> dict:
    """Counts that do not depend on the method.

    >>> d = pd.DataFrame({"task": ["a", "a", "b"], "worker": ["x", "y", "x"], "label": [1, 0, 1], "true_label": [1, 1, None]})
    >>> describe_dataset(d, min_gold=1)["n_workers_ranked"]
    2
    """
    gold_rows = labels["true_label"].notna()
    per_worker = gold_rows.groupby(labels["worker"]).sum()
    return {
        "n_labels_in_dataset": len(labels),
        "n_tasks": labels["task"].nunique(),
        "n_workers": labels["worker"].nunique(),
        "n_classes": labels["label"].nunique(),
        "n_gold_tasks": int(labels.loc[gold_rows, "task"].nunique()),
        "n_duplicate_pairs": int(
            labels[labels.duplicated(["worker", "task"], keep=False)]
            .groupby(["worker", "task"])
            .ngroups
        ),
        "n_workers_ranked": int((per_worker >= min_gold).sum()),
    }


def score_method(est, labels: pd.DataFrame, min_gold: int = MIN_GOLD_LABELS) -> dict:
    """Fit ``est`` on the labels (gold hidden) and score it against gold."""
    t0 = time.perf_counter()
    est.fit(labels[["task", "worker", "label"]])
    seconds = time.perf_counter() - t0
    gold = gold_by_task(labels)
    pred = est.labels_.reindex(gold.index)
    correct = (pred == gold).astype(float)
    n_gold = int(len(gold))
    lo, hi = wilson_interval(correct.sum(), n_gold)
    g = labels.dropna(subset=["true_label"])
    gold_acc = (g["label"] == g["true_label"]).groupby(g["worker"]).agg(["mean", "size"])
    keep = gold_acc.index[gold_acc["size"] >= min_gold]
    est_acc = est.worker_accuracy_.reindex(keep)
    rho = np.nan
    if len(keep) >= 3:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # constant input: rho is undefined (NaN)
            rho = float(spearmanr(est_acc, gold_acc.loc[keep, "mean"]).statistic)
    return {
        "label_accuracy": float(correct.mean()) if n_gold else np.nan,
        "label_accuracy_ci_low": float(lo),
        "label_accuracy_ci_high": float(hi),
        "worker_rank_spearman": rho,
        "n_iterations": int(getattr(est, "n_iter_", 0)),
        "fit_seconds": seconds,
    }


def benchmark_dataset(
    labels: pd.DataFrame, dataset: str, methods=None, min_gold: int = MIN_GOLD_LABELS
) -> pd.DataFrame:
    """One row per method for one dataset in the long layout (task, worker, label, true_label)."""
    methods = METHODS if methods is None else methods
    base = {"dataset": dataset, **describe_dataset(labels, min_gold)}
    rows = [
        {**base, "method": name, **score_method(make(), labels, min_gold)}
        for name, make in methods.items()
    ]
    return pd.DataFrame(rows)
