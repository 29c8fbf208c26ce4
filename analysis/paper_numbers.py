"""Format every number the paper quotes, from results.json and simulation.json.

Usage: python analysis/paper_numbers.py RESULTS_JSON SIMULATION_JSON OUT_DIR
Writes numbers.json (strings, keyed by name) and pay_effects_table.csv for paper/main.typ.
"""

import json
import sys
from pathlib import Path

import pandas as pd

res = json.loads(Path(sys.argv[1]).read_text())
sim = json.loads(Path(sys.argv[2]).read_text())
out = Path(sys.argv[3])


def f(x, d=2):
    return f"{x:.{d}f}"


def pct(x, d=0):
    return f"{100 * x:.{d}f}%"


def p(x):
    return "< 0.001" if x < 0.001 else f"{x:.3f}"


n = {}
eff = pd.DataFrame(res["pay_effects"]).set_index(["outcome", "sample"])
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
z = res["zencrowd_gap"]
n["zen_err_us"] = pct(z["error_us"], 1)
n["zen_err_in"] = pct(z["error_in"], 1)
n["zen_gap"] = f"{z['gap_pp']:.1f} ({z['gap_ci_low_pp']:.1f} to {z['gap_ci_high_pp']:.1f})"
n["zen_workers_us"], n["zen_workers_in"] = str(z["workers_us"]), str(z["workers_in"])
for c in res["zencrowd_context"]:
    iso = c["country_iso3"].lower()
    n[f"mw_{iso}_usd"] = f"${c['min_wage_hourly_usd']:.2f}"
    n[f"mw_{iso}_ppp"] = f"${c['min_wage_hourly_ppp_usd']:.2f}"
    n[f"mw_{iso}_year"] = str(c["year"])
    n[f"gdp_{iso}"] = f"${c['gdp_pc_ppp_usd']:,.0f}"
val = pd.DataFrame(res["label_validation"]).set_index("dataset")
for ds, r in val.iterrows():
    n[f"val_{ds}_rho1"] = f(r.ds_one_coin_worker_error_spearman)
    n[f"val_{ds}_rhofull"] = f(r.ds_full_worker_error_spearman)
    n[f"val_{ds}_mv"] = pct(r.mv_label_accuracy, 1)
    n[f"val_{ds}_ds1"] = pct(r.ds_one_coin_label_accuracy, 1)
    n[f"val_{ds}_dsfull"] = pct(r.ds_full_label_accuracy, 1)
    n[f"val_{ds}_workers20"] = str(int(r.workers_with_min_labels))
n["evidence_rows"] = str(res["evidence_rows"])
n["evidence_studies"] = str(res["evidence_studies"])
for k, v in res["evidence_by_verification"].items():
    n[f"evidence_{k.replace('-', '_')}"] = str(v)
pooled = [e for e in res["evidence_pooling"] if e["pooled"]]
n["evidence_pooled_count"] = str(len(pooled))
att = next(e for e in res["evidence_pooling"] if e["outcome"] == "attrition")
n["evidence_attrition_k"] = str(att["k"])
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

# Pay observations.
pay = res["pay"]
obs = pay["observations"]


def usd(x):
    return f"${x:.2f}"


def rng(o, kind=""):
    lo, hi = obs[o][f"hourly_pay_low{kind}"], obs[o][f"hourly_pay_high{kind}"]
    return f"{usd(lo)}–{usd(hi)}" if hi is not None and hi == hi else usd(lo)


n["pay_n"] = str(pay["n_observations"])
for k, v in pay["by_verification"].items():
    n[f"pay_{k.replace('-', '_')}"] = str(v)
