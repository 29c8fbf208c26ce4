"""Figure: evidence map of published pay experiments. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

from ailabor.figures.evidence import evidence_map
from ailabor.models.evidence import load_pay_experiments

print("wrote", *evidence_map(load_pay_experiments(), Path(sys.argv[1])))
