"""What the W241 data can say about leaving: first-page abandonment, time to fill a
posting, and repeat participation.

Every main-design response that did not finish stopped on the survey's first page
(Qualtrics progress 1% or 8%, no answer saved), so "quitting" here is abandonment on
the first page, measured by completion; there is no time scale along the task on which
to run a survival model. What does have a time scale is the posting: how long it took,
from the MTurk posting time (data/curated/w241_postings.csv) to the 100th completed
survey. Pay may move that, and it is analysed as an outcome with a permutation test
(8 postings).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.models.permutation import (
    assignment_matrix,
    permutation_inversion,
)
from ailabor.models.w241 import PAY, STEP, main_design
from ailabor.sources.w241 import POSTINGS

FILL_TARGET = 100  # HITs per main-design posting (upstream README: AvailableHITs)


def abandonment_check(workers: pd.DataFrame) -> dict:
    """Where the main design's non-finishers stopped: counts by Qualtrics progress and
    the most answers any of them saved."""
    d = main_design(workers)
    q = d[d["completed"] == 0]
    return {
        "starters": len(d),
        "abandoned": len(q),
        "progress_values": sorted(float(v) for v in q["progress_pct"].unique()),
        "by_progress": {f"{v:g}": int(c) for v, c in q["progress_pct"].value_counts().items()},
        "max_answers_saved": int(q["n_questions_answered"].max()),
        "all_on_first_page": bool(
            (q["n_questions_answered"] == 0).all() and (q["progress_pct"] <= 8).all()
        ),
    }


def time_to_fill(workers: pd.DataFrame, target: int = FILL_TARGET) -> pd.DataFrame:
    """Per main-design posting: hours from the MTurk posting time to the ``target``-th
    completed survey (Qualtrics end = start + duration), and to the first start.
    Tested on the built tables in tests/integration/test_models_mirror.py."""
    d = main_design(workers)
    d["ended_at"] = d["started_at"] + pd.to_timedelta(d["duration_s"], unit="s")
    rows = []
    for pid, g in d.groupby("posting_id"):
        done = g.loc[g["completed"] == 1, "ended_at"].sort_values()
        posted = g["posted_at"].iloc[0]
        rows.append(
            {
                "posting_id": pid,
                "replication": g["replication"].iloc[0],
                PAY: float(g[PAY].iloc[0]),
                "slot": g["slot"].iloc[0],
                "night": float(g["night"].iloc[0]),
                "posted_at": posted,
                "completions": len(done),
                "reached_target": len(done) >= target,
                "hours_to_fill": (done.iloc[min(target, len(done)) - 1] - posted).total_seconds()
                / 3600,
                "minutes_to_first_start": (g["started_at"].min() - posted).total_seconds() / 60,
            }
        )
    out = pd.DataFrame(rows).sort_values(["replication", PAY]).reset_index(drop=True)
    out["log_hours_to_fill"] = np.log(out["hours_to_fill"])
    return out


def fill_effect(fill: pd.DataFrame, covariates: tuple[str, ...] = ()) -> dict:
    """Pay effect on log hours to fill (8 postings, week fixed effects): ratio of fill
    times per +STEP, with the permutation p and inverted confidence set (sharp additive
    null on the log scale: exact under random assignment of pay to slots)."""
    tot = fill.reset_index(drop=True)
    assign = assignment_matrix(tot, PAY, "replication")
    inv = permutation_inversion(
        tot,
        PAY,
        covariates,
        "replication",
        assign,
        outcome="log_hours_to_fill",
        grid=np.arange(-30.0, 30.0 + 1e-9, 0.05),
    )
    t = lambda v: float(np.exp(STEP * v)) if np.isfinite(v) else float(v)  # noqa: E731
    return {
        "ratio_per_step": t(inv.estimate),
        "perm_p": inv.p_value,
        "perm_assignments": inv.n_assignments,
        "perm_set_low": t(inv.set_low),
        "perm_set_high": t(inv.set_high),
        "perm_set_is_interval": inv.set_is_interval,
    }


def repeat_participation(workers: pd.DataFrame) -> dict:
    """Workers seen in more than one posting: among all W241 postings (pilots and
    design2 included) and among the 8 main postings only; and, by pay level, the share
    of main-design responses from workers seen in another main posting."""
    w = workers[workers["dataset"] == "w241"]
    w = w[w["is_worker_id_known"].fillna(False).astype(bool)]
    all_posts = w.groupby("worker")["posting_id"].nunique()
    d = main_design(workers)
    d = d[d["is_worker_id_known"].astype(bool)]
    main_posts = d.groupby("worker")["posting_id"].nunique()
    d["is_repeat_main"] = d["worker"].map(main_posts) > 1
    by_pay = d.groupby(PAY).agg(
        responses=("worker", "size"), repeat_share=("is_repeat_main", "mean")
    )
    return {
        "workers_all_postings": int(len(all_posts)),
        "repeat_workers_all_postings": int((all_posts > 1).sum()),
        "workers_main": int(len(main_posts)),
        "repeat_workers_main": int((main_posts > 1).sum()),
        "by_pay": by_pay.reset_index().to_dict("records"),
    }


def main_postings() -> pd.DataFrame:
    """The schedule of the 8 main postings (from the curated design file)."""
    return POSTINGS[POSTINGS["is_main_design"]].reset_index(drop=True)
