"""The generic label reader: the eight friction points of issue 13 and strict parsing."""

import warnings

import numpy as np
import pandas as pd
import pytest

import ailabor
from ailabor.errors import ParseError
from ailabor.quality import DawidSkene, MajorityVote, accuracy_against_gold
from ailabor.sources.annotations_reader import (
    DuplicateLabelsWarning,
    read_annotations,
    read_gold,
)


def write(tmp_path, text, name="l.csv", mode="w"):
    p = tmp_path / name
    if mode == "wb":
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_exported_at_top_level():
    assert ailabor.read_annotations is read_annotations


def test_true_label_argument_and_gold_alias(tmp_path):
    p = write(tmp_path, "task,worker,label,g\nt1,a,x,x\n")
    a = read_annotations(p, true_label="g")
    b = read_annotations(p, gold="g")
    pd.testing.assert_frame_equal(a, b)
    assert a["true_label"].tolist() == ["x"]
    with pytest.raises(TypeError, match="once"):
        read_annotations(p, true_label="g", gold="label")


def test_blank_gold_is_missing_not_wrong(tmp_path):
    # The reproduction: positional columns, gold in column 3, second gold blank.
    p = write(tmp_path, "w1,t1,1,1\nw2,t2,0,\n")
    d = read_annotations(p, task=1, worker=0, label=2, true_label=3, header=None)
    assert d["true_label"].isna().tolist() == [False, True]
    acc = accuracy_against_gold(d)
    assert acc["n_gold_labels"].sum() == 1 and acc["n_correct"].sum() == 1


def test_integer_labels_stay_integers_and_tie_by_number(tmp_path):
    p = write(tmp_path, "task,worker,label,gold\n1,a,2,2\n1,b,10,2\n")
    d = read_annotations(p, true_label="gold")
    assert str(d["label"].dtype) == "Int64" and str(d["true_label"].dtype) == "Int64"
    assert MajorityVote().fit_predict(d).tolist() == [2]  # 2 < 10 as numbers
    # Declared as text, the same file ties the string way ("10" < "2"), by the same rule.
    s = read_annotations(p, true_label="gold", label_dtype="str")
    assert MajorityVote().fit_predict(s).tolist() == ["10"]
    # Integer predictions compare equal to integer gold (the 0.0 score).
    ds = DawidSkene().fit(d)
    assert (ds.labels_ == d.groupby("task")["true_label"].first()).all()


def test_mixed_labels_are_text(tmp_path):
    p = write(tmp_path, "task,worker,label\nt1,a,1\nt1,b,yes\n")
    assert read_annotations(p)["label"].tolist() == ["1", "yes"]
    with pytest.raises(ParseError, match="label is not Int64"):
        read_annotations(p, label_dtype="Int64")


def test_public_ids_and_side_columns_kept(tmp_path):
    p = write(tmp_path, "task,worker,label,seconds,country\nt1,A1,x,12,KE\nt2,A1,y,,US\n")
    d = read_annotations(p, pseudonymise=False, keep_columns=["seconds", "country"])
    assert d["worker"].tolist() == ["A1", "A1"]
    assert d["seconds"].iloc[0] == 12 and np.isnan(d["seconds"].iloc[1])
    assert d["country"].tolist() == ["KE", "US"]
    hidden = read_annotations(p)
    assert hidden["worker"].str.fullmatch(r"w_[0-9a-f]{16}").all()
    assert list(hidden.columns) == ["task", "worker", "label", "source_row"]
    renamed = read_annotations(
        write(tmp_path, "w1,t1,1,7\n", "n.csv"),
        task=1,
        worker=0,
        label=2,
        header=None,
        keep_columns={"work_s": 3},
    )
    assert renamed["work_s"].tolist() == [7]


def test_missing_column_error_lists_what_was_found(tmp_path):
    tsv = write(tmp_path, "item\tannotator\tanswer\nt1\ta\tx\n", "l.tsv")
    with pytest.raises(ParseError) as e:
        read_annotations(tsv, task="item", worker="annotator", label="answer")
    msg = str(e.value)
    assert "found ['item\\tannotator\\tanswer']" in msg and "try sep='\\t'" in msg
    assert "l.tsv, row 1" in msg
    headerless = write(tmp_path, "w1,t1,1\nw2,t1,0\n", "h.csv")
    with pytest.raises(ParseError, match=r"found \['w1', 't1', '1'\].*header=None"):
        read_annotations(headerless, task=1, worker=0, label=2)


def test_duplicates_reported_and_policy(tmp_path):
    p = write(tmp_path, "task,worker,label\nt1,a,1\nt1,a,0\nt1,a,0\nt2,a,1\n")
    with pytest.warns(DuplicateLabelsWarning, match="1 \\(worker, task\\) pairs"):
        d = read_annotations(p)
    assert len(d) == 4
    assert d.attrs["duplicates"] == {
        "pairs": 1,
        "extra_rows": 2,
        "conflicting_pairs": 1,
        "policy": "warn",
        "rows_dropped": 0,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(read_annotations(p, duplicates="keep")) == 4
    assert read_annotations(p, duplicates="first")["label"].tolist() == [1, 1]
    assert read_annotations(p, duplicates="last")["label"].tolist() == [0, 1]
    with pytest.raises(ParseError, match=r"l.csv, row 2: .*labelled more than once"):
        read_annotations(p, duplicates="error")
    with pytest.raises(ValueError, match="duplicates must be"):
        read_annotations(p, duplicates="drop")


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("task,worker,label\nt1,w1,yes,0.9\n", r"row 2: 4 fields, header has 3"),
        ("task,worker,label\nt1,w1,yes\nt2,w2\n", r"row 3: 2 fields, header has 3"),
        ("", r"empty file"),
        ("\n\n  \n", r"no rows"),
        ("task,worker,label\n", r"row 1: header only"),
        ('task,worker,label\nt1,w1,"yes\n', r"row 2: malformed CSV"),
        ("task,worker,label\nt1,,x\n", r"row 2: blank worker"),
        ("task,task,label\nt1,w,x\n", r"row 1: header repeats"),
    ],
)
def test_strict_text_errors_name_file_and_line(tmp_path, content, pattern):
    p = write(tmp_path, content)
    with pytest.raises(ParseError, match=r"l\.csv.*" + pattern):
        read_annotations(p)


