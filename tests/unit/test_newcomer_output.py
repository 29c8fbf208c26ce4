"""Issue 11, item 9: one concise summary; each hint once; only hints that apply."""

from __future__ import annotations

import re
import socket

from ailabor import cli
from ailabor.sources import registry


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_unreachable_network_one_line_per_source_and_the_hint_once(tmp_data, monkeypatch, capsys):
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("NO_PROXY", "")
    assert cli.main(["fetch", "--keep-going"]) == 0  # not --quiet: still no stray bar
    out, err = capsys.readouterr()
    lines = [ln for ln in err.splitlines() if ln.startswith("NOT FETCHED ")]
    assert sorted(ln.split()[2] for ln in lines) == sorted(registry())
    assert err.count("Set AILABOR_MIRROR") == 1
    assert "unset AILABOR_OFFLINE" not in err
    assert "B/s" not in err and "0.00B" not in err
    assert out.startswith(f"fetch: 0/{len(registry())} sources complete")


def test_offline_hint_mentions_ailabor_offline_only_when_it_is_set(tmp_data, monkeypatch, capsys):
    monkeypatch.setenv("AILABOR_OFFLINE", "1")
    assert cli.main(["fetch", "--keep-going", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.count("unset AILABOR_OFFLINE") == 1


def test_build_lists_each_skipped_table_once_and_summary_names_the_one_thing_to_do(
    tmp_data, monkeypatch, capsys
):
    monkeypatch.setenv("AILABOR_OFFLINE", "1")
    assert cli.main(["build"]) == 1
    out, err = capsys.readouterr()
    assert err.count("NOT BUILT country_year") == 1
    assert "NOT BUILT" not in out
    assert "run `ailabor fetch`" not in err + out
    assert err.count("Set AILABOR_MIRROR") == 1
    assert cli.main(["build", "--keep-going", "--quiet"]) == 0
    capsys.readouterr()
    fig = tmp_data / "fig.png"
    assert cli.main(["summary", str(fig)]) == 0
    out = capsys.readouterr().out
    assert re.match(
        r"summary: 3/\d+ tables built, 0/1 figures and paper made\.$", out.splitlines()[0]
    )
    assert out.count("to do:") == 1 and "unset AILABOR_OFFLINE" in out
    assert cli.main(["summary", "--strict", str(fig)]) == 1
