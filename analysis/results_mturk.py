"""MTurk 2015-2026 from the workers' side (MTurk Tracker survey): the numbers the paper quotes.

Usage: python analysis/results_mturk.py OUT_DIR
Writes mturk_results.json (raw) and mturk.json (formatted) to OUT_DIR.
"""

import sys
from pathlib import Path

import ailabor
from ailabor import storage
from ailabor.clean.minwage import us_federal_minimum_for
from ailabor.clean.mturk_bands import OPEN_BAND_CAPS
from ailabor.paper_format import pct, write_numbers, write_results
from ailabor.tables.mturk_surveys import HOURLY_THRESHOLDS_USD, PERIOD_DAYS, WEEKLY_THRESHOLDS_USD

out = Path(sys.argv[1])

# Load inputs.
earn = ailabor.load("mturk_earnings_by_year").set_index("year")
inc = ailabor.load("mturk_weekly_income")
by_country = ailabor.load("mturk_workers_by_country")
half = ailabor.load("mturk_cohort_halflife").set_index("era")
ret = ailabor.load("mturk_return")
usin = ailabor.load("mturk_us_india").set_index(["country_iso3", "profile_measure"])[
    "profile_value"
]
dol = ailabor.load_table("us_state_min_wage")

# Process data.
years = list(earn.index)
# $7.25 is the federal minimum in force in every survey year: checked, not assumed.
for y in years:
    assert us_federal_minimum_for(int(y), dol)[0] == HOURLY_THRESHOLDS_USD["7_25"], y
tot = by_country.groupby("year")["n_answers"].sum()
share = by_country.pivot_table(
    index="year", columns="country_iso3", values="n_answers", aggfunc="sum"
)
share = share.div(tot, axis=0)
r12 = ret[ret["gap_periods"] == 12].set_index("era")["share_seen_again"]
first, last = min(years), max(y for y in years if not earn.loc[y, "is_partial_year"])
res = {
    "earnings_by_year": earn.reset_index().to_dict("records"),
    "share_us_by_year": {int(k): float(v) for k, v in share["USA"].items()},
    "share_india_by_year": {int(k): float(v) for k, v in share["IND"].items()},
    "half_life_days": half["half_life_days"].to_dict(),
    "return_after_12_periods": r12.to_dict(),
    "answers_total": int(tot.sum()),
}
lo, hi = earn["share_hourly_below_7_25_lower"], earn["share_hourly_below_7_25_comonotone"]
n = {
    "mturk_answers": f"{int(tot.sum()):,}",
    "mturk_workers": f"{storage.read_meta('mturk_weekly_income')['report']['workers']:,}",
    "mturk_first_year": str(first),
    "mturk_last_full_year": str(last),
    "mturk_last_year": str(max(years)),
    "mturk_income_answers": f"{int(earn['n_answers_income'].sum()):,}",
    "mturk_u20_first": pct(earn.loc[first, "share_weekly_income_under_20_usd"]),
    "mturk_u20_last": pct(earn.loc[last, "share_weekly_income_under_20_usd"]),
    "mturk_u20_min": pct(earn["share_weekly_income_under_20_usd"].min()),
    "mturk_u20_min_year": str(int(earn["share_weekly_income_under_20_usd"].idxmin())),
    "mturk_u100_first": pct(earn.loc[first, "share_weekly_income_under_100_usd"]),
    "mturk_u100_last": pct(earn.loc[last, "share_weekly_income_under_100_usd"]),
    "mturk_lb725_min": pct(lo.min()),
    "mturk_lb725_max": pct(lo.max()),
    "mturk_lb725_min_year": str(int(lo.idxmin())),
    "mturk_lb725_max_year": str(int(lo.idxmax())),
    "mturk_ub725_min": pct(earn["share_hourly_below_7_25_upper"].min()),
    "mturk_co725_min": pct(hi.min()),
    "mturk_co725_max": pct(hi.max()),
    "mturk_med_lo": f"${earn['median_hourly_usd_lower'].min():.2f}",
    "mturk_med_hi": f"${earn['median_hourly_usd_upper'].max():.2f}",
    "mturk_med_co_min": f"${earn['median_hourly_usd_comonotone'].min():.2f}",
    "mturk_med_co_max": f"${earn['median_hourly_usd_comonotone'].max():.2f}",
    "mturk_cap_income": f"${OPEN_BAND_CAPS['income']:,.0f}",
    "mturk_cap_hours": f"{OPEN_BAND_CAPS['hours']:g}",
    "mturk_share_first_year": str(int(min(share.index))),
    "mturk_india_share_first": pct(share.loc[min(share.index), "IND"]),
    "mturk_india_share_last": pct(share.loc[last, "IND"]),
    "mturk_us_share_first": pct(share.loc[min(share.index), "USA"]),
    "mturk_us_share_last": pct(share.loc[last, "USA"]),
    "mturk_us_hours20": pct(usin[("USA", "hours20")]),
    "mturk_in_hours20": pct(usin[("IND", "hours20")]),
    "mturk_us_lt10k": pct(usin[("USA", "income_lt10k")]),
    "mturk_in_lt10k": pct(usin[("IND", "income_lt10k")]),
}
t1, t2 = WEEKLY_THRESHOLDS_USD
n["mturk_weekly_t1"], n["mturk_weekly_t2"] = f"${t1}", f"${t2}"
n["mturk_hourly_t"] = f"${HOURLY_THRESHOLDS_USD['7_25']:.2f}"
n["mturk_return_gap_days"] = str(12 * PERIOD_DAYS)
# Upstream's pooled US/India columns, as the schema reads them (hours20, income_lt10k).
n["mturk_hours20_label"], n["mturk_lt10k_label"] = "20", "$10,000"
eras = list(half.index)
for i, e in enumerate(eras):
    n[f"mturk_era{i + 1}"] = e
    n[f"mturk_halflife{i + 1}"] = f"{half.loc[e, 'half_life_days']:.0f}"
    n[f"mturk_return12_{i + 1}"] = pct(r12.get(e, float("nan")))

# Save outputs.
write_results(res, out / "mturk_results.json")
write_numbers(n, out / "mturk.json")
