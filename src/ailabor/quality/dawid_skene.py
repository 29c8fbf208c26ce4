"""Dawid–Skene (1979) by EM, vectorised with numpy and one sparse count matrix.

Same model, initialisation, update order, clipping and stopping rule as
crowd-kit's ``DawidSkene`` and ``OneCoinDawidSkene`` (so posteriors agree to
floating-point precision; ``make bench`` checks this), but each EM step is
two sparse-dense products instead of pandas joins and group-bys:

- initialisation: task posteriors = majority-vote fractions; priors = their mean;
- M-step: a worker's confusion row for true class k = posterior mass of k over
  the tasks where they gave each label, clipped below at 1e-10, normalised over
  the labels that worker actually used;
- E-step: log posterior = log prior + sum of the worker log-confusions, softmax;
- stop when the evidence lower bound per label rises by less than ``tol``, or
  after ``n_iter`` iterations.

Workers who skip tasks need nothing special: only given labels enter the sums.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import entr

from ailabor.quality.encoding import Encoded, encode, vote_fractions

EPS = 1e-10


def _softmax_rows(log_lik: np.ndarray) -> np.ndarray:
    """Row-wise softmax, in place (``log_lik`` is a temporary of the caller)."""
    log_lik -= log_lik.max(axis=1, keepdims=True)
    np.exp(log_lik, out=log_lik)
    log_lik /= log_lik.sum(axis=1, keepdims=True)
    return log_lik


class DawidSkene:
    """Full-confusion Dawid–Skene.

    Fitted attributes: ``probas_`` (task x label posteriors), ``labels_``,
    ``priors_``, ``errors_`` (worker, observed label) x true label,
    ``n_iter_``, ``loss_history_``, and per-worker ``worker_accuracy_``: the
    expected share of a worker's labels that are correct under the posteriors.

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> DawidSkene().fit_predict(df).tolist()
    [0, 1]
    """

    def __init__(self, n_iter: int = 100, tol: float = 1e-5):
        self.n_iter = n_iter
        self.tol = tol

    # -- steps on encoded arrays ------------------------------------------------
    @staticmethod
    def _m_step(enc: Encoded, probas: np.ndarray, observed: np.ndarray) -> np.ndarray:
        k = enc.n_classes
        err = enc.counts @ probas  # (W*K_obs) x K_true
        np.maximum(err, EPS, out=err)
        err[~observed] = 0.0
        err = err.reshape(len(enc.workers), k, k)
        err /= err.sum(axis=1, keepdims=True)
        return err.reshape(-1, k)

    @staticmethod
    def _log_errors(errors: np.ndarray, observed: np.ndarray) -> np.ndarray:
        out = np.zeros_like(errors)
        out[observed] = np.log(errors[observed])
        return out

    def _elbo(self, enc, probas, priors, expected_log_err, n_per_task) -> float:
        """Evidence lower bound per label; ``expected_log_err`` is counts.T @ log(errors)."""
        joint = float(np.vdot(probas, expected_log_err))
        log_prior = np.log(np.where(priors > 0, priors, 1.0))  # a class with prior 0 adds 0
        joint += float((n_per_task @ probas) @ log_prior)
        entropy = float(entr(probas).sum())  # entr(0) = 0
        return (joint + entropy) / len(enc.task)

    def _update_errors(self, enc, probas, observed):
        return self._m_step(enc, probas, observed)

    def fit(self, data: pd.DataFrame) -> DawidSkene:
        enc = encode(data)
        observed = np.asarray(enc.counts.sum(axis=1)).ravel() > 0
        n_per_task = np.bincount(enc.task, minlength=len(enc.tasks)).astype(float)
        probas = vote_fractions(enc)
        priors = probas.mean(axis=0)
        errors = self._update_errors(enc, probas, observed)
        loss = -np.inf
        self.loss_history_: list[float] = []
        counts_t = enc.counts.T.tocsr()
        # Sum over each task's labels of log P(label | true class): used by the E-step and,
        # for the same errors, by the bound, so it is computed once per iteration.
        expected_log_err = counts_t @ self._log_errors(errors, observed)
        for _ in range(self.n_iter):
            with np.errstate(divide="ignore"):  # a class with prior 0 stays at 0
                probas = _softmax_rows(np.log(priors) + expected_log_err)
            priors = probas.mean(axis=0)
            errors = self._update_errors(enc, probas, observed)
            expected_log_err = counts_t @ self._log_errors(errors, observed)
            new_loss = self._elbo(enc, probas, priors, expected_log_err, n_per_task)
            self.loss_history_.append(new_loss)
            if new_loss - loss < self.tol:
                break
            loss = new_loss
        self.n_iter_ = len(self.loss_history_)
        self._store(enc, probas, priors, errors, observed)
        return self

    def _store(self, enc, probas, priors, errors, observed) -> None:
        k = enc.n_classes
        self.probas_ = pd.DataFrame(probas, index=enc.tasks, columns=enc.labels)
        self.labels_ = pd.Series(
            enc.labels[np.argmax(probas, axis=1)], index=enc.tasks, name="agg_label"
        )
        self.priors_ = pd.Series(priors, index=enc.labels, name="prior")
        idx = pd.MultiIndex.from_product([enc.workers, enc.labels], names=["worker", "label"])
        self.errors_ = pd.DataFrame(errors, index=idx, columns=enc.labels)[observed]
        # Expected share correct per worker: mean posterior of the label they gave.
        p_correct = probas[enc.task, enc.label]
        n = np.bincount(enc.worker, minlength=len(enc.workers))
        self.worker_accuracy_ = pd.Series(
            np.bincount(enc.worker, weights=p_correct, minlength=len(enc.workers)) / n,
            index=enc.workers,
            name="ds_accuracy",
        )
        self.worker_n_labels_ = pd.Series(n, index=enc.workers, name="n_labels")
        self.n_classes_ = k

    def fit_predict(self, data: pd.DataFrame) -> pd.Series:
        return self.fit(data).labels_

    def fit_predict_proba(self, data: pd.DataFrame) -> pd.DataFrame:
        return self.fit(data).probas_


class OneCoinDawidSkene(DawidSkene):
    """One-coin Dawid–Skene: each worker has one skill s; P(correct) = s, each wrong
    label (1 - s)/(K - 1). ``skills_`` holds s per worker.

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> OneCoinDawidSkene().fit_predict(df).tolist()
    [0, 1]
    """

    def _update_errors(self, enc, probas, observed):
        k = enc.n_classes
        p_given = probas[enc.task, enc.label]
        n = np.bincount(enc.worker, minlength=len(enc.workers))
        skills = np.bincount(enc.worker, weights=p_given, minlength=len(enc.workers)) / n
        self._skills = skills
        err = np.repeat(((1.0 - skills) / (k - 1))[:, None, None], k, axis=1).repeat(k, axis=2)
        idx = np.arange(k)
        err[:, idx, idx] = skills[:, None]
        np.clip(err, EPS, 1 - EPS, out=err)
        err = err.reshape(-1, k)
        err[~observed] = 0.0
        return err

    def fit(self, data: pd.DataFrame) -> OneCoinDawidSkene:
        super().fit(data)
        self.skills_ = pd.Series(self._skills, index=self.worker_accuracy_.index, name="skill")
        return self
