"""Permutation tests inverted into confidence sets, for pay set per posting.

:func:`permutation_inversion` runs the permutation test of every null effect on a grid (GLM
offset, or shifted outcomes) and returns the confidence set it inverts to; the reference set
can be within-stratum permutations (:func:`assignment_matrix`) or assignments linked across
replications (:func:`linked_assignment_matrix`, when the second week's schedule was derived
from the first's). The test is exact only if pay was randomised to postings.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ailabor.models.inference import CI_LEVEL, assignments, binomial_irls, design_matrix


def assignment_matrix(tot: pd.DataFrame, x: str, strata: str | None) -> np.ndarray:
    """Every within-stratum permutation of ``x`` over the rows of ``tot`` (one per row)."""
    return np.array(list(assignments(tot, x, strata)))


def linked_assignment_matrix(tot: pd.DataFrame, x: str, slot: str, rep: str) -> np.ndarray:
    """Assignments in which one replication is permuted and the other follows by the fixed
    pay map seen in the data (slot by slot: pay in the first replication -> pay in the
    second), as when the second week's schedule was derived from the first's.

    >>> t = pd.DataFrame({"rep": ["a"] * 2 + ["b"] * 2, "slot": ["s", "t"] * 2, "x": [1.0, 2, 2, 1]})
    >>> linked_assignment_matrix(t, "x", "slot", "rep").tolist()
    [[1.0, 2.0, 2.0, 1.0], [2.0, 1.0, 1.0, 2.0]]
    """
    reps = list(pd.unique(tot[rep]))
    if len(reps) != 2:
        raise ValueError("linked assignments need exactly two replications")
    a = tot[tot[rep] == reps[0]]
    b = tot[tot[rep] == reps[1]]
    pay_map = dict(
        zip(
            a.set_index(slot).loc[b[slot], x].to_numpy(float),
            b[x].to_numpy(float),
            strict=True,
        )
    )
    out = []
    for perm in itertools.permutations(a[x].to_numpy(float)):
        row = np.empty(len(tot))
        row[a.index] = perm
        by_slot = dict(zip(a[slot], perm, strict=True))
        row[b.index] = [pay_map[by_slot[s]] for s in b[slot]]
        out.append(row)
    return np.array(out)


def batched_binomial_slopes(
    X: np.ndarray, successes: np.ndarray, trials: np.ndarray, offset: np.ndarray, j: int
) -> np.ndarray:
    """Logistic coefficient ``j`` for a stack of designs ``X`` (B, n, k) with a common offset,
    by damped Newton steps; NaN where a design is rank-deficient."""
    B, n, k = X.shape
    ok = np.linalg.matrix_rank(X) == k
    beta = np.zeros((B, k))
    p0 = np.clip(successes.sum() / trials.sum(), 1e-6, 1 - 1e-6)
    beta[:, 0] = np.log(p0 / (1 - p0)) - offset.mean()
    out = np.full(B, np.nan)
    if not ok.any():
        return out
    Xo = X[ok]
    b = beta[ok]
    for _ in range(100):
        eta = np.einsum("bnk,bk->bn", Xo, b) + offset
        mu = np.clip(1 / (1 + np.exp(-eta)), 1e-12, 1 - 1e-12)
        wt = trials * mu * (1 - mu)
        grad = np.einsum("bnk,bn->bk", Xo, successes - trials * mu)
        H = np.einsum("bnk,bn,bnl->bkl", Xo, wt, Xo)
        step = np.linalg.solve(H, grad[..., None])[..., 0]
        big = np.abs(step).max(axis=1, keepdims=True)
        step = step * np.minimum(1.0, 5.0 / np.maximum(big, 1e-300))
        b = b + step
        if np.abs(step).max() < 1e-10:
            break
    out[ok] = b[:, j]
    return out


def batched_ols_slopes(X: np.ndarray, y: np.ndarray, j: int) -> np.ndarray:
    """OLS coefficient ``j`` for a stack of designs ``X`` (B, n, k); NaN where rank-deficient."""
    B, n, k = X.shape
    ok = np.linalg.matrix_rank(X) == k
    out = np.full(B, np.nan)
    if not ok.any():
        return out
    Xo = X[ok]
    XtX = np.einsum("bnk,bnl->bkl", Xo, Xo)
    Xty = np.einsum("bnk,n->bk", Xo, y)
    out[ok] = np.linalg.solve(XtX, Xty[..., None])[:, j, 0]
    return out


@dataclass
class PermutationInversion:
    """A permutation test of the slope of ``x`` and the confidence set it inverts to."""

    estimate: float  # observed slope (log-odds or outcome units per unit of x)
    p_value: float  # at null value 0
    n_assignments: int  # assignments in the reference set with an identified slope
    set_low: float  # the run of accepted null values around the estimate; -inf / +inf
    set_high: float  # when it reaches the grid's edge
    set_is_interval: bool  # False if other accepted values lie outside that run
    set_is_empty: bool
    grid_step: float


def permutation_inversion(
    tot: pd.DataFrame,
    x: str,
    covariates: tuple[str, ...],
    strata: str | None,
    assign: np.ndarray,
    successes: str | None = None,
    trials: str | None = None,
    outcome: str | None = None,
    grid: np.ndarray | None = None,
    level: float = CI_LEVEL,
) -> PermutationInversion:
    """Permutation test of H0: slope of ``x`` = b0, for b0 on a grid, and the set of b0
    it does not reject.

    Binomial (``successes``/``trials`` given): logistic GLM on posting totals with the
    offset b0 * x (the observed x), refitted with each assignment's x in place of x;
    Gaussian (``outcome`` given): OLS of outcome - b0 * x on each assignment's x. The
    statistic is |slope|; p = share of assignments at least as extreme as the observed
    one. Under the sharp null that the hypothesised effect is the only effect of x, and
    that the observed assignment was drawn at random from ``assign``, the test is exact.
    """
    tot = tot.reset_index(drop=True)
    X0 = design_matrix(tot, x, strata, covariates)
    cols = list(X0.columns)
    j = cols.index(x)
    X0 = X0.to_numpy(float)
    xobs = X0[:, j].copy()
    Xb = np.repeat(X0[None], len(assign), axis=0)
    Xb[:, :, j] = assign
    binomial = successes is not None
    if binomial:
        s, n = tot[successes].to_numpy(float), tot[trials].to_numpy(float)
        est = float(binomial_irls(X0, s, n)[j])
    else:
        yv = tot[outcome].to_numpy(float)
        est = float(np.linalg.lstsq(X0, yv, rcond=None)[0][j])
    if grid is None:
        grid = np.arange(-15.0, 15.0 + 1e-9, 0.1)  # per unit of x (per $1 of pay)

    def pval(b0):
        if binomial:
            stats_ = batched_binomial_slopes(Xb, s, n, b0 * xobs, j)
        else:
            stats_ = batched_ols_slopes(Xb, yv - b0 * xobs, j)
        stats_ = stats_[np.isfinite(stats_)]
        return float(np.mean(np.abs(stats_) >= abs(est - b0) - 1e-9)), len(stats_)

    p0, n_ok = pval(0.0)
    accepted = np.array([pval(b)[0] > 1 - level for b in grid])
    if not accepted.any():
        lo = hi = np.nan
        contiguous = True
    else:
        # Report the run of accepted values around the estimate; flag any accepted value
        # outside it (the statistic is not pivotal far from the estimate, so the set can
        # have disjoint pieces).
        idx = np.flatnonzero(accepted)
        centre = int(np.argmin(np.abs(grid - est)))
        if not accepted[centre]:
            centre = int(idx[np.argmin(np.abs(idx - centre))])
        i0 = i1 = centre
        while i0 > 0 and accepted[i0 - 1]:
            i0 -= 1
        while i1 < len(grid) - 1 and accepted[i1 + 1]:
            i1 += 1
        lo = -np.inf if i0 == 0 else float(grid[i0])
        hi = np.inf if i1 == len(grid) - 1 else float(grid[i1])
        contiguous = bool(i1 - i0 + 1 == len(idx))
    return PermutationInversion(
        est, p0, n_ok, lo, hi, contiguous, not accepted.any(), float(grid[1] - grid[0])
    )
