"""The W241 pay experiment: fit every model and format the numbers the paper quotes.

Usage: python analysis/results_experiment.py OUT_DIR SIMULATION_JSON
Writes experiment_results.json (raw), experiment.json (formatted) and the paper's tables
(exp_*.csv) to OUT_DIR, plus pay_effects.csv and postings.csv (every estimate, unformatted).
"""

import json
import math
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd

import ailabor
from ailabor.models import abandonment, w241, w241_postings
from ailabor.models.inference import ALPHA, CI_LEVEL
from ailabor.models.w241 import PAY, STEP
from ailabor.paper_format import (
    f,
    p,
    pct,
    signed,
    usd,
    write_numbers,
    write_paper_csv,
    write_results,
)
from ailabor.pay_summary import us_federal_minimum_for
from ailabor.quality import MajorityVote
from ailabor.sources.w241 import POSTINGS
from ailabor.storage import read_meta

out = Path(sys.argv[1])
sim = json.loads(Path(sys.argv[2]).read_text())

# Load inputs.
workers = ailabor.load_table("workers")
annotations = ailabor.load_table("annotations")
dol = ailabor.load_table("us_state_min_wage")
build_report = (read_meta("workers") or {}).get("report", {})

# Process data.
main = w241.main_design(workers)
effects = w241.pay_effects(workers)
adjusted = w241.adjusted_effects(workers)
loo = w241.leave_one_posting_out(workers)
lee = w241.lee_bounds(workers)
postings = w241_postings.posting_summary(workers)
fill = abandonment.time_to_fill(workers)
fill_effect = {
    "none": abandonment.fill_effect(fill),
    "night": abandonment.fill_effect(fill, ("night",)),
}
quits = abandonment.abandonment_check(workers)
repeat = abandonment.repeat_participation(workers)
excl, excl_facts = w241_postings.exclusions(workers, build_report)
year = int(main["started_at"].dt.year.min())
fed_min, fed_year = us_federal_minimum_for(year, dol)
pay_range = w241_postings.effective_pay_range(workers, fed_min)
w_labels = annotations[
    (annotations["dataset"] == "w241") & ~annotations["is_screener"].astype(bool)
]
mv = MajorityVote().fit(w_labels[["task", "worker", "label"]])
top = np.sort(mv.probas_.to_numpy(), axis=1)
mv_ties = int((np.isclose(top[:, -1], top[:, -2])).sum()) if top.shape[1] > 1 else 0
tie_demo = MajorityVote().fit_predict(
    pd.DataFrame({"task": [1, 1], "worker": ["a", "b"], "label": ["b", "a"]})
)
tie_rule = "the first label in sorted order" if tie_demo.iloc[0] == "a" else "another label"

res = {
    "pay_effects": effects.to_dict("records"),
    "slot_adjusted": adjusted.to_dict("records"),
    "leave_one_posting_out": loo.to_dict("records"),
    "lee_bounds": lee.to_dict("records"),
    "time_to_fill": fill.to_dict("records"),
    "time_to_fill_effect": fill_effect,
    "abandonment": quits,
    "repeat_participation": repeat,
    "exclusions": excl.to_dict("records"),
    "exclusion_facts": excl_facts,
    "effective_pay": {**pay_range, "federal_minimum_year": fed_year},
    "majority_vote": {"tied_questions": mv_ties, "tie_rule": tie_rule},
    "pay_per_hour": w241_postings.pay_per_hour_association(workers),
    "w241_min_labels_per_question": int(w_labels.groupby("task").size().min()),
    "schedule": POSTINGS.drop(columns=["posted_at"]).to_dict("records"),
    "simulation_seconds": sim.get("seconds"),
}

# --- formatted numbers ---------------------------------------------------------------
n = {}
INF = math.inf


def orfmt(x):
    return f(x)


def setfmt(lo, hi, is_interval=True, empty=False):
    """A confidence set for an odds ratio (or ratio) as the paper prints it."""
    if empty:
        return "empty"
    if lo == -INF or (isinstance(lo, float) and lo == 0.0):
        lo = -INF
    mark = "" if is_interval else "*"
    if lo == -INF and hi == INF:
        return "unbounded" + mark
    if lo == -INF:
        return f"≤ {f(hi)}{mark}"
    if hi == INF:
        return f"≥ {f(lo)}{mark}"
    return f"{f(lo)}–{f(hi)}{mark}"


