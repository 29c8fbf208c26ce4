"""Rebuild data/curated/pay_experiments.csv from the project's fact sheet.

The fact sheet (shared/facts/pay_experiments_evidence.csv) was compiled by hand from
the papers; this script only renames the verification levels to ailabor's closed list
and adds the effect columns used for pooling, transcribed from each row's own
`effect_reported` text. Run from the repository root:

    python data/curated/scripts/curate_pay_experiments.py ../shared/facts/pay_experiments_evidence.csv
"""

import sys

import pandas as pd

from ailabor.models.evidence import EFFECT_COLUMNS

VERIFICATION = {"seen_primary": "primary", "seen_secondary": "secondary", "recalled": "unverified"}
# study_id -> effect columns, each transcribed from that row's effect_reported.
EFFECTS = {
    "goritz_2006_retention_meta": dict(
        effect_measure="odds ratio",
        effect_value="1.27",
        effect_ci_low="1.12",
        effect_ci_high="1.44",
        pooling_note="a meta-analysis of incentives in web-survey experiments, not crowd labelling; "
        "pooling it with single studies would double count and mix populations",
    ),
    "goritz_2006_response_meta": dict(
        effect_measure="odds ratio",
        effect_value="1.19",
        effect_ci_low="1.13",
        effect_ci_high="1.25",
        pooling_note="a meta-analysis of incentives in web-survey experiments, not crowd labelling",
    ),
    "yu_2014_financial_retention": dict(
        effect_measure="return counts",
        treat_events="25",
        treat_n="165",
        control_events="22",
        control_n="176",
        is_poolable="true",
        pooling_note="counts as reported (25/165 financial vs 22/176 control); the only crowd-work "
        "attrition effect with counts",
    ),
}

if __name__ == "__main__":
    facts = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
    facts["verification"] = facts["verification"].map(VERIFICATION)
    assert facts["verification"].notna().all(), "unknown verification level"
    facts["finding_direction"] = facts["finding_direction"].replace("", "not applicable")
    for c in EFFECT_COLUMNS:
        facts[c] = "false" if c == "is_poolable" else ""
    for sid, values in EFFECTS.items():
        for k, v in values.items():
            facts.loc[facts["study_id"] == sid, k] = v
    facts.insert(0, "source_file", "shared/facts/pay_experiments_evidence.csv")
    facts.to_csv("data/curated/pay_experiments.csv", index=False)
    print(f"wrote {len(facts)} rows")
