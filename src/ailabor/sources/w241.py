"""UC Berkeley W241 field experiment: pay per HIT randomised across MTurk postings (2017).

A 50-question dog-breed image-labelling HIT posted at $0.10/$0.25/$0.40/$0.55
in two replications (order1, order2), plus pilots and a within-worker bonus
design (design2). MTurk batch results and Qualtrics exports, joined through the
survey code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ailabor.clean.annotations import (
    normalise_label,
    parse_bool_text,
    parse_mturk_time,
    parse_qualtrics_time,
    parse_reward_usd,
)
from ailabor.clean.privacy import drop_identifying_columns
from ailabor.errors import ParseError
from ailabor.sources.base import Source, github_files
from ailabor.sources.readers import iter_records, read_csv_strict, read_text, records_to_frame

REPO = "Chucooleg/Field_Experiment_Human_Image_Classification"
COMMIT = "77bed6643a8608ab2c64c4b8a78a5682995dbc26"

MTURK_FILES = [
    "MTurk_data/20171028_mturk_results_pilot_0.10.csv",
    "MTurk_data/20171028_mturk_results_pilot_0.25.csv",
    "MTurk_data/20171111_mturk_results_order1_0.10.csv",
    "MTurk_data/20171111_mturk_results_order1_0.55.csv",
    "MTurk_data/20171112_mturk_results_order1_0.25.csv",
    "MTurk_data/20171112_mturk_results_order1_0.40.csv",
    "MTurk_data/20171112_mturk_results_order1_0.40_supplementary.csv",
    "MTurk_data/20171118_mturk_results_order2_0.25.csv",
    "MTurk_data/20171118_mturk_results_order2_0.40.csv",
    "MTurk_data/20171119_mturk_results_order2_0.10.csv",
    "MTurk_data/20171119_mturk_results_order2_0.55.csv",
    "MTurk_data/20171123_mturk_results_design2_pilot.csv",
    "MTurk_data/20171127_mturk_results_design2_main.csv",
]
QUALTRICS_FILES = [
    "qualtric_data/20171028_qualtric_results_pilot_0.10.csv",
    "qualtric_data/20171028_qualtric_results_pilot_0.25.csv",
    "qualtric_data/20171111_qualtric_results_order1_0.10.csv",
    "qualtric_data/20171111_qualtric_results_order1_0.55.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.25.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.25_raw.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.40.csv",
    "qualtric_data/20171118_qualtric_results_order2_0.25.csv",
    "qualtric_data/20171118_qualtric_results_order2_0.40.csv",
    "qualtric_data/20171119_qualtric_results_order2_0.10.csv",
    "qualtric_data/20171119_qualtric_results_order2_0.55.csv",
    "qualtric_data/20171123_qualtric_results_design2_pilot.csv",
    "qualtric_data/20171127_qualtric_results_design2_main.csv",
]
OTHER_FILES = ["task_answers/pilot_answers.txt", "README.md"]

SOURCE = Source(
    source_id="w241_pay_experiment",
    title="Field experiment on pay and human image classification on MTurk (UC Berkeley W241, 2017)",
    publisher="UC Berkeley MIDS W241 course project (unpublished; GitHub repository of user Chucooleg; authors not named in its README)",
    licence="no licence file upstream (all rights reserved by the authors; research and tests only)",
    is_redistributable=False,
    publisher_url=f"https://github.com/{REPO}",
    files=github_files(
        REPO,
        COMMIT,
        MTURK_FILES + QUALTRICS_FILES + OTHER_FILES,
        "w241_pay_experiment/",
        keep_dirs=True,
    ),
    description=(
        "MTurk batch results and Qualtrics exports of a 50-question dog-breed labelling HIT "
        "posted at four pay levels in two replications, plus pilots and design2."
    ),
    citation=f"UC Berkeley MIDS W241 course project (2017, unpublished), Field_Experiment_Human_Image_Classification, github.com/{REPO} @ {COMMIT[:7]}.",
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Pay randomised per posting, not per worker: 8 clusters in the main design.",
        "Upstream files hold raw MTurk worker IDs and IP addresses; ailabor pseudonymises and drops them.",
    ),
)

SOURCES = (SOURCE,)


# --- parse -----------------------------------------------------------------
MTURK_COLUMNS = [
    "HITId",
    "Reward",
    "CreationTime",
    "AssignmentId",
    "WorkerId",
    "AssignmentStatus",
    "AcceptTime",
    "SubmitTime",
    "WorkTimeInSeconds",
    "Answer.surveycode",
]


def parse_mturk_batch(path: Path) -> pd.DataFrame:
    """An MTurk batch results CSV -> one row per assignment.

    Columns: ``hit_id``, ``assignment_id``, ``worker_id_raw``, ``assignment_status``,
    ``reward_usd``, ``created_at``, ``accepted_at``, ``submitted_at`` (UTC),
    ``work_time_s``, ``survey_code``. Any malformed row raises a
    :class:`ParseError` naming the file, row and field.
    """
    sid = SOURCE.source_id
    # MTurk leaves the empty Approve,Reject columns off the rows of a downloaded batch.
    df = read_csv_strict(path, sid, required=MTURK_COLUMNS, optional_trailing=["Approve", "Reject"])
    rows = []
    for line, r in zip(df.index, df.to_dict("records"), strict=True):
        field = None
        try:
            field = "Reward"
            reward = parse_reward_usd(r["Reward"])
            field = "CreationTime"
            created = parse_mturk_time(r["CreationTime"])
            field = "AcceptTime"
            accepted = parse_mturk_time(r["AcceptTime"])
            field = "SubmitTime"
            submitted = parse_mturk_time(r["SubmitTime"])
            field = "WorkTimeInSeconds"
            work = int(r["WorkTimeInSeconds"])
            field = "WorkerId"
            if not r["WorkerId"].strip():
                raise ValueError("empty WorkerId")
        except (ValueError, OverflowError) as exc:
            raise ParseError(sid, path, f"field {field}: {exc}", line=int(line)) from None
        rows.append(
            {
                "hit_id": r["HITId"],
                "assignment_id": r["AssignmentId"],
                "worker_id_raw": r["WorkerId"].strip(),
                "assignment_status": r["AssignmentStatus"],
                "reward_usd": reward,
                "created_at": created,
                "accepted_at": accepted,
                "submitted_at": submitted,
                "work_time_s": work,
                "survey_code": r["Answer.surveycode"].strip(),
            }
        )
    return pd.DataFrame(rows, columns=_MTURK_OUT)


_MTURK_OUT = [
    "hit_id",
    "assignment_id",
    "worker_id_raw",
    "assignment_status",
    "reward_usd",
    "created_at",
    "accepted_at",
    "submitted_at",
    "work_time_s",
    "survey_code",
]


def _qualtrics_timezone(import_ids: list[str], column: str = "StartDate") -> str:
    for raw in import_ids:
        try:
            meta = json.loads(raw)
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        if (
            isinstance(meta, dict)
            and meta.get("ImportId") == "startDate"
            and isinstance(meta.get("timeZone"), str)
        ):
            return meta["timeZone"]
    return "UTC"


def parse_qualtrics(path: Path) -> pd.DataFrame:
    """A Qualtrics export with three header rows (codes, question text, ImportId JSON).

    Returns the data rows with the code row as column names, every value as text,
    identifying columns (IP address, coordinates, names) dropped, plus
    ``started_at`` and ``ended_at`` in UTC (the export's time zone is read from the
    ImportId row) and typed ``progress_pct``, ``duration_s``, ``is_finished``.
    """
    sid = SOURCE.source_id
    records = list(iter_records(read_text(path, sid), sid, path))
    if len(records) < 3:
        raise ParseError(
            sid, path, f"{len(records)} records, expected at least the three Qualtrics header rows"
        )
    (_, header), _question_text_row, (import_line, import_ids) = records[:3]
    if not import_ids or not import_ids[0].startswith("{"):
        raise ParseError(
            sid,
            path,
            "expected the ImportId JSON row of a Qualtrics export as the third record",
            line=import_line,
        )
    for line, r in records[1:3]:
        if len(r) != len(header):
            raise ParseError(sid, path, f"{len(r)} fields, header has {len(header)}", line=line)
    need = [
        "StartDate",
        "EndDate",
        "Status",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "ResponseId",
    ]
    if missing := [c for c in need if c not in header]:
        raise ParseError(sid, path, f"missing Qualtrics columns {missing}", line=records[0][0])
    body = records_to_frame([records[0], *records[3:]], sid, path)
    lines = body.index
    df = body.reset_index(drop=True).astype("string")
    df = drop_identifying_columns(df)
    tz = _qualtrics_timezone(import_ids)
    try:
        df["started_at"] = parse_qualtrics_time(df["StartDate"], tz)
        df["ended_at"] = parse_qualtrics_time(df["EndDate"], tz)
        df["is_finished"] = parse_bool_text(df["Finished"])
    except (ValueError, TypeError, OverflowError, KeyError) as exc:
        raise ParseError(sid, path, f"dates or Finished not understood: {exc}") from None
    for col, out in (("Progress", "progress_pct"), ("Duration (in seconds)", "duration_s")):
        num = pd.to_numeric(df[col].str.strip(), errors="coerce").astype("float64")
        if num.isna().any():
            i = int(num.isna().to_numpy().nonzero()[0][0])
            raise ParseError(
                sid, path, f"{col}: expected a number, found {df.at[i, col]!r}", line=int(lines[i])
            )
        df[out] = num
    df.attrs["timezone"] = tz
    return df


def parse_gold(path: Path) -> pd.Series:
    """``task_answers/pilot_answers.txt`` -> Series question number -> normalised breed.

    Lines look like ``12:        Bloodhound  5`` (number, breed, image id); the
    "(Please insert question for cat_1 image here)" lines mark the screeners.
    """
    out = {}
    for i, line in enumerate(read_text(path, SOURCE.source_id).splitlines()):
        m = re.match(r"^\s*(\d+):\s+(\S+)\s+(\d+)\s*$", line)
        if m:
            out[int(m.group(1))] = normalise_label(m.group(2))
        elif out and line.strip() and not line.lstrip().startswith("("):
            # Lines before the first question are the file's header; after it only
            # the "(Please insert question for cat_N image here)" markers may appear.
            raise ParseError(
                SOURCE.source_id,
                path,
                f"unexpected line {line[:80]!r}; expected '<n>: <breed> <image id>'",
                line=i + 1,
            )
    if sorted(out) != list(range(1, 49)):
        raise ParseError(SOURCE.source_id, path, f"expected questions 1-48, found {len(out)}")
    return pd.Series(out, name="true_label").rename_axis("question")


# --- postings ----------------------------------------------------------------
# One row per MTurk posting, with the file that is authoritative for it and its place in
# the posting schedule, curated in data/curated/w241_postings.csv. Its `notes` column
# gives each decision and its reason (tested in tests/integration/test_annotations_mirror.py
# and tests/integration/test_models_mirror.py):
# - order1 $0.25 has two Qualtrics exports; `_raw.csv` is authoritative (it holds the
#   cleaned export plus four paid responses and a Survey Preview).
# - `order1_0.40_supplementary` is a 4-assignment batch at $0.25 whose responses form
#   their own posting, left out of the 8-posting design.
# - Schedule: `readme_time_pt` is the upstream README's time (order2's in parentheses
#   there: planned), `posted_at_pt` the MTurk CreationTime (what happened); `slot` pairs
#   the two replications' postings (same weekday and time of day), `time_of_day` is
#   "night" for postings created between 00:00 and 06:00 Pacific time.
POSTINGS_FILE = "w241_postings.csv"
POSTINGS_COLUMNS = {
    "posting_id": "str",
    "design": "str",
    "replication": "str",
    "pay_per_task_usd": "float64",
    "available_hits": "int64",
    "qualtrics_file": "str",
    "mturk_file": "str",
    "is_main_design": "bool",
    "slot": "str",
    "weekday": "str",
    "readme_time_pt": "str",
    "posted_at_pt": "str",
    "time_of_day": "str",
    "notes": "str",
}
TIME_OF_DAY = ("night", "day")


def load_postings(path: Path | None = None) -> pd.DataFrame:
    """The curated posting design: one row per posting, columns as ``POSTINGS_COLUMNS``.

    Raises a :class:`ParseError` naming the file and row when a column is missing, a
    posting is duplicated, a main-design posting has no slot, or a value is malformed.
    """
    from ailabor.config import curated_dir

    path = Path(path) if path else curated_dir() / POSTINGS_FILE
    sid = SOURCE.source_id
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if missing := [c for c in POSTINGS_COLUMNS if c not in df.columns]:
        raise ParseError(sid, path, f"missing columns {missing}", row=1)
    df = df[list(POSTINGS_COLUMNS)].copy()
    for i, r in df.iterrows():
        row = int(i) + 2
        if r["is_main_design"] not in ("True", "False"):
            raise ParseError(sid, path, f"is_main_design {r['is_main_design']!r}", row=row)
        if r["time_of_day"] not in TIME_OF_DAY:
            raise ParseError(sid, path, f"time_of_day {r['time_of_day']!r}", row=row)
        if r["is_main_design"] == "True" and not r["slot"]:
            raise ParseError(sid, path, "main-design posting without a slot", row=row)
        if not r["notes"].strip():
            raise ParseError(sid, path, "empty notes: every decision needs its reason", row=row)
        try:
            float(r["pay_per_task_usd"])
            int(r["available_hits"])
            pd.Timestamp(r["posted_at_pt"])
        except ValueError as exc:
            raise ParseError(sid, path, str(exc), row=row) from exc
    if (dup := df["posting_id"].duplicated()).any():
        raise ParseError(sid, path, f"duplicate posting_id {df.loc[dup, 'posting_id'].iloc[0]!r}")
    df["is_main_design"] = df["is_main_design"] == "True"
    df["pay_per_task_usd"] = df["pay_per_task_usd"].astype(float)
    df["available_hits"] = df["available_hits"].astype(int)
    df["posted_at"] = (
        pd.to_datetime(df["posted_at_pt"])
        .dt.tz_localize("America/Los_Angeles")
        .dt.tz_convert("UTC")
    )
    return df


POSTINGS = load_postings()
DESIGN2_GROUPS = ("CCC", "CCT", "CTT", "TTT")
