"""Country context (minimum wages by year) and the ZenCrowd US-India comparison.

Usage: python analysis/results_countries.py OUT_DIR
Writes countries_results.json (raw), countries.json (formatted) and min_wage_breaks.csv.
"""

import sys
from pathlib import Path

import ailabor
from ailabor import storage
from ailabor.clean.currency import MAX_RATE_LAG_YEARS
from ailabor.clean.minwage import NO_STATUTORY_MINIMUM
from ailabor.clean.pay_units import HOURS_PER_WEEK, WEEKS_PER_YEAR
from ailabor.figures.country import common_year
from ailabor.models import zencrowd
from ailabor.models.inference import CI_LEVEL
from ailabor.paper_format import pct, write_numbers, write_results
from ailabor.sources import ilostat

out = Path(sys.argv[1])

# Load inputs.
annotations = ailabor.load_table("annotations")
cy = ailabor.load_country_year()
report = storage.read_meta("country_year")["report"]

# Process data.
has = cy["min_wage_monthly_lcu"].notna()
ken = cy[(cy["country_iso3"] == "KEN") & has].set_index("year")
ken_0524 = ken.loc[2005:2024]
breaks = cy.loc[
    cy["min_wage_series_break"].notna(), ["country_iso3", "year", "min_wage_series_break"]
]
fig1_year, fig1 = common_year(cy)
res = {
    "zencrowd_gap": zencrowd.error_gap(annotations),
    "zencrowd_context": zencrowd.country_context(cy).to_dict("records"),
    "min_wage_countries": int(cy.loc[has, "country_iso3"].nunique()),
    "min_wage_country_years": int(has.sum()),
    "min_wage_first_year": int(cy.loc[has, "year"].min()),
    "min_wage_last_year": int(cy.loc[has, "year"].max()),
    "status_counts": cy["min_wage_status"].value_counts().to_dict(),
    "series_breaks": breaks.astype(str).to_dict("records"),
    "kenya_distinct_years_2005_2024": int(ken_0524.index.nunique()),
    "kenya_distinct_values_2005_2024": int(ken_0524["min_wage_monthly_lcu"].nunique()),
    "usd_crosscheck_with_ilostat": report.get("usd_crosscheck_with_ilostat"),
    "latest_file_crosscheck": report.get("min_wage_latest_file_crosscheck"),
    "figure1_year": fig1_year,
    "figure1_countries": len(fig1),
}
n = {}
z = res["zencrowd_gap"]
n["zen_ci_level"] = pct(CI_LEVEL)  # the normal intervals of models.zencrowd
n["zen_err_us"] = pct(z["error_us"], 1)
n["zen_err_in"] = pct(z["error_in"], 1)
n["zen_gap"] = f"{z['gap_pp']:.1f} ({z['gap_ci_low_pp']:.1f} to {z['gap_ci_high_pp']:.1f})"
n["zen_worker_err_us"] = pct(z["worker_mean_error_us"], 1)
n["zen_worker_err_in"] = pct(z["worker_mean_error_in"], 1)
n["zen_worker_gap"] = (
    f"{z['worker_gap_pp']:.1f} ({z['worker_gap_ci_low_pp']:.1f} to {z['worker_gap_ci_high_pp']:.1f})"
)
n["zen_workers_us"], n["zen_workers_in"] = str(z["workers_us"]), str(z["workers_in"])
n["zen_labels_us"], n["zen_labels_in"] = f"{z['labels_us']:,}", f"{z['labels_in']:,}"
n["zen_top_worker_labels"] = f"{z['top_worker_labels']:,}"
n["zen_top_worker_where"] = "US" if z["top_worker_dataset"] == "zencrowd_us" else "India"
for c in res["zencrowd_context"]:
    iso = c["country_iso3"].lower()
    n[f"mw_{iso}_usd"] = f"${c['min_wage_hourly_usd']:.2f}"
    n[f"mw_{iso}_ppp"] = f"${c['min_wage_hourly_ppp_usd']:.2f}"
    n[f"mw_{iso}_year"] = str(c["year"])
    n[f"mw_{iso}_status"] = str(c["min_wage_status"])
    n[f"gdp_{iso}"] = f"${c['gdp_pc_ppp_usd']:,.0f}"
