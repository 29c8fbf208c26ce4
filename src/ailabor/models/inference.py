"""Inference for pay set per posting (few clusters).

- :func:`posting_glm`: binomial GLM on posting totals (the sufficient statistics when
  pay is set per posting).
- :func:`randomisation_test`: the permutation test of no effect over every assignment of
  the pay levels to the postings of each replication (exact only if pay was randomised).
- :mod:`ailabor.models.permutation`: the same test inverted into confidence sets.
- :func:`wild_cluster_bootstrap`: wild cluster bootstrap-t with the null imposed (WCR,
  Webb six-point weights) for a weighted linear probability model, and
  :func:`wild_bootstrap_interval`, its inversion.
- :func:`cluster_t_interval`: a cluster-robust (CR1) interval with t(G - k) critical values.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

CI_LEVEL = 0.95  # every interval in the paper
ALPHA = 0.05  # test level used for rejection rates
Z = float(stats.norm.ppf(0.5 + CI_LEVEL / 2))
WEBB = np.array([-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)])


def design_matrix(
    df: pd.DataFrame, x: str, strata: str | None, covariates: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Intercept, ``x``, fixed effects for ``strata`` (when it has more than one level), and
    ``covariates`` (numeric columns as they are; text columns as fixed effects).

    >>> d = pd.DataFrame({"pay": [0.1, 0.4, 0.1, 0.4], "rep": list("aabb"), "night": [1.0, 0, 0, 1]})
    >>> list(design_matrix(d, "pay", "rep", ("night",)).columns)
    ['const', 'pay', 'rep_b', 'night']
    """
    X = pd.DataFrame({"const": 1.0, x: df[x].astype(float)}, index=df.index)
    for col in ([strata] if strata else []) + list(covariates):
        if df[col].dtype.kind in "fiub":
            X[col] = df[col].astype(float)
        elif df[col].nunique() > 1:
            fe = pd.get_dummies(df[col], prefix=col, drop_first=True, dtype=float)
            X = pd.concat([X, fe], axis=1)
    return X


def posting_totals(
    df: pd.DataFrame,
    successes: str,
    trials: str,
    x: str,
    cluster: str,
    strata: str | None,
    covariates: tuple[str, ...] = (),
):
    cols = list(dict.fromkeys([cluster, x] + ([strata] if strata else []) + list(covariates)))
    return df.groupby(cols, as_index=False)[[successes, trials]].sum()


def binomial_irls(
    X: np.ndarray, successes: np.ndarray, trials: np.ndarray, tol: float = 1e-10
) -> np.ndarray:
    """Maximum-likelihood logistic coefficients for grouped binomial data (Newton/IRLS).

    Small and exact, so that randomisation inference can refit hundreds of times; it
    agrees with statsmodels' GLM (tested).
    """
    beta = np.zeros(X.shape[1])
    p0 = np.clip(successes.sum() / trials.sum(), 1e-6, 1 - 1e-6)
    beta[0] = np.log(p0 / (1 - p0))
    for _ in range(100):
        eta = X @ beta
        mu = 1 / (1 + np.exp(-eta))
        w = trials * mu * (1 - mu)
        grad = X.T @ (successes - trials * mu)
        step = np.linalg.solve(X.T @ (X * w[:, None]), grad)
        beta = beta + step
        if np.max(np.abs(step)) < tol:
            break
    return beta


def posting_glm(
    tot: pd.DataFrame, successes: str, trials: str, x: str, strata: str | None
) -> float:
    """Binomial GLM slope of ``x`` on posting totals (log-odds per unit of x).

    With pay set per posting, the posting totals are sufficient: this equals the slope
    of the response-level binomial GLM.
    """
    X = design_matrix(tot, x, strata)
    beta = binomial_irls(
        X.to_numpy(float), tot[successes].to_numpy(float), tot[trials].to_numpy(float)
    )
    return float(beta[list(X.columns).index(x)])


