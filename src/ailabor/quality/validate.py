"""Check the gold-free estimators against gold on real data.

For each dataset with gold: the Spearman rank correlation between gold-free
worker error (Dawid-Skene) and error against gold, over workers with at least
``min_labels`` labels; and the accuracy of aggregated labels (majority vote,
one-coin and full Dawid-Skene) against gold.
"""

from __future__ import annotations

import pandas as pd
from scipy.stats import spearmanr

from ailabor.quality import DawidSkene, MajorityVote, OneCoinDawidSkene

MIN_LABELS = 20


def validate_dataset(labels: pd.DataFrame, min_labels: int = MIN_LABELS) -> dict:
    """Validation numbers for one dataset in the canonical long layout (with true_label)."""
    d = labels[["task", "worker", "label", "true_label"]].dropna(subset=["label"])
    gold = d.dropna(subset=["true_label"]).groupby("task")["true_label"].first()
    gold_err = 1 - (d["label"] == d["true_label"]).groupby(d["worker"]).mean()
    n = d.groupby("worker").size()
    out = {
        "labels": len(d),
        "tasks": d["task"].nunique(),
        "workers": len(n),
        "workers_with_min_labels": int((n >= min_labels).sum()),
    }
    for name, est in (
        ("mv", MajorityVote()),
        ("ds_one_coin", OneCoinDawidSkene()),
        ("ds_full", DawidSkene()),
    ):
        agg = est.fit_predict(d[["task", "worker", "label"]])
        common = agg.index.intersection(gold.index)
        out[f"{name}_label_accuracy"] = float((agg[common] == gold[common]).mean())
        if name != "mv":
            err = 1 - est.worker_accuracy_
            keep = n[n >= min_labels].index
            rho = spearmanr(err[keep], gold_err[keep]).statistic
            out[f"{name}_worker_error_spearman"] = float(rho)
            out[f"{name}_iterations"] = est.n_iter_
    return out


def validate_all(
    annotations: pd.DataFrame, datasets=("zencrowd_us", "zencrowd_in", "snow2008_rte")
) -> pd.DataFrame:
    rows = []
    for ds in datasets:
        sub = annotations[(annotations["dataset"] == ds) & ~annotations["is_screener"].astype(bool)]
        rows.append({"dataset": ds, **validate_dataset(sub)})
    return pd.DataFrame(rows).set_index("dataset")