def posting_label(pid):
    """order1_0.10 -> 'week 1 $0.10'."""
    return pid.replace("order1", "week 1").replace("order2", "week 2").replace("_", " $")


def ppfmt(lo, hi):
    return f"{signed(lo)} to {signed(hi)}"


def row_set(r, prefix="perm"):
    return setfmt(
        r[f"{prefix}_set_low"],
        r[f"{prefix}_set_high"],
        bool(r[f"{prefix}_set_is_interval"]),
        bool(r[f"{prefix}_set_is_empty"]),
    )


eff = effects.set_index(["outcome", "sample"])
for (outcome, sample), r in eff.iterrows():
    k = f"exp_{outcome}_{sample}"
    n[f"{k}_or"] = orfmt(r.or_per_step)
    n[f"{k}_set"] = row_set(r)
    n[f"{k}_set_core"] = setfmt(r.perm_set_low, r.perm_set_high)  # without the * mark
    n[f"{k}_set_is_interval"] = "yes" if r.perm_set_is_interval else "no"
    n[f"{k}_perm_p"] = p(r.perm_p)
    n[f"{k}_perm_n"] = str(int(r.perm_assignments))
    n[f"{k}_z"] = f"{f(r.z_ci_low)}–{f(r.z_ci_high)}"
    n[f"{k}_pp"] = signed(r.pp_per_step)
    n[f"{k}_wcr"] = ppfmt(r.wcr_ci_low, r.wcr_ci_high)
    n[f"{k}_wcr_p"] = p(r.wcr_p)
    n[f"{k}_rate_low"] = pct(r.rate_at_low_pay)
    n[f"{k}_rate_high"] = pct(r.rate_at_high_pay)
    n[f"{k}_n"] = str(int(r.n_responses))
    if sample == "pooled":
        n[f"{k}_linked_set"] = row_set(r, "perm_linked")
        n[f"{k}_linked_p"] = p(r.perm_linked_p)
        n[f"{k}_linked_n"] = str(int(r.perm_linked_assignments))
for outcome in ("accuracy", "completion"):
    r = eff.loc[(outcome, "pooled")]
    has_one = (r.perm_set_low <= 1 <= r.perm_set_high) or not r.perm_set_is_interval
    n[f"exp_{outcome}_pooled_set_has_one"] = "yes" if has_one else "no"
    n[f"exp_{outcome}_pooled_wcr_has_zero"] = "yes" if r.wcr_ci_low <= 0 <= r.wcr_ci_high else "no"
for outcome in ("accuracy", "ds_accuracy", "completion"):
    o1, o2 = (
        eff.loc[(outcome, "order1"), "or_per_step"],
        eff.loc[(outcome, "order2"), "or_per_step"],
    )
    n[f"exp_{outcome}_replications_agree"] = "yes" if (o1 - 1) * (o2 - 1) > 0 else "no"
n["exp_ds_equals_gold"] = (
    "yes"
    if all(
        abs(eff.loc[("ds_accuracy", s), "or_per_step"] - eff.loc[("accuracy", s), "or_per_step"])
        < 1e-3
        for s in ("order1", "order2", "pooled")
    )
    else "no"
)
adj = adjusted.set_index(["outcome", "sample", "adjustment"])
for (outcome, sample, a), r in adj.iterrows():
    k = f"exp_{outcome}_{sample}_{a}"
    n[f"{k}_or"] = orfmt(r.or_per_step)
    n[f"{k}_set"] = row_set(r)
    n[f"{k}_perm_p"] = p(r.perm_p)
    n[f"{k}_z"] = f"{f(r.z_ci_low)}–{f(r.z_ci_high)}"
    if pd.notna(r.get("night_or")):
        n[f"{k}_night_or"] = f(r.night_or)
    if pd.notna(r.get("wcr_p")):
        n[f"{k}_wcr"] = ppfmt(r.wcr_ci_low, r.wcr_ci_high)
    if a == "slot":
        n[f"{k}_perm_n"] = str(int(r.perm_assignments))