def assignments(tot: pd.DataFrame, x: str, strata: str | None):
    """Every assignment of the observed pay levels to postings, permuted within strata
    (arrays aligned with ``tot``'s rows)."""
    values = tot[x].to_numpy(float)
    if strata:
        groups = [np.flatnonzero(tot[strata].to_numpy() == s) for s in pd.unique(tot[strata])]
    else:
        groups = [np.arange(len(tot))]
    per_group = [list(itertools.permutations(values[g])) for g in groups]
    for combo in itertools.product(*per_group):
        out = values.copy()
        for g, perm in zip(groups, combo, strict=True):
            out[g] = perm
        yield out


@dataclass
class RandomisationResult:
    statistic: float
    p_value: float
    n_assignments: int
    null: np.ndarray


def randomisation_test(
    df: pd.DataFrame,
    successes: str,
    trials: str,
    x: str = "pay_per_task_usd",
    cluster: str = "posting_id",
    strata: str | None = "replication",
) -> RandomisationResult:
    """Exact two-sided randomisation p-value for the GLM slope of pay.

    Pay was assigned to postings, so the postings' pay levels are permuted within each
    replication and the slope refitted for every assignment. p = share of assignments
    whose |slope| >= the observed |slope| (the observed one included).
    """
    tot = posting_totals(df, successes, trials, x, cluster, strata).reset_index(drop=True)
    X = design_matrix(tot, x, strata)
    j = list(X.columns).index(x)
    Xa = np.array(X.to_numpy(float), copy=True)  # written in place below
    s, n = tot[successes].to_numpy(float), tot[trials].to_numpy(float)
    obs = float(binomial_irls(Xa, s, n)[j])
    null = []
    for perm in assignments(tot, x, strata):
        Xa[:, j] = perm
        null.append(binomial_irls(Xa, s, n)[j])
    null = np.asarray(null)
    p = float(np.mean(np.abs(null) >= abs(obs) - 1e-12))
    return RandomisationResult(obs, p, len(null), null)


def _wls_parts(X: np.ndarray, w: np.ndarray):
    XtWX = X.T @ (X * w[:, None])
    bread = np.linalg.inv(XtWX)
    return bread


def cluster_ols(y, X, w, groups):
    """Weighted OLS with CR1 cluster-robust covariance. Returns (beta, cov)."""
    bread = _wls_parts(X, w)
    beta = bread @ (X.T @ (w * y))
    e = y - X @ beta
    G = len(np.unique(groups))
    scores = pd.DataFrame(X * (w * e)[:, None]).groupby(groups).sum().to_numpy()
    meat = scores.T @ scores
    n, k = X.shape
    adj = G / (G - 1) * (n - 1) / (n - k)
    return beta, adj * bread @ meat @ bread


def cluster_t_interval(y, X, w, groups, j: int, level: float = 0.95):
    """Estimate, CR1 standard error and a t(G-k) interval for coefficient ``j``."""
    beta, cov = cluster_ols(y, X, w, groups)
    se = float(np.sqrt(cov[j, j]))
    G = len(np.unique(groups))
    dof = max(G - X.shape[1], 1)
    q = stats.t.ppf(0.5 + level / 2, dof)
    return float(beta[j]), se, float(beta[j] - q * se), float(beta[j] + q * se)


@dataclass
class WildBootstrapResult:
    estimate: float
    t_stat: float
    p_value: float
    draws: int
    enumerated: bool


