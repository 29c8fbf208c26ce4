"""Issue 11, item 3: every source file has a pinned sha256; other bytes are refused."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from ailabor import cli
from ailabor.fetch import fetch_source, snapshot_status
from ailabor.sources import Source, SourceFile, get_source, registry
from ailabor.sources.pins import PINS_FILE, load_pins
from tests.conftest import needs_mirror

BODY = b"country,value\n" + b"KEN,1.32\n" * 500


def _source(url: str) -> Source:
    return Source(
        source_id="testsrc",
        title="t",
        publisher="p",
        licence="CC0",
        is_redistributable=True,
        publisher_url=url,
        files=(SourceFile(name="data.csv", url=url, mirror_path="testsrc/data.csv"),),
    )


@pytest.fixture
def pins(tmp_path, monkeypatch):
    p = tmp_path / "pins.csv"
    sha = hashlib.sha256(BODY).hexdigest()
    p.write_text(f"source_id,name,sha256,bytes\ntestsrc,data.csv,{sha},{len(BODY)}\n")
    monkeypatch.setenv("AILABOR_PINS", str(p))
    return p


def test_every_registered_file_is_pinned():
    pinned = set(load_pins())
    missing = [
        (s.source_id, f.name)
        for s in registry().values()
        for f in s.files
        if (s.source_id, f.name) not in pinned
    ]
    assert missing == [], f"run `ailabor pin` for {missing}"
    assert PINS_FILE.read_text().splitlines()[1:] == sorted(PINS_FILE.read_text().splitlines()[1:])


def test_a_truncated_mirror_copy_is_refused_and_nothing_written(
    tmp_data, tmp_path, monkeypatch, pins
):
    mirror = tmp_path / "mirror"
    (mirror / "testsrc").mkdir(parents=True)
    (mirror / "testsrc" / "data.csv").write_bytes(BODY[:2000])
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror))
    [res] = fetch_source(_source("http://127.0.0.1:9/unused"), progress=False)
    assert res.status == "failed"
    good, bad = hashlib.sha256(BODY).hexdigest(), hashlib.sha256(BODY[:2000]).hexdigest()
    assert "data.csv" in res.detail and good in res.detail and bad in res.detail
    assert "ailabor pin testsrc" in res.detail
    assert not [p for p in (tmp_data / "raw").rglob("*") if p.is_file()]


def test_a_download_that_differs_from_its_pin_is_refused(tmp_data, http_server, pins):
    http_server.scripts["/f"] = [{"body": BODY.replace(b"1.32", b"9.99")}]
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "failed" and "differs from the pinned" in res.detail
    assert not any((tmp_data / "raw").rglob("*.csv"))
    http_server.scripts["/f"] = [{"body": BODY}]
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "fetched" and res.is_pinned


def test_a_snapshot_that_differs_from_its_pin_counts_as_corrupt(
    tmp_data, http_server, pins, monkeypatch
):
    http_server.scripts["/f"] = [{"body": BODY}]
    src = _source(http_server.url("/f"))
    fetch_source(src, progress=False)
    assert snapshot_status(src) == "complete"
    pins.write_text(f"source_id,name,sha256,bytes\ntestsrc,data.csv,{'0' * 64},{len(BODY)}\n")
    assert snapshot_status(src) == "corrupt"


def test_unpinned_source_is_fetched_with_a_warning_naming_the_command(
    tmp_data, tmp_path, monkeypatch, capsys
):
    empty = tmp_path / "pins.csv"
    empty.write_text("source_id,name,sha256,bytes\n")
    monkeypatch.setenv("AILABOR_PINS", str(empty))
    mirror = tmp_path / "mirror"
    (mirror / "dol_state_minwage").mkdir(parents=True)
    (mirror / "dol_state_minwage" / "raw_data.html").write_text("<html>page</html>")
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror))
    assert cli.main(["fetch", "dol_state_minwage"]) == 0
    err = capsys.readouterr().err
    assert "no pinned sha256 yet for dol_state_minwage" in err
    assert "`ailabor pin dol_state_minwage`" in err


def test_pin_command_rewrites_only_the_named_source(tmp_data, tmp_path, monkeypatch, capsys):
    copy = tmp_path / "pins.csv"
    shutil.copyfile(PINS_FILE, copy)
    monkeypatch.setenv("AILABOR_PINS", str(copy))
    mirror = tmp_path / "mirror"
    (mirror / "dol_state_minwage").mkdir(parents=True)
    page = b"<html>a re-vintaged page</html>"
    (mirror / "dol_state_minwage" / "raw_data.html").write_bytes(page)
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror))
    assert cli.main(["fetch", "dol_state_minwage"]) == 1  # refused: differs from the pin
    assert "differs from the pinned" in capsys.readouterr().err
    assert cli.main(["pin", "dol_state_minwage"]) == 0
    before = [ln for ln in PINS_FILE.read_text().splitlines() if not ln.startswith("dol_state")]
    after = copy.read_text().splitlines()
    assert [ln for ln in after if not ln.startswith("dol_state")] == before
    assert (
        f"dol_state_minwage,raw_data.html,{hashlib.sha256(page).hexdigest()},{len(page)}" in after
    )
    assert cli.main(["fetch", "dol_state_minwage"]) == 0
    assert snapshot_status(get_source("dol_state_minwage")) == "complete"


@needs_mirror
def test_truncated_zencrowd_in_a_mirror_folder_is_refused(
    tmp_data, tmp_path, mirror_dir, monkeypatch
):
    """The issue's reproduction: ZenCrowd_us.csv cut to 6,000 lines."""
    m = tmp_path / "mirror" / "zencrowd"
    m.mkdir(parents=True)
    for name in ("ZenCrowd_in.csv", "LICENSE"):
        shutil.copyfile(mirror_dir / "zencrowd" / name, m / name)
    lines = (mirror_dir / "zencrowd" / "ZenCrowd_us.csv").read_bytes().splitlines(keepends=True)
    (m / "ZenCrowd_us.csv").write_bytes(b"".join(lines[:6000]))
    monkeypatch.setenv("AILABOR_MIRROR", str(tmp_path / "mirror"))
    results = {r.name: r for r in fetch_source(get_source("zencrowd"), progress=False)}
    assert results["ZenCrowd_us.csv"].status == "failed"
    assert "ZenCrowd_us.csv: sha256" in results["ZenCrowd_us.csv"].detail
    assert not (tmp_data / "raw" / "zencrowd" / "ZenCrowd_us.csv").exists()
    assert snapshot_status(get_source("zencrowd")) == "partial (2/3)"