# Leave one posting out.
for outcome, g in loo.groupby("outcome"):
    g = g[g["dropped"] != "none"]
    lo_row, hi_row = g.loc[g["or_per_step"].idxmin()], g.loc[g["or_per_step"].idxmax()]
    n[f"exp_loo_{outcome}_min"] = orfmt(lo_row.or_per_step)
    n[f"exp_loo_{outcome}_min_posting"] = posting_label(lo_row.dropped)
    n[f"exp_loo_{outcome}_min_set"] = row_set(lo_row)
    n[f"exp_loo_{outcome}_max"] = orfmt(hi_row.or_per_step)
    n[f"exp_loo_{outcome}_max_posting"] = posting_label(hi_row.dropped)
    n[f"exp_loo_{outcome}_below_one"] = str(int((g["or_per_step"] < 1).sum()))
    n[f"exp_loo_{outcome}_n"] = str(len(g))
    n[f"exp_loo_{outcome}_perm_n"] = str(int(g["perm_assignments"].iloc[0]))
# Lee bounds.
lb = lee.set_index(["sample", "comparison"])
for (sample, comp), r in lb.iterrows():
    k = f"exp_lee_{sample}_{comp.replace('.', '')}"
    n[f"{k}"] = ppfmt(r.lower, r.upper)
    n[f"{k}_naive"] = signed(r.naive)
    n[f"{k}_trim"] = pct(r.trim_share)
# Time to fill.
fl = fill.set_index("posting_id")
for pid, r in fl.iterrows():
    n[f"exp_fill_{pid.replace('.', '')}_hours"] = f(r.hours_to_fill, 1)
slow = fill.loc[fill["hours_to_fill"].idxmax()]
fast = fill.loc[fill["hours_to_fill"].idxmin()]
n["exp_fill_slowest"] = posting_label(slow.posting_id)
n["exp_fill_slowest_hours"] = f(slow.hours_to_fill, 1)
n["exp_fill_fastest"] = posting_label(fast.posting_id)
n["exp_fill_fastest_minutes"] = f"{60 * fast.hours_to_fill:.0f}"
n["exp_fill_target"] = str(abandonment.FILL_TARGET)
n["exp_fill_all_reached"] = "yes" if fill["reached_target"].all() else "no"
for a, r in fill_effect.items():
    n[f"exp_fill_{a}_ratio"] = f(r["ratio_per_step"])
    n[f"exp_fill_{a}_set"] = setfmt(
        r["perm_set_low"], r["perm_set_high"], r["perm_set_is_interval"]
    )
    n[f"exp_fill_{a}_p"] = p(r["perm_p"])
early = fill[fill["minutes_to_first_start"] < 0]
n["exp_fill_early_starts"] = str(len(early))
# Abandonment.
n["exp_abandoned"] = f"{quits['abandoned']:,}"
n["exp_starters"] = f"{quits['starters']:,}"
n["exp_abandon_progress"] = " or ".join(f"{v:g}%" for v in quits["progress_values"])
n["exp_abandon_max_answers"] = str(quits["max_answers_saved"])
n["exp_abandon_all_first_page"] = "yes" if quits["all_on_first_page"] else "no"
n["exp_abandon_share"] = pct(quits["abandoned"] / quits["starters"])
# Repeat participation.
n["exp_repeat_workers_all"] = str(repeat["repeat_workers_all_postings"])
n["exp_workers_all"] = f"{repeat['workers_all_postings']:,}"
n["exp_repeat_workers_main"] = str(repeat["repeat_workers_main"])
n["exp_workers_main"] = f"{repeat['workers_main']:,}"
n["exp_repeat_share_by_pay"] = ", ".join(
    f"{pct(r['repeat_share'])} at {usd(r[PAY])}" for r in repeat["by_pay"]
)
# Exclusions, ties, pay range.
ef = excl_facts
n["exp_o1_025_acc_cleaned"] = f(ef["order1_025_accuracy_cleaned_export"], 3)
n["exp_o1_025_acc_used"] = f(ef["order1_025_accuracy_used"], 3)
n["exp_responses_outside_main"] = str(ef["responses_outside_main"])
n["exp_responses_all"] = f"{ef['responses_all']:,}"
n["exp_responses_main"] = f"{ef['responses_main']:,}"
n["exp_postings_main"] = str(main["posting_id"].nunique())
n["exp_mv_ties"] = str(mv_ties)
n["exp_mv_tie_rule"] = tie_rule
n["exp_min_labels_per_question"] = f"{res['w241_min_labels_per_question']:,}"
n["exp_pay_hour_min"] = usd(pay_range["min_median_usd"])
n["exp_pay_hour_max"] = usd(pay_range["max_median_usd"])
n["exp_pay_hour_below_min"] = str(pay_range["postings_below_minimum"])
n["exp_pay_hour_all_below_min"] = (
    "yes" if pay_range["postings_below_minimum"] == pay_range["postings"] else "no"
)
n["exp_fed_min"] = usd(fed_min)
n["exp_fed_min_year"] = str(year)
pph = res["pay_per_hour"]
n["exp_pph_or"] = f"{f(pph['or_per_doubling'])} ({f(pph['or_ci_low'])}–{f(pph['or_ci_high'])})"
n["exp_pph_n"] = str(pph["n"])

