"""Accuracy against gold labels, with Wilson score intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import norm


def wilson_interval(successes, n, level: float = 0.95):
    """Wilson score interval for a binomial proportion (NA where n == 0).

    >>> lo, hi = wilson_interval(8, 10)
    >>> round(float(lo), 4), round(float(hi), 4)
    (0.4902, 0.9433)
    """
    successes = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = successes / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    lo = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    hi = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return lo, hi


def accuracy_against_gold(labels: pd.DataFrame, by: str | list[str] = "worker") -> pd.DataFrame:
    """Per-group correct / answered on rows that have a ``true_label``, with a Wilson interval.

    >>> df = pd.DataFrame({"worker": ["a", "a", "b"], "label": ["x", "y", "x"], "true_label": ["x", "x", "x"]})
    >>> accuracy_against_gold(df)[["n_gold_labels", "n_correct", "accuracy"]].to_dict("list")
    {'n_gold_labels': [2, 1], 'n_correct': [1, 1], 'accuracy': [0.5, 1.0]}
    """
    g = labels[labels["true_label"].notna()]
    correct = (g["label"] == g["true_label"]).astype(int)
    out = correct.groupby([g[c] for c in ([by] if isinstance(by, str) else by)]).agg(
        ["size", "sum"]
    )
    out.columns = ["n_gold_labels", "n_correct"]
    out["accuracy"] = out["n_correct"] / out["n_gold_labels"]
    lo, hi = wilson_interval(out["n_correct"], out["n_gold_labels"])
    out["accuracy_ci_low"], out["accuracy_ci_high"] = lo, hi
    return out