def test_pin_refresh_redownloads_a_live_page_and_pins_it(
    tmp_data, tmp_path, http_server, monkeypatch, capsys
):
    """The DOL page is a live URL: `ailabor pin dol_state_minwage --refresh` accepts a new page."""
    import dataclasses

    from ailabor.sources import dol_minwage

    copy = tmp_path / "pins.csv"
    shutil.copyfile(PINS_FILE, copy)
    monkeypatch.setenv("AILABOR_PINS", str(copy))
    page = b"<html>the page as served today</html>"
    http_server.scripts["/history"] = [{"body": page}]
    f = dataclasses.replace(dol_minwage.SOURCE.files[0], url=http_server.url("/history"))
    monkeypatch.setattr(
        dol_minwage, "SOURCES", (dataclasses.replace(dol_minwage.SOURCE, files=(f,)),)
    )
    assert cli.main(["fetch", "dol_state_minwage"]) == 1  # refused by the old pin
    assert cli.main(["pin", "dol_state_minwage", "--refresh"]) == 0
    assert (
        f"dol_state_minwage,raw_data.html,{hashlib.sha256(page).hexdigest()},{len(page)}"
        in copy.read_text()
    )
    assert (tmp_data / "raw" / "dol_state_minwage" / "raw_data.html").read_bytes() == page
    assert cli.main(["fetch", "dol_state_minwage"]) == 0
