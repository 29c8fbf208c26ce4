"""The W241 pay experiment: fit every model and format the numbers the paper quotes.

Usage: python analysis/results_experiment.py OUT_DIR SIMULATION_JSON
Writes experiment_results.json (raw), experiment.json (formatted), pay_effects.csv,
pay_effects_table.csv and postings.csv to OUT_DIR.
"""

import json
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd

import ailabor
from ailabor.models import turnover, w241
from ailabor.models.inference import ALPHA, CI_LEVEL
from ailabor.models.w241 import STEP
from ailabor.paper_format import f, p, pct, write_numbers, write_results
from ailabor.sources.w241 import POSTINGS

out = Path(sys.argv[1])
sim = json.loads(Path(sys.argv[2]).read_text())

# Load inputs.
workers = ailabor.load_table("workers")
annotations = ailabor.load_table("annotations")

# Process data.
main = w241.main_design(workers)
effects = w241.pay_effects(workers)
postings = w241.posting_summary(workers)
res = {
    "pay_effects": effects.to_dict("records"),
    "pay_per_hour": w241.pay_per_hour_association(workers),
    "cox": {name: turnover.cox_model(workers, reps) for name, reps in w241.SAMPLES.items()},
    "repeat_participation": turnover.repeat_participation(workers).to_dict("records"),
    "w241_min_labels_per_question": int(
        annotations[(annotations["dataset"] == "w241") & ~annotations["is_screener"].astype(bool)]
        .groupby("task")
        .size()
        .min()
    ),
    "w241": {
        "responses_main": len(main),
        "postings_main": int(main["posting_id"].nunique()),
        "responses_all": int((workers["dataset"] == "w241").sum()),
        "workers_several_postings": int(
            workers.loc[
                (workers["dataset"] == "w241") & (workers["n_postings_by_worker"] > 1), "worker"
            ].nunique()
        ),
    },
}

n = {}
eff = effects.set_index(["outcome", "sample"])
for (outcome, sample), r in eff.iterrows():
    k = f"{outcome}_{sample}"
    n[f"{k}_or"] = f"{f(r.or_per_step)} ({f(r.or_ci_low)}–{f(r.or_ci_high)})"
    n[f"{k}_pp"] = f"{r.pp_per_step:+.1f} ({r.pp_ci_low:+.1f} to {r.pp_ci_high:+.1f})"
    n[f"{k}_ri_p"] = p(r.ri_p)
    n[f"{k}_ri_n"] = str(int(r.ri_assignments))
    n[f"{k}_wcb_p"] = p(r.wcb_p)
    n[f"{k}_glm_p"] = p(r.glm_p)
    n[f"{k}_rate_low"] = pct(r["rate_at_0.10"])
    n[f"{k}_rate_high"] = pct(r["rate_at_0.55"])
    n[f"{k}_n"] = str(int(r.n_responses))
    if pd.notna(r.get("gee_or_per_step")):
        n[f"{k}_gee_or"] = f"{f(r.gee_or_per_step)} ({f(r.gee_or_ci_low)}–{f(r.gee_or_ci_high)})"
for sample, c in res["cox"].items():
    n[f"cox_{sample}_hr"] = f"{f(c['hr_per_step'])} ({f(c['hr_ci_low'])}–{f(c['hr_ci_high'])})"
    n[f"cox_{sample}_events"] = str(c["events"])
    n[f"cox_{sample}_n"] = str(c["n"])
pph = res["pay_per_hour"]
n["pph_or"] = f"{f(pph['or_per_doubling'])} ({f(pph['or_ci_low'])}–{f(pph['or_ci_high'])})"
n["pph_n"] = str(pph["n"])
w = res["w241"]
n["w241_responses_main"] = str(w["responses_main"])
n["w241_postings_main"] = str(w["postings_main"])
n["w241_responses_all"] = str(w["responses_all"])
n["w241_repeat_workers"] = str(w["workers_several_postings"])
n["repeat_share_by_pay"] = ", ".join(
    f"{pct(r['repeat_share'])} at ${r['pay_per_task_usd']:.2f}" for r in res["repeat_participation"]
)
n["w241_min_labels_per_question"] = f"{res['w241_min_labels_per_question']:,}"
for name, s in sim.items():
    n[f"sim_{name}_n"] = str(s["n_sims"])
    n[f"sim_{name}_true"] = f(s["true_logodds_per_step"], 2)
    n[f"sim_{name}_true_pa"] = f(s["true_population_averaged"], 3)
    n[f"sim_{name}_mean"] = f(s["mean_estimate"], 3)
    n[f"sim_{name}_cov_glm"] = pct(s["coverage_glm_cluster_z"])
    n[f"sim_{name}_cov_t"] = pct(s["coverage_linear_cluster_t"])
    n[f"sim_{name}_rej_ri"] = pct(s["rejection_ri"])
    n[f"sim_{name}_rej_wcb"] = pct(s["rejection_wcb"])

