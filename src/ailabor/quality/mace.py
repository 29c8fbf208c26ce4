"""MACE (Hovy, Berg-Kirkpatrick, Vaswani & Hovy, NAACL 2013): workers who sometimes spam.

Model: each task's true label T is uniform over the K labels; on each label they give,
worker j is *competent* with probability theta_j (and then gives T), else spams and draws
a label from their own spam distribution xi_j (which may favour one label, as spammers
who always click the first option do). So

    P(label a | T = t) = theta_j * [a == t] + (1 - theta_j) * xi_j(a).

Fitted by EM, vectorised over labels with ``np.bincount``. Departures from the MACE
program, said here so that results are not read as MACE's own: EM only (no variational
Bayes priors); one deterministic start (theta from agreement with the majority vote, xi
uniform) instead of random restarts; fractional counts smoothed by ``smoothing`` (MACE's
default 0.01). No crowd-kit-sized dependency is needed for this (crowd-kit's MACE pulls in
transformers); the E-step is checked against a case computed by hand in the tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.quality.encoding import Encoded, encode, vote_fractions


def e_step(enc: Encoded, theta: np.ndarray, xi: np.ndarray) -> tuple[np.ndarray, float]:
    """Task posteriors (n_tasks x K) and log-likelihood, given competences and spam distributions.

    >>> enc = encode(pd.DataFrame({"task": [0, 0], "worker": ["a", "b"], "label": [0, 1]}))
    >>> p, ll = e_step(enc, np.array([0.8, 0.5]), np.full((2, 2), 0.5))
    >>> p.round(4).tolist()  # 0.9 * 0.25 against 0.1 * 0.75
    [[0.75, 0.25]]
    """
    k = enc.n_classes
    n_tasks = len(enc.tasks)
    base = (1.0 - theta[enc.worker]) * xi[enc.worker, enc.label]  # label came from spamming
    hit = theta[enc.worker] + base  # P(label | T = label)
    log_base = np.log(base)
    log_lik = np.repeat(
        np.bincount(enc.task, weights=log_base, minlength=n_tasks)[:, None], k, axis=1
    )
    log_lik += np.bincount(
        enc.task * k + enc.label, weights=np.log(hit) - log_base, minlength=n_tasks * k
    ).reshape(n_tasks, k)
    log_lik -= np.log(k)  # uniform prior on the true label
    top = log_lik.max(axis=1, keepdims=True)
    probas = np.exp(log_lik - top)
    total = probas.sum(axis=1, keepdims=True)
    probas /= total
    return probas, float((top[:, 0] + np.log(total[:, 0])).sum())


def m_step(
    enc: Encoded, probas: np.ndarray, theta: np.ndarray, xi: np.ndarray, smoothing: float
) -> tuple[np.ndarray, np.ndarray]:
    """New competences and spam distributions from expected spam indicators."""
    k, n_w = enc.n_classes, len(enc.workers)
    base = (1.0 - theta[enc.worker]) * xi[enc.worker, enc.label]
    p_true = probas[enc.task, enc.label]  # P(T = the label given)
    # P(spam | data): certain when T != label; base / (theta + base) when T == label.
    p_spam = 1.0 - p_true * theta[enc.worker] / (theta[enc.worker] + base)
    n = np.bincount(enc.worker, minlength=n_w)
    spam = np.bincount(enc.worker, weights=p_spam, minlength=n_w)
    new_theta = (n - spam + smoothing) / (n + 2 * smoothing)
    spam_by_label = np.bincount(
        enc.worker * k + enc.label, weights=p_spam, minlength=n_w * k
    ).reshape(n_w, k)
    new_xi = (spam_by_label + smoothing) / (spam[:, None] + k * smoothing)
    return new_theta, new_xi


class MACE:
    """MACE by EM. Same interface as the other estimators (crowd-kit's).

    Fitted attributes: ``probas_``, ``labels_`` (ties: see :mod:`ailabor.quality`),
    ``competence_`` (theta: share of a worker's labels that are not spam), ``spam_``
    (worker x label spam distribution), ``worker_accuracy_`` (expected share of a
    worker's labels that are correct under the posteriors, as for Dawid-Skene),
    ``worker_n_labels_``, ``n_iter_``, ``loss_history_`` (log-likelihood per label).

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> MACE().fit_predict(df).tolist()
    [0, 1]
    """

    def __init__(self, n_iter: int = 100, tol: float = 1e-5, smoothing: float = 0.01):
        self.n_iter = n_iter
        self.tol = tol
        self.smoothing = smoothing

    def fit(self, data: pd.DataFrame) -> MACE:
        enc = encode(data)
        k, n_w = enc.n_classes, len(enc.workers)
        probas = vote_fractions(enc)
        n = np.bincount(enc.worker, minlength=n_w)
        agree = np.bincount(enc.worker, weights=probas[enc.task, enc.label], minlength=n_w)
        theta = (agree + self.smoothing) / (n + 2 * self.smoothing)
        xi = np.full((n_w, k), 1.0 / k)
        self.loss_history_: list[float] = []
        ll_old = -np.inf
        for _ in range(self.n_iter):
            probas, ll = e_step(enc, theta, xi)
            theta, xi = m_step(enc, probas, theta, xi, self.smoothing)
            ll /= len(enc.task)
            self.loss_history_.append(ll)
            if ll - ll_old < self.tol:
                break
            ll_old = ll
        probas, _ = e_step(enc, theta, xi)
        self.n_iter_ = len(self.loss_history_)
        self.probas_ = pd.DataFrame(probas, index=enc.tasks, columns=enc.labels)
        self.labels_ = pd.Series(
            enc.labels[np.argmax(probas, axis=1)], index=enc.tasks, name="agg_label"
        )
        self.competence_ = pd.Series(theta, index=enc.workers, name="competence")
        self.spam_ = pd.DataFrame(xi, index=enc.workers, columns=enc.labels)
        self.worker_accuracy_ = pd.Series(
            np.bincount(enc.worker, weights=probas[enc.task, enc.label], minlength=n_w) / n,
            index=enc.workers,
            name="accuracy",
        )
        self.worker_n_labels_ = pd.Series(n, index=enc.workers, name="n_labels")
        return self

    def fit_predict(self, data: pd.DataFrame) -> pd.Series:
        return self.fit(data).labels_

    def fit_predict_proba(self, data: pd.DataFrame) -> pd.DataFrame:
        return self.fit(data).probas_
