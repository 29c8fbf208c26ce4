"""Gold-free label error against gold: the numbers the paper quotes.

Usage: python analysis/results_labels.py OUT_DIR
Writes labels_results.json (raw) and labels.json (formatted) to OUT_DIR.
"""

import sys
from pathlib import Path

import ailabor
from ailabor.paper_format import f, pct, write_numbers, write_results
from ailabor.quality.validate import MIN_LABELS, validate_all

out = Path(sys.argv[1])

# Load inputs.
annotations = ailabor.load_table("annotations")

# Process data.
val = validate_all(annotations)
res = {"label_validation": val.reset_index().to_dict("records")}
n = {"min_labels": str(MIN_LABELS)}
for ds, r in val.iterrows():
    n[f"val_{ds}_rho1"] = f(r.ds_one_coin_worker_error_spearman)
    n[f"val_{ds}_rhofull"] = f(r.ds_full_worker_error_spearman)
    n[f"val_{ds}_mv"] = pct(r.mv_label_accuracy, 1)
    n[f"val_{ds}_ds1"] = pct(r.ds_one_coin_label_accuracy, 1)
    n[f"val_{ds}_dsfull"] = pct(r.ds_full_label_accuracy, 1)
    n[f"val_{ds}_workers20"] = str(int(r.workers_with_min_labels))

# Save outputs.
write_results(res, out / "labels_results.json")
write_numbers(n, out / "labels.json")
