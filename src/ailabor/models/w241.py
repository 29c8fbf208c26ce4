"""Pay -> label error and pay -> turnover in the W241 experiment.

Pay was randomised per posting (4 pay levels x 2 replications), so there are 8
clusters, 4 per replication. Every estimate comes with inference that respects
that: cluster-robust GLM and GEE (clusters = postings), exact randomisation
inference over the pay assignment, and a wild cluster bootstrap. Effects are per
+$0.10 per HIT.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

from ailabor.models.inference import (
    Z,
    cluster_t_interval,
    design_matrix,
    randomisation_test,
    wild_cluster_bootstrap,
)

PAY = "pay_per_task_usd"
STEP = 0.10  # effects are reported per +$0.10 per HIT
SAMPLES = {"order1": ["order1"], "order2": ["order2"], "pooled": ["order1", "order2"]}


def main_design(workers: pd.DataFrame) -> pd.DataFrame:
    """The 8 randomised postings, one row per response, with numeric outcome columns."""
    w = workers[
        (workers["dataset"] == "w241") & workers["is_main_design"].fillna(False).astype(bool)
    ].copy()
    w["completed"] = w["is_completed"].astype(float)
    w["one"] = 1.0
    w["n_correct"] = w["n_correct"].astype(float)
    w["n_gold_labels"] = w["n_gold_labels"].astype(float)
    w["n_labels"] = w["n_labels"].astype(float)
    w["ds_correct"] = (1 - w["ds_error"]) * w["n_labels"]
    w["ds_accuracy"] = 1 - w["ds_error"]
    return w


OUTCOMES = {
    # name: (successes, trials, row filter, description)
    "accuracy": (
        "n_correct",
        "n_gold_labels",
        lambda d: d["n_gold_labels"] > 0,
        "share of answered questions correct (gold)",
    ),
    "ds_accuracy": (
        "ds_correct",
        "n_labels",
        lambda d: d["n_labels"] > 0,
        "1 - Dawid-Skene error (no gold)",
    ),
    "completion": (
        "completed",
        "one",
        lambda d: d.index == d.index,
        "finished the 50-question HIT",
    ),
}


def _glm_cluster(d, succ, trials, strata):
    X = design_matrix(d, PAY, strata)
    y = (d[succ] / d[trials]).to_numpy(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.GLM(
            y, X, family=sm.families.Binomial(), var_weights=d[trials].to_numpy(float)
        ).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d["posting_id"])[0]})
    return _odds_ratio_per_step(res, prefix="", p_name="glm_p")


def _odds_ratio_per_step(res, prefix: str, p_name: str) -> dict:
    """Odds ratio per +STEP of pay with its Z-interval, from a fitted logistic model."""
    b, se = res.params[PAY], res.bse[PAY]
    return {
        f"{prefix}or_per_step": float(np.exp(STEP * b)),
        f"{prefix}or_ci_low": float(np.exp(STEP * (b - Z * se))),
        f"{prefix}or_ci_high": float(np.exp(STEP * (b + Z * se))),
        p_name: float(res.pvalues[PAY]),
    }


def _gee(d, succ, trials, strata):
    """GEE with exchangeable correlation within postings, on 0/1 outcomes (expanded from counts)."""
    k = d[trials].round().astype(int).to_numpy()
    s = d[succ].round().astype(int).to_numpy()
    rows = np.repeat(np.arange(len(d)), k)
    within = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
    y = (within < np.repeat(s, k)).astype(float)
    dd = d.iloc[rows]
    X = design_matrix(dd.reset_index(drop=True), PAY, strata)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.GEE(
            y,
            X,
            groups=pd.factorize(dd["posting_id"])[0],
            family=sm.families.Binomial(),
            cov_struct=sm.cov_struct.Exchangeable(),
        ).fit()
    return _odds_ratio_per_step(res, prefix="gee_", p_name="gee_p")


def _lpm(d, succ, trials, strata):
    X = design_matrix(d, PAY, strata)
    y = (d[succ] / d[trials]).to_numpy(float)
    w = d[trials].to_numpy(float)
    groups = d["posting_id"].to_numpy()
    j = list(X.columns).index(PAY)
    est, se, lo, hi = cluster_t_interval(y, X.to_numpy(), w, groups, j)
    wcb = wild_cluster_bootstrap(y, X.to_numpy(), w, groups, j)
    return {
        "pp_per_step": 100 * STEP * est,
        "pp_ci_low": 100 * STEP * lo,
        "pp_ci_high": 100 * STEP * hi,
        "wcb_p": wcb.p_value,
        "wcb_draws": wcb.draws,
        "wcb_enumerated": wcb.enumerated,
    }


def pay_effects(workers: pd.DataFrame, gee: bool = True) -> pd.DataFrame:
    """One row per outcome x sample (order1, order2, pooled) with every estimate and p-value."""
    base = main_design(workers)
    rows = []
    for outcome, (succ, trials, keep, desc) in OUTCOMES.items():
        d0 = base[keep(base)]
        for sample, reps in SAMPLES.items():
            d = d0[d0["replication"].isin(reps)]
            strata = "replication" if len(reps) > 1 else None
            ri = randomisation_test(d, succ, trials, strata=strata)
            row = {
                "outcome": outcome,
                "sample": sample,
                "description": desc,
                "n_responses": len(d),
                "n_postings": d["posting_id"].nunique(),
                "rate_at_0.10": float(
                    d.loc[d[PAY] == 0.10, succ].sum() / d.loc[d[PAY] == 0.10, trials].sum()
                ),
                "rate_at_0.55": float(
                    d.loc[d[PAY] == 0.55, succ].sum() / d.loc[d[PAY] == 0.55, trials].sum()
                ),
                **_glm_cluster(d, succ, trials, strata),
                **_lpm(d, succ, trials, strata),
                "ri_p": ri.p_value,
                "ri_assignments": ri.n_assignments,
            }
            if gee and outcome != "ds_accuracy":
                row.update(_gee(d, succ, trials, strata))
            rows.append(row)
    return pd.DataFrame(rows)


def posting_summary(workers: pd.DataFrame) -> pd.DataFrame:
    """Per posting: pay, starts, completion, accuracy, Dawid-Skene accuracy, effective pay per hour."""
    d = main_design(workers)
    g = d.groupby(["replication", "posting_id", PAY], as_index=False)
    out = g.agg(
        started=("completed", "size"),
        completed=("completed", "sum"),
        n_correct=("n_correct", "sum"),
        n_gold=("n_gold_labels", "sum"),
        ds_correct=("ds_correct", "sum"),
        n_labels=("n_labels", "sum"),
        median_pay_per_hour_usd=("pay_per_hour_usd", "median"),
        started_at=("started_at", "min"),
    )
    out["completion_rate"] = out["completed"] / out["started"]
    out["accuracy"] = out["n_correct"] / out["n_gold"]
    out["ds_accuracy"] = out["ds_correct"] / out["n_labels"]
    return out.sort_values(["replication", PAY]).reset_index(drop=True)


def pay_per_hour_association(workers: pd.DataFrame) -> dict:
    """Accuracy on log2 effective pay per hour among submitted responses: observational
    (work time is chosen by the worker), cluster-robust by posting."""
    d = main_design(workers)
    d = d[d["is_submitted"].astype(bool) & (d["n_gold_labels"] > 0) & d["pay_per_hour_usd"].notna()]
    X = sm.add_constant(
        pd.DataFrame({"log2_pay_per_hour": np.log2(d["pay_per_hour_usd"].astype(float))})
    )
    X = X.join(pd.get_dummies(d["replication"], drop_first=True, dtype=float))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.GLM(
            (d["n_correct"] / d["n_gold_labels"]).to_numpy(float),
            X,
            family=sm.families.Binomial(),
            var_weights=d["n_gold_labels"].to_numpy(float),
        ).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d["posting_id"])[0]})
    b, se = res.params["log2_pay_per_hour"], res.bse["log2_pay_per_hour"]
    return {
        "n": len(d),
        "or_per_doubling": float(np.exp(b)),
        "or_ci_low": float(np.exp(b - Z * se)),
        "or_ci_high": float(np.exp(b + Z * se)),
        "p": float(res.pvalues["log2_pay_per_hour"]),
    }
