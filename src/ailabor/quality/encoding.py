"""Integer encoding of long-format labels, shared by the estimators."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from scipy import sparse


@dataclass(frozen=True)
class Encoded:
    """Labels as integer codes, with the sparse matrices the EM steps use.

    The EM steps work on the (worker, label) *pairs that occur*, not on every
    worker x class cell, so their cost grows with the number of labels and not
    with workers x classes^2 (which is what made 100 classes slow):

    - ``pair_worker``, ``pair_label``: the worker and label code of each pair,
      sorted by worker then label; ``pair_start[w]`` is worker ``w``'s first pair;
    - ``task_pair``: (n_tasks x n_pairs) CSR, entry (t, p) counts how often pair
      ``p`` was given to task ``t``. E-step: ``task_pair @ log_errors`` (rows read
      from the small error array); M-step: ``task_pair.T @ probas``, a CSC product
      that reads the large posterior array in order and scatters into the small
      pair array (about 10x faster than a CSR pair x task product at 5 classes);
    - ``pair_task``: ``task_pair`` transposed as CSR, built on first use only.

    ``counts`` is the older dense-index layout, (n_workers * n_classes) x n_tasks
    with entry (w*K + l, t); it is built on first use only.
    """

    task: np.ndarray
    worker: np.ndarray
    label: np.ndarray
    tasks: pd.Index
    workers: pd.Index
    labels: pd.Index
    pair: np.ndarray
    pair_worker: np.ndarray
    pair_label: np.ndarray
    task_pair: sparse.csr_matrix

    @property
    def n_classes(self) -> int:
        return len(self.labels)

    @property
    def n_pairs(self) -> int:
        return len(self.pair_worker)

    @cached_property
    def pair_start(self) -> np.ndarray:
        """Index of each worker's first pair (every worker has at least one)."""
        return np.searchsorted(self.pair_worker, np.arange(len(self.workers)))

    @cached_property
    def pair_task(self) -> sparse.csr_matrix:
        return self.task_pair.T.tocsr()

    @cached_property
    def counts(self) -> sparse.csr_matrix:
        k = self.n_classes
        counts = sparse.csr_matrix(
            (np.ones(len(self.task)), (self.worker * k + self.label, self.task)),
            shape=(len(self.workers) * k, len(self.tasks)),
        )
        counts.sum_duplicates()
        return counts


def pair_codes(worker: np.ndarray, label: np.ndarray, n_workers: int, k: int):
    """Code each (worker, label) pair that occurs, in (worker, label) order.

    Returns ``(pair, pair_worker, pair_label)``: ``pair[i]`` is row ``i``'s pair code.

    >>> p, pw, pl = pair_codes(np.array([1, 0, 1, 1]), np.array([2, 0, 2, 0]), 2, 3)
    >>> p.tolist(), pw.tolist(), pl.tolist()
    ([2, 0, 2, 1], [0, 1, 1], [0, 0, 2])
    """
    key = worker.astype(np.int64) * k + label
    if n_workers * k <= 4 * len(key) + 1024:  # a dense lookup table is cheap: O(n), no sort
        seen = np.bincount(key, minlength=n_workers * k) > 0
        keys = np.flatnonzero(seen)
        lookup = np.cumsum(seen) - 1
        pair = lookup[key]
    else:
        keys, pair = np.unique(key, return_inverse=True)
    return pair.astype(np.int64, copy=False), keys // k, keys % k


def sparse_by_row(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int):
    """CSR matrix of ones at (rows, cols), repeated entries kept (they add up in products).

    Built with one stable counting sort, without scipy's COO sort and duplicate pass.

    >>> sparse_by_row(np.array([1, 0, 1]), np.array([2, 0, 2]), 2, 3).toarray().tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 2.0]]
    """
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    idx_dtype = np.int32 if max(n_cols, len(rows)) < 2**31 - 1 else np.int64
    m = sparse.csr_matrix(
        (np.ones(len(rows)), cols[order].astype(idx_dtype), indptr.astype(idx_dtype)),
        shape=(n_rows, n_cols),
    )
    return m


def encode(data: pd.DataFrame) -> Encoded:
    """Encode ``task``, ``worker`` and ``label`` columns (sorted, so results are deterministic).

    >>> e = encode(pd.DataFrame({"task": ["b", "a", "a"], "worker": ["w1", "w1", "w2"], "label": [1, 0, 0]}))
    >>> list(e.tasks), e.task.tolist(), e.counts.shape, e.pair_task.shape
    (['a', 'b'], [1, 0, 0], (4, 2), (3, 2))
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
    return encode_codes(t, w, lab, pd.Index(tasks), pd.Index(workers), pd.Index(labels))


def encode_codes(t, w, lab, tasks, workers, labels) -> Encoded:
    """Build :class:`Encoded` from integer codes and their category indexes."""
    k = len(labels)
    pair, pair_worker, pair_label = pair_codes(w, lab, len(workers), k)
    n_pairs, n_tasks = len(pair_worker), len(tasks)
    return Encoded(
        t,
        w,
        lab,
        pd.Index(tasks, name="task"),
        pd.Index(workers, name="worker"),
        pd.Index(labels, name="label"),
        pair,
        pair_worker,
        pair_label,
        sparse_by_row(t, pair, n_tasks, n_pairs),
    )


def vote_fractions(enc: Encoded) -> np.ndarray:
    """Share of each task's labels that are each class (n_tasks x K)."""
    k = enc.n_classes
    votes = np.bincount(enc.task * k + enc.label, minlength=len(enc.tasks) * k).reshape(-1, k)
    return votes / votes.sum(axis=1, keepdims=True)
