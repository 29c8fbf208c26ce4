"""Country context and the ZenCrowd US-India comparison: the numbers the paper quotes.

Usage: python analysis/results_countries.py OUT_DIR
Writes countries_results.json (raw) and countries.json (formatted) to OUT_DIR.
"""

import sys
from pathlib import Path

import ailabor
from ailabor.clean.currency import MAX_RATE_LAG_YEARS
from ailabor.clean.pay_units import HOURS_PER_WEEK, WEEKS_PER_YEAR
from ailabor.models import zencrowd
from ailabor.paper_format import pct, write_numbers, write_results

out = Path(sys.argv[1])

# Load inputs.
annotations = ailabor.load_table("annotations")
country_year = ailabor.load_country_year()

# Process data.
res = {
    "zencrowd_gap": zencrowd.error_gap(annotations),
    "zencrowd_context": zencrowd.country_context(country_year).to_dict("records"),
}
n = {}
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
# Conventions, from the code that uses them.
n["hours_per_week"] = f"{HOURS_PER_WEEK:g}"
n["weeks_per_year"] = f"{WEEKS_PER_YEAR:g}"
n["max_rate_lag"] = str(MAX_RATE_LAG_YEARS)

# Save outputs.
write_results(res, out / "countries_results.json")
write_numbers(n, out / "countries.json")
