from pathlib import Path

import pandas as pd
import pytest

from ailabor.clean.annotations import (
    normalise_label,
    parse_bool_text,
    parse_mturk_time,
    parse_qualtrics_time,
    parse_reward_usd,
    posting_from_filename,
)
from ailabor.errors import ParseError
from ailabor.sources import w241
from ailabor.sources.annotations_reader import read_annotations
from ailabor.tables.annotations import match_mturk_to_responses, question_columns

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def test_reward_and_time_parsing():
    assert parse_reward_usd("$0.10") == 0.10
    with pytest.raises(ValueError, match="not like"):
        parse_reward_usd("ten cents")
    assert parse_mturk_time("Sun Nov 12 10:50:24 PST 2017") == pd.Timestamp(
        "2017-11-12 18:50:24", tz="UTC"
    )
    assert parse_mturk_time("Sat Jul 01 10:00:00 PDT 2017") == pd.Timestamp(
        "2017-07-01 17:00:00", tz="UTC"
    )
    with pytest.raises(ValueError):
        parse_mturk_time("2017-11-12 10:50:24")
    t = parse_qualtrics_time(pd.Series(["10/28/2017 5:18"]), "America/Denver")
    assert t.iloc[0] == pd.Timestamp("2017-10-28 11:18", tz="UTC")
    with pytest.raises(ValueError, match="unrecognised time"):
        parse_qualtrics_time(pd.Series(["yesterday"]), "UTC")
    assert parse_bool_text(pd.Series(["True", "FALSE"])).tolist() == [True, False]
    with pytest.raises(ValueError):
        parse_bool_text(pd.Series(["yes"]))


def test_gold_and_answer_spellings_meet():
    assert (
        normalise_label("Golden_Retriever")
        == normalise_label("Golden retriever")
        == "golden retriever"
    )
    assert normalise_label("Yorkshire_Terrier") == normalise_label("Yorkshire Terrier")
    assert normalise_label("   ") is None


def test_posting_from_filename():
    d = posting_from_filename("20171112_qualtric_results_order1_0.25_raw.csv")
    assert (d["design"], d["level"], d["suffix"]) == ("order1", "0.25", "raw")
    assert posting_from_filename("20171127_mturk_results_design2_main.csv")["level"] == "main"
    with pytest.raises(ValueError):
        posting_from_filename("results.csv")


def test_qualtrics_three_header_rows_and_privacy():
    q = w241.parse_qualtrics(FIX / "qualtrics_3header.csv")
    assert len(q) == 3
    assert q.attrs["timezone"] == "America/Los_Angeles"
    assert q["started_at"].iloc[0] == pd.Timestamp("2017-11-11 10:48", tz="UTC")
    assert q["is_finished"].tolist() == [True, False, True]
    assert q["progress_pct"].tolist() == [100.0, 40.0, 100.0]
    assert q["duration_s"].tolist() == [515.0, 120.0, 60.0]
    for col in ("IPAddress", "LocationLatitude", "LocationLongitude"):
        assert col not in q.columns


def test_qualtrics_ragged_row_names_file_and_row(tmp_path):
    text = (FIX / "qualtrics_3header.csv").read_text().splitlines()
    text[4] = text[4] + ",extra"
    p = tmp_path / "q.csv"
    p.write_text("\n".join(text) + "\n")
    with pytest.raises(ParseError, match=r"q.csv, line 5: 19 fields, expected 18 as in the header"):
        w241.parse_qualtrics(p)


def test_mturk_batch_parses_and_malformed_row_is_named():
    m = w241.parse_mturk_batch(FIX / "mturk_batch.csv")
    assert m["reward_usd"].tolist() == [0.10, 0.10]
    assert m["work_time_s"].tolist() == [551, 71]
    assert m["accepted_at"].iloc[0] == pd.Timestamp("2017-11-11 10:48:11", tz="UTC")
    with pytest.raises(
        ParseError, match=r"mturk_malformed.csv, line 3: field Reward: reward 'ten cents'"
    ):
        w241.parse_mturk_batch(FIX / "mturk_malformed.csv")


def test_join_by_code_then_by_typed_worker_id():
    q = w241.parse_qualtrics(FIX / "qualtrics_3header.csv")
    q = q[q["Status"] == "IP Address"].copy()
    q.loc[1, "is_finished"] = True  # let the typed-ID fallback find it
    m = w241.parse_mturk_batch(FIX / "mturk_batch.csv")
    hit = match_mturk_to_responses(q, m)
    assert hit.tolist() == [0, 1]


def test_question_columns_design1_and_design2():
    cols = ["TQ1", "SQ1", "TQ2", "CCC_TQ1", "CCC_SQ3", "Timer_CCC_S1_First Click", "mTurkCode"]
    assert [t for _, _, t in question_columns(cols)] == ["TQ1", "SQ1", "TQ2", "TQ1", "SQ3"]
    assert [g for _, g, _ in question_columns(cols)] == [None, None, None, "CCC", "CCC"]


def test_read_annotations_generic_file():
    d = read_annotations(
        FIX / "long_labels.tsv",
        task="item",
        worker="annotator",
        label="answer",
        gold="gold",
        sep="\t",
        dataset="toy",
    )
    assert d["task"].tolist() == ["t1", "t1", "t2"]
    assert d["label"].tolist() == ["yes", "no", "no"]
    assert d["true_label"].tolist() == ["yes", "yes", "no"]
    assert d["worker"].str.fullmatch(r"w_[0-9a-f]{16}").all()
    assert d["worker"].iloc[0] == d["worker"].iloc[2] != d["worker"].iloc[1]
    assert d["source_row"].tolist() == [2, 3, 4]


def test_read_annotations_blank_label_names_row(tmp_path):
    p = tmp_path / "l.csv"
    p.write_text("task,worker,label\nt1,a,x\nt2,b,\n")
    with pytest.raises(ParseError, match=r"l.csv, row 3: blank"):
        read_annotations(p, dataset="toy")


def test_postings_table_agrees_with_its_file_names():
    """Each posting's files are named for its design and pay level, except the documented
    supplementary batch (paid $0.25 into the $0.25 survey, filed under the $0.40 posting)."""
    for p in w241.POSTINGS.itertuples():
        q, m = posting_from_filename(p.qualtrics_file), posting_from_filename(p.mturk_file)
        assert (q["kind"], m["kind"]) == ("qualtric", "mturk")
        assert q["design"] == m["design"] == p.posting_id.split("_")[0]
        if p.posting_id == "order1_0.40_supplementary":
            assert (m["level"], m["suffix"], q["level"]) == ("0.40", "supplementary", "0.25")
            assert p.pay_per_task_usd == float(q["level"])
        elif m["level"] not in ("pilot", "main"):
            assert float(m["level"]) == float(q["level"]) == p.pay_per_task_usd
    assert w241.POSTINGS["posting_id"].is_unique