n["sama_range"] = rng("sama_kenya_take_home", "_usd")
n["sama_range_ppp"] = rng("sama_kenya_take_home", "_ppp_usd")
s_ = obs["sama_kenya_take_home"]
n["sama_ratio"] = f"{s_['ratio_low_to_min_wage']:.1f}–{s_['ratio_high_to_min_wage']:.1f}"
n["ken_mw_usd"] = f"${s_['min_wage_hourly_usd']:.2f}"
n["ken_mw_year"] = str(s_["min_wage_year_used"])
n["sama_period"] = s_["period"]
n["sama_billing"] = usd(obs["sama_openai_billing_rate"]["hourly_pay_low_usd"])
n["hara_median"] = usd(obs["hara_mturk_median"]["hourly_pay_low_usd"])
fed = pay["us_federal_minimum"]
n["us_federal_min"] = usd(fed["value"])
n["hara_vs_federal"] = f"{obs['hara_mturk_median']['hourly_pay_low_usd'] / fed['value']:.2f}"
n["remotasks_ken_2023"] = rng("remotasks_kenya_2023", "_usd")
n["remotasks_ken_2023_period"] = obs["remotasks_kenya_2023"]["period"]
n["remotasks_ken_early"] = rng("remotasks_kenya_early", "_usd")
n["remotasks_us"] = rng("remotasks_us_2023", "_usd")
n["opinion_dollar"] = usd(obs["seed_opinion_dollar_an_hour"]["hourly_pay_low_usd"])
n["airtm_expert"] = usd(obs["seed_airtm_expert_hourly"]["hourly_pay_low_usd"])
n["airtm_entry"] = usd(obs["seed_airtm_entry_hourly"]["hourly_pay_low_usd"])
n["airtm_expert_ratio"] = f"{obs['seed_airtm_expert_hourly']['ratio_low_to_min_wage']:.0f}"

# Design constants and conventions, from the code that uses them.
from ailabor.clean.currency import MAX_RATE_LAG_YEARS  # noqa: E402
from ailabor.clean.pay_units import HOURS_PER_WEEK, WEEKS_PER_YEAR  # noqa: E402
from ailabor.models.w241 import STEP  # noqa: E402
from ailabor.quality.validate import MIN_LABELS  # noqa: E402
from ailabor.sources.w241 import POSTINGS  # noqa: E402

main = POSTINGS[POSTINGS["is_main_design"]]
levels = sorted(main["pay_per_task_usd"].unique())
n["pay_levels"] = ", ".join(f"${v:.2f}" for v in levels[:-1]) + f" and ${levels[-1]:.2f}"
n["pay_step"] = f"${STEP:.2f}"
n["n_pay_levels"] = str(len(levels))
n["postings_per_replication"] = str(int(main.groupby("replication").size().iloc[0]))
n["n_replications"] = str(main["replication"].nunique())
n["hours_per_week"] = f"{HOURS_PER_WEEK:g}"
n["weeks_per_year"] = f"{WEEKS_PER_YEAR:g}"
n["max_rate_lag"] = str(MAX_RATE_LAG_YEARS)
n["min_labels"] = str(MIN_LABELS)
from ailabor.models.inference import ALPHA, CI_LEVEL  # noqa: E402

n["ci_level"] = f"{100 * CI_LEVEL:g}%"
n["test_level"] = f"{100 * ALPHA:g}%"
ri_n = int(eff.loc[("accuracy", "order1"), "ri_assignments"])
from fractions import Fraction  # noqa: E402

n["ri_min_p_replication"] = str(Fraction(2, ri_n))  # the observed and its mirror assignment
postings = pd.read_csv(Path(sys.argv[1]).parent / "postings.csv", parse_dates=["started_at"])
postings["pacific"] = postings["started_at"].dt.tz_convert("America/Los_Angeles")
first = postings.sort_values("pay_per_task_usd").groupby("replication").first()
for rep, r in first.iterrows():
    n[f"{rep}_lowest_pay_start_pacific"] = r["pacific"].strftime("%H:%M")
    n[f"{rep}_lowest_pay_starters"] = str(int(r["started"]))
n["experiment_month"] = postings["pacific"].min().strftime("%B %Y")
counts = pd.read_csv(Path(sys.argv[1]).parent / "evidence_counts.csv", index_col=0)
for outcome, r in counts.iterrows():
    parts = [
        f"{int(r[c])} {c}" for c in ("positive", "negative", "null", "mixed") if c in r and r[c] > 0
    ]
    n[f"evidence_{outcome}"] = ", ".join(parts)

table = eff.reset_index()
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
out.mkdir(parents=True, exist_ok=True)
table.to_csv(out / "pay_effects_table.csv", index=False)
(out / "numbers.json").write_text(json.dumps(n, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {len(n)} numbers to", out / "numbers.json")
