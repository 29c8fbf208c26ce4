"""Figure: worker pay per hour (PPP $) by platform, country and year, with the minimum wage in
force that year. Usage: python analysis/fig_pay_by_platform.py OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.pay import pay_by_platform

print("wrote", *pay_by_platform(ailabor.load_table("pay_observations"), Path(sys.argv[1])))
