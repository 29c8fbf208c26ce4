"""Label-error estimation on long-format labels (``task``, ``worker``, ``label``).

Estimators follow crowd-kit's interface: ``fit`` / ``fit_predict`` / ``fit_predict_proba``
and fitted attributes ending in ``_`` (``probas_``, ``labels_``, ``worker_accuracy_``,
``worker_n_labels_``, ``n_iter_``):

- :class:`MajorityVote`; :class:`OneCoinDawidSkene` and :class:`DawidSkene` (Dawid & Skene
  1979, by EM); :class:`MACE` (Hovy et al. 2013: workers who sometimes spam).
- :mod:`ailabor.quality.uncertainty`: an interval for each worker's estimated error
  (:func:`worker_error_intervals`) and each task's posterior in a tidy frame
  (:func:`task_posteriors`).
- :func:`accuracy_against_gold` and :func:`wilson_interval` where gold exists.

Tie rule (every estimator, one rule): when two labels are equally likely for a task (a
tied vote, or equal posteriors), the *smallest* label wins, in the label column's own
order: numeric for integer labels (2 before 10), lexicographic for strings ("10" before
"2"). So read integer labels as integers: :func:`ailabor.read_annotations` keeps them.

Example on a public set (Snow et al. 2008 RTE, in the ``annotations`` table)::

    import ailabor
    from ailabor.quality import OneCoinDawidSkene, task_posteriors, worker_error_intervals

    rte = ailabor.load_annotations().query("dataset == 'snow2008_rte'")
    ds = OneCoinDawidSkene().fit(rte)
    worker_error_intervals(ds).head()   # worker, n_labels, error, error_ci_low, error_ci_high
    task_posteriors(ds).head()          # task, label (most likely), probability, margin, entropy

Or on your own file: ``labels = ailabor.read_annotations("my.csv", task="item",
worker="annotator", label="answer", true_label="gold")``.
"""

from ailabor.quality.dawid_skene import DawidSkene, OneCoinDawidSkene
from ailabor.quality.gold import accuracy_against_gold, wilson_interval
from ailabor.quality.mace import MACE
from ailabor.quality.majority_vote import MajorityVote
from ailabor.quality.uncertainty import task_posteriors, worker_error_intervals

TIE_RULE = (
    "ties go to the smallest label in the label column's own order "
    "(numeric for integer labels, lexicographic for strings)"
)

__all__ = [
    "TIE_RULE",
    "DawidSkene",
    "OneCoinDawidSkene",
    "MACE",
    "MajorityVote",
    "accuracy_against_gold",
    "task_posteriors",
    "wilson_interval",
    "worker_error_intervals",
]
