"""Majority vote."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.quality.encoding import encode, vote_fractions


class MajorityVote:
    """Each task's most frequent label; ties go to the first label in sorted order.

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
        return self

    def fit_predict(self, data: pd.DataFrame) -> pd.Series:
        return self.fit(data).labels_

    def fit_predict_proba(self, data: pd.DataFrame) -> pd.DataFrame:
        return self.fit(data).probas_
