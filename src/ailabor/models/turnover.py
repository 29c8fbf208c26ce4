"""Time to quit (survival over survey progress) and repeat participation in W241.

Qualtrics saves a page's answers only when the page is submitted, so 562 of the
578 unfinished W241 responses hold no answers at all: the last answered question
cannot tell where they stopped. Qualtrics' own Progress (percent of the survey
passed) can, so it is the time scale here: quitters stop at their progress,
completers are censored at 100.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.duration.hazard_regression import PHReg

from ailabor.models.inference import Z
from ailabor.models.w241 import PAY, STEP, main_design


def survival_frame(workers: pd.DataFrame) -> pd.DataFrame:
    """Progress reached (time, percent), whether they quit (event), pay, posting."""
    d = main_design(workers)
    d["quit"] = (~d["is_completed"].astype(bool)).astype(int)
    d["time_progress"] = d["progress_pct"].astype(float).where(d["quit"] == 1, 100.0)
    return d


def kaplan_meier(workers: pd.DataFrame) -> pd.DataFrame:
    """Kaplan-Meier share still working at each progress point, by pay level (both replications)."""
    d = survival_frame(workers)
    rows = []
    for pay, g in d.groupby(PAY):
        sf = sm.SurvfuncRight(g["time_progress"].to_numpy(), g["quit"].to_numpy())
        times = np.r_[0.0, sf.surv_times, 100.0]
        surv = np.r_[1.0, sf.surv_prob, sf.surv_prob[-1] if len(sf.surv_prob) else 1.0]
        rows.append(pd.DataFrame({PAY: pay, "progress_pct": times, "share_still_working": surv}))
    return pd.concat(rows, ignore_index=True)


def cox_model(workers: pd.DataFrame, sample: list[str] | None = None) -> dict:
    """Cox proportional hazards of quitting on pay (per +$0.10), with replication strata and
    cluster-robust (posting) standard errors. Ties handled by Efron."""
    d = survival_frame(workers)
    if sample:
        d = d[d["replication"].isin(sample)]
    # A quit at progress 0 is moved to 0.5 so that it counts as an event.
    t = d["time_progress"].to_numpy(float)
    t = np.where(t == 0, 0.5, t)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = PHReg(
            t,
            d[[PAY]].to_numpy(float) * (1 / STEP),
            status=d["quit"].to_numpy(),
            strata=d["replication"].to_numpy(),
            ties="efron",
        )
        res = model.fit(groups=pd.factorize(d["posting_id"])[0])
    b, se = float(res.params[0]), float(res.bse[0])
    return {
        "n": len(d),
        "events": int(d["quit"].sum()),
        "hr_per_step": float(np.exp(b)),
        "hr_ci_low": float(np.exp(b - Z * se)),
        "hr_ci_high": float(np.exp(b + Z * se)),
        "p": float(res.pvalues[0]),
    }


def repeat_participation(workers: pd.DataFrame) -> pd.DataFrame:
    """By pay level: responses, and the share from workers seen in more than one W241 posting."""
    d = main_design(workers)
    d = d[d["is_worker_id_known"].astype(bool)]
    out = d.groupby(PAY).agg(
        responses=("worker", "size"),
        repeat_share=("n_postings_by_worker", lambda s: float((s > 1).mean())),
    )
    return out.reset_index()
