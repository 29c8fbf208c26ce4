"""Figure: Fairwork scores by platform and year. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.pay import fairwork_scores

print("wrote", *fairwork_scores(ailabor.load_table("platform_scores"), Path(sys.argv[1])))
