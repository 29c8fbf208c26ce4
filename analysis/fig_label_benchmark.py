"""Figure: label_benchmark, every aggregation method against gold. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.labels import label_benchmark

print("wrote", *label_benchmark(ailabor.load_table("label_benchmark"), Path(sys.argv[1])))