# Design constants, from the code and files that define them.
main_postings = POSTINGS[POSTINGS["is_main_design"]]
levels = sorted(main_postings["pay_per_task_usd"].unique())
n["exp_pay_levels"] = ", ".join(usd(v) for v in levels[:-1]) + f" and {usd(levels[-1])}"
n["exp_pay_step"] = usd(STEP)
n["exp_low_pay"] = usd(levels[0])
n["exp_high_pay"] = usd(levels[-1])
n["exp_o1_025_pay"] = usd(POSTINGS.set_index("posting_id").loc["order1_0.25", PAY])
slowest2 = fill.nlargest(2, "hours_to_fill")
n["exp_fill_two_slowest_lowest_pay"] = "yes" if (slowest2[PAY] == fill[PAY].min()).all() else "no"
n["exp_fill_two_slowest_night_differs"] = "yes" if slowest2["night"].nunique() == 2 else "no"
n["exp_n_pay_levels"] = str(len(levels))
n["exp_postings_per_replication"] = str(int(main_postings.groupby("replication").size().iloc[0]))
n["exp_n_replications"] = str(main_postings["replication"].nunique())
n["exp_n_slots"] = str(main_postings["slot"].nunique())
n["exp_ci_level"] = f"{100 * CI_LEVEL:g}%"
n["exp_test_level"] = f"{100 * ALPHA:g}%"
ri_n = int(eff.loc[("accuracy", "order1"), "perm_assignments"])
n["exp_ri_n_replication"] = str(ri_n)
n["exp_ri_min_p_replication"] = str(Fraction(2, ri_n))  # the observed and its mirror
n["exp_ri_n_pooled"] = str(int(eff.loc[("accuracy", "pooled"), "perm_assignments"]))
n["exp_month"] = main["started_at"].min().tz_convert("America/Los_Angeles").strftime("%B %Y")
night = main_postings[main_postings["time_of_day"] == "night"]
n["exp_night_pay_order1"] = " and ".join(
    usd(v) for v in sorted(night.loc[night["replication"] == "order1", PAY])
)
n["exp_night_pay_order2"] = " and ".join(
    usd(v) for v in sorted(night.loc[night["replication"] == "order2", PAY])
)
acc_post = postings.groupby("time_of_day").apply(
    lambda g: g["n_correct"].sum() / g["n_gold"].sum(), include_groups=False
)
n["exp_acc_night"] = f(acc_post["night"])
n["exp_acc_day"] = f(acc_post["day"])
pm = dict(
    zip(
        main_postings.loc[main_postings["replication"] == "order1"].set_index("slot")[PAY],
        main_postings.loc[main_postings["replication"] == "order2"].set_index("slot")[PAY],
        strict=True,
    )
)
swaps = sorted({tuple(sorted((a, b))) for a, b in pm.items()})
n["exp_swaps"] = " and ".join(f"{usd(a)} ↔ {usd(b)}" for a, b in swaps)
readme_differs = main_postings[
    main_postings["readme_time_pt"] != main_postings["posted_at_pt"].str[-5:]
]
n["exp_readme_time_differs"] = str(len(readme_differs))
n["exp_night_def"] = "00:00–06:00"

