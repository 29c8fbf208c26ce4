"""The W241 postings described: per-posting summary, effective pay, and the account of every
exclusion and addition between the upstream files and the analysis."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

from ailabor.models.inference import Z
from ailabor.models.w241 import PAY, main_design
from ailabor.sources.w241 import POSTINGS


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
