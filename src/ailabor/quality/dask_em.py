"""Dawid–Skene past one machine: the same EM over a Dask dataframe partitioned by task.

Optional (``pip install 'ailabor[dask]'``); import this module only when you use it.

Each partition holds whole tasks. The E-step runs inside the partitions (a task's
posterior needs only its own labels and the current priors and error matrices);
the M-step is a sum of per-partition counts: for each (worker, label) pair, the
posterior mass of every true class over the tasks where the pair occurs. The bound
that stops EM is also a sum of per-partition terms, because
``sum_t p_t . sum_{labels of t} log e = sum_pairs counts . log e``. So each
iteration is one pass over the partitions, which stay in the cluster's memory
(persisted), and the driver holds only the small n_pairs x K arrays. Parquet is
read partition by partition, never whole.

Same initialisation, updates, clipping and stopping rule as
:class:`ailabor.quality.DawidSkene` (``tests/unit/test_quality_dask.py`` checks the
posteriors agree to 1e-8). Gold labels and initial error matrices are not
supported here.

Example (a local cluster; any ``dask.distributed`` client works the same way)::

    from dask.distributed import Client, LocalCluster
    from ailabor.quality.dask_em import DaskDawidSkene

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False) as cluster, Client(cluster):
        ds = DaskDawidSkene().fit("labels.parquet", partitioned_by_task=True)
        ds.probas_  # pandas: one row per task
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.quality.dawid_skene import EPS, normalise_per_worker, posteriors_and_entropy
from ailabor.quality.encoding import sparse_by_row

COLUMNS = ["task", "worker", "label"]


def _import_dask():
    """dask is imported on use, so this module (and its doctests) load without it."""
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "DaskDawidSkene needs dask: pip install 'ailabor[dask]' (dask[distributed,dataframe])"
        ) from e
    return dask, dd


def _observed_pairs(part: pd.DataFrame) -> pd.DataFrame:
    return part[["worker", "label"]].drop_duplicates()


def _encode_part(part: pd.DataFrame, workers: pd.Index, labels: pd.Index, pair_keys: np.ndarray):
    """One partition as arrays: local task codes, global pair codes, the two sparse
    matrices, and the majority-vote posteriors EM starts from."""
    if part[COLUMNS].isna().any().any():
        raise ValueError("task, worker and label must not be missing; drop unanswered rows first")
    k = len(labels)
    t, tasks = pd.factorize(part["task"], sort=True)
    w = workers.get_indexer(part["worker"])
    lab = labels.get_indexer(part["label"])
    pair = np.searchsorted(pair_keys, w.astype(np.int64) * k + lab)
    pairs, local_pair = np.unique(pair, return_inverse=True)
    n_tasks = len(tasks)
    votes = np.bincount(t * k + lab, minlength=n_tasks * k).reshape(-1, k).astype(float)
    return {
        "tasks": pd.Index(tasks),
        "t": t,
        "w": w,
        "lab": lab,
        "pairs": pairs,
        "task_pair": sparse_by_row(t, local_pair, n_tasks, len(pairs)),
        "n_per_task": np.bincount(t, minlength=n_tasks).astype(float),
        "probas": votes / votes.sum(axis=1, keepdims=True),
        "entropy": 0.0,
    }


def _e_step(state: dict, log_err: np.ndarray, log_prior: np.ndarray) -> dict:
    logits = state["task_pair"] @ log_err[state["pairs"]]
    probas, entropy = posteriors_and_entropy(logits, log_prior)
    return {**state, "probas": probas, "entropy": float(entropy.sum())}


def _stats(state: dict) -> tuple:
    """What the driver needs from a partition: its M-step counts and bound terms."""
    p = state["probas"]
    return (
        state["pairs"],
        state["task_pair"].T @ p,
        np.einsum("ij->j", p),
        np.einsum("i,ij->j", state["n_per_task"], p),
        state["entropy"],
        len(p),
        len(state["t"]),
    )


def _result(state: dict, n_workers: int) -> tuple:
    p = state["probas"]
    correct = np.bincount(state["w"], weights=p[state["t"], state["lab"]], minlength=n_workers)
    return state["tasks"], p, correct, np.bincount(state["w"], minlength=n_workers)


def _as_pandas_str(index: pd.Index, name: str) -> pd.Index:
    """Dask reads text as pyarrow strings with NA semantics; give back pandas' ``str``."""
    if isinstance(index.dtype, pd.StringDtype):
        index = index.astype("str")
    return index.rename(name)