n["zen_data_year"] = str(zencrowd.DATA_YEAR)
# Minimum wage by year.
n["mw_countries"] = str(res["min_wage_countries"])
n["mw_country_years"] = f"{res['min_wage_country_years']:,}"
n["mw_first_year"], n["mw_last_year"] = (
    str(res["min_wage_first_year"]),
    str(res["min_wage_last_year"]),
)
n["mw_n_breaks"] = str(len(breaks))
n["mw_n_none"] = str(len(NO_STATUTORY_MINIMUM))
n["mw_none_list"] = ", ".join(sorted(NO_STATUTORY_MINIMUM))
n["ken_years_0524"] = str(res["kenya_distinct_years_2005_2024"])
n["ken_values_0524"] = str(res["kenya_distinct_values_2005_2024"])
# Kenya's break: the first year of the current series and the year before it.
kb = int(ken.loc[2024, "min_wage_series_id"].split(":")[1])
n["ken_break_year"], n["ken_before_year"] = str(kb), str(kb - 1)
n["ken_mw_before"] = f"KES {ken.loc[kb - 1, 'min_wage_monthly_lcu']:,.0f}"
n["ken_mw_break"] = f"KES {ken.loc[kb, 'min_wage_monthly_lcu']:,.0f}"
n["ken_series_now"] = str(ken.loc[2024, "min_wage_series_id"])
n["ken_mw_2024_lcu"] = f"KES {ken.loc[2024, 'min_wage_monthly_lcu']:,.2f}"
# Which Kenyan minimum: ILOSTAT's own notes on the row the pay ratios use.
hist = ilostat.parse_minwage_history(ilostat.MINIMUM_WAGE_HISTORY.path(ilostat.HISTORY_NOC_FILE))
k22 = hist[(hist["country_iso3"] == "KEN") & (hist["year"] == 2022)].iloc[0]
n["ken_ilo_notes"] = f"{k22['ilo_note_indicator']}, {k22['ilo_note_source']}"
n["ken_ilo_source"] = str(k22["ilo_source"])
ind = cy[(cy["country_iso3"] == "IND") & has].set_index("year")
n["ind_mw_year"] = str(int(ind.index.max()))
n["ind_mw_lcu"] = f"INR {ind.loc[ind.index.max(), 'min_wage_monthly_lcu']:,.0f}"
usa = cy[(cy["country_iso3"] == "USA") & has].set_index("year")
n["usa_mw_monthly"] = f"${usa.loc[usa.index.max(), 'min_wage_monthly_lcu']:,.0f}"
n["mw_usd_check_tol"] = "5%"  # the tolerance tables.country_year reports against (over_5pct)
xc = res["usd_crosscheck_with_ilostat"] or {}
n["mw_usd_check_n"] = f"{xc.get('country_years_compared', 0):,}"
n["mw_usd_check_over5"] = str(xc.get("over_5pct", 0))
lf = res["latest_file_crosscheck"] or {}
n["mw_latest_check_n"] = str(lf.get("compared", 0))
n["mw_latest_check_diff"] = str(len(lf.get("differing_over_1pct", [])))
n["fig1_year"], n["fig1_n"] = str(fig1_year), str(len(fig1))
# Conventions, from the code that uses them.
n["hours_per_week"] = f"{HOURS_PER_WEEK:g}"
n["weeks_per_year"] = f"{WEEKS_PER_YEAR:g}"
n["max_rate_lag"] = str(MAX_RATE_LAG_YEARS)

# Save outputs.
write_results(res, out / "countries_results.json")
write_numbers(n, out / "countries.json")
b = breaks.merge(cy[["country_iso3", "country_name"]].drop_duplicates(), on="country_iso3")
b[["country_name", "year", "min_wage_series_break"]].rename(
    columns={
        "country_name": "Country",
        "year": "First year",
        "min_wage_series_break": "Why a new series starts",
    }
).to_csv(out / "min_wage_breaks.csv", index=False)
