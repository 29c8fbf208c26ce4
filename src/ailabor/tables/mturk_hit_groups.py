"""Build ``mturk_hit_groups`` from the two saved MTurk "All HITs" pages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.sources import mturk_hitslist

TABLE = "mturk_hit_groups"
REQUIRES = (mturk_hitslist.SOURCE,)


def input_paths() -> list[Path]:
    return [mturk_hitslist.SOURCE.path(f.name) for f in mturk_hitslist.SOURCE.files]


def build() -> tuple[pd.DataFrame, dict]:
    hits = pd.concat(
        [mturk_hitslist.parse_hitslist(p) for p in input_paths()],
        ignore_index=True,
    )
    hits["page_served_at"] = pd.to_datetime(hits["page_served_at"])
    report = {"pages": int(hits["page"].nunique()), "hit_groups": len(hits)}
    return hits, report
