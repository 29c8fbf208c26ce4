"""Pay -> label accuracy and completion in the W241 experiment, as the design allows.

Pay was set per posting: 4 pay levels x 2 replications (weeks) = 8 postings, and the
postings followed a fixed schedule of four weekend slots (Saturday night, Saturday day,
Sunday night, Sunday day; data/curated/w241_postings.csv). The second week is the first
with $0.10 <-> $0.40 and $0.25 <-> $0.55 swapped within each slot, so the two night slots
carried the two lowest rewards in week one and the two highest in week two. Nothing
upstream says the pay order was drawn at random.

Hence the estimates here:

- a logistic GLM on responses with cluster-robust (posting) z intervals: shown only with
  their simulated coverage (few clusters);
- a permutation test (the GLM slope refitted for every assignment of the rewards to the
  postings of each week) and the confidence set it inverts to; exact only if pay was
  randomised to slots, which is an assumption, not a documented fact;
- the same under the "linked" reference set (week two derived from week one by the swap);
- a wild cluster bootstrap (WCR, Webb weights, null imposed) on a linear probability
  model, with its interval by test inversion;
- slot-adjusted versions (a night indicator; slot fixed effects), leave-one-posting-out
  estimates, and Lee (2009) bounds for accuracy among finishers.

Effects are per +$0.10 per HIT.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

from ailabor.models.inference import (
    CI_LEVEL,
    Z,
    assignment_matrix,
    design_matrix,
    linked_assignment_matrix,
    permutation_inversion,
    posting_totals,
    wild_bootstrap_interval,
    wild_cluster_bootstrap,
)
from ailabor.sources.w241 import POSTINGS

PAY = "pay_per_task_usd"
STEP = 0.10  # effects are reported per +$0.10 per HIT
SAMPLES = {"order1": ["order1"], "order2": ["order2"], "pooled": ["order1", "order2"]}
# Slot adjustments: none, a night indicator, slot fixed effects (pooled sample only:
# within one week each slot holds one posting, so slot effects absorb pay entirely).
ADJUSTMENTS = {"none": (), "night": ("night",), "slot": ("slot",)}
SCHEDULE_COLUMNS = ["posting_id", "slot", "weekday", "time_of_day", "posted_at"]


def main_design(workers: pd.DataFrame) -> pd.DataFrame:
    """The 8 postings of the main design, one row per response, with numeric outcome
    columns and the posting's place in the schedule (``slot``, ``night``, ``posted_at``)."""
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
    w = w.merge(POSTINGS[SCHEDULE_COLUMNS], on="posting_id", how="left", validate="many_to_one")
    w["night"] = (w["time_of_day"] == "night").astype(float)
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
        "finished the 50-question HIT (1 - first-page abandonment)",
    ),
}


def outcome_frame(workers_or_main: pd.DataFrame, outcome: str, sample: str) -> pd.DataFrame:
    """Rows of the main design that carry ``outcome``, restricted to ``sample``."""
    d = workers_or_main
    if "completed" not in d.columns:
        d = main_design(d)
    succ, trials, keep, _ = OUTCOMES[outcome]
    d = d[keep(d)]
    return d[d["replication"].isin(SAMPLES[sample])].reset_index(drop=True)


def _strata(d: pd.DataFrame) -> str | None:
    return "replication" if d["replication"].nunique() > 1 else None


def glm_cluster(d: pd.DataFrame, succ: str, trials: str, covariates: tuple[str, ...] = ()):
    """Response-level binomial GLM with cluster-robust (posting) z intervals: the odds
    ratio per +STEP, its interval and p, and every other coefficient as an odds ratio."""
    X = design_matrix(d, PAY, _strata(d), covariates)
    y = (d[succ] / d[trials]).to_numpy(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.GLM(
            y, X, family=sm.families.Binomial(), var_weights=d[trials].to_numpy(float)
        ).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d["posting_id"])[0]})
    b, se = res.params[PAY], res.bse[PAY]
    out = {
        "or_per_step": float(np.exp(STEP * b)),
        "z_ci_low": float(np.exp(STEP * (b - Z * se))),
        "z_ci_high": float(np.exp(STEP * (b + Z * se))),
        "z_p": float(res.pvalues[PAY]),
    }
    if "night" in X.columns:
        out["night_or"] = float(np.exp(res.params["night"]))
    return out


