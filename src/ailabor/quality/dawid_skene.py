"""Dawid–Skene (1979) by EM, vectorised with numpy and two sparse count matrices.

Same model, initialisation, update order, clipping and stopping rule as
crowd-kit 1.4's ``DawidSkene`` and ``OneCoinDawidSkene`` (so posteriors agree to
floating-point precision; ``make bench`` checks this), but each EM step is
two sparse-dense products instead of pandas joins and group-bys:

- initialisation: task posteriors = majority-vote fractions; priors = their mean;
- M-step: a worker's confusion row for true class k = posterior mass of k over
  the tasks where they gave each label, clipped below at 1e-10, normalised over
  the labels that worker actually used;
- E-step: log posterior = log prior (clipped below at 1e-10) + sum of the worker
  log-confusions, softmax;
- stop when the evidence lower bound per label rises by less than ``tol``, or
  after ``n_iter`` iterations.

Confusions are held only for the (worker, label) pairs that occur (an
``n_pairs x K`` array, see :class:`~ailabor.quality.encoding.Encoded`), so an
iteration costs O(labels x K) whatever the number of workers and classes.
Workers who skip tasks need nothing special: only given labels enter the sums.

crowd-kit's own arguments are accepted: ``fit(data, true_labels=...)`` fixes the
posteriors of gold tasks to their gold label (at the start and after every
E-step), and ``initial_error=`` with ``initial_error_strategy="assign"`` or
``"addition"`` replaces, or adds counts to, the first M-step's error matrices.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ailabor.quality.encoding import Encoded, encode, vote_fractions

EPS = 1e-10


def _row_max(a: np.ndarray) -> np.ndarray:
    """Row maxima; for few columns a loop over columns beats numpy's axis reduction."""
    if a.shape[1] > 16:
        return a.max(axis=1)
    out = a[:, 0].copy()
    for j in range(1, a.shape[1]):
        np.maximum(out, a[:, j], out=out)
    return out


