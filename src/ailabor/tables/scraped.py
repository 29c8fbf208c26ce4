"""Build ``mturk_hit_groups`` and ``us_state_min_wage`` from the two saved web pages."""

from __future__ import annotations

import pandas as pd

from ailabor.sources import dol_minwage, mturk_hitslist

PRODUCES = ("mturk_hit_groups", "us_state_min_wage")


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    hits = pd.concat(
        [
            mturk_hitslist.parse_hitslist(mturk_hitslist.SOURCE.path(f.name))
            for f in mturk_hitslist.SOURCE.files
        ],
        ignore_index=True,
    )
    dol, problems = dol_minwage.parse_dol_minwage(dol_minwage.SOURCE.path())

    # Process data.
    hits["page_served_at"] = pd.to_datetime(hits["page_served_at"])
    dol = dol.rename(columns={"rate_low": "min_wage_low", "rate_high": "min_wage_high"})
    report = {
        "us_state_min_wage": {
            "unparsed_cells": problems,
            "typos_fixed": int(dol["typo_fixed"].sum()),
            "suspect_cells": int(dol["is_suspect"].sum()),
        },
        "mturk_hit_groups": {"pages": int(hits["page"].nunique()), "hit_groups": len(hits)},
    }
    return {"mturk_hit_groups": hits, "us_state_min_wage": dol}, report
