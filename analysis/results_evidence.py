"""Published pay experiments: counts and pooling, from the curated evidence table.

Usage: python analysis/results_evidence.py OUT_DIR
Writes evidence_results.json (raw), evidence.json (formatted) and evidence_counts.csv.
"""

import sys
from pathlib import Path

from ailabor.models import evidence
from ailabor.paper_format import write_numbers, write_results

out = Path(sys.argv[1])

# Load inputs.
experiments = evidence.load_pay_experiments()

# Process data.
res = {
    "evidence_pooling": [evidence.pool(experiments, o) for o in evidence.OUTCOMES],
    "evidence_rows": len(experiments),
    "evidence_studies": int(experiments["authors"].nunique()),
    "evidence_by_verification": experiments["verification"].value_counts().to_dict(),
}
counts = evidence.evidence_counts(experiments)
n = {"evidence_rows": str(res["evidence_rows"]), "evidence_studies": str(res["evidence_studies"])}
for k, v in res["evidence_by_verification"].items():
    n[f"evidence_{k.replace('-', '_')}"] = str(v)
pooled = [e for e in res["evidence_pooling"] if e["pooled"]]
n["evidence_pooled_count"] = str(len(pooled))
att = next(e for e in res["evidence_pooling"] if e["outcome"] == "attrition")
n["evidence_attrition_k"] = str(att["k"])
for outcome, r in counts.iterrows():
    parts = [
        f"{int(r[c])} {c}" for c in ("positive", "negative", "null", "mixed") if c in r and r[c] > 0
    ]
    n[f"evidence_{outcome}"] = ", ".join(parts)

# Save outputs.
write_results(res, out / "evidence_results.json")
counts.to_csv(out / "evidence_counts.csv")
write_numbers(n, out / "evidence.json")