# Simulation.
n["exp_sim_runs"] = str(sim["effect"]["n_sims"])
n["exp_sim_runs_night"] = str(sim["night"]["n_sims"])
n["exp_sim_seconds"] = f"{sim.get('seconds', 0):.0f}"
cal = sim["calibration"]
n["exp_sim_sd_acc"] = f(cal["posting_sd_accuracy"])
n["exp_sim_sd_comp"] = f(cal["posting_sd_completion"])
n["exp_sim_worker_sd"] = f(cal["worker_sd"])
n["exp_sim_selection"] = f(sim["effect"]["params"]["selection_on_ability"])
for outcome in ("accuracy", "completion"):
    e = sim["effect"]["outcomes"][outcome]
    n[f"exp_sim_{outcome}_structural"] = f(e["structural_logodds_per_step"], 3)
    n[f"exp_sim_{outcome}_target"] = f(e["target_logodds_per_step"], 3)
    n[f"exp_sim_{outcome}_mean"] = f(e["mean_estimate"], 3)
    n[f"exp_sim_{outcome}_mean_mcse"] = f(e["mean_estimate_mcse"], 3)
    for scen in ("effect", "null", "night"):
        o = sim[scen]["outcomes"][outcome]
        for m in (
            "glm_cluster_z",
            "glm_night_cluster_z",
            "permutation",
            "permutation_linked",
            "permutation_night",
            "wild_bootstrap_wcr",
            "wild_bootstrap_wcr_one_week",
        ):
            for key in ("cover", "reject"):
                n[f"exp_sim_{scen}_{outcome}_{m}_{key}"] = (
                    f"{pct(o[f'{m}_{key}'])} (±{pct(o[f'{m}_{key}_mcse'], 1)})"
                )
                n[f"exp_sim_{scen}_{outcome}_{m}_{key}_short"] = pct(o[f"{m}_{key}"])

# --- tables ----------------------------------------------------------------------------
OUTCOME_NAMES = {
    "accuracy": "Accuracy",
    "ds_accuracy": "Accuracy (Dawid–Skene)",
    "completion": "Completion",
}
SAMPLE_NAMES = {"order1": "Week 1", "order2": "Week 2", "pooled": "Pooled"}
rows = []
for (outcome, sample), r in eff.iterrows():
    if outcome == "ds_accuracy":
        continue
    k = f"exp_{outcome}_{sample}"
    cov = n.get(f"exp_sim_effect_{outcome}_glm_cluster_z_cover_short")
    rows.append(
        {
            "Outcome": OUTCOME_NAMES[outcome],
            "Sample": SAMPLE_NAMES[sample],
            "Postings (responses)": f"{int(r.n_postings)} ({int(r.n_responses):,})",
            "OR per +$0.10": n[f"{k}_or"],
            "Permutation set": n[f"{k}_set"],
            "Perm. p (assignments)": f"{n[f'{k}_perm_p']} ({n[f'{k}_perm_n']})",
            "pp per +$0.10": n[f"{k}_pp"],
            "WCR interval (pp)": n[f"{k}_wcr"],
            "WCR p": n[f"{k}_wcr_p"],
            "Cluster z (sim. coverage)": f"{n[f'{k}_z']} ({cov})" if sample == "pooled" else "—",
        }
    )
effects_table = pd.DataFrame(rows)

rows = []
ADJ_NAMES = {"none": "none", "night": "night indicator", "slot": "slot fixed effects"}
for outcome, sample, a in adj.index:
    k = f"exp_{outcome}_{sample}_{a}"
    rows.append(
        {
            "Outcome": OUTCOME_NAMES[outcome],
            "Sample": SAMPLE_NAMES[sample],
            "Adjustment": ADJ_NAMES[a],
            "OR per +$0.10": n[f"{k}_or"],
            "Permutation set": n[f"{k}_set"],
            "Perm. p": n[f"{k}_perm_p"],
            "Night OR": n.get(f"{k}_night_or", "—"),
            "WCR interval (pp)": n.get(f"{k}_wcr", "—"),
            "Cluster z (illustrative)": n[f"{k}_z"],
        }
    )
adjusted_table = pd.DataFrame(rows)

loo_rows = []
lk = loo.set_index(["dropped", "outcome"])
for pid in loo["dropped"].unique():
    label = f"none (all {main['posting_id'].nunique()})" if pid == "none" else posting_label(pid)
    row = {"Posting left out": label}
    for outcome in ("accuracy", "completion"):
        r = lk.loc[(pid, outcome)]
        row[f"{OUTCOME_NAMES[outcome]} OR"] = orfmt(r.or_per_step)
        row[f"{OUTCOME_NAMES[outcome]} permutation set"] = row_set(r)
        row[f"{OUTCOME_NAMES[outcome]} perm. p"] = p(r.perm_p)
    loo_rows.append(row)
loo_table = pd.DataFrame(loo_rows)

