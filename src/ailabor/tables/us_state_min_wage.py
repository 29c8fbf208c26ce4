"""Build ``us_state_min_wage`` from the DOL history page alone (public domain)."""

from __future__ import annotations

import pandas as pd

from ailabor.sources import dol_minwage

PRODUCES = ("us_state_min_wage",)


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    dol, problems = dol_minwage.parse_dol_minwage(dol_minwage.SOURCE.path())
    dol = dol.rename(columns={"rate_low": "min_wage_low", "rate_high": "min_wage_high"})
    report = {
        "unparsed_cells": problems,
        "typos_fixed": int(dol["typo_fixed"].sum()),
        "suspect_cells": int(dol["is_suspect"].sum()),
    }
    return {"us_state_min_wage": dol}, report