# Do the replications point the same way? Said in the paper from these flags, not by hand.
for outcome in ("accuracy", "ds_accuracy", "completion"):
    o1, o2 = (
        eff.loc[(outcome, "order1"), "or_per_step"],
        eff.loc[(outcome, "order2"), "or_per_step"],
    )
    n[f"{outcome}_replications_agree"] = "yes" if (o1 - 1) * (o2 - 1) > 0 else "no"
n["ds_equals_gold"] = (
    "yes"
    if all(
        abs(eff.loc[("ds_accuracy", s), "or_per_step"] - eff.loc[("accuracy", s), "or_per_step"])
        < 1e-3
        for s in ("order1", "order2", "pooled")
    )
    else "no"
)

# Design constants, from the code that uses them.
main_postings = POSTINGS[POSTINGS["is_main_design"]]
levels = sorted(main_postings["pay_per_task_usd"].unique())
n["pay_levels"] = ", ".join(f"${v:.2f}" for v in levels[:-1]) + f" and ${levels[-1]:.2f}"
n["pay_step"] = f"${STEP:.2f}"
n["n_pay_levels"] = str(len(levels))
n["postings_per_replication"] = str(int(main_postings.groupby("replication").size().iloc[0]))
n["n_replications"] = str(main_postings["replication"].nunique())
n["ci_level"] = f"{100 * CI_LEVEL:g}%"
n["test_level"] = f"{100 * ALPHA:g}%"
ri_n = int(eff.loc[("accuracy", "order1"), "ri_assignments"])
n["ri_min_p_replication"] = str(Fraction(2, ri_n))  # the observed and its mirror assignment
pacific = postings["started_at"].dt.tz_convert("America/Los_Angeles")
first = postings.assign(pacific=pacific).sort_values(w241.PAY).groupby("replication").first()
for rep, r in first.iterrows():
    n[f"{rep}_lowest_pay_start_pacific"] = r["pacific"].strftime("%H:%M")
    n[f"{rep}_lowest_pay_starters"] = str(int(r["started"]))
n["experiment_month"] = pacific.min().strftime("%B %Y")

table = effects
table = pd.DataFrame(
    {
        "Outcome": table["outcome"].map(
            {
                "accuracy": "Accuracy (gold)",
                "ds_accuracy": "Accuracy (Dawid–Skene, no gold)",
                "completion": "Completion",
            }
        ),
        "Sample": table["sample"],
        "Responses": table["n_responses"].astype(int).astype(str),
        "OR per +$0.10 (GLM, cluster)": [
            n[f"{o}_{s}_or"] for o, s in zip(table.outcome, table["sample"], strict=True)
        ],
        "pp per +$0.10 (LPM, t(G−k))": [
            n[f"{o}_{s}_pp"] for o, s in zip(table.outcome, table["sample"], strict=True)
        ],
        "Randomisation p": [
            f"{n[f'{o}_{s}_ri_p']} ({n[f'{o}_{s}_ri_n']})"
            for o, s in zip(table.outcome, table["sample"], strict=True)
        ],
        "Wild bootstrap p": [
            n[f"{o}_{s}_wcb_p"] for o, s in zip(table.outcome, table["sample"], strict=True)
        ],
    }
)

# Save outputs.
write_results(res, out / "experiment_results.json")
effects.to_csv(out / "pay_effects.csv", index=False)
postings.to_csv(out / "postings.csv", index=False)
table.to_csv(out / "pay_effects_table.csv", index=False)
write_numbers(n, out / "experiment.json")
