"""Pay of AI data work: the figures the paper quotes, from ``pay_observations``.

Every ratio is to the floor in force in the pay figure's year (see
``ailabor.clean.minwage.floor_in_force``); pay summaries use worker pay only, one row per
observation group. Usage: python analysis/results_pay.py OUT_DIR
Writes pay_results.json (raw), pay.json (formatted) and pay_ratios.csv (the paper's table).
"""

import sys
from pathlib import Path

import pandas as pd

import ailabor
from ailabor.clean.minwage import MAX_FLOOR_LAG_YEARS, us_federal_minimum_for
from ailabor.paper_format import usd, write_numbers, write_paper_csv, write_results
from ailabor.tables.pay import worker_pay

out = Path(sys.argv[1])

# Load inputs.
pay = ailabor.load_table("pay_observations")
dol = ailabor.load_table("us_state_min_wage")
scores = ailabor.load_table("platform_scores")
cy = ailabor.load_country_year().set_index(["country_iso3", "year"])

# Process data.
worker = worker_pay(pay)
later = pay["min_wage_year_used"].notna() & (pay["min_wage_year_used"] > pay["year"])
assert not later.any(), "a floor from a later year than the pay figure"
obs = pay.set_index("obs_id")
cols = [
    "year",
    "hourly_pay_low_usd",
    "hourly_pay_high_usd",
    "hourly_pay_low_ppp_usd",
    "hourly_pay_high_ppp_usd",
    "ratio_low_to_min_wage",
    "ratio_high_to_min_wage",
    "is_below_min_wage",
    "min_wage_hourly_usd",
    "min_wage_year_used",
    "min_wage_lag_years",
    "min_wage_fx_year_used",
    "min_wage_source",
    "pay_kind",
    "paid_to",
    "verification",
    "period",
    "publisher",
]
res = {
    "observations": obs[cols].to_dict("index"),
    "n_rows": len(pay),
    "n_observations": int(pay["observation_group"].nunique()),
    "n_worker_observations": len(worker),
    "n_billing_rates": int((pay["paid_to"] == "vendor").sum()),
    "by_verification": worker["verification"].value_counts().to_dict(),
    "by_pay_kind": worker["pay_kind"].value_counts().to_dict(),
    "us_federal_minimum_2017": dict(
        zip(["value", "year"], us_federal_minimum_for(2017, dol), strict=True)
    ),
}
o = res["observations"]


def rng(k, kind="_usd"):
    lo, hi = o[k][f"hourly_pay_low{kind}"], o[k][f"hourly_pay_high{kind}"]
    if pd.notna(lo) and pd.notna(hi):
        return f"{usd(lo)}–{usd(hi)}"
    return usd(lo) if pd.notna(lo) else f"under {usd(hi)}"


def ratio(k):
    lo, hi = o[k]["ratio_low_to_min_wage"], o[k]["ratio_high_to_min_wage"]
    if pd.notna(lo) and pd.notna(hi):
        return f"{lo:.1f}–{hi:.1f}"
    return f"{lo:.1f}" if pd.notna(lo) else f"under {hi:.1f}"


def floor_flag(k):
    """'not below' / 'below' / 'straddles' from the generated flag, never typed."""
    v = o[k]["is_below_min_wage"]
    return "straddles" if pd.isna(v) else ("below" if v else "not below")


n = {
    "pay_n_rows": str(res["n_rows"]),
    "pay_n": str(res["n_observations"]),
    "pay_n_worker": str(res["n_worker_observations"]),
    "pay_n_billing": str(res["n_billing_rates"]),
    "pay_max_lag": str(MAX_FLOOR_LAG_YEARS),
}
for k in ("primary", "secondary", "self-reported", "unverified"):
    n[f"pay_{k.replace('-', '_')}"] = str(res["by_verification"].get(k, 0))
