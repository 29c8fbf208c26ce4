"""Figure: hourly minimum wage (PPP $) against GDP per capita (PPP $).

Usage: python analysis/fig_min_wage_vs_gdp.py OUT_STEM
"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.country import min_wage_vs_gdp

# Load inputs.
country_year = ailabor.load_country_year()
# Process data and save outputs.
paths = min_wage_vs_gdp(country_year, Path(sys.argv[1]))
print("wrote", *paths)
