"""The paper's table of sources, its reference list and its data-availability statement.

Usage: python analysis/results_data.py OUT_DIR
Writes to OUT_DIR:
- data.json: counts of sources (numbers the paper prints);
- sources.csv: the table of sources (from the source registry; licences whole, never cut);
- references.yml: the bibliography (Hayagriva), from the registry and the curated tables;
- bib_keys.csv: which citation key backs which curated row (pay observation, score, study, source);
- data_availability.json: what the data release holds and what must be rebuilt from sources
  without a redistribution licence (from the registry and the release policy).
"""

import json
import re
import sys
from pathlib import Path

import pandas as pd

from ailabor import bibliography, config, schemas
from ailabor.paper_format import write_numbers
from ailabor.sources import registry

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
cur = config.curated_dir()
text = dict(dtype=str, keep_default_na=False)

# Load inputs.
reg = registry()
studies = pd.read_csv(config.curated_dir() / "evidence_studies.csv", **text)
pay = pd.read_csv(config.curated_dir() / "pay_observations.csv", **text)
scores = pd.read_csv(config.curated_dir() / "platform_scores.csv", **text)

# Table of sources: the whole licence string (a cut at ';' once left "(all rights reserved ..."
# without its closing parenthesis).
rows = [
    {
        "Source": s.source_id,
        "Publisher": re.split(r",? via |\s\(", s.publisher)[0],
        "Licence": s.licence,
        "Redistributed": "yes" if s.is_redistributable else "no",
    }
    for s in reg.values()
]
pd.DataFrame(rows).to_csv(out / "sources.csv", index=False)

# Bibliography.
entries = bibliography.study_entries(studies)
entries.update(bibliography.dataset_entries(reg.values()))
pay_rows = pay.assign(year=pay["publication_date"].map(bibliography.year_of))
pay_entries, pay_keys = bibliography.source_entries(pay_rows, studies, "pay", "obs_id")
score_rows = scores.assign(
    publisher=scores.get("publisher", ""),
    row_id=scores["platform"] + " " + scores["year"],
)
score_entries, score_keys = bibliography.source_entries(score_rows, studies, "score", "row_id")
for new in (pay_entries, score_entries):
    clash = set(new) & set(entries)
    if clash:
        raise ValueError(f"citation keys used twice: {sorted(clash)}")
    entries.update(new)
bibliography.write_hayagriva(entries, out / "references.yml")
keys = (
    [{"key": k, "backs": "study", "row": k} for k in studies["study_key"]]
    + [{"key": k, "backs": "dataset", "row": k} for k in reg]
    + [{"key": v, "backs": "pay observation", "row": k} for k, v in pay_keys.items()]
    + [{"key": v, "backs": "platform score", "row": k} for k, v in score_keys.items()]
)
pd.DataFrame(keys).to_csv(out / "bib_keys.csv", index=False)
# row id -> citation key, for sections that cite the source of a value (see paper/cite.typ)
(out / "bib_keys.json").write_text(
    json.dumps({k["row"]: k["key"] for k in keys}, indent=1, ensure_ascii=False) + "\n",
    encoding="utf-8",
)

# Data availability, from the registry and the release policy.
closed = [s for s in reg.values() if not s.is_redistributable]
held, cut = [], []
for t in schemas.TABLES:
    pol = schemas.release_policy(t, lambda sid: reg[sid].is_redistributable)
    why = ", ".join(pol.because)
    if pol.exclude:
        cut.append(f"{t}, which is left out (built from {why})")
        continue
    held.append(t)
    if pol.drop_columns:
        cut.append(f"{t} without the {len(pol.drop_columns)} columns derived from {why}")
    if pol.drop_rows:
        cut.append(f"{t} without the rows from {why}")
avail = {
    "release_tables": ", ".join(held),
    "release_cuts": "; ".join(cut),
    "closed_sources": ", ".join(s.source_id for s in closed),
    "closed_keys": [s.source_id for s in closed],
    "curated_tables": ", ".join(sorted(p.stem for p in cur.glob("*.csv"))),
}
(out / "data_availability.json").write_text(json.dumps(avail, indent=1) + "\n", encoding="utf-8")
write_numbers(
    {
        "data_n_sources": str(len(rows)),
        "data_n_not_redistributed": str(sum(r["Redistributed"] == "no" for r in rows)),
        "data_code_licence": config.CODE_LICENCE,
        "data_curated_licence": config.CURATED_LICENCE,
    },
    out / "data.json",
)
print("wrote", out / "sources.csv", out / "references.yml", out / "data_availability.json")
print(f"{len(entries)} references ({len(studies)} studies, {len(reg)} datasets)")
