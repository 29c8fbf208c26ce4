"""Figure: accuracy and completion per W241 posting against pay. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.experiment import accuracy_completion_by_pay
from ailabor.models.w241_postings import posting_summary

print(
    "wrote",
    *accuracy_completion_by_pay(posting_summary(ailabor.load_table("workers")), Path(sys.argv[1])),
)
