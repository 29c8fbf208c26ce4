"""The paper's table of sources, from the source registry.

Usage: python analysis/results_data.py OUT_DIR
Writes sources.csv to OUT_DIR.
"""

import sys
from pathlib import Path

import pandas as pd

from ailabor.sources import registry

out = Path(sys.argv[1])
rows = [
    {
        "Source": s.source_id,
        "Publisher": s.publisher.split(",")[0].split(" (")[0],
        "Licence": s.licence.split(";")[0],
        "Redistributed": "yes" if s.is_redistributable else "no",
    }
    for s in registry().values()
]
out.mkdir(parents=True, exist_ok=True)
pd.DataFrame(rows).to_csv(out / "sources.csv", index=False)
print("wrote", out / "sources.csv")
