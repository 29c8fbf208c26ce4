from __future__ import annotations

import csv
import os

from ailabor.sources import get_source, registry
from tests.conftest import HTML_DIR, MIRROR, needs_html, needs_mirror


def test_the_first_round_mirror_sources_are_registered():
    ids = set(registry())
    expected = {
        "w241_pay_experiment",
        "zencrowd",
        "snow2008",
        "wdi_gdp_pc_ppp",
        "wdi_exchange_rate",
        "wdi_country_metadata",
        "wdi_ppp_factor",
        "ilostat_minimum_wage",
        "ilostat_earnings",
        "fed_exchange_rates",
    }
    assert expected <= ids


def test_github_urls_are_pinned_to_a_commit():
    for src in registry().values():
        for f in src.files:
            if "raw.githubusercontent.com" in f.url:
                assert src.upstream_commit and src.upstream_commit in f.url, f.url


@needs_mirror
def test_registry_matches_sources_csv_and_every_mirror_file_exists():
    with open(MIRROR / "SOURCES.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # Follow the index: every source the mirror lists is registered, whatever their number.
    assert {r["source_id"] for r in rows} <= set(registry())
    for row in rows:
        src = get_source(row["source_id"])
        assert src.upstream_commit == row["upstream_commit"]
        for f in src.files:
            assert (MIRROR / f.mirror_path).is_file(), f.mirror_path
            assert f.url.startswith(row["download_url"].split("{upstream_path}")[0])


@needs_mirror
@needs_html
def test_fetch_all_from_mirror_and_cli(tmp_data, monkeypatch, capsys):
    from ailabor import cli

    monkeypatch.setenv("AILABOR_MIRROR", os.pathsep.join(str(p) for p in (MIRROR, HTML_DIR) if p))
    assert cli.main(["fetch", "--quiet"]) == 0
    out = capsys.readouterr().out
    n_files = sum(len(s.files) for s in registry().values())
    assert f"{len(registry())}/{len(registry())} sources complete" in out
    assert f"{n_files} fetched" in out
    metas = list((tmp_data / "raw").rglob("*.meta.json"))
    assert len(metas) == n_files
    assert cli.main(["fetch", "--quiet"]) == 0
    assert f"0 fetched, {n_files} unchanged" in capsys.readouterr().out
