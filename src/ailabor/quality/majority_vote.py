"""Majority vote."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.quality.encoding import encode, vote_fractions


class MajorityVote:
    """Each task's most frequent label; ties go to the smallest label (``TIE_RULE``).

    Fitted attributes: ``probas_`` (vote shares), ``labels_``, ``worker_accuracy_`` (share
    of a worker's labels equal to the majority label of their task: agreement, the
    gold-free baseline) and ``worker_n_labels_``. Integer labels tie by number, so read
    label files with integer labels as integers (``read_annotations`` does).

    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2], "worker": list("abcab"), "label": ["x", "y", "y", "x", "y"]})
    >>> MajorityVote().fit_predict(df).tolist()
    ['y', 'x']
    """

    def fit(self, data: pd.DataFrame) -> MajorityVote:
        enc = encode(data)
        probas = vote_fractions(enc)
        self.probas_ = pd.DataFrame(probas, index=enc.tasks, columns=enc.labels)
        self.labels_ = pd.Series(
            enc.labels[np.argmax(probas, axis=1)], index=enc.tasks, name="agg_label"
        )
        top = np.argmax(probas, axis=1)
        n = np.bincount(enc.worker, minlength=len(enc.workers))
        agree = np.bincount(
            enc.worker, weights=(enc.label == top[enc.task]), minlength=len(enc.workers)
        )
        self.worker_accuracy_ = pd.Series(agree / n, index=enc.workers, name="mv_agreement")
        self.worker_n_labels_ = pd.Series(n, index=enc.workers, name="n_labels")
        self.n_iter_ = 0
        return self

    def fit_predict(self, data: pd.DataFrame) -> pd.Series:
        return self.fit(data).labels_

    def fit_predict_proba(self, data: pd.DataFrame) -> pd.DataFrame:
        return self.fit(data).probas_
