"""Build ``mturk_hit_groups`` from the two saved MTurk "All HITs" pages."""

from __future__ import annotations

import pandas as pd

from ailabor.sources import mturk_hitslist

PRODUCES = ("mturk_hit_groups",)


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    src = mturk_hitslist.SOURCE
    hits = pd.concat(
        [mturk_hitslist.parse_hitslist(src.path(f.name)) for f in src.files], ignore_index=True
    )
    hits["page_served_at"] = pd.to_datetime(hits["page_served_at"])
    report = {"pages": int(hits["page"].nunique()), "hit_groups": len(hits)}
    return {"mturk_hit_groups": hits}, report