def _set(inv, prefix: str) -> dict:
    """A permutation inversion as odds ratios per +STEP."""
    t = lambda v: float(np.exp(STEP * v)) if np.isfinite(v) else float(v)  # noqa: E731
    return {
        f"{prefix}_p": inv.p_value,
        f"{prefix}_assignments": inv.n_assignments,
        f"{prefix}_set_low": t(inv.set_low),
        f"{prefix}_set_high": t(inv.set_high),
        f"{prefix}_set_is_interval": inv.set_is_interval,
        f"{prefix}_set_is_empty": inv.set_is_empty,
    }


def permutation(
    d: pd.DataFrame, succ: str, trials: str, covariates: tuple[str, ...] = (), linked=False
):
    """Permutation test and inverted confidence set for the pay slope on posting totals."""
    strata = _strata(d)
    cov = tuple(covariates) + (("slot",) if linked and "slot" not in covariates else ())
    tot = posting_totals(d, succ, trials, PAY, "posting_id", strata, cov).reset_index(drop=True)
    if linked:
        assign = linked_assignment_matrix(tot, PAY, "slot", "replication")
        covariates = tuple(c for c in covariates)  # slot only used to link, unless asked
    else:
        assign = assignment_matrix(tot, PAY, strata)
    return permutation_inversion(
        tot, PAY, covariates, strata, assign, successes=succ, trials=trials
    )


def wild_bootstrap(d: pd.DataFrame, succ: str, trials: str, covariates: tuple[str, ...] = ()):
    """WCR (Webb) p-value and inverted interval for the linear-probability slope, in
    percentage points per +STEP."""
    X = design_matrix(d, PAY, _strata(d), covariates)
    y = (d[succ] / d[trials]).to_numpy(float)
    w = d[trials].to_numpy(float)
    g = d["posting_id"].to_numpy()
    j = list(X.columns).index(PAY)
    res = wild_cluster_bootstrap(y, X.to_numpy(float), w, g, j)
    lo, hi = wild_bootstrap_interval(y, X.to_numpy(float), w, g, j)
    return {
        "pp_per_step": 100 * STEP * res.estimate,
        "wcr_ci_low": 100 * STEP * lo,
        "wcr_ci_high": 100 * STEP * hi,
        "wcr_p": res.p_value,
        "wcr_draws": res.draws,
        "wcr_enumerated": res.enumerated,
    }


def pay_effects(workers: pd.DataFrame) -> pd.DataFrame:
    """One row per outcome x sample (order1, order2, pooled): GLM odds ratio with its
    cluster-robust z interval, permutation p and inverted confidence set (and, pooled,
    under the linked reference set), WCR p and interval on the linear scale."""
    base = main_design(workers)
    rows = []
    for outcome, (succ, trials, _, desc) in OUTCOMES.items():
        for sample in SAMPLES:
            d = outcome_frame(base, outcome, sample)
            lo_pay, hi_pay = d[PAY].min(), d[PAY].max()
            row = {
                "outcome": outcome,
                "sample": sample,
                "description": desc,
                "n_responses": len(d),
                "n_postings": d["posting_id"].nunique(),
                "rate_at_low_pay": float(
                    d.loc[d[PAY] == lo_pay, succ].sum() / d.loc[d[PAY] == lo_pay, trials].sum()
                ),
                "rate_at_high_pay": float(
                    d.loc[d[PAY] == hi_pay, succ].sum() / d.loc[d[PAY] == hi_pay, trials].sum()
                ),
                **glm_cluster(d, succ, trials),
                **_set(permutation(d, succ, trials), "perm"),
                **wild_bootstrap(d, succ, trials),
            }
            if sample == "pooled":
                row.update(_set(permutation(d, succ, trials, linked=True), "perm_linked"))
            rows.append(row)
    return pd.DataFrame(rows)


