"""Label-error estimation on long-format labels (``task``, ``worker``, ``label``).

Estimators follow crowd-kit's interface: ``fit`` / ``fit_predict`` /
``fit_predict_proba`` and fitted attributes ending in ``_``.
"""

from ailabor.quality.dawid_skene import DawidSkene, OneCoinDawidSkene
from ailabor.quality.gold import accuracy_against_gold, wilson_interval
from ailabor.quality.majority_vote import MajorityVote

__all__ = [
    "DawidSkene",
    "OneCoinDawidSkene",
    "MajorityVote",
    "accuracy_against_gold",
    "wilson_interval",
]