def wild_cluster_bootstrap(
    y: np.ndarray,
    X: np.ndarray,
    w: np.ndarray,
    groups: np.ndarray,
    j: int,
    max_draws: int = 9999,
    seed: int = 12345,
    null_value: float = 0.0,
) -> WildBootstrapResult:
    """WCR bootstrap-t p-value for H0: beta_j = ``null_value`` (Webb six-point weights, the
    null imposed on the residuals; all 6^G draws when that is at most ``max_draws``, else a
    seeded sample, the same for every null value so that the p-value is a fixed function of
    it and can be inverted)."""
    y, X, w = (np.asarray(a, dtype=float) for a in (y, X, w))
    codes, _ = pd.factorize(groups)
    G, (n, k) = codes.max() + 1, X.shape
    beta, cov = cluster_ols(y, X, w, codes)
    t_obs = (beta[j] - null_value) / np.sqrt(cov[j, j])
    # Restricted fit (beta_j = null_value).
    Xr = np.delete(X, j, axis=1)
    y0 = y - null_value * X[:, j]
    br = np.linalg.lstsq(Xr * np.sqrt(w)[:, None], y0 * np.sqrt(w), rcond=None)[0]
    yhat_r = Xr @ br + null_value * X[:, j]
    u_r = y - yhat_r
    bread = _wls_parts(X, w)
    # Per-cluster pieces so that each draw costs O(G k^2).
    Wx = X * w[:, None]
    c = np.zeros((G, k))
    d = np.zeros((G, k))
    H = np.zeros((G, k, k))
    np.add.at(c, codes, Wx * yhat_r[:, None])
    np.add.at(d, codes, Wx * u_r[:, None])
    np.add.at(H, codes, Wx[:, :, None] * X[:, None, :])
    if max_draws >= 6**G:
        V = np.array(list(itertools.product(WEBB, repeat=G)))
        enumerated = True
    else:
        V = np.random.default_rng(seed).choice(WEBB, size=(max_draws, G))
        enumerated = False
    # b*(v) = bread @ sum_g (c_g + v_g d_g)
    b_star = (c.sum(axis=0)[None, :] + V @ d) @ bread.T
    scores = c[None] + V[:, :, None] * d[None] - np.einsum("gkl,bl->bgk", H, b_star)
    meat = np.einsum("bgk,bgl->bkl", scores, scores)
    adj = G / (G - 1) * (n - 1) / (n - k)
    var_j = adj * np.einsum("k,bkl,l->b", bread[j], meat, bread[j])
    t_star = (b_star[:, j] - null_value) / np.sqrt(var_j)
    p = float(np.mean(np.abs(t_star) >= abs(t_obs)))
    return WildBootstrapResult(float(beta[j]), float(t_obs), p, len(V), enumerated)


def wild_bootstrap_interval(
    y, X, w, groups, j: int, level: float = CI_LEVEL, max_draws: int = 9999, seed: int = 12345
) -> tuple[float, float]:
    """WCR confidence interval for beta_j by test inversion: the null values the WCR
    bootstrap-t test does not reject at 1 - ``level``. Each end is found by bracketing
    outwards from the estimate in CR1 standard errors and bisecting; an end that is not
    reached within 200 standard errors is returned as -inf/+inf (unbounded)."""
    y, X, w = (np.asarray(a, dtype=float) for a in (y, X, w))
    beta, cov = cluster_ols(y, X, w, pd.factorize(groups)[0])
    est, se = float(beta[j]), float(np.sqrt(cov[j, j]))
    alpha = 1 - level

    def p(b0):
        return wild_cluster_bootstrap(y, X, w, groups, j, max_draws, seed, null_value=b0).p_value

    ends = []
    for sign in (-1.0, 1.0):
        inner, outer = 0.0, 1.0
        while p(est + sign * outer * se) > alpha:
            inner, outer = outer, 2 * outer
            if outer > 200:
                outer = None
                break
        if outer is None:
            ends.append(sign * np.inf)
            continue
        for _ in range(30):
            mid = (inner + outer) / 2
            if p(est + sign * mid * se) > alpha:
                inner = mid
            else:
                outer = mid
            if outer - inner < 1e-4:
                break
        ends.append(est + sign * (inner + outer) / 2 * se)
    return float(ends[0]), float(ends[1])
