"""Figure: ZenCrowd US vs India label error beside minimum wages. Usage: python ... OUT_STEM"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.zencrowd import zencrowd_gap
from ailabor.models.zencrowd import country_context, error_gap

gap = error_gap(ailabor.load_table("annotations"))
print("wrote", *zencrowd_gap(gap, country_context(ailabor.load_country_year()), Path(sys.argv[1])))