s = o["sama_kenya_take_home"]
n["fairwork_score_max"] = str(int(scores["score_max"].max()))
n["sama_range"] = rng("sama_kenya_take_home")
n["sama_range_ppp"] = rng("sama_kenya_take_home", "_ppp_usd")
n["sama_ratio"] = ratio("sama_kenya_take_home")
n["sama_floor_flag"] = floor_flag("sama_kenya_take_home")
n["sama_period"] = s["period"]
n["ken_mw_usd"] = f"${s['min_wage_hourly_usd']:.2f}"
n["ken_mw_year"] = str(s["min_wage_year_used"])
ken = cy.loc[("KEN", int(s["min_wage_year_used"]))]
n["ken_mw_lcu"] = f"KES {ken['min_wage_monthly_lcu']:,.2f}"
n["ken_mw_fx"] = f"{cy.loc[('KEN', int(s['min_wage_fx_year_used'])), 'fx_lcu_per_usd']:.1f}"
n["ken_mw_fx_year"] = str(s["min_wage_fx_year_used"])
n["sama_billing"] = usd(o["sama_openai_billing_rate"]["hourly_pay_low_usd"])
n["sama_2024"] = rng("sama_kenya_2024_take_home")
n["sama_2024_year"] = str(o["sama_kenya_2024_take_home"]["year"])
n["sama_meta_year"] = str(o["sama_meta_kenya_2022_take_home"]["year"])
n["hara2019_year"] = str(o["hara2019_us_mean"]["year"])
n["sama_2024_ratio"] = ratio("sama_kenya_2024_take_home")
n["sama_meta_2022"] = rng("sama_meta_kenya_2022_take_home")
n["sama_meta_2022_ratio"] = ratio("sama_meta_kenya_2022_take_home")
n["hara_median"] = usd(o["hara_mturk_median"]["hourly_pay_low_usd"])
fed = res["us_federal_minimum_2017"]
n["us_federal_min"] = usd(fed["value"])
n["hara_vs_federal"] = f"{o['hara_mturk_median']['hourly_pay_low_usd'] / fed['value']:.2f}"
n["hara2019_us"] = rng("hara2019_us_mean")
n["hara2019_us_flag"] = floor_flag("hara2019_us_mean")
n["hara2019_in"] = rng("hara2019_india_mean")
n["hara2019_in_ratio"] = ratio("hara2019_india_mean")
n["remotasks_ken_2023"] = rng("remotasks_kenya_2023")
n["remotasks_ken_2023_period"] = o["remotasks_kenya_2023"]["period"]
n["remotasks_ken_2023_flag"] = floor_flag("remotasks_kenya_2023")
n["remotasks_ken_early"] = rng("remotasks_kenya_early")
n["remotasks_us"] = rng("remotasks_us_2023")
n["opinion_dollar"] = usd(o["seed_opinion_dollar_an_hour"]["hourly_pay_low_usd"])
n["airtm_expert"] = usd(o["seed_airtm_expert_hourly"]["hourly_pay_low_usd"])
n["airtm_entry"] = usd(o["seed_airtm_entry_hourly"]["hourly_pay_low_usd"])
n["airtm_expert_ratio"] = f"{o['seed_airtm_expert_hourly']['ratio_low_to_min_wage']:.0f}"
# Worker pay with a floor: how many sit below it, by the generated flag.
flagged = worker[worker["min_wage_hourly_usd"].notna()]
n["pay_n_with_floor"] = str(len(flagged))
n["pay_n_below_floor"] = str(int(flagged["is_below_min_wage"].eq(True).sum()))
n["pay_n_not_below_floor"] = str(int(flagged["is_below_min_wage"].eq(False).sum()))
n["pay_n_lagged_floor"] = str(int(flagged["min_wage_lag_years"].gt(0).sum()))

# The paper's table: worker pay against the floor in force, by year.
tab = flagged.sort_values(["country_iso3", "year"])
table = pd.DataFrame(
    {
        "Observation": tab["platform"].str.split(" \\(").str[0]
        + " ("
        + tab["pay_kind"].str.replace("worker ", "")
        + ")",
        "Country": tab["country_iso3"],
        "Year": tab["year"].astype(str),
        "Pay $/h": [rng(k) for k in tab["obs_id"]],
        "Floor $/h (year)": [
            f"{m:.2f} ({int(y)})"
            for m, y in zip(tab["min_wage_hourly_usd"], tab["min_wage_year_used"], strict=True)
        ],
        "Ratio": [ratio(k) for k in tab["obs_id"]],
        "Below floor?": [floor_flag(k) for k in tab["obs_id"]],
        "Verification": tab["verification"],
    }
)

# Save outputs.
write_results(res, out / "pay_results.json")
write_numbers(n, out / "pay.json")
write_paper_csv(table, out / "pay_ratios.csv")
