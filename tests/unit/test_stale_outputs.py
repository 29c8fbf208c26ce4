"""Issue 11, items 4 and 8: no stale table passes for current; us_state_min_wage needs only DOL."""

from __future__ import annotations

import pytest

import ailabor
from ailabor import cli
from ailabor.errors import MissingSourceError
from tests.fuzz import seeds as S


@pytest.fixture
def dol_only(tmp_data, tmp_path, monkeypatch):
    """A data dir whose only source is a (synthetic) DOL page, unpinned."""
    pins = tmp_path / "pins.csv"
    pins.write_text("source_id,name,sha256,bytes\n")
    monkeypatch.setenv("AILABOR_PINS", str(pins))
    mirror = tmp_path / "mirror" / "dol_state_minwage"
    mirror.mkdir(parents=True)
    (mirror / "raw_data.html").write_bytes(S.DOL_HTML)
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror.parent))
    assert cli.main(["fetch", "--keep-going", "--quiet", "dol_state_minwage"]) == 0
    return tmp_data


def test_us_state_min_wage_is_built_from_the_dol_page_alone(dol_only, capsys):
    assert cli.main(["build", "--keep-going"]) == 0
    out, err = capsys.readouterr()
    assert "us_state_min_wage      built" in out
    assert "NOT BUILT mturk_hit_groups: missing source(s): mturk_hitslist" in err
    assert "NOT BUILT us_state_min_wage" not in err
    assert len(ailabor.load("us_state_min_wage")) == 6


def test_a_corrupt_snapshot_removes_the_stale_table_and_its_dependents(dol_only, capsys):
    assert cli.main(["build", "--keep-going"]) == 0
    meta = (dol_only / "processed" / "pay_observations.meta.json").read_text()
    assert "processed/us_state_min_wage.parquet" in meta  # pay reads the DOL table
    capsys.readouterr()
    snap = dol_only / "raw" / "dol_state_minwage" / "raw_data.html"
    snap.write_bytes(snap.read_bytes()[:100])  # truncated

    assert cli.main(["build"]) == 1  # not built -> non-zero without --keep-going
    err = capsys.readouterr().err
    assert "NOT BUILT us_state_min_wage: corrupt source(s): dol_state_minwage" in err
    assert "removed stale output of us_state_min_wage (built from inputs" in err
    assert "`ailabor fetch --force dol_state_minwage`" in err
    assert err.count("NOT BUILT us_state_min_wage") == 1
    assert not (dol_only / "processed" / "us_state_min_wage.parquet").exists()
    with pytest.raises(MissingSourceError, match="has not been built"):
        ailabor.load("us_state_min_wage")
    # pay_observations was rebuilt without the removed table, not left stale.
    assert (
        "us_state_min_wage"
        not in (dol_only / "processed" / "pay_observations.meta.json").read_text()
    )

    assert cli.main(["build", "--keep-going"]) == 0
    assert cli.main(["fetch", "--force", "--quiet", "dol_state_minwage"]) == 0
    assert cli.main(["build"]) == 1  # mturk_hit_groups and others still missing
    assert len(ailabor.load("us_state_min_wage")) == 6


def test_a_modified_parquet_is_refused_by_load(dol_only):
    cli.main(["build", "--keep-going", "--quiet"])
    p = dol_only / "processed" / "us_state_min_wage.parquet"
    p.write_bytes(p.read_bytes() + b"x")
    with pytest.raises(ailabor.errors.StaleTableError, match="not the file the build wrote"):
        ailabor.load("us_state_min_wage")