LEE_NAMES = {
    "0.10_vs_0.25": "$0.10 vs $0.25",
    "0.25_vs_0.40": "$0.25 vs $0.40",
    "0.40_vs_0.55": "$0.40 vs $0.55",
    "low_vs_high": "$0.10–0.25 vs $0.40–0.55",
    "0.10_vs_0.55": "$0.10 vs $0.55",
}
lee_table = pd.DataFrame(
    [
        {
            "Sample": SAMPLE_NAMES[r["sample"]],
            "Comparison": LEE_NAMES[r["comparison"]],
            "Completion (lower pay, higher pay)": f"{pct(r['completion_low'])}, {pct(r['completion_high'])}",
            "Trimmed": f"{pct(r['trim_share'])} of {r['trimmed_arm']}-pay finishers",
            "Finishers' difference (pp)": signed(r["naive"]),
            "Lee bounds (pp)": ppfmt(r["lower"], r["upper"]),
        }
        for _, r in lee.iterrows()
        if r["sample"] == "pooled" or r["comparison"] == "low_vs_high"
    ]
)

sched = postings.merge(fill[["posting_id", "hours_to_fill"]], on="posting_id").merge(
    POSTINGS[["posting_id", "weekday", "posted_at_pt", "readme_time_pt"]], on="posting_id"
)
sched = sched.sort_values(["replication", "posted_at"])
postings_table = pd.DataFrame(
    {
        "Week": sched["replication"].map(SAMPLE_NAMES),
        "Slot": sched["weekday"] + " " + sched["time_of_day"],
        "Posted (PT)": sched["posted_at_pt"].str[-5:]
        + np.where(
            sched["posted_at_pt"].str[-5:] != sched["readme_time_pt"],
            " (README " + sched["readme_time_pt"] + ")",
            "",
        ),
        "Pay": sched[PAY].map(usd),
        "Starters": sched["started"].astype(int).astype(str),
        "Abandoned": sched["abandoned"].astype(int).astype(str),
        "Accuracy": sched["accuracy"].map(lambda v: f(v, 3)),
        "Hours to fill": sched["hours_to_fill"].map(lambda v: f(v, 1)),
        "Median $/hour": sched["median_pay_per_hour_usd"].map(usd),
    }
)
excl_table = excl.rename(
    columns={
        "step": "Step",
        "responses": "Responses",
        "where": "Where",
        "decision": "Decision",
        "reason": "Reason",
    }
)
excl_table["Responses"] = excl_table["Responses"].astype(str)

SIM_METHODS = {
    "permutation": "Permutation set (within week)",
    "permutation_linked": "Permutation set (linked weeks)",
    "permutation_night": "Permutation set, night-adjusted",
    "wild_bootstrap_wcr": "WCR interval (LPM)",
    "wild_bootstrap_wcr_one_week": "WCR interval (LPM), week 1 alone",
    "glm_cluster_z": "Cluster-robust z",
    "glm_night_cluster_z": "Cluster-robust z, night-adjusted",
}
sim_rows = []
for outcome in ("accuracy", "completion"):
    for m, label in SIM_METHODS.items():
        sim_rows.append(
            {
                "Outcome": OUTCOME_NAMES[outcome],
                "Method": label,
                "Coverage (effect)": n[f"exp_sim_effect_{outcome}_{m}_cover"],
                "Size (no effect)": n[f"exp_sim_null_{outcome}_{m}_reject"],
                "Rejects (night effect only)": n[f"exp_sim_night_{outcome}_{m}_reject"],
                "Power (effect)": n[f"exp_sim_effect_{outcome}_{m}_reject"],
            }
        )
sim_table = pd.DataFrame(sim_rows)

# Save outputs.
write_results(res, out / "experiment_results.json")
effects.to_csv(out / "pay_effects.csv", index=False)
postings.to_csv(out / "postings.csv", index=False)
fill.to_csv(out / "time_to_fill.csv", index=False)
loo.to_csv(out / "leave_one_posting_out.csv", index=False)
for name, t in (
    ("exp_effects_table", effects_table),
    ("exp_adjusted_table", adjusted_table),
    ("exp_loo_table", loo_table),
    ("exp_lee_table", lee_table),
    ("exp_postings_table", postings_table),
    ("exp_exclusions_table", excl_table),
    ("exp_simulation_table", sim_table),
):
    write_paper_csv(t, out / f"{name}.csv")
write_numbers(n, out / "experiment.json")
