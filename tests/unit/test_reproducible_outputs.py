"""Issue 11, items 6 and 7: AILABOR_MIRROR as documented; portable provenance, file modes,
byte-identical rebuilds."""

from __future__ import annotations

import json
import os
import stat

import pytest

from ailabor import cli
from ailabor.provenance import TIMESTAMP_KEYS
from tests import conftest
from tests.conftest import REPO_ROOT
from tests.fuzz import seeds as S


def test_ailabor_mirror_is_used_exactly_as_given(tmp_path, monkeypatch):
    mirror, html = tmp_path / "m", tmp_path / "h"
    (mirror).mkdir()
    (mirror / "SOURCES.csv").write_text("source_id\n")
    (html / "dol-state-minwage-history").mkdir(parents=True)
    given = f"{mirror}{os.pathsep}{html}"
    monkeypatch.setenv("AILABOR_MIRROR", given)
    assert conftest.mirror_env() == given
    assert conftest._mirror_root() == mirror.resolve()
    assert conftest._html_root() == html.resolve()


def _build_dol_only(root, monkeypatch):
    pins = root / "pins.csv"
    pins.parent.mkdir(parents=True, exist_ok=True)
    pins.write_text("source_id,name,sha256,bytes\n")
    mirror = root / "mirror" / "dol_state_minwage"
    mirror.mkdir(parents=True)
    (mirror / "raw_data.html").write_bytes(S.DOL_HTML)
    monkeypatch.setenv("AILABOR_PINS", str(pins))
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror.parent))
    monkeypatch.setenv("AILABOR_DATA", str(root / "data"))
    assert cli.main(["fetch", "--quiet", "--keep-going", "dol_state_minwage"]) == 0
    cli.main(["build", "--keep-going", "--quiet"])
    return root / "data"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_files_are_created_with_the_process_umask(tmp_path, monkeypatch, umask_022):
    data = _build_dol_only(tmp_path, monkeypatch)
    files = [p for p in data.rglob("*") if p.is_file()]
    assert len(files) >= 6
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
    assert set(modes.values()) == {0o644}, modes


def test_two_clean_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = _build_dol_only(tmp_path / "a", monkeypatch)
    b = _build_dol_only(tmp_path / "b", monkeypatch)
    for name in (
        "us_state_min_wage.parquet",
        "us_state_min_wage.csv",
        "us_state_min_wage.meta.json",
    ):
        assert (a / "processed" / name).read_bytes() == (b / "processed" / name).read_bytes(), name
    meta = json.loads((a / "processed" / "us_state_min_wage.meta.json").read_text())
    assert meta["built_at"] == "2023-11-14T22:13:20Z"
    sidecar = json.loads((a / "raw" / "dol_state_minwage" / "raw_data.html.meta.json").read_text())
    assert sidecar["fetched_from"] == "mirror:dol_state_minwage/raw_data.html"
    assert set(TIMESTAMP_KEYS) >= {"retrieved_at", "built_at"}


def test_typst_pdf_is_identical_with_a_fixed_timestamp(tmp_path):
    typst = pytest.importorskip("typst")
    src = tmp_path / "doc.typ"
    src.write_text('#set document(title: "t")\nHello\n')
    one = typst.compile(str(src), timestamp=1700000000)
    two = typst.compile(str(src), timestamp=1700000000)
    assert one == two
    rule = (REPO_ROOT / "Makefile").read_text()
    assert "timestamp=$(SOURCE_DATE_EPOCH)" in rule


def test_release_provenance_has_source_ids_and_relative_paths_only(tmp_path, monkeypatch):
    from ailabor.release import write_release

    data = _build_dol_only(tmp_path, monkeypatch)
    # An old sidecar written with an absolute mirror path must not leak either.
    side = data / "raw" / "dol_state_minwage" / "raw_data.html.meta.json"
    meta = json.loads(side.read_text())
    meta["fetched_from"] = "/home/someone/shared/html/dol_state_minwage/raw_data.html"
    side.write_text(json.dumps(meta))
    res = write_release(out_root=tmp_path / "dist")
    prov = list((res["path"] / "provenance").rglob("*.json"))
    assert prov
    for p in prov:
        text = p.read_text()
        rec = json.loads(text)
        assert (
            rec["source_id"] == "dol_state_minwage"
            and rec["file"] == "dol_state_minwage/raw_data.html"
        )
        assert str(tmp_path) not in text and "/home/someone" not in text
        assert rec["fetched_from"] in (
            "local:raw_data.html",
            "mirror:dol_state_minwage/raw_data.html",
        )
