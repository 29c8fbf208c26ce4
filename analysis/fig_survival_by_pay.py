"""Figure: Kaplan-Meier share still working by pay level. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.experiment import survival_by_pay
from ailabor.models.turnover import kaplan_meier

print("wrote", *survival_by_pay(kaplan_meier(ailabor.load_table("workers")), Path(sys.argv[1])))
