"""Banded survey answers (weekly MTurk income, weekly MTurk hours) and what two separate
marginal distributions can say about hourly earnings.

The MTurk Tracker survey publishes the distribution of weekly income and the distribution
of weekly hours by year, never the two together. Hourly earnings (income / hours) are
therefore not measured. Two things can be said:

- assumption-free bounds (Makarov / Frechet-Hoeffding type) on the share of answers whose
  hourly earnings are below a threshold, valid for ANY joint distribution consistent with
  the two marginals and the band edges (:func:`share_below_bounds`);
- a point estimate under a stated assumption (:func:`comonotone_share_below`,
  :func:`comonotone_quantile`): income and hours perfectly rank-correlated (the worker with
  the k-th highest income also works the k-th most hours), values spread uniformly within
  each band, open bands capped at :data:`OPEN_BAND_CAPS`. It is a model output, not a
  measurement.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# Caps for the open-ended bands, used only by the comonotone point estimate (the bounds
# need none): 'More than $500 per week' -> $500-1,000; 'More than 40 hours' -> 40-60 h.
OPEN_BAND_CAPS = {"income": 1000.0, "hours": 60.0}
_NUM = r"\$?([\d,.]+)"


def band_edges(label: str) -> tuple[float, float]:
    """(low, high) of a band label as the survey words it; high is inf for 'More than'.

    >>> band_edges("$10-$20 per week"), band_edges("Less than $1 per week")
    ((10.0, 20.0), (0.0, 1.0))
    >>> band_edges("More than 40 hours per week"), band_edges("4-8 hours per week")
    ((40.0, inf), (4.0, 8.0))
    """
    s = label.strip()
    if m := re.match(rf"Less than {_NUM}", s):
        return 0.0, float(m.group(1).replace(",", ""))
    if m := re.match(rf"More than {_NUM}", s):
        return float(m.group(1).replace(",", "")), float("inf")
    if m := re.match(rf"{_NUM}\s*-\s*{_NUM}", s):
        return float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
    raise ValueError(f"unrecognised band label {label!r}")


def cdf_at_edges(low: pd.Series, high: pd.Series, n: pd.Series) -> pd.Series:
    """Share of answers below each band's upper edge (P(X < edge)), indexed by edge, with
    0 at the lowest edge; bands must not overlap.

    >>> cdf_at_edges(pd.Series([0.0, 1.0, 5.0]), pd.Series([1.0, 5.0, np.inf]),
    ...              pd.Series([1, 2, 1])).to_dict()
    {0.0: 0.0, 1.0: 0.25, 5.0: 0.75, inf: 1.0}
    """
    d = pd.DataFrame({"low": low, "high": high, "n": n}).sort_values("low")
    if (d["low"].to_numpy()[1:] < d["high"].to_numpy()[:-1]).any():
        raise ValueError("bands overlap")
    cum = d["n"].cumsum() / d["n"].sum()
    out = pd.Series(cum.to_numpy(), index=d["high"].to_numpy(), dtype="float64")
    return pd.concat([pd.Series([0.0], index=[d["low"].iloc[0]]), out])


def _at_or_below(cdf: pd.Series, y: float) -> float:
    """CDF at the largest edge <= y: a lower bound on P(X < y)."""
    e = cdf.index[cdf.index <= y]
    return float(cdf[e.max()]) if len(e) else 0.0


def _at_or_above(cdf: pd.Series, y: float) -> float:
    """CDF at the smallest edge >= y: an upper bound on P(X < y)."""
    e = cdf.index[cdf.index >= y]
    return float(cdf[e.min()]) if len(e) else 1.0


def share_below_bounds(
    income_cdf: pd.Series, hours_cdf: pd.Series, x: float
) -> tuple[float, float]:
    """Bounds on P(income / hours < x) that hold for every joint distribution of the two
    banded marginals (Makarov bounds for a ratio of positive variables):

    lower = max_h [P(I < x h) - P(H < h)]^+ and upper = min_h [P(I < x h) + P(H >= h)] ^ 1,
    taken at the hours band edges h, with P(I < .) bounded from the income band edges.

    >>> inc = cdf_at_edges(pd.Series([0.0, 10.0]), pd.Series([10.0, 100.0]), pd.Series([1, 1]))
    >>> hrs = cdf_at_edges(pd.Series([0.0, 10.0]), pd.Series([10.0, 20.0]), pd.Series([1, 1]))
    >>> share_below_bounds(inc, hrs, 1.0)  # $1/h: half earn < $10/week, half work >= 10 h
    (0.0, 1.0)
    >>> share_below_bounds(inc, hrs, 100.0)
    (0.5, 1.0)
    """
    lower, upper = 0.0, 1.0
    for h in hours_cdf.index:
        if np.isinf(h):
            continue
        f_h = float(hours_cdf[h])  # P(H < h) at an edge: exact
        lower = max(lower, _at_or_below(income_cdf, x * h) - f_h)
        upper = min(upper, _at_or_above(income_cdf, x * h) + 1.0 - f_h)
    return max(lower, 0.0), min(upper, 1.0)


def _quantile_fn(low, high, n, cap: float):
    """Quantile function of a banded distribution, uniform within bands, open band capped."""
    d = pd.DataFrame({"low": low, "high": high, "n": n}).sort_values("low")
    hi = d["high"].replace(np.inf, cap).to_numpy(dtype=float)
    lo = d["low"].to_numpy(dtype=float)
    cum = np.r_[0.0, (d["n"].cumsum() / d["n"].sum()).to_numpy()]

    def q(u: np.ndarray) -> np.ndarray:
        k = np.clip(np.searchsorted(cum, u, side="right") - 1, 0, len(lo) - 1)
        frac = (u - cum[k]) / (cum[k + 1] - cum[k])
        return lo[k] + frac * (hi[k] - lo[k])

    return q


def comonotone_hourly(income: pd.DataFrame, hours: pd.DataFrame, grid: int = 20_000) -> np.ndarray:
    """Hourly earnings at ``grid`` evenly spaced ranks under the comonotone assumption
    (income and hours ranks equal; uniform within bands; open bands capped at
    :data:`OPEN_BAND_CAPS`). Inputs have columns low, high, n.

    >>> inc = pd.DataFrame({"low": [0.0, 10.0], "high": [10.0, 20.0], "n": [1, 1]})
    >>> hrs = pd.DataFrame({"low": [1.0, 2.0], "high": [2.0, 3.0], "n": [1, 1]})
    >>> float(np.round(np.median(comonotone_hourly(inc, hrs, grid=4)), 3))
    4.921
    """
    u = (np.arange(grid) + 0.5) / grid
    qi = _quantile_fn(income["low"], income["high"], income["n"], OPEN_BAND_CAPS["income"])
    qh = _quantile_fn(hours["low"], hours["high"], hours["n"], OPEN_BAND_CAPS["hours"])
    return qi(u) / qh(u)


def median_bounds(income_cdf: pd.Series, hours_cdf: pd.Series, grid=None) -> tuple[float, float]:
    """Bounds on the median of income / hours from :func:`share_below_bounds`: the smallest
    x whose upper share reaches 1/2, and the smallest x whose lower share reaches 1/2
    (inf when none does). The bounds only change where x times an hours edge crosses an
    income edge, so the default grid is every ratio of edges (and a hair above each).

    >>> inc = cdf_at_edges(pd.Series([0.0, 10.0]), pd.Series([10.0, 100.0]), pd.Series([1, 1]))
    >>> hrs = cdf_at_edges(pd.Series([1.0, 10.0]), pd.Series([10.0, 20.0]), pd.Series([1, 1]))
    >>> median_bounds(inc, hrs)
    (0.0, 10.0)
    """
    if grid is None:
        a = [float(v) for v in income_cdf.index if np.isfinite(v)]
        h = [float(v) for v in hours_cdf.index if np.isfinite(v) and v > 0]
        r = {x / y for x in a for y in h}
        grid = sorted(r | {x + 1e-9 for x in r})
    lo = hi = float("inf")
    for x in grid:
        low, up = share_below_bounds(income_cdf, hours_cdf, float(x))
        if up >= 0.5 and np.isinf(lo):
            lo = float(x)
        if low >= 0.5:
            hi = float(x)
            break
    return round(lo, 6), round(hi, 6)