def test_encoding_and_binary_errors(tmp_path):
    utf16 = write(tmp_path, "task,worker,label\nt1,w,x\n".encode("utf-16"), "u16.csv", "wb")
    with pytest.raises(ParseError, match=r"u16.csv, row 1: UTF-16"):
        read_annotations(utf16)
    latin = write(tmp_path, "task,worker,label\nt1,w,caf\xe9\n".encode("latin-1"), "lat.csv", "wb")
    with pytest.raises(ParseError, match=r"lat.csv, row 2: not valid utf-8.*encoding="):
        read_annotations(latin)
    assert read_annotations(latin, encoding="latin-1")["label"].tolist() == ["café"]
    binary = write(tmp_path, b"task,worker,label\nt1,w,\x00\x01\n", "b.csv", "wb")
    with pytest.raises(ParseError, match=r"b.csv, row 2: binary"):
        read_annotations(binary)
    gz = write(tmp_path, b"\x1f\x8b\x08\x00\xff\xfe\x00\x00", "g.csv", "wb")
    with pytest.raises(ParseError, match=r"g.csv"):
        read_annotations(gz)


def test_paths_that_are_not_files(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        read_annotations(tmp_path / "nope.csv")
    with pytest.raises(ParseError, match="is a directory"):
        read_annotations(tmp_path)


def test_parquet_input(tmp_path):
    df = pd.DataFrame({"task": ["t1", "t2"], "worker": ["a", "b"], "label": [3, 1]})
    p = tmp_path / "l.parquet"
    df.to_parquet(p)
    d = read_annotations(p, pseudonymise=False)
    assert d["label"].tolist() == [3, 1] and str(d["label"].dtype) == "Int64"
    assert d["source_row"].tolist() == [1, 2]
    empty = write(tmp_path, b"", "e.parquet", "wb")
    with pytest.raises(ParseError, match="e.parquet: empty file"):
        read_annotations(empty)
    fake = write(tmp_path, "task,worker,label\n", "f.parquet")
    with pytest.raises(ParseError, match="f.parquet: not a Parquet file"):
        read_annotations(fake)
    broken = write(tmp_path, b"PAR1" + b"\x00" * 20 + b"PAR1", "x.parquet", "wb")
    with pytest.raises(ParseError, match="x.parquet: unreadable Parquet"):
        read_annotations(broken)


def test_read_gold_strict(tmp_path):
    p = write(tmp_path, "item,truth\n1,0\n1,1\n", "truth.csv")
    with pytest.raises(ParseError, match=r"truth.csv, row 3: task '1' has two gold rows"):
        read_gold(p, task="item", true_label="truth")
    ok = write(tmp_path, "item,truth\n1,0\n2,\n", "t2.csv")
    g = read_gold(ok, task="item", true_label="truth")
    assert g["1"] == 0 and pd.isna(g["2"])


@pytest.mark.parametrize(
    "content",
    [
        "task,worker,label\r\nt1,a,x\r\n\r\nt2,b,y\r\n",  # CRLF and an empty line
        "task,worker,label\nt1,a,x\n   \nt2,b,y",  # whitespace-only line, no final newline
        'task,worker,label\nt1,a,x\n\n"t2",b,"y"\n',  # quoted fields: the csv-module path
    ],
)
def test_blank_lines_skipped_and_source_rows_are_file_lines(tmp_path, content):
    d = read_annotations(write(tmp_path, content), pseudonymise=False)
    assert d["task"].tolist() == ["t1", "t2"] and d["label"].tolist() == ["x", "y"]
    assert d["source_row"].tolist() == [2, 4]


def test_quoted_field_with_separator_and_newline(tmp_path):
    p = write(tmp_path, 'task,worker,label\n"t,1",a,"multi\nline"\nt2,b,y\n')
    d = read_annotations(p, pseudonymise=False)
    assert d["task"].tolist() == ["t,1", "t2"] and d["label"].tolist() == ["multi\nline", "y"]
    assert d["source_row"].tolist() == [2, 4]
    with pytest.raises(ParseError, match=r"row 4: 2 fields"):
        read_annotations(write(tmp_path, 'task,worker,label\n"t,1",a,"m\nl"\nt2,b\n', "q.csv"))


def test_old_mac_line_endings_are_lines_and_a_shifted_row_is_refused(tmp_path):
    from ailabor import read_annotations
    from ailabor.errors import ParseError

    ok = tmp_path / "cr.csv"
    ok.write_bytes(b"task,worker,label\rt1,w1,yes\rt2,w2,no\r")
    assert read_annotations(ok)["label"].tolist() == ["yes", "no"]
    bad = tmp_path / "cr_bad.csv"
    bad.write_bytes(b"task,worker,label\rt6,w1t1,w2,no\rt2,w1,yes\r")  # found by make fuzz
    with pytest.raises(ParseError, match="4 fields, header has 3"):
        read_annotations(bad)
