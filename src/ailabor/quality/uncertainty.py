"""Uncertainty a notebook user can read off a fitted estimator.

- :func:`worker_error_intervals`: each worker's estimated error with an interval.
  ``method="jeffreys"`` (fast, the default) is the Jeffreys binomial interval on the
  worker's *expected* number of wrong labels (1 - ``worker_accuracy_``) x ``n_labels``,
  with the lower (upper) bound at 0 (1) when less than one wrong (right) label is expected:
  it carries the sampling error of a worker's few labels but treats the posteriors as known.
  ``method="bootstrap"`` resamples tasks with replacement, refits the same estimator on
  each resample and takes percentiles: it also carries the uncertainty of the fitted model
  (slower: one fit per resample; in simulations it covers less than the Jeffreys interval).
  ``analysis/results_labels.py`` reports the coverage of both in simulations on the real
  designs of Snow et al.'s RTE and ZenCrowd US (:func:`interval_coverage`).
- :func:`task_posteriors`: each task's most likely label, its posterior probability, the
  margin over the runner-up and the entropy; or every (task, label) probability.

Both read only public fitted attributes (``probas_``, ``worker_accuracy_``,
``worker_n_labels_``), so they work for every estimator in :mod:`ailabor.quality`.
"""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
from scipy.special import entr
from scipy.stats import beta


def jeffreys_interval(failures, n, level: float = 0.95):
    """Jeffreys interval for a binomial proportion; counts may be fractional (expected counts).

    >>> lo, hi = jeffreys_interval(2.0, 10)
    >>> round(float(lo), 4), round(float(hi), 4)
    (0.0441, 0.5028)
    """
    failures = np.asarray(failures, dtype=float)
    n = np.asarray(n, dtype=float)
    a = (1 - level) / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        # Brown, Cai & DasGupta (2001): the bound is 0 (1) when no failure (success) is seen;
        # with expected counts, when less than one is expected.
        lo = np.where(failures >= 1, beta.ppf(a, failures + 0.5, n - failures + 0.5), 0.0)
        hi = np.where(n - failures >= 1, beta.ppf(1 - a, failures + 0.5, n - failures + 0.5), 1.0)
    return np.where(n > 0, lo, np.nan), np.where(n > 0, hi, np.nan)


def _refit_like(est):
    """A fresh estimator of the same class with the same constructor arguments."""
    params = inspect.signature(type(est)).parameters
    return type(est)(**{k: getattr(est, k) for k in params if hasattr(est, k)})


def bootstrap_worker_error(
    est, data: pd.DataFrame, n_boot: int = 200, seed: int = 0
) -> pd.DataFrame:
    """Worker error in each of ``n_boot`` task resamples (workers x resamples; NaN when absent).

    Each drawn copy of a task counts as a task of its own, as in a new sample of tasks.
    """
    d = data[["task", "worker", "label"]].reset_index(drop=True)
    codes, _ = pd.factorize(d["task"])
    n_tasks = codes.max() + 1
    order = np.argsort(codes, kind="stable")
    sizes = np.bincount(codes, minlength=n_tasks)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    rng = np.random.default_rng(seed)
    out = {}
    for b in range(n_boot):
        drawn = rng.integers(0, n_tasks, n_tasks)
        reps = sizes[drawn]
        copy = np.repeat(np.arange(n_tasks), reps)
        within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        rows = order[np.repeat(starts[drawn], reps) + within]
        sample = pd.DataFrame(
            {
                "task": copy,
                "worker": d["worker"].to_numpy()[rows],
                "label": d["label"].to_numpy()[rows],
            }
        )
        fitted = _refit_like(est).fit(sample)
        out[b] = 1.0 - fitted.worker_accuracy_
    return pd.DataFrame(out)


def worker_error_intervals(
    est,
    data: pd.DataFrame | None = None,
    level: float = 0.95,
    method: str = "jeffreys",
    n_boot: int = 200,
    seed: int = 0,
) -> pd.DataFrame:
    """Estimated error of each worker (1 - ``worker_accuracy_``) with a ``level`` interval.

    ``est`` is a fitted estimator; ``data`` (the labels it was fitted on) is needed for
    ``method="bootstrap"`` only.

    >>> from ailabor.quality import OneCoinDawidSkene
    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2, 2], "worker": list("abcabc"), "label": [0, 0, 1, 1, 1, 1]})
    >>> iv = worker_error_intervals(OneCoinDawidSkene().fit(df))
    >>> iv.columns.tolist()
    ['n_labels', 'error', 'error_ci_low', 'error_ci_high', 'method']
    >>> bool((iv["error_ci_low"] <= iv["error"]).all() and (iv["error"] <= iv["error_ci_high"]).all())
    True
    """
    n = est.worker_n_labels_.astype(float)
    err = 1.0 - est.worker_accuracy_.reindex(n.index)
    if method == "jeffreys":
        lo, hi = jeffreys_interval(err * n, n, level)
    elif method == "bootstrap":
        if data is None:
            raise ValueError("method='bootstrap' refits the estimator: pass data=")
        boot = bootstrap_worker_error(est, data, n_boot=n_boot, seed=seed).reindex(n.index)
        a = (1 - level) / 2
        lo = boot.quantile(a, axis=1).to_numpy()
        hi = boot.quantile(1 - a, axis=1).to_numpy()
    else:
        raise ValueError(f"method must be 'jeffreys' or 'bootstrap', not {method!r}")
    out = pd.DataFrame(
        {
            "n_labels": n.astype("int64"),
            "error": err,
            "error_ci_low": np.minimum(lo, err),
            "error_ci_high": np.maximum(hi, err),
            "method": method,
        },
        index=n.index,
    )
    return out