def posteriors_and_entropy(
    logits: np.ndarray, log_prior: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise softmax of ``logits`` (+ ``log_prior``) and each row's entropy, from
    log p = shifted logit - log(normaliser) rather than a log per cell.

    With few classes the rows are short, so numpy's row-wise broadcasting would run
    one tiny inner loop per task; the work is then done on a column-major copy
    (inner loops over all tasks).
    ``logits`` may be overwritten.

    >>> p, h = posteriors_and_entropy(np.log(np.array([[1.0, 1.0], [1.0, 3.0]])))
    >>> p.round(2).tolist(), h.round(4).tolist()
    ([[0.5, 0.5], [0.25, 0.75]], [0.6931, 0.5623])
    """
    x = np.asfortranarray(logits) if logits.shape[1] <= 16 else logits
    if log_prior is not None:
        x += log_prior
    x -= _row_max(x)[:, None]
    e = np.exp(x)
    norm = np.einsum("ij->i", e)  # einsum, not BLAS: threaded BLAS stalls on busy cores
    # Posteriors row-major again: the sparse products read them fastest that way.
    probas = np.divide(e, norm[:, None], out=np.empty(e.shape))
    entropy = np.log(norm) - np.einsum("ij,ij->i", probas, x)
    return probas, entropy


def normalise_per_worker(
    err: np.ndarray, pair_start: np.ndarray, pair_worker: np.ndarray, in_place: bool = True
):
    """Clip confusion counts below at 1e-10 and normalise each worker's block.

    ``err`` is n_pairs x K, rows grouped by worker (``pair_start[w]`` is worker w's first
    row); it is overwritten unless ``in_place=False``.

    >>> e = np.array([[2.0, 0.0], [2.0, 1.0], [5.0, 5.0]])
    >>> normalise_per_worker(e, np.array([0, 2]), np.array([0, 0, 1])).round(3).tolist()
    [[0.5, 0.0], [0.5, 1.0], [1.0, 1.0]]
    """
    err = np.maximum(err, EPS, out=err if in_place else None)
    inv = 1.0 / np.add.reduceat(err, pair_start, axis=0)
    # Workers' rows are contiguous, so repeating their row is a block copy, not a gather.
    err *= np.repeat(inv, np.diff(np.append(pair_start, len(err))), axis=0)
    return err


def gold_positions(enc: Encoded, true_labels: pd.Series | None):
    """Row and class positions of the gold-labelled tasks present in the data (or None).

    Missing gold values are ignored; a gold label that no worker gave is an error.
    """
    if true_labels is None:
        return None
    gold = pd.Series(true_labels).dropna()
    rows = enc.tasks.get_indexer(gold.index)
    keep = rows >= 0
    if len(gold) and not keep.any():
        warnings.warn(
            "true_labels: none of its tasks are in the data (check the index holds task ids "
            f"of the same type: data tasks are {enc.tasks.dtype}, true_labels index is "
            f"{gold.index.dtype})",
            stacklevel=3,
        )
    cols = enc.labels.get_indexer(gold.to_numpy()[keep])
    if (cols < 0).any():
        bad = sorted(set(gold.to_numpy()[keep][cols < 0].tolist()), key=str)[:5]
        raise ValueError(
            f"true_labels holds labels no worker gave: {bad}; labels in the data: "
            f"{list(enc.labels[:10])}"
        )
    return rows[keep], cols


def _fix_gold(probas: np.ndarray, gold, entropy: np.ndarray | None = None) -> np.ndarray:
    if gold is not None:
        rows, cols = gold
        probas[rows] = 0.0
        probas[rows, cols] = 1.0
        if entropy is not None:
            entropy[rows] = 0.0
    return probas


class DawidSkene:
    """Full-confusion Dawid–Skene.

    Fitted attributes: ``probas_`` (task x label posteriors), ``labels_``,
    ``priors_``, ``errors_`` (worker, observed label) x true label,
    ``n_iter_``, ``loss_history_``, and per-worker ``worker_accuracy_``: the
    expected share of a worker's labels that are correct under the posteriors.

    ``initial_error_strategy`` (crowd-kit 1.4): ``"assign"`` uses ``initial_error``
    as the first error matrices (it must cover every (worker, label) pair in the
    data; probabilities must sum to 1 per worker and true label), ``"addition"``
    adds it, as counts, to the first M-step's counts (it may be partial).

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> DawidSkene().fit_predict(df).tolist()
    [0, 1]
    >>> DawidSkene().fit_predict(df, true_labels=pd.Series({1: 1})).tolist()
    [1, 1]
    """

    def __init__(self, n_iter: int = 100, tol: float = 1e-5, initial_error_strategy=None):
        self.n_iter = n_iter
        self.tol = tol
        self.initial_error_strategy = initial_error_strategy

    # -- steps on encoded arrays ------------------------------------------------
    @staticmethod
    def _m_step(enc: Encoded, probas: np.ndarray) -> np.ndarray:
        """Error matrices for the observed pairs: n_pairs x K_true."""
        err = enc.task_pair.T @ probas
        return normalise_per_worker(err, enc.pair_start, enc.pair_worker)

    def _update_errors(self, enc, probas):
        counts = enc.task_pair.T @ probas
        # Kept (n_pairs x K, small) for the bound: sum_t p_t . (task_pair @ log e)_t equals
        # sum_pairs counts . log e, so the bound needs no pass over the n_tasks x K arrays.
        self._counts = counts
        return normalise_per_worker(counts, enc.pair_start, enc.pair_worker, in_place=False)

    def _initial_errors(self, enc: Encoded, probas: np.ndarray, initial_error) -> np.ndarray:
        if initial_error is None:
            return self._update_errors(enc, probas)
        strategy = self.initial_error_strategy
        if strategy is None:
            warnings.warn(
                "initial_error is ignored unless initial_error_strategy is 'assign' or "
                "'addition' (as in crowd-kit 1.4)",
                stacklevel=3,
            )
            return self._update_errors(enc, probas)
        if strategy not in ("assign", "addition"):
            raise ValueError(
                f"initial_error_strategy must be 'assign' or 'addition', not {strategy!r}"
            )
        return initial_errors(enc, probas, initial_error, strategy)

    @staticmethod
    def _elbo(probas, priors, expected_log_err, n_per_task, entropy) -> float:
        """Evidence lower bound per label; ``expected_log_err`` is task_pair @ log(errors),
        ``entropy`` the posteriors' entropy per task."""
        joint = float(np.einsum("ij,ij->", probas, expected_log_err))
        per_class = np.einsum("i,ij->j", n_per_task, probas)
        joint += float(per_class @ np.log(np.maximum(priors, EPS)))
        return (joint + float(entropy.sum())) / n_per_task.sum()

    @staticmethod
    def _elbo_from_counts(counts, log_errors, priors, entropy, n_labels) -> float:
        """The same bound from the M-step counts (see ``_update_errors``)."""
        joint = float(np.einsum("ij,ij->", counts, log_errors))
        joint += float(counts.sum(axis=0) @ np.log(np.maximum(priors, EPS)))
        return (joint + float(entropy.sum())) / n_labels

    def fit(self, data: pd.DataFrame, true_labels=None, initial_error=None) -> DawidSkene:
        """Fit by EM. ``true_labels``: gold labels indexed by task (crowd-kit's argument);
        ``initial_error``: worker error matrices indexed by (worker, label), see the class."""
        enc = encode(data)
        gold = gold_positions(enc, true_labels)
        n_per_task = np.bincount(enc.task, minlength=len(enc.tasks)).astype(float)
        probas = _fix_gold(vote_fractions(enc), gold)
        priors = np.einsum("ij->j", probas) / len(probas)
        errors = self._initial_errors(enc, probas, initial_error)
        loss = -np.inf
        self.loss_history_: list[float] = []
        # Sum over each task's labels of log P(label | true class): used by the E-step and,
        # for the same errors, by the bound, so it is computed once per iteration.
        expected_log_err = enc.task_pair @ np.log(errors)
        for _ in range(self.n_iter):
            log_prior = np.log(np.maximum(priors, EPS))
            probas, entropy = posteriors_and_entropy(expected_log_err, log_prior)
            probas = _fix_gold(probas, gold, entropy)
            priors = np.einsum("ij->j", probas) / len(probas)
            errors = self._update_errors(enc, probas)
            log_errors = np.log(errors)
            expected_log_err = enc.task_pair @ log_errors
            if self._counts is not None:
                new_loss = self._elbo_from_counts(
                    self._counts, log_errors, priors, entropy, len(enc.task)
                )
            else:
                new_loss = self._elbo(probas, priors, expected_log_err, n_per_task, entropy)
            self.loss_history_.append(new_loss)
            if new_loss - loss < self.tol:
                break
            loss = new_loss
        self.n_iter_ = len(self.loss_history_)
        self._store(enc, probas, priors, errors)
        return self

    def _store(self, enc, probas, priors, errors) -> None:
        self.probas_ = pd.DataFrame(probas, index=enc.tasks, columns=enc.labels)
        self.labels_ = pd.Series(
            enc.labels[np.argmax(probas, axis=1)], index=enc.tasks, name="agg_label"
        )
        self.priors_ = pd.Series(priors, index=enc.labels, name="prior")
        idx = pd.MultiIndex.from_arrays(
            [enc.workers[enc.pair_worker], enc.labels[enc.pair_label]], names=["worker", "label"]
        )
        self.errors_ = pd.DataFrame(errors, index=idx, columns=enc.labels)
        # Expected share correct per worker: mean posterior of the label they gave.
        p_correct = probas[enc.task, enc.label]
        n = np.bincount(enc.worker, minlength=len(enc.workers))
        self.worker_accuracy_ = pd.Series(
            np.bincount(enc.worker, weights=p_correct, minlength=len(enc.workers)) / n,
            index=enc.workers,
            name="ds_accuracy",
        )
        self.worker_n_labels_ = pd.Series(n, index=enc.workers, name="n_labels")
        self.n_classes_ = enc.n_classes

    def fit_predict(self, data: pd.DataFrame, true_labels=None, initial_error=None) -> pd.Series:
        return self.fit(data, true_labels, initial_error).labels_

    def fit_predict_proba(
        self, data: pd.DataFrame, true_labels=None, initial_error=None
    ) -> pd.DataFrame:
        return self.fit(data, true_labels, initial_error).probas_


def initial_errors(enc: Encoded, probas: np.ndarray, initial_error: pd.DataFrame, strategy: str):
    """First error matrices from ``initial_error`` with crowd-kit 1.4's strategies.

    ``"assign"``: ``initial_error`` itself; ``"addition"``: the M-step counts plus
    ``initial_error``. Either way clipped at 1e-10 and normalised per worker over
    *all* of that worker's rows in the result (as crowd-kit does), then read off
    at the (worker, label) pairs in the data.
    """
    names = ["worker", "label"]
    if list(initial_error.index.names) != names:
        raise ValueError(
            f"initial_error must be indexed by {names}, not {list(initial_error.index.names)}"
        )
    if set(initial_error.columns) != set(enc.labels):
        raise ValueError(
            f"initial_error needs one column per label in the data {list(enc.labels)}; "
            f"found {list(initial_error.columns)}"
        )
    pairs = pd.MultiIndex.from_arrays(
        [enc.workers[enc.pair_worker], enc.labels[enc.pair_label]], names=names
    )
    init = initial_error[list(enc.labels)].astype(float)
    if strategy == "assign":
        missing = ~pairs.isin(init.index)
        if missing.any():
            workers = pairs[missing].get_level_values("worker").unique()
            raise ValueError(
                "initial_error_strategy='assign' needs every (worker, label) pair in the data; "
                f"missing for {len(workers)} workers, e.g. {list(workers[:5])}"
            )
        if (init <= 1.0).all().all() and not np.allclose(init.groupby(level="worker").sum(), 1.0):
            raise ValueError(
                "initial_error holds probabilities, but a worker's column does not sum to 1"
            )
        errors = init
    else:
        counts = pd.DataFrame(enc.task_pair.T @ probas, index=pairs, columns=enc.labels)
        errors = counts.add(init, fill_value=0.0)
    errors = errors.clip(lower=EPS)
    errors = errors / errors.groupby(level="worker").transform("sum")
    return errors.reindex(pairs).to_numpy(dtype=float)


class OneCoinDawidSkene(DawidSkene):
    """One-coin Dawid–Skene: each worker has one skill s; P(correct) = s, each wrong
    label (1 - s)/(K - 1). ``skills_`` holds s per worker.

    ``true_labels`` fixes gold tasks' posteriors as in :class:`DawidSkene` (crowd-kit's
    one-coin model has no such argument); ``initial_error`` is not supported.

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> OneCoinDawidSkene().fit_predict(df).tolist()
    [0, 1]
    """

    def _update_errors(self, enc, probas):
        k = enc.n_classes
        p_given = probas[enc.task, enc.label]
        n = np.bincount(enc.worker, minlength=len(enc.workers))
        skills = np.bincount(enc.worker, weights=p_given, minlength=len(enc.workers)) / n
        self._skills = skills
        self._counts = None  # the bound is computed from the posteriors
        s = skills[enc.pair_worker]
        # One class: there is no wrong label, so no (1 - s)/(K - 1) term (it would be 0/0).
        off = (1.0 - s) / (k - 1) if k > 1 else np.zeros_like(s)
        err = np.repeat(off[:, None], k, axis=1)
        err[np.arange(len(s)), enc.pair_label] = s
        np.clip(err, EPS, 1 - EPS, out=err)
        return err

    def fit(self, data: pd.DataFrame, true_labels=None, initial_error=None) -> OneCoinDawidSkene:
        if initial_error is not None:
            raise ValueError(
                "OneCoinDawidSkene takes no initial_error (neither does crowd-kit's); "
                "use DawidSkene(initial_error_strategy=...)"
            )
        super().fit(data, true_labels)
        self.skills_ = pd.Series(self._skills, index=self.worker_accuracy_.index, name="skill")
        return self