def adjusted_effects(workers: pd.DataFrame, outcomes=("accuracy", "completion")) -> pd.DataFrame:
    """Unadjusted, night-adjusted and slot-adjusted pay effects: one row per outcome x
    sample x adjustment (slot fixed effects only pooled)."""
    base = main_design(workers)
    rows = []
    for outcome in outcomes:
        succ, trials, _, _ = OUTCOMES[outcome]
        for sample in SAMPLES:
            d = outcome_frame(base, outcome, sample)
            for adj, cov in ADJUSTMENTS.items():
                if adj == "slot" and sample != "pooled":
                    continue
                row = {"outcome": outcome, "sample": sample, "adjustment": adj}
                row.update(glm_cluster(d, succ, trials, cov))
                row.update(_set(permutation(d, succ, trials, cov), "perm"))
                if adj != "slot":  # 6 parameters on 8 clusters: no bootstrap
                    row.update(wild_bootstrap(d, succ, trials, cov))
                rows.append(row)
    return pd.DataFrame(rows)


def leave_one_posting_out(
    workers: pd.DataFrame, outcomes=("accuracy", "completion")
) -> pd.DataFrame:
    """Pooled estimates with each posting left out in turn (7 postings; permutations
    within week over the remaining postings)."""
    base = main_design(workers)
    rows = []
    for outcome in outcomes:
        succ, trials, _, _ = OUTCOMES[outcome]
        d_all = outcome_frame(base, outcome, "pooled")
        for pid in ["none"] + sorted(d_all["posting_id"].unique()):
            d = d_all[d_all["posting_id"] != pid].reset_index(drop=True)
            row = {"outcome": outcome, "dropped": pid, "n_responses": len(d)}
            row.update(glm_cluster(d, succ, trials))
            row.update(_set(permutation(d, succ, trials), "perm"))
            rows.append(row)
    return pd.DataFrame(rows)


def lee_bounds_pair(acc_low, n_low, acc_high, n_high) -> dict:
    """Lee (2009) bounds on the difference in mean accuracy (high - low arm) among
    finishers who would finish in either arm.

    ``acc_*`` are the finishers' accuracies, ``n_*`` the starters of each arm. The arm
    with the higher completion rate has its finishers trimmed by the share
    p = (q_more - q_less) / q_more from the top (lower bound) or bottom (upper bound).

    >>> b = lee_bounds_pair([0.5, 0.5], 4, [0.2, 0.6, 0.8, 1.0], 4)
    >>> round(b["trim_share"], 2), round(b["lower"], 3), round(b["upper"], 3)
    (0.5, -0.1, 0.4)
    """
    a, b = np.sort(np.asarray(acc_low, float)), np.sort(np.asarray(acc_high, float))
    q_a, q_b = len(a) / n_low, len(b) / n_high
    trim_high = q_b >= q_a
    more, q_more, q_less = (b, q_b, q_a) if trim_high else (a, q_a, q_b)
    p = (q_more - q_less) / q_more

    def trimmed_mean(v, drop_top: bool):
        k = p * len(v)  # observations to drop, possibly fractional
        wts = np.ones(len(v))
        order = np.arange(len(v))[::-1] if drop_top else np.arange(len(v))
        left = k
        for i in order:
            take = min(1.0, left)
            wts[i] -= take
            left -= take
            if left <= 0:
                break
        return float(np.sum(wts * v) / np.sum(wts))

    lo_more, hi_more = trimmed_mean(more, True), trimmed_mean(more, False)
    if trim_high:
        lower, upper = lo_more - a.mean(), hi_more - a.mean()
    else:
        lower, upper = b.mean() - hi_more, b.mean() - lo_more
    return {
        "completion_low": q_a,
        "completion_high": q_b,
        "trimmed_arm": "high" if trim_high else "low",
        "trim_share": float(p),
        "naive": float(b.mean() - a.mean()),
        "lower": float(lower),
        "upper": float(upper),
    }


LEE_COMPARISONS = {
    # name: (low pay levels, high pay levels)
    "0.10_vs_0.25": ((0.10,), (0.25,)),
    "0.25_vs_0.40": ((0.25,), (0.40,)),
    "0.40_vs_0.55": ((0.40,), (0.55,)),
    "low_vs_high": ((0.10, 0.25), (0.40, 0.55)),
    "0.10_vs_0.55": ((0.10,), (0.55,)),
}


