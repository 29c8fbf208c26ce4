"""Pay of AI data work: the figures the paper quotes, from ``pay_observations``.

Usage: python analysis/results_pay.py OUT_DIR
Writes pay_results.json (raw) and pay.json (formatted) to OUT_DIR.
"""

import sys
from pathlib import Path

import ailabor
from ailabor.paper_format import usd, write_numbers, write_results
from ailabor.pay_summary import us_federal_minimum_for

out = Path(sys.argv[1])

# Load inputs.
pay = ailabor.load_table("pay_observations")
dol = ailabor.load_table("us_state_min_wage")

# Process data.
cols = [
    "hourly_pay_low_usd",
    "hourly_pay_high_usd",
    "hourly_pay_low_ppp_usd",
    "hourly_pay_high_ppp_usd",
    "ratio_low_to_min_wage",
    "ratio_high_to_min_wage",
    "min_wage_hourly_usd",
    "min_wage_year_used",
    "verification",
    "period",
    "publisher",
]
res = {
    "observations": pay.set_index("obs_id")[cols].to_dict("index"),
    "n_observations": len(pay),
    "by_verification": pay["verification"].value_counts().to_dict(),
    "us_federal_minimum": dict(
        zip(["value", "year"], us_federal_minimum_for(2017, dol), strict=True)
    ),
}
obs = res["observations"]


def rng(o, kind=""):
    lo, hi = obs[o][f"hourly_pay_low{kind}"], obs[o][f"hourly_pay_high{kind}"]
    return f"{usd(lo)}–{usd(hi)}" if hi is not None and hi == hi else usd(lo)


n = {"pay_n": str(res["n_observations"])}
for k, v in res["by_verification"].items():
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
fed = res["us_federal_minimum"]
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

# Save outputs.
write_results(res, out / "pay_results.json")
write_numbers(n, out / "pay.json")