def task_posteriors(est, long: bool = False) -> pd.DataFrame:
    """Each task's most likely label with its posterior probability, margin and entropy.

    ``long=True`` gives every (task, label, probability) instead. Ties follow
    :data:`ailabor.quality.TIE_RULE` (the smallest label).

    >>> from ailabor.quality import MajorityVote
    >>> df = pd.DataFrame({"task": [1, 1, 1, 2, 2], "worker": list("abcab"), "label": [2, 10, 10, 2, 10]})
    >>> task_posteriors(MajorityVote().fit(df))[["label", "probability", "margin"]].round(3).to_dict("index")
    {1: {'label': 10, 'probability': 0.667, 'margin': 0.333}, 2: {'label': 2, 'probability': 0.5, 'margin': 0.0}}
    """
    p = est.probas_
    if long:
        out = p.stack().rename("probability").reset_index()
        out.columns = ["task", "label", "probability"]
        return out
    arr = p.to_numpy()
    top = np.argmax(arr, axis=1)
    srt = np.sort(arr, axis=1)
    second = srt[:, -2] if arr.shape[1] > 1 else np.zeros(len(arr))
    return pd.DataFrame(
        {
            "label": p.columns.to_numpy()[top],
            "probability": arr[np.arange(len(arr)), top],
            "margin": srt[:, -1] - second,
            "entropy": entr(arr).sum(axis=1),
        },
        index=p.index,
    )


def simulate_one_coin_like(
    data: pd.DataFrame, skills: pd.Series, truth: pd.Series, seed: int = 0
) -> pd.DataFrame:
    """New labels on the same (task, worker) design as ``data``, drawn from a one-coin model:
    worker w is right with probability ``skills[w]``, else gives one of the other labels at
    random. ``truth`` (by task) and the label set come from a fit on the real data, so the
    simulation resembles it (who labels what, how often, how well).

    >>> d = pd.DataFrame({"task": [1, 1, 2], "worker": ["a", "b", "a"], "label": [0, 1, 0]})
    >>> sim = simulate_one_coin_like(d, pd.Series({"a": 1.0, "b": 0.0}), pd.Series({1: 0, 2: 1}))
    >>> sim["label"].tolist()
    [0, 1, 1]
    """
    rng = np.random.default_rng(seed)
    labels = np.sort(pd.unique(pd.concat([data["label"], truth]).dropna()))
    k = len(labels)
    code = {v: i for i, v in enumerate(labels)}
    t = truth.reindex(data["task"]).map(code).to_numpy(dtype=int)
    right = rng.random(len(data)) < skills.reindex(data["worker"]).to_numpy()
    shift = rng.integers(1, k, len(data)) if k > 1 else np.zeros(len(data), dtype=int)
    out = data[["task", "worker"]].copy()
    out["label"] = labels[np.where(right, t, (t + shift) % k)]
    return out


def interval_coverage(
    data: pd.DataFrame,
    make_estimator,
    n_sim: int = 50,
    method: str = "jeffreys",
    n_boot: int = 50,
    level: float = 0.95,
    seed: int = 0,
) -> dict:
    """Share of workers whose true error the ``level`` interval covers, over ``n_sim`` data sets
    simulated like ``data`` from the one-coin model fitted to it (its skills and labels taken
    as the truth). Also the mean interval width.
    """
    from ailabor.quality.dawid_skene import OneCoinDawidSkene

    truth_fit = OneCoinDawidSkene().fit(data[["task", "worker", "label"]])
    skills, truth = truth_fit.skills_, truth_fit.labels_
    inside, width = [], []
    for i in range(n_sim):
        sim = simulate_one_coin_like(data, skills, truth, seed=seed + i)
        est = make_estimator().fit(sim)
        iv = worker_error_intervals(
            est, data=sim, level=level, method=method, n_boot=n_boot, seed=seed + i
        )
        true_err = 1.0 - skills.reindex(iv.index)
        inside.append(((iv["error_ci_low"] <= true_err) & (true_err <= iv["error_ci_high"])).mean())
        width.append((iv["error_ci_high"] - iv["error_ci_low"]).mean())
    return {
        "coverage": float(np.mean(inside)),
        "mean_width": float(np.mean(width)),
        "n_sim": n_sim,
        "n_workers": int(len(skills)),
        "level": level,
        "method": method,
    }
