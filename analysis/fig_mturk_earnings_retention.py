"""Figure: MTurk hourly earnings bounds by year beside cohort half-life by era (MTurk Tracker).

Usage: python analysis/fig_mturk_earnings_retention.py OUT_STEM
"""

import sys
from pathlib import Path

import ailabor
from ailabor.figures.mturk import earnings_and_retention

earn = ailabor.load("mturk_earnings_by_year")
half = ailabor.load("mturk_cohort_halflife")
print("wrote", *earnings_and_retention(earn, half, Path(sys.argv[1])))
