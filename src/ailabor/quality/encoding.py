"""Integer encoding of long-format labels, shared by the estimators."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse


@dataclass(frozen=True)
class Encoded:
    """Labels as integer codes, with the sparse count matrix the EM steps use.

    ``counts`` is (n_workers * n_classes) x n_tasks: entry (w*K + l, t) counts how
    often worker ``w`` gave label ``l`` to task ``t``.
    """

    task: np.ndarray
    worker: np.ndarray
    label: np.ndarray
    tasks: pd.Index
    workers: pd.Index
    labels: pd.Index
    counts: sparse.csr_matrix

    @property
    def n_classes(self) -> int:
        return len(self.labels)


def encode(data: pd.DataFrame) -> Encoded:
    """Encode ``task``, ``worker`` and ``label`` columns (sorted, so results are deterministic).

    >>> e = encode(pd.DataFrame({"task": ["b", "a", "a"], "worker": ["w1", "w1", "w2"], "label": [1, 0, 0]}))
    >>> list(e.tasks), e.task.tolist(), e.counts.shape
    (['a', 'b'], [1, 0, 0], (4, 2))
    """
    missing = [c for c in ("task", "worker", "label") if c not in data.columns]
    if missing:
        raise ValueError(f"labels need columns task, worker, label; missing {missing}")
    d = data[["task", "worker", "label"]]
    if d.isna().any().any():
        raise ValueError("task, worker and label must not be missing; drop unanswered rows first")
    t, tasks = pd.factorize(d["task"], sort=True)
    w, workers = pd.factorize(d["worker"], sort=True)
    lab, labels = pd.factorize(d["label"], sort=True)
    k = len(labels)
    counts = sparse.csr_matrix(
        (np.ones(len(d)), (w * k + lab, t)), shape=(len(workers) * k, len(tasks))
    )
    counts.sum_duplicates()
    return Encoded(
        t,
        w,
        lab,
        pd.Index(tasks, name="task"),
        pd.Index(workers, name="worker"),
        pd.Index(labels, name="label"),
        counts,
    )


def vote_fractions(enc: Encoded) -> np.ndarray:
    """Share of each task's labels that are each class (n_tasks x K)."""
    k = enc.n_classes
    votes = np.bincount(enc.task * k + enc.label, minlength=len(enc.tasks) * k).reshape(-1, k)
    return votes / votes.sum(axis=1, keepdims=True)
