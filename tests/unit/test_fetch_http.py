"""Fault injection against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from ailabor import cli
from ailabor.errors import FetchError, OfflineError
from ailabor.fetch import fetch_source
from ailabor.http import download, make_session
from ailabor.provenance import read_meta
from ailabor.sources import Source, SourceFile
from ailabor.storage import sha256_file

BODY = b"country,value\n" + b"KEN,1.32\n" * 500


def _source(url: str, name: str = "data.csv") -> Source:
    return Source(
        source_id="testsrc",
        title="test",
        publisher="test",
        licence="CC0",
        is_redistributable=True,
        publisher_url=url,
        files=(SourceFile(name=name, url=url, mirror_path=f"testsrc/{name}"),),
    )


def _files_under(d):
    return sorted(p.name for p in d.rglob("*") if p.is_file())


def test_500_then_200_is_retried_and_succeeds(tmp_data, http_server):
    http_server.scripts["/f"] = [{"status": 500, "body": b"oops"}, {"body": BODY}]
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "fetched"
    assert http_server.hits["/f"] == 2
    path = tmp_data / "raw" / "testsrc" / "data.csv"
    assert path.read_bytes() == BODY
    meta = read_meta(path)
    assert meta.sha256 == sha256_file(path)
    assert meta.bytes == len(BODY)
    assert meta.http_status == 200
    assert meta.url == http_server.url("/f")
    assert meta.licence == "CC0"


def test_429_with_retry_after_waits_then_succeeds(tmp_data, http_server):
    http_server.scripts["/f"] = [
        {"status": 429, "headers": {"Retry-After": "1"}, "body": b"slow down"},
        {"body": BODY},
    ]
    t0 = time.monotonic()
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "fetched"
    assert time.monotonic() - t0 >= 0.95
    assert http_server.hits["/f"] == 2


def test_persistent_500_names_source_url_and_status(tmp_data, http_server):
    http_server.scripts["/f"] = [{"status": 503, "body": b"down"}]
    url = http_server.url("/f")
    with pytest.raises(FetchError) as exc:
        download(
            url,
            tmp_data / "x.csv",
            "testsrc",
            session=make_session(max_retries=1, backoff_factor=0),
        )
    msg = str(exc.value)
    assert "testsrc" in msg and url in msg and "503" in msg
    assert _files_under(tmp_data) == []


def test_connection_closed_mid_body_leaves_no_file(tmp_data, http_server):
    http_server.scripts["/f"] = [{"body": BODY, "chunked_cut": True}]
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "failed"
    assert "testsrc" in res.detail and http_server.url("/f") in res.detail
    assert _files_under(tmp_data) == []


def test_body_shorter_than_content_length_leaves_no_file(tmp_data, http_server):
    http_server.scripts["/f"] = [{"body": BODY, "cut_after": 100}]
    with pytest.raises(FetchError) as exc:
        download(http_server.url("/f"), tmp_data / "raw" / "x.csv", "testsrc")
    assert "nothing written" in str(exc.value)
    assert _files_under(tmp_data) == []


@pytest.mark.parametrize(
    "fault", [{"stall_s": 1.5}, {"stall_body_s": 1.5}], ids=["before-headers", "mid-body"]
)
def test_stall_past_read_timeout_is_a_clean_timeout(tmp_data, http_server, fault):
    http_server.scripts["/f"] = [{"body": BODY, **fault}]
    with pytest.raises(FetchError) as exc:
        download(
            http_server.url("/f"),
            tmp_data / "raw" / "x.csv",
            "testsrc",
            session=make_session(max_retries=0),
            timeout=(2, 0.3),
        )
    assert "timed out" in str(exc.value)
    assert _files_under(tmp_data) == []


def test_unchanged_file_is_not_fetched_again(tmp_data, http_server):
    http_server.scripts["/f"] = [{"body": BODY}]
    src = _source(http_server.url("/f"))
    assert fetch_source(src, progress=False)[0].status == "fetched"
    assert fetch_source(src, progress=False)[0].status == "unchanged"
    assert http_server.hits["/f"] == 1
    assert fetch_source(src, force=True, progress=False)[0].status == "fetched"
    assert http_server.hits["/f"] == 2


def test_offline_fails_fast_and_explains_the_mirror(tmp_data, monkeypatch, http_server):
    monkeypatch.setenv("AILABOR_OFFLINE", "1")
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "failed"
    assert "AILABOR_MIRROR" in res.detail
    assert http_server.hits == {}


def test_unreachable_host_is_reported_as_offline(tmp_data):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens on this port now
    with pytest.raises(OfflineError) as exc:
        download(f"http://127.0.0.1:{port}/f", tmp_data / "x", "testsrc", session=make_session(0))
    assert "AILABOR_MIRROR" in str(exc.value)


def test_mirror_is_used_before_the_network(tmp_data, tmp_path, monkeypatch, http_server):
    mirror = tmp_path / "mirror"
    (mirror / "testsrc").mkdir(parents=True)
    (mirror / "testsrc" / "data.csv").write_bytes(BODY)
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror))
    [res] = fetch_source(_source(http_server.url("/f")), progress=False)
    assert res.status == "fetched"
    assert res.fetched_from == str(mirror / "testsrc" / "data.csv")
    assert http_server.hits == {}
    meta = read_meta(tmp_data / "raw" / "testsrc" / "data.csv")
    assert meta.http_status is None and meta.url == http_server.url("/f")


def test_verify_names_a_corrupted_snapshot(tmp_data, tmp_path, monkeypatch, capsys):
    mirror = tmp_path / "mirror"
    (mirror / "testsrc").mkdir(parents=True)
    (mirror / "testsrc" / "data.csv").write_bytes(BODY)
    monkeypatch.setenv("AILABOR_MIRROR", str(mirror))
    fetch_source(_source("http://127.0.0.1:9/unused"), progress=False)
    assert cli.main(["verify"]) == 0
    snap = tmp_data / "raw" / "testsrc" / "data.csv"
    snap.write_bytes(BODY.replace(b"1.32", b"9.99"))
    assert cli.main(["verify"]) == 1
    err = capsys.readouterr().err
    assert "CORRUPT" in err and str(snap) in err and "sha256 mismatch" in err
