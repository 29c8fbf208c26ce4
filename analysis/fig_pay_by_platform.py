"""Figure: hourly pay (PPP $) by platform and country, local minimum wage marked. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.pay import pay_by_platform

print(
    "wrote",
    *pay_by_platform(
        ailabor.load_table("pay_observations"), ailabor.load_country_year(), Path(sys.argv[1])
    ),
)