def lee_bounds(workers: pd.DataFrame) -> pd.DataFrame:
    """Lee bounds (accuracy among finishers, percentage points) for adjacent pay steps,
    low ($0.10, $0.25) vs high ($0.40, $0.55) pay, and $0.10 vs $0.55; both weeks pooled
    and each week alone."""
    base = main_design(workers)
    base["acc"] = base["n_correct"] / base["n_gold_labels"]
    rows = []
    for sample, reps in SAMPLES.items():
        d = base[base["replication"].isin(reps)]
        for name, (low, high) in LEE_COMPARISONS.items():
            lo, hi = d[d[PAY].round(2).isin(low)], d[d[PAY].round(2).isin(high)]
            fin = lambda g: g.loc[g["completed"] == 1, "acc"].to_numpy(float)  # noqa: E731
            r = lee_bounds_pair(fin(lo), len(lo), fin(hi), len(hi))
            r = {k: (100 * v if k in ("naive", "lower", "upper") else v) for k, v in r.items()}
            rows.append({"sample": sample, "comparison": name, **r})
    return pd.DataFrame(rows)


def posting_summary(workers: pd.DataFrame) -> pd.DataFrame:
    """Per posting: pay, schedule, starts, completion, accuracy (with a Wilson interval),
    Dawid-Skene accuracy, median effective pay per hour."""
    from ailabor.quality import wilson_interval

    d = main_design(workers)
    g = d.groupby(["replication", "posting_id", PAY, "slot", "time_of_day"], as_index=False)
    out = g.agg(
        started=("completed", "size"),
        completed=("completed", "sum"),
        n_correct=("n_correct", "sum"),
        n_gold=("n_gold_labels", "sum"),
        ds_correct=("ds_correct", "sum"),
        n_labels=("n_labels", "sum"),
        median_pay_per_hour_usd=("pay_per_hour_usd", "median"),
        first_start_at=("started_at", "min"),
        posted_at=("posted_at", "first"),
    )
    out["abandoned"] = out["started"] - out["completed"]
    out["completion_rate"] = out["completed"] / out["started"]
    out["completion_ci_low"], out["completion_ci_high"] = wilson_interval(
        out["completed"].to_numpy(float), out["started"].to_numpy(float)
    )
    out["accuracy"] = out["n_correct"] / out["n_gold"]
    out["accuracy_ci_low"], out["accuracy_ci_high"] = wilson_interval(
        out["n_correct"].to_numpy(float), out["n_gold"].to_numpy(float)
    )
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


__all__ = [
    "CI_LEVEL",
    "PAY",
    "STEP",
    "SAMPLES",
    "OUTCOMES",
    "main_design",
    "pay_effects",
    "adjusted_effects",
    "leave_one_posting_out",
    "lee_bounds",
    "lee_bounds_pair",
    "posting_summary",
    "pay_per_hour_association",
]


# --- exclusions, additions and the pay range -----------------------------------------
def order1_025_exports() -> dict:
    """Compare the two Qualtrics exports of order1 $0.25 (reads the raw snapshots):
    response IDs in the cleaned export, and the statuses of those only in `_raw`."""
    from ailabor.sources import w241 as src

    files = POSTINGS.loc[POSTINGS["posting_id"] == "order1_0.25", "qualtrics_file"].iloc[0]
    raw = src.parse_qualtrics(src.SOURCE.path(f"qualtric_data/{files}"))
    cleaned = src.parse_qualtrics(
        src.SOURCE.path(f"qualtric_data/{files.replace('_raw.csv', '.csv')}")
    )
    extra = raw[~raw["ResponseId"].isin(cleaned["ResponseId"])]
    return {
        "cleaned_ids": set(cleaned.loc[cleaned["Status"] == "IP Address", "ResponseId"]),
        "extra_status": extra["Status"].value_counts().to_dict(),
    }


