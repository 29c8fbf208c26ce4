"""Issue 11, items 2 and 5: strict reading; every parser raises the package's own errors."""

from __future__ import annotations

import pytest

import ailabor
from ailabor.errors import AilaborError, ParseError, UnknownTableError
from ailabor.sources import fed, ilostat, readers, w241, wdi
from tests.fuzz import seeds as S


def test_an_extra_field_is_an_error_naming_file_line_and_header(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text("task,worker,label\nt1,w1,yes,0.9\nt2,w2,no,0.8\n")
    with pytest.raises(ParseError) as exc:
        readers.read_csv_strict(p, "demo")
    assert exc.value.line == 2
    assert str(exc.value) == (
        f"[demo] {p}, line 2: 4 fields, expected 3 as in the header (task, worker, label)"
    )


def test_ilostat_trailing_comma_is_a_parse_error_not_a_shift(tmp_path):
    p = tmp_path / "minimum_wage.csv"
    p.write_bytes(S.ILO_MW.replace(b"KEN,15201.09,KES,2024\n", b"KEN,15201.09,KES,2024,\n"))
    with pytest.raises(ParseError, match=r"minimum_wage.csv, line 2: 6 fields, expected 5"):
        ilostat.parse_ilostat_minimum_wage(p)


def test_a_missing_field_is_an_error_too(tmp_path):
    p = tmp_path / "annual.csv"
    p.write_text("Date,Country,Exchange rate\n2020-01-01,Euro\n")
    with pytest.raises(ParseError, match=r"annual.csv, line 2: 2 fields, expected 3"):
        fed.parse_fed_annual(p)


def test_line_numbers_count_quoted_newlines(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text('a,b\n"x\ny",1\nz,2,3\n')
    with pytest.raises(ParseError, match="line 4: 3 fields"):
        readers.read_csv_strict(p, "demo")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"PK", None),  # too short for zip magic: read as text, no header
        (b"PK\x03\x04rest", "a zip archive, expected text"),
        (b"\x00\x01\x02\x03", "binary data (a NUL byte"),
        ("Country,Country ID,Year,PPP\n".encode("utf-16"), "UTF-16 text"),
        ("Country,Country ID,Year,PPP\nMüller,M,2020,1\n".encode("latin-1"), "is not UTF-8"),
        (b'Country,Country ID,Year,PPP\n"Kenya,KE,2021,40.1\n', "bad quoting"),
        (b"Country,Country ID,Year,PPP\nKenya,KE,2021,40.1,9\n", "5 fields, expected 4"),
        (b"Country,Country ID,Year,PPP\nKenya,KE,2021.5,40.1\n", "expected a whole number"),
        (b"Country,Country ID,Year\nKenya,KE,2021\n", "missing columns ['PPP']"),
        (b"Country,Country,Year,PPP\nKenya,KE,2021,1\n", "duplicate column names"),
    ],
)
def test_hostile_files_raise_parse_errors(tmp_path, content, reason):
    p = tmp_path / "ppp-gdp.csv"
    p.write_bytes(content)
    with pytest.raises(ParseError) as exc:
        wdi.parse_ppp_factor(p)
    assert "[wdi_ppp_factor]" in str(exc.value) and "ppp-gdp.csv" in str(exc.value)
    if reason:
        assert reason in str(exc.value)


def test_missing_path_and_directory_are_parse_errors(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        w241.parse_mturk_batch(tmp_path / "absent.csv")
    with pytest.raises(ParseError, match="is a directory, expected a file"):
        w241.parse_qualtrics(tmp_path)


def test_a_broken_zip_is_a_parse_error(tmp_path):
    p = tmp_path / "API_x.zip"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ParseError, match="broken zip archive"):
        wdi.parse_wdi_bulk_csv(p, "wdi_gdp_pc_ppp")


def test_mturk_batch_may_omit_only_the_empty_trailing_approve_reject(tmp_path):
    head, *rows = S.fixture("mturk_batch.csv").decode().splitlines()
    ok = tmp_path / "ok.csv"
    ok.write_text("\n".join([head] + [r.removesuffix(",,") for r in rows]) + "\n")
    assert len(w241.parse_mturk_batch(ok)) == 2
    short = tmp_path / "short.csv"
    short.write_text("\n".join([head] + [r.rsplit(",", 3)[0] for r in rows]) + "\n")
    with pytest.raises(ParseError, match="line 2: 27 fields, expected 30"):
        w241.parse_mturk_batch(short)


def test_unknown_table_lists_the_known_names():
    with pytest.raises(UnknownTableError) as exc:
        ailabor.load("no_such_table")
    msg = str(exc.value)
    assert isinstance(exc.value, AilaborError)
    assert "unknown table 'no_such_table'" in msg
    assert all(n in msg for n in ("annotations", "country_year", "us_state_min_wage"))


def test_a_zero_byte_parquet_is_refused_by_load(tmp_data):
    from ailabor.errors import MissingSourceError, StaleTableError

    processed = tmp_data / "processed"
    processed.mkdir()
    (processed / "platforms.parquet").write_bytes(b"")
    with pytest.raises(MissingSourceError, match="has not been built"):
        ailabor.load("platforms")  # no sidecar: not a build's output
    (processed / "platforms.meta.json").write_text('{"outputs": {"parquet": "00"}}')
    with pytest.raises(StaleTableError, match="not the file the build wrote"):
        ailabor.load("platforms")
