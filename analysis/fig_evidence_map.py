"""Figure: published studies of pay, one row per study. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

from ailabor.figures.evidence import evidence_map
from ailabor.models.evidence import load_findings

print("wrote", *evidence_map(load_findings(), Path(sys.argv[1])))
