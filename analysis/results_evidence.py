"""Published studies of pay: counts of studies (not rows), by design, and pooling where sound.

Usage: python analysis/results_evidence.py OUT_DIR
Writes evidence_results.json (raw), evidence.json (formatted), evidence_counts.csv (studies by
outcome and direction) and evidence_randomised.csv (the study-level table the paper prints).
"""

import sys
from pathlib import Path

import pandas as pd

from ailabor.figures.evidence import WORDS, cell_text, shown_studies
from ailabor.models import evidence
from ailabor.paper_format import f, write_numbers, write_paper_csv, write_results

out = Path(sys.argv[1])

# Load inputs.
rows = evidence.load_pay_experiments()
studies = evidence.load_studies()
findings = evidence.load_findings()

# Process data.
randomised = studies[evidence.is_randomised(studies)]
shown = shown_studies(findings)
shown_keys = list(dict.fromkeys(shown["study_key"]))
omitted = studies[~studies["study_key"].isin(shown_keys)]
pooling = [evidence.pool(findings, o) for o in evidence.OUTCOMES]
counts = evidence.direction_counts(findings)
rand_counts = evidence.direction_counts(
    findings[findings["study_key"].isin(randomised["study_key"])]
)
res = {
    "evidence_fact_rows": len(rows),
    "evidence_studies": len(studies),
    "evidence_by_design": studies["design_class"].value_counts().to_dict(),
    "evidence_randomised_by_contrast": randomised["pay_contrast"].value_counts().to_dict(),
    "evidence_by_verification": studies["verification"].value_counts().to_dict(),
    "evidence_inferred_findings": findings.loc[
        findings["direction_inferred"], "study_key"
    ].tolist(),
    "evidence_shown": shown_keys,
    "evidence_omitted": omitted["study_key"].tolist(),
    "evidence_pooling": pooling,
    "evidence_counts": counts.to_dict(),
    "evidence_randomised_counts": rand_counts.to_dict(),
}


def words(c: pd.DataFrame, outcome: str) -> str:
    """'6 lower, 3 no effect': studies by direction of the effect of higher pay."""
    if outcome not in c.index:
        return "none"
    r = c.loc[outcome]
    parts = [
        f"{int(r[d])} {WORDS[d]}"
        for d in ("positive", "negative", "null", "mixed")
        if d in r and r[d] > 0
    ]
    return ", ".join(parts) or "none"


design = res["evidence_by_design"]
contrast = res["evidence_randomised_by_contrast"]
verif = res["evidence_by_verification"]
n = {
    "evidence_fact_rows": str(len(rows)),
    "evidence_studies": str(len(studies)),
    "evidence_shown": str(len(shown_keys)),
    "evidence_omitted": str(len(omitted)),
    "evidence_omitted_keys": ",".join(omitted["study_key"]),
    "evidence_shown_keys": ",".join(shown_keys),
    "evidence_randomised": str(len(randomised)),
    "evidence_randomised_keys": ",".join(randomised["study_key"]),
    "evidence_randomised_pay_level": str(contrast.get("pay level", 0)),
    "evidence_randomised_bonus": str(contrast.get("bonus or piece rate", 0)),
    "evidence_unstated": str(design.get("experiment, randomisation not stated", 0)),
    "evidence_nonrandomised": str(design.get("non-randomised comparison", 0)),
    "evidence_observational": str(design.get("observational", 0)),
    "evidence_meta": str(design.get("meta-analysis", 0)),
    "evidence_model_test": str(design.get("model test", 0)),
    "evidence_full_text": str(verif.get("full text", 0)),
    "evidence_abstract_only": str(verif.get("abstract or excerpt", 0)),
    "evidence_recalled": str(verif.get("recalled", 0)),
    "evidence_inferred": str(len(res["evidence_inferred_findings"])),
    "evidence_folded": str(int(findings["folded_rows"].ne("").sum())),
    "evidence_pool_min_k": str(evidence.MIN_POOL_K),
    "evidence_pooled_count": str(sum(p["pooled"] for p in pooling)),
}
for o in evidence.OUTCOMES:
    n[f"evidence_dir_{o}"] = words(counts, o)
    n[f"evidence_rand_dir_{o}"] = words(rand_counts, o)
    n[f"evidence_pool_k_{o}"] = str(next(p["k"] for p in pooling if p["outcome"] == o))
# Attrition: which designs stand behind "higher pay, less attrition".
att = findings[(findings["outcome"] == "attrition") & (findings["finding_direction"] == "negative")]
n["evidence_attrition_lower_keys"] = ",".join(att["study_key"])
n["evidence_attrition_lower_randomised"] = str(
    int(att["design_class"].eq("randomised experiment").sum())
)
n["evidence_attrition_lower_rand_keys"] = ",".join(
    att.loc[att["design_class"].eq("randomised experiment"), "study_key"]
)
# ... and what the others are, in words generated from their coding.
PROSE_DESIGN = {"experiment, randomisation not stated": "randomisation not stated"}
others = []
for r in att[~att["design_class"].eq("randomised experiment")].itertuples():
    parts = [PROSE_DESIGN.get(r.design_class, r.design_class)]
    if r.pay_contrast != "pay level":
        parts.append(r.pay_contrast)
    if r.direction_inferred:
        parts.append("sign inferred")
    others.append(f"{r.label} ({', '.join(parts)})")
n["evidence_attrition_lower_others"] = "; ".join(others)
# The effect sizes with an interval, as reported or converted.
for r in findings[findings["effect_ci_low"].notna()].itertuples():
    n[f"evidence_or_{r.study_key}_{r.outcome}"] = (
        f"{f(r.effect_value)} (95% CI {f(r.effect_ci_low)} to {f(r.effect_ci_high)})"
    )

# The study-level table the paper prints: randomised experiments.
table = []
for s in randomised.sort_values(["year", "label"]).itertuples():
    fs = findings[
        (findings["study_key"] == s.study_key) & (findings["finding_direction"] != "not applicable")
    ]
    table.append(
        {
            "key": s.study_key,
            "has_authors": "no" if s.authors.startswith("(") else "yes",
            "contrast": s.pay_contrast,
            "platform": s.platform,
            # the first of the study's rows (the curated table keeps them all)
            "pay_levels": s.pay_levels.split(" | ")[0] or "not seen",
            "n": s.n.split(" | ")[0] or "not seen",
            "findings": "; ".join(
                f"{r.outcome}: {cell_text(pd.Series(r._asdict()))}"
                + (
                    f", odds ratio {f(r.effect_value)} [{f(r.effect_ci_low)}, {f(r.effect_ci_high)}]"
                    if pd.notna(r.effect_ci_low)
                    else ""
                )
                for r in fs.itertuples()
            ),
            "verification": s.verification,
        }
    )

# Save outputs.
out.mkdir(parents=True, exist_ok=True)
write_results(res, out / "evidence_results.json")
counts.to_csv(out / "evidence_counts.csv")
write_paper_csv(pd.DataFrame(table), out / "evidence_randomised.csv")
write_numbers(n, out / "evidence.json")
