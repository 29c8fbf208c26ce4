"""Issue 11, item 1: a network that stalls is given up on fast, once per host or proxy."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from ailabor import config
from ailabor.fetch import fetch_sources
from ailabor.sources import Source, SourceFile


def _source(sid: str, urls: list[str]) -> Source:
    return Source(
        source_id=sid,
        title="t",
        publisher="p",
        licence="CC0",
        is_redistributable=True,
        publisher_url=urls[0],
        files=tuple(
            SourceFile(name=f"f{i}.csv", url=u, mirror_path=f"{sid}/f{i}.csv")
            for i, u in enumerate(urls)
        ),
    )


def _fast(monkeypatch, seconds: float = 0.5) -> None:
    monkeypatch.setattr(config, "CONNECT_TIMEOUT_S", seconds)
    monkeypatch.setattr(config, "READ_TIMEOUT_S", seconds)


def test_stalled_host_is_tried_once_and_the_message_says_how_long(
    tmp_data, stall_server, monkeypatch
):
    _fast(monkeypatch)
    a = _source("srca", [stall_server.url + f"/a{i}" for i in range(3)])
    b = _source("srcb", [stall_server.url + "/b"])
    t0 = time.monotonic()
    results = fetch_sources([a, b], progress=False)
    elapsed = time.monotonic() - t0
    assert elapsed < 3, elapsed
    assert [r.status for r in results] == ["failed", "not tried", "not tried", "not tried"]
    first = results[0].detail
    assert "timed out: no answer from host 127.0.0.1" in first
    assert "after 0.5 s" in first and "read 0.5 s" in first
    assert "not tried again in this run" in first
    assert "stalled earlier in this run (srca)" in results[3].why
    assert len(stall_server.accepted) == 1
    assert not any((tmp_data / "raw").rglob("*.csv"))


def test_stalled_https_proxy_skips_every_host_behind_it(tmp_data, stall_server, monkeypatch):
    _fast(monkeypatch)
    monkeypatch.setenv("HTTPS_PROXY", stall_server.url)
    monkeypatch.setenv("NO_PROXY", "")
    a = _source("srca", ["https://one.example/a.csv", "https://one.example/b.csv"])
    b = _source("srcb", ["https://two.example/c.csv"])
    t0 = time.monotonic()
    results = fetch_sources([a, b], progress=False)
    assert time.monotonic() - t0 < 3
    assert [r.status for r in results] == ["failed", "not tried", "not tried"]
    assert f"no answer from proxy 127.0.0.1:{stall_server.url.rsplit(':', 1)[1]}" in results[0].why
    assert len(stall_server.accepted) == 1


def test_stalled_http_proxy_too(tmp_data, stall_server, monkeypatch):
    _fast(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", stall_server.url)
    monkeypatch.setenv("NO_PROXY", "")
    results = fetch_sources(
        [_source("srca", ["http://one.example/a.csv", "http://two.example/b.csv"])], progress=False
    )
    assert [r.status for r in results] == ["failed", "not tried"]
    assert "proxy" in results[0].why


def test_the_run_deadline_stops_new_downloads(tmp_data, stall_server, monkeypatch):
    _fast(monkeypatch)
    results = fetch_sources(
        [_source("srca", [stall_server.url + "/a"])], progress=False, deadline_s=0
    )
    assert results[0].status == "not tried"
    assert "deadline" in results[0].why
    assert stall_server.accepted == []


def test_whole_fetch_through_a_stalling_proxy_ends_fast_with_one_line_per_source(
    tmp_path, stall_server
):
    env = {
        k: v
        for k, v in os.environ.items()
        if k.upper() not in {"AILABOR_MIRROR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY"}
    }
    env.update(
        AILABOR_DATA=str(tmp_path / "data"),
        HTTPS_PROXY=stall_server.url,
        HTTP_PROXY=stall_server.url,
        AILABOR_CONNECT_TIMEOUT="1",
        AILABOR_READ_TIMEOUT="1",
        AILABOR_PER_HOST_DELAY="0",
    )
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "ailabor.cli", "fetch", "--keep-going", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    assert elapsed < 60, elapsed
    from ailabor.sources import registry

    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("NOT FETCHED ")]
    assert sorted(ln.split()[2] for ln in lines) == sorted(registry())
    assert sum("no answer from proxy" in ln for ln in lines) == 1
    assert proc.stderr.count("Set AILABOR_MIRROR") == 1
    assert "unset AILABOR_OFFLINE" not in proc.stderr
    assert len(stall_server.accepted) == 1
