"""Figure: pooled W241 pay effects with each posting left out. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.experiment import leave_one_posting_out
from ailabor.models.w241 import leave_one_posting_out as loo

print("wrote", *leave_one_posting_out(loo(ailabor.load_table("workers")), Path(sys.argv[1])))
