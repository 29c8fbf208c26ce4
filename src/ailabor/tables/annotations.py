"""Build ``annotations`` (one row per label) and ``workers`` (one row per worker x posting)
from the W241 pay experiment, ZenCrowd and Snow et al. (2008)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ailabor.clean.annotations import normalise_label
from ailabor.clean.privacy import pseudonymise
from ailabor.errors import ParseError
from ailabor.quality import OneCoinDawidSkene, accuracy_against_gold, worker_error_intervals
from ailabor.sources import snow2008, w241, zencrowd

PRODUCES = ("annotations", "workers")
MTURK = "Amazon Mechanical Turk"
SCREENER_ANSWER = "not a dog"
_QCOL = re.compile(r"^(?:(?P<group>CCC|CCT|CTT|TTT)_)?(?P<kind>TQ|SQ)(?P<n>\d+)$")


# --- W241 --------------------------------------------------------------------
def question_columns(columns: list[str]) -> list[tuple[str, str | None, str]]:
    """(column, design2 group or None, task id) for every answer column, in display order.

    >>> question_columns(["worker_id", "TQ1", "SQ1", "CCT_TQ2", "mTurkCode"])
    [('TQ1', None, 'TQ1'), ('SQ1', None, 'SQ1'), ('CCT_TQ2', 'CCT', 'TQ2')]
    """
    out = []
    for c in columns:
        m = _QCOL.match(c)
        if m:
            out.append((c, m.group("group"), f"{m.group('kind')}{m.group('n')}"))
    return out


def match_mturk_to_responses(responses: pd.DataFrame, mturk: pd.DataFrame) -> pd.Series:
    """For each MTurk assignment, the index of its Qualtrics response, or NA.

    First by survey code; then, for workers who typed their worker ID where the code
    belongs, by worker ID among finished responses not yet matched.
    """
    by_code = {}
    for idx, code in responses["mTurkCode"].fillna("").str.strip().items():
        if code:
            by_code.setdefault(code, idx)
    matched = mturk["survey_code"].map(by_code)
    used = set(matched.dropna())
    if "worker_id" in responses.columns:
        wid = responses["worker_id"].fillna("").str.strip().str.upper()
        for i in matched[matched.isna()].index:
            cands = responses.index[
                (wid == mturk.at[i, "worker_id_raw"].upper())
                & responses["is_finished"].astype(bool)
            ]
            cands = [c for c in cands if c not in used]
            if cands:
                matched.at[i] = cands[0]
                used.add(cands[0])
    return matched.astype("Int64")


def load_w241() -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """W241 labels (long) and responses (one per worker x posting), with a report."""
    src = w241.SOURCE
    gold = w241.parse_gold(src.path("task_answers/pilot_answers.txt"))
    report: dict = {"quarantined_responses": {}, "unmatched_mturk_assignments": {}}
    label_frames, response_frames = [], []
    for qfile, plan in w241.POSTINGS.groupby("qualtrics_file", sort=False):
        q = w241.parse_qualtrics(src.path(f"qualtric_data/{qfile}"))
        keep = q["Status"] == "IP Address"
        if (~keep).any():
            report["quarantined_responses"][qfile] = q.loc[~keep, "Status"].value_counts().to_dict()
        q = q[keep].copy()
        q["posting_id"] = plan["posting_id"].iloc[0]  # main posting of this survey
        q["worker_id_raw"] = q["worker_id"].str.strip() if "worker_id" in q else pd.NA
        q["is_submitted"] = False
        q["work_time_s"] = np.nan
        for _, p in plan.iterrows():
            m = w241.parse_mturk_batch(src.path(f"MTurk_data/{p['mturk_file']}"))
            if (bad := m[m["reward_usd"] != p["pay_per_task_usd"]]).size:
                raise ParseError(
                    src.source_id,
                    p["mturk_file"],
                    f"reward {bad['reward_usd'].iloc[0]} differs from the posting's pay {p['pay_per_task_usd']}",
                )
            hit = match_mturk_to_responses(q, m)
            ok = hit.notna()
            report["unmatched_mturk_assignments"][p["mturk_file"]] = int((~ok).sum())
            rows = hit[ok].astype(int).to_numpy()
            q.loc[rows, "posting_id"] = p["posting_id"]
            q.loc[rows, "worker_id_raw"] = m.loc[ok, "worker_id_raw"].to_numpy()
            q.loc[rows, "is_submitted"] = True
            q.loc[rows, "work_time_s"] = m.loc[ok, "work_time_s"].to_numpy(dtype=float)
        qcols = question_columns(list(q.columns))
        answers = q[[c for c, _, _ in qcols]]
        answered = answers.notna() & answers.apply(lambda s: s.str.strip().ne(""))
        q["n_questions_answered"] = answered.sum(axis=1)
        # Position (1-based, in display order within the worker's block) of the last answer.
        groups = [g for _, g, _ in qcols]
        pos = np.zeros(len(q), dtype=int)
        for grp in dict.fromkeys(groups):
            cols = [i for i, g in enumerate(groups) if g == grp]
            sub = answered.iloc[:, cols].to_numpy()
            last = np.where(sub.any(axis=1), sub.shape[1] - np.argmax(sub[:, ::-1], axis=1), 0)
            pos = np.maximum(pos, last)
        q["last_question_position"] = pos
        q["questions_shown"] = len([g for g in groups if g == groups[0]])
        long = answers.where(answered).stack().rename("label_text").reset_index()
        long.columns = ["row", "column", "label_text"]
        long = long[long["label_text"].notna()]  # pandas 3's stack keeps empty cells
        group_of = {c: g for c, g, _ in qcols}
        task_of = {c: t for c, _, t in qcols}
        long["source_row"] = long["row"] + 4  # 1-based line in the export: 3 header rows first
        long["design2_group"] = long["column"].map(group_of)
        long["task"] = long["column"].map(task_of)
        long["label"] = long["label_text"].map(normalise_label)
        long["is_screener"] = long["task"].str.startswith("SQ")
        tq = long["task"].str.extract(r"^TQ(\d+)$")[0].astype(float)
        long["true_label"] = tq.map(gold).where(~long["is_screener"], SCREENER_ANSWER)
        long = long.join(
            q[["ResponseId", "posting_id", "worker_id_raw", "started_at", "duration_s"]], on="row"
        )
        label_frames.append(long.drop(columns=["row", "column", "label_text"]))
        groups_by_row = long.groupby("row")["design2_group"].first()
        q["design2_group"] = groups_by_row.reindex(q.index)
        response_frames.append(q)
    labels = pd.concat(label_frames, ignore_index=True)
    resp = pd.concat(response_frames, ignore_index=True)
    resp = resp.merge(
        w241.POSTINGS[
            ["posting_id", "design", "replication", "pay_per_task_usd", "is_main_design"]
        ],
        on="posting_id",
    )
    labels = labels.merge(w241.POSTINGS[["posting_id", "pay_per_task_usd"]], on="posting_id")
    # Pseudonyms; a response with no worker ID gets one of its own (an unknown worker).
    resp["worker"] = resp["worker_id_raw"].map(pseudonymise)
    anon = resp["worker"].isna()
    resp.loc[anon, "worker"] = resp.loc[anon, "ResponseId"].map(
        lambda r: pseudonymise("response:" + r)
    )
    resp["is_worker_id_known"] = ~anon
    labels = labels.drop(columns="worker_id_raw").merge(
        resp[["ResponseId", "worker"]], on="ResponseId"
    )
    resp["pay_per_hour_usd"] = np.where(
        resp["is_submitted"], resp["pay_per_task_usd"] / (resp["work_time_s"] / 3600.0), np.nan
    )
    labels = labels.merge(resp[["ResponseId", "pay_per_hour_usd"]], on="ResponseId")
    known = resp[resp["is_worker_id_known"]]
    n_post = known.groupby("worker")["posting_id"].nunique()
    resp["n_postings_by_worker"] = resp["worker"].map(n_post).fillna(1).astype(int)
    report["workers_in_several_postings"] = int((n_post > 1).sum())
    resp = resp.drop(
        columns=[c for c in ("worker_id_raw", "worker_id", "mTurkCode") if c in resp.columns]
    )
    labels["dataset"] = "w241"
    resp["dataset"] = "w241"
    return labels, resp, report


# --- ZenCrowd and Snow (parsers in sources/zencrowd.py and sources/snow2008.py) ------
def load_zencrowd() -> pd.DataFrame:
    """Both ZenCrowd files, every row kept (repeated worker x task pairs included)."""
    frames = [
        zencrowd.parse_zencrowd(zencrowd.SOURCE.path(f"ZenCrowd_{c}.csv"), c)
        for c in zencrowd.COUNTRIES
    ]
    out = pd.concat(frames, ignore_index=True)
    out.attrs = {
        "duplicate_pairs": {
            f"zencrowd_{c}": f.attrs["duplicates"]["pairs"]
            for c, f in zip(zencrowd.COUNTRIES, frames, strict=True)
        }
    }
    return out


def load_snow_rte() -> pd.DataFrame:
    return snow2008.parse_snow_rte(snow2008.SOURCE.path())


# --- assemble ------------------------------------------------------------------
def worker_error(labels: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Gold-free error per ``unit`` from one-coin Dawid-Skene on non-screener labels."""
    d = labels[~labels["is_screener"].astype(bool)]
    ds = OneCoinDawidSkene(n_iter=200, tol=1e-7).fit(
        d.rename(columns={"worker": "_w", unit: "worker"})[["task", "worker", "label"]]
    )
    iv = worker_error_intervals(ds)  # Jeffreys; coverage checked in analysis/results_labels.py
    return pd.DataFrame(
        {
            "ds_error": iv["error"],
            "ds_error_ci_low": iv["error_ci_low"],
            "ds_error_ci_high": iv["error_ci_high"],
        }
    )


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    w_labels, w_resp, report = load_w241()
    zen = load_zencrowd()
    snow = load_snow_rte()
    report["duplicate_worker_task_pairs"] = {
        **zen.attrs["duplicate_pairs"],
        "snow2008_rte": snow.attrs["duplicates"]["pairs"],
    }

    # Process data.
    for d in (zen, snow):
        d["is_screener"] = False
        d["pay_per_task_usd"] = np.nan
        d["pay_per_hour_usd"] = np.nan
        d["duration_s"] = np.nan
        d["started_at"] = pd.NaT
        d["ResponseId"] = pd.NA
    w_labels["country_iso3"] = pd.NA
    snow["country_iso3"] = pd.NA
    labels = pd.concat([w_labels, zen, snow], ignore_index=True)
    labels["platform"] = MTURK
    labels["response_id"] = labels["ResponseId"]
    labels["started_at"] = pd.to_datetime(labels["started_at"], utc=True)

    # Worker table: W241 by response (worker x posting); the others by worker.
    w_acc = accuracy_against_gold(w_labels[~w_labels["is_screener"]], by="ResponseId")
    scr = w_labels[w_labels["is_screener"]]
    scr_pass = (scr["label"] == scr["true_label"]).groupby(scr["ResponseId"]).agg(["size", "sum"])
    w_err = worker_error(w_labels, "ResponseId")
    wk = w_resp.set_index("ResponseId")
    wk = wk.join(w_acc).join(w_err)
    wk["screeners_shown"] = scr_pass["size"].reindex(wk.index)
    wk["screeners_passed"] = scr_pass["sum"].reindex(wk.index)
    wk["n_labels"] = (
        w_labels[~w_labels["is_screener"]].groupby("ResponseId").size().reindex(wk.index).fillna(0)
    )
    wk = wk.reset_index().rename(
        columns={"ResponseId": "response_id", "is_finished": "is_completed"}
    )
    wk["platform"] = MTURK
    wk["country_iso3"] = pd.NA

    others = []
    for (dataset, posting), d in pd.concat([zen, snow]).groupby(["dataset", "posting_id"]):
        acc = accuracy_against_gold(d, by="worker")
        err = worker_error(d, "worker")
        o = acc.join(err, how="outer")
        o["n_labels"] = d.groupby("worker").size()
        o = o.reset_index()
        o["dataset"], o["posting_id"] = dataset, posting
        o["country_iso3"] = d["country_iso3"].iloc[0] if "country_iso3" in d else pd.NA
        others.append(o)
    others = pd.concat(others, ignore_index=True)
    others["platform"] = MTURK
    others["is_completed"] = pd.NA
    workers = pd.concat([wk, others], ignore_index=True)
    report["labels_per_dataset"] = labels["dataset"].value_counts().sort_index().to_dict()
    report["workers_per_dataset"] = workers["dataset"].value_counts().sort_index().to_dict()
    return {"annotations": labels, "workers": workers}, report