def exclusions(workers: pd.DataFrame, build_report: dict, exports: dict | None = None):
    """Every exclusion and addition between the upstream files and the 8-posting analysis,
    with its reason, count and where the responses still count. Returns (table, facts)."""
    exports = exports if exports is not None else order1_025_exports()
    w = workers[workers["dataset"] == "w241"]
    rows = []
    quarantined = build_report.get("quarantined_responses", {})
    for status in ("Spam", "Survey Preview"):
        files = {f: c[status] for f, c in quarantined.items() if status in c}
        rows.append(
            {
                "step": f"Qualtrics status '{status}'",
                "responses": sum(files.values()),
                "where": "; ".join(f.replace("_qualtric_results", "") for f in files),
                "decision": "quarantined (not in any table)",
                "reason": "flagged by Qualtrics as spam"
                if status == "Spam"
                else "a researcher's test run of the survey, not a worker",
            }
        )
    added = int(exports["extra_status"].get("IP Address", 0))
    rows.append(
        {
            "step": "Responses only in the raw export (_raw.csv) of order1 $0.25",
            "responses": added,
            "where": "order1 $0.25",
            "decision": "added to order1 $0.25",
            "reason": "their survey codes were paid in the order1 $0.25 MTurk batch",
        }
    )
    supp = w[w["posting_id"] == "order1_0.40_supplementary"]
    rows.append(
        {
            "step": "Responses paid through the 4-assignment supplementary batch",
            "responses": len(supp),
            "where": "order1 $0.25 survey",
            "decision": "own posting, outside the 8-posting design",
            "reason": "posted separately (after order1 $0.40) at $0.25; not one of the 8 postings",
        }
    )
    for design, label in (("pilot", "Pilot postings"), ("design2", "Design 2 postings")):
        g = w[w["design"] == design]
        rows.append(
            {
                "step": f"{label} ({g['posting_id'].nunique()})",
                "responses": len(g),
                "where": ", ".join(sorted(g["posting_id"].unique())),
                "decision": "outside the pay-effect models",
                "reason": "not part of the 8-posting design; their labels count in the "
                "labels-per-question total, the Dawid-Skene fit and the repeat-worker count",
            }
        )
    unmatched = build_report.get("unmatched_mturk_assignments", {})
    main_files = set(POSTINGS.loc[POSTINGS["is_main_design"], "mturk_file"])
    n_unmatched = sum(c for f, c in unmatched.items() if f in main_files)
    rows.append(
        {
            "step": "MTurk assignments with no Qualtrics response (main postings)",
            "responses": n_unmatched,
            "where": ", ".join(
                f.split("_results_")[1].removesuffix(".csv")
                for f, c in unmatched.items()
                if f in main_files and c
            ),
            "decision": "not counted (no answers to score)",
            "reason": "survey code matches no response, and no finished response has the worker ID",
        }
    )
    d = main_design(workers)
    anon = int((~d["is_worker_id_known"].astype(bool)).sum())
    if anon:
        rows.append(
            {
                "step": "Main-design responses without a worker ID",
                "responses": anon,
                "where": "main postings",
                "decision": "kept, each as its own worker",
                "reason": "no worker ID typed; cannot be linked across postings",
            }
        )
    quit_ = int((d["completed"] == 0).sum())
    rows.append(
        {
            "step": "Main-design responses abandoned on the first page",
            "responses": quit_,
            "where": "8 main postings",
            "decision": "kept for completion; no accuracy (no answers)",
            "reason": "Qualtrics saved no answer for them",
        }
    )
    cleaned = w[w["response_id"].isin(exports["cleaned_ids"])]
    ours = w[w["posting_id"] == "order1_0.25"]
    facts = {
        "order1_025_accuracy_cleaned_export": float(
            cleaned["n_correct"].sum() / cleaned["n_gold_labels"].sum()
        ),
        "order1_025_accuracy_used": float(ours["n_correct"].sum() / ours["n_gold_labels"].sum()),
        "responses_outside_main": int((~w["is_main_design"].astype(bool)).sum()),
        "responses_all": len(w),
        "responses_main": len(d),
    }
    return pd.DataFrame(rows), facts


def effective_pay_range(workers: pd.DataFrame, federal_minimum_usd: float) -> dict:
    """Median effective pay per hour (submitted responses) per main posting: the range,
    and how many postings lie below ``federal_minimum_usd``."""
    med = posting_summary(workers).set_index("posting_id")["median_pay_per_hour_usd"]
    return {
        "min_median_usd": float(med.min()),
        "max_median_usd": float(med.max()),
        "postings_below_minimum": int((med < federal_minimum_usd).sum()),
        "postings": len(med),
        "federal_minimum_usd": federal_minimum_usd,
    }