class DaskDawidSkene:
    """Full-confusion Dawid–Skene by EM over a Dask dataframe (see the module docstring).

    ``fit(data)`` takes a Dask dataframe with ``task``, ``worker`` and ``label``
    columns, or a path (or list of paths) to Parquet. With
    ``partitioned_by_task=False`` (the default) the labels are first shuffled so
    that each task sits in one partition; pass ``True`` when they already are (a
    task found in two partitions is then an error). Fitted attributes as in
    :class:`ailabor.quality.DawidSkene` (``probas_``, ``labels_``, ``priors_``,
    ``errors_``, ``worker_accuracy_``, ``worker_n_labels_``, ``n_iter_``,
    ``loss_history_``), as pandas objects on the driver.
    """

    def __init__(self, n_iter: int = 100, tol: float = 1e-5):
        self.n_iter = n_iter
        self.tol = tol

    def fit(self, data, partitioned_by_task: bool = False) -> DaskDawidSkene:
        dask, dd = _import_dask()
        ddf = data if isinstance(data, dd.DataFrame) else dd.read_parquet(data, columns=COLUMNS)
        missing = [c for c in COLUMNS if c not in ddf.columns]
        if missing:
            raise ValueError(
                f"labels need columns task, worker, label; missing {missing}; "
                f"found {list(ddf.columns)}"
            )
        ddf = ddf[COLUMNS]
        if not partitioned_by_task:
            ddf = ddf.shuffle(on="task").persist()  # shuffled once, not once per pass
        # Pass 1: the (worker, label) pairs that occur (small), hence workers, labels, pairs.
        pairs_df = (
            ddf.map_partitions(_observed_pairs, meta=ddf[["worker", "label"]]._meta)
            .compute()
            .drop_duplicates()
        )
        # Sorted as the in-memory encode() sorts them (pd.factorize), so outputs line up.
        workers = _as_pandas_str(pd.Index(pd.factorize(pairs_df["worker"], sort=True)[1]), "worker")
        labels = _as_pandas_str(pd.Index(pd.factorize(pairs_df["label"], sort=True)[1]), "label")
        k = len(labels)
        keys = np.sort(
            workers.get_indexer(pairs_df["worker"]).astype(np.int64) * k
            + labels.get_indexer(pairs_df["label"])
        )
        pair_worker, pair_label = keys // k, keys % k
        pair_start = np.searchsorted(pair_worker, np.arange(len(workers)))
        # Pass 2: encode each partition once and keep it in the cluster's memory.
        states = [
            dask.delayed(_encode_part)(part, workers, labels, keys) for part in ddf.to_delayed()
        ]
        states = list(dask.persist(*states))

        def reduce_stats():
            parts = dask.compute(*[dask.delayed(_stats)(s) for s in states])
            counts = np.zeros((len(keys), k))
            for pairs, c, *_ in parts:
                counts[pairs] += c  # pairs are distinct within a partition
            prob_sum = sum(p[2] for p in parts)
            per_label = sum(p[3] for p in parts)
            entropy = sum(p[4] for p in parts)
            n_tasks = sum(p[5] for p in parts)
            n_labels = sum(p[6] for p in parts)
            return counts, prob_sum, per_label, entropy, n_tasks, n_labels

        counts, prob_sum, _, _, n_tasks, n_labels = reduce_stats()
        all_tasks = pd.Index(
            np.concatenate([t for t in dask.compute(*[s["tasks"] for s in states])])
        )
        if all_tasks.has_duplicates:
            dup = all_tasks[all_tasks.duplicated()][:5].tolist()
            raise ValueError(
                f"tasks {dup} appear in more than one partition: the E-step needs each task's "
                "labels in one partition (use partitioned_by_task=False to shuffle by task)"
            )
        priors = prob_sum / n_tasks
        errors = normalise_per_worker(counts.copy(), pair_start, pair_worker)
        loss = -np.inf
        self.loss_history_: list[float] = []
        for _ in range(self.n_iter):
            log_err = dask.delayed(np.log(errors), pure=True)
            log_prior = np.log(np.maximum(priors, EPS))
            states = list(
                dask.persist(*[dask.delayed(_e_step)(s, log_err, log_prior) for s in states])
            )
            counts, prob_sum, per_label, entropy, n_tasks, n_labels = reduce_stats()
            priors = prob_sum / n_tasks
            errors = normalise_per_worker(counts.copy(), pair_start, pair_worker)
            joint = float(np.einsum("ij,ij->", counts, np.log(errors)))
            joint += float(per_label @ np.log(np.maximum(priors, EPS)))
            new_loss = (joint + entropy) / n_labels
            self.loss_history_.append(new_loss)
            if new_loss - loss < self.tol:
                break
            loss = new_loss
        self.n_iter_ = len(self.loss_history_)

        parts = dask.compute(*[dask.delayed(_result)(s, len(workers)) for s in states])
        tasks = _as_pandas_str(pd.Index(np.concatenate([p[0] for p in parts])), "task")
        order = np.argsort(tasks, kind="stable")
        probas = np.concatenate([p[1] for p in parts])[order]
        tasks = tasks[order]
        self.probas_ = pd.DataFrame(probas, index=tasks, columns=labels)
        self.labels_ = pd.Series(labels[np.argmax(probas, axis=1)], index=tasks, name="agg_label")
        self.priors_ = pd.Series(priors, index=labels, name="prior")
        idx = pd.MultiIndex.from_arrays(
            [workers[pair_worker], labels[pair_label]], names=["worker", "label"]
        )
        self.errors_ = pd.DataFrame(errors, index=idx, columns=labels)
        n_by_worker = sum(p[3] for p in parts)
        correct = sum(p[2] for p in parts)
        self.worker_accuracy_ = pd.Series(correct / n_by_worker, index=workers, name="ds_accuracy")
        self.worker_n_labels_ = pd.Series(n_by_worker, index=workers, name="n_labels")
        self.n_classes_ = k
        return self

    def fit_predict(self, data, partitioned_by_task: bool = False) -> pd.Series:
        return self.fit(data, partitioned_by_task).labels_

    def fit_predict_proba(self, data, partitioned_by_task: bool = False) -> pd.DataFrame:
        return self.fit(data, partitioned_by_task).probas_
