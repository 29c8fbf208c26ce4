"""Data dictionary, data package, citation and the quickstart notebook."""

import json
import os
import subprocess
import sys

import pytest

from ailabor import schemas
from ailabor.docs import data_dictionary_markdown
from tests.conftest import REPO_ROOT


def test_every_published_column_is_defined():
    for t in schemas.TABLES.values():
        missing = [c for c in t.columns if c not in schemas.COLUMNS]
        assert missing == [], t.name
        assert set(t.primary_key) <= set(t.columns)
    used = {c for t in schemas.TABLES.values() for c in t.columns}
    unused = set(schemas.COLUMNS) - used
    assert unused == set(), f"defined but never published: {sorted(unused)}"


def test_committed_data_dictionary_is_current_and_complete():
    text = data_dictionary_markdown()
    committed = (REPO_ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == text, "docs/data_dictionary.md is stale: run `make docs`"
    for t in schemas.TABLES.values():
        for c in t.columns:
            assert f"| `{c}` |" in text


def test_built_tables_have_exactly_the_schema_columns(built_data):
    from ailabor import catalog

    for name, t in schemas.TABLES.items():
        df = catalog.load(name)
        assert list(df.columns) == list(t.columns), name


def test_citation_cff_is_valid():
    exe = os.path.join(os.path.dirname(sys.executable), "cffconvert")
    if not os.path.exists(exe):
        pytest.skip("cffconvert not installed (dev extra)")
    res = subprocess.run(
        [exe, "--validate", "-i", str(REPO_ROOT / "CITATION.cff")], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_release_validates_and_leaves_out_non_redistributable_sources(built_data, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    from ailabor.release import write_release

    res = write_release(tmp_path)
    pkg_path = res["path"] / "datapackage.json"
    report = frictionless.validate(str(pkg_path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    pkg = json.loads(pkg_path.read_text())
    names = {r["name"] for r in pkg["resources"]}
    assert "mturk_hit_groups" not in names and "country_year" in names
    ann = next(r for r in pkg["resources"] if r["name"] == "annotations")
    text = (res["path"] / ann["path"]).read_text()
    assert "w241" not in text.split("\n", 2)[1] and "w241," not in text
    cy = next(r for r in pkg["resources"] if r["name"] == "country_year")
    # Minimum wages now come from ILOSTAT's history (CC BY 4.0): released (issue 12).
    assert "min_wage_monthly_lcu" in {f["name"] for f in cy["schema"]["fields"]}
    assert {"mturk_weekly_income", "mturk_earnings_by_year"} <= names
    not_redis = {s["source_id"] for s in pkg["ailabor:not_redistributed_sources"]}
    assert {"w241_pay_experiment", "ilostat_minimum_wage", "mturk_hitslist"} <= not_redis
    for r in pkg["resources"]:
        assert (res["path"] / r["path"]).is_file()
        assert r["hash"].startswith("sha256:")
    assert res["provenance_records"] >= 44
    assert (res["path"] / "CITATION.cff").is_file() and (res["path"] / "DATA_LICENCE.md").is_file()


def test_quickstart_runs(built_data, tmp_path):
    env = {
        **os.environ,
        "AILABOR_DATA": str(built_data),
        "MPLBACKEND": "Agg",
        "QUICKSTART_FIGURE": str(tmp_path / "q.png"),
    }
    res = subprocess.run(
        [sys.executable, str(REPO_ROOT / "examples" / "quickstart.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert "pay_observations" in res.stdout and "wrote" in res.stdout
    assert (tmp_path / "q.png").stat().st_size > 1000


def test_readme_sources_table_is_current():
    from ailabor.docs import update_readme

    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert update_readme(text) == text, "README sources table is stale: run `make docs`"
    assert (
        "make all" in text.split("## What you get")[0]
        and "make test" in text.split("## What you get")[0]
    )


def test_a_column_declared_from_an_unlicensed_source_leaves_the_release(
    built_data, tmp_path, monkeypatch
):
    """Declare a new column of us_state_min_wage as derived from the MTurk pages (no licence):
    rebuild, release, and the column is gone while the package still validates."""
    frictionless = pytest.importorskip("frictionless")
    import shutil

    from ailabor import build, storage
    from ailabor.release import write_release
    from tests.unit.test_pipeline import with_unlicensed_column

    data = tmp_path / "data"
    shutil.copytree(built_data, data)
    monkeypatch.setenv("AILABOR_DATA", str(data))
    with_unlicensed_column(monkeypatch)
    storage.table_paths("us_state_min_wage")["meta"].unlink()  # force the rebuild

    # The builder does not know the new column yet: give it one, as a builder change would.
    real_build = build.producer("us_state_min_wage").build

    def build_with_column():
        frames, report = real_build()
        frames["us_state_min_wage"]["hits_available"] = 1
        return frames, report

    monkeypatch.setattr(build.producer("us_state_min_wage"), "build", build_with_column)
    build.build_all(quiet=True)
    assert "hits_available" in storage.read_table("us_state_min_wage").columns
    res = write_release(tmp_path / "dist")
    pkg = json.loads((res["path"] / "datapackage.json").read_text())
    us = next(r for r in pkg["resources"] if r["name"] == "us_state_min_wage")
    assert "hits_available" not in {f["name"] for f in us["schema"]["fields"]}
    assert "hits_available" not in (res["path"] / us["path"]).read_text().split("\n", 1)[0]
    dropped = [e for e in pkg["ailabor:excluded"] if e["table"] == "us_state_min_wage"]
    assert dropped and dropped[0]["columns"] == ["hits_available"]
    assert frictionless.validate(str(res["path"] / "datapackage.json")).valid
