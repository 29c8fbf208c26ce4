"""Fit every model and write the numbers the paper quotes to paper/generated/.

Usage: python analysis/results.py OUT_DIR
Writes results.json (all estimates), pay_effects.csv, postings.csv, evidence_counts.csv.
"""

import json
import sys
from pathlib import Path

import ailabor
from ailabor.models import evidence, turnover, w241, zencrowd
from ailabor.pay_summary import us_federal_minimum_for
from ailabor.quality.validate import validate_all

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

# Load inputs.
workers = ailabor.load_table("workers")
annotations = ailabor.load_table("annotations")
country_year = ailabor.load_country_year()
experiments = evidence.load_pay_experiments()

pay = ailabor.load_table("pay_observations")
dol = ailabor.load_table("us_state_min_wage")

# Process data.
main = w241.main_design(workers)
effects = w241.pay_effects(workers)
postings = w241.posting_summary(workers)
results = {
    "pay_effects": effects.to_dict("records"),
    "pay_per_hour": w241.pay_per_hour_association(workers),
    "cox": {name: turnover.cox_model(workers, reps) for name, reps in w241.SAMPLES.items()},
    "repeat_participation": turnover.repeat_participation(workers).to_dict("records"),
    "zencrowd_gap": zencrowd.error_gap(annotations),
    "zencrowd_context": zencrowd.country_context(country_year).to_dict("records"),
    "label_validation": validate_all(annotations).reset_index().to_dict("records"),
    "evidence_pooling": [evidence.pool(experiments, o) for o in evidence.OUTCOMES],
    "evidence_rows": len(experiments),
    "evidence_studies": int(experiments["authors"].nunique()),
    "evidence_by_verification": experiments["verification"].value_counts().to_dict(),
    "pay": {
        "observations": pay.set_index("obs_id")[
            [
                "hourly_pay_low_usd",
                "hourly_pay_high_usd",
                "hourly_pay_low_ppp_usd",
                "hourly_pay_high_ppp_usd",
                "ratio_low_to_min_wage",
                "ratio_high_to_min_wage",
                "min_wage_hourly_usd",
                "min_wage_year_used",
                "verification",
                "period",
                "publisher",
            ]
        ].to_dict("index"),
        "n_observations": len(pay),
        "by_verification": pay["verification"].value_counts().to_dict(),
        "us_federal_minimum": dict(
            zip(["value", "year"], us_federal_minimum_for(2017, dol), strict=True)
        ),
    },
    "w241_min_labels_per_question": int(
        annotations[(annotations["dataset"] == "w241") & ~annotations["is_screener"].astype(bool)]
        .groupby("task")
        .size()
        .min()
    ),
    "w241": {
        "responses_main": len(main),
        "postings_main": int(main["posting_id"].nunique()),
        "responses_all": int((workers["dataset"] == "w241").sum()),
        "workers_several_postings": int(
            workers.loc[
                (workers["dataset"] == "w241") & (workers["n_postings_by_worker"] > 1), "worker"
            ].nunique()
        ),
    },
}

# Save outputs.
(out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
effects.to_csv(out / "pay_effects.csv", index=False)
postings.to_csv(out / "postings.csv", index=False)
evidence.evidence_counts(experiments).to_csv(out / "evidence_counts.csv")
from ailabor.sources import registry  # noqa: E402

ailabor_sources = [
    {
        "Source": s.source_id,
        "Publisher": s.publisher.split(",")[0].split(" (")[0],
        "Licence": s.licence.split(";")[0],
        "Redistributed": "yes" if s.is_redistributable else "no",
    }
    for s in registry().values()
]
import pandas as pd  # noqa: E402

pd.DataFrame(ailabor_sources).to_csv(out / "sources.csv", index=False)
print("wrote", out / "results.json")
