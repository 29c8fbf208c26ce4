"""Shared fixtures: an isolated data directory, the mirror (or a clean skip), and a
scripted HTTP server on 127.0.0.1 for fault-injection tests."""

from __future__ import annotations

import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ailabor import config

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MIRROR = REPO_ROOT.parent / "shared" / "data" / "mirror"
DEFAULT_HTML = REPO_ROOT.parent / "shared" / "html"


def _mirror_root() -> Path | None:
    """The data mirror: the AILABOR_MIRROR directory that holds SOURCES.csv, else ../shared."""
    for p in config.mirror_dirs() or [DEFAULT_MIRROR]:
        if (p / "SOURCES.csv").is_file():
            return p
    return DEFAULT_MIRROR if (DEFAULT_MIRROR / "SOURCES.csv").is_file() else None


def _html_root() -> Path | None:
    """The saved web pages: the AILABOR_MIRROR directory that holds them, else ../shared/html."""
    for p in config.mirror_dirs():
        if (p / "dol-state-minwage-history").is_dir() or (p / "mturk-hitslist").is_dir():
            return p
    return DEFAULT_HTML if DEFAULT_HTML.is_dir() else None


MIRROR = _mirror_root()
HTML_DIR = _html_root()


def mirror_env() -> str:
    """AILABOR_MIRROR as the user gave it (README: `AILABOR_MIRROR=<mirror>:<html> make test`),
    else the folders found beside the checkout."""
    given = os.environ.get("AILABOR_MIRROR", "").strip()
    if given:
        return given
    return os.pathsep.join(str(p) for p in (MIRROR, HTML_DIR) if p is not None)


needs_mirror = pytest.mark.skipif(
    MIRROR is None,
    reason="data mirror absent: set AILABOR_MIRROR to ../shared/data/mirror (CI has it)",
)
needs_html = pytest.mark.skipif(
    HTML_DIR is None, reason="saved web pages absent: ../shared/html is not beside the checkout"
)


@pytest.fixture
def mirror_dir() -> Path:
    if MIRROR is None:
        pytest.skip("data mirror absent: set AILABOR_MIRROR to ../shared/data/mirror (CI has it)")
    return MIRROR


@pytest.fixture
def tmp_data(tmp_path, monkeypatch) -> Path:
    """An empty AILABOR_DATA directory; no mirror, network allowed only to loopback servers."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("AILABOR_DATA", str(d))
    monkeypatch.delenv("AILABOR_MIRROR", raising=False)
    monkeypatch.delenv("AILABOR_OFFLINE", raising=False)
    monkeypatch.setattr(config, "PER_HOST_DELAY_S", 0.0)
    monkeypatch.setattr(config, "CONNECT_TIMEOUT_S", 2.0)
    monkeypatch.setattr(config, "READ_TIMEOUT_S", 2.0)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    return d


@pytest.fixture(scope="session")
def built_data(tmp_path_factory) -> Path:
    """A data directory built once per session from the mirror (skips without it)."""
    if MIRROR is None:
        pytest.skip("data mirror absent: set AILABOR_MIRROR to ../shared/data/mirror (CI has it)")
    d = tmp_path_factory.mktemp("built") / "data"
    d.mkdir()
    old = {k: os.environ.get(k) for k in ("AILABOR_DATA", "AILABOR_MIRROR")}
    os.environ["AILABOR_DATA"] = str(d)
    os.environ["AILABOR_MIRROR"] = mirror_env()
    try:
        from ailabor.fetch import fetch_sources
        from ailabor.sources import registry

        results = fetch_sources(list(registry().values()), progress=False)
        failed = [r for r in results if r.status == "failed"]
        assert not failed, failed
        from ailabor import build

        build.build_all(quiet=True)
        yield d
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class ScriptedServer:
    """A threaded HTTP server on 127.0.0.1 that plays a script of responses per path.

    Each script step is a dict: ``status`` (default 200), ``headers``, ``body`` (bytes),
    and a fault: ``stall_s`` (sleep before answering), ``cut_after`` (send the headers
    with the full Content-Length, then only this many body bytes, then close),
    ``chunked_cut`` (chunked body closed mid-stream).
    """

    def __init__(self) -> None:
        self.scripts: dict[str, list[dict]] = {}
        self.hits: dict[str, int] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):  # noqa: N802 (http.server API)
                outer.hits[self.path] = outer.hits.get(self.path, 0) + 1
                script = outer.scripts.get(self.path)
                if not script:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                step = script.pop(0) if len(script) > 1 else script[0]
                if step.get("stall_s"):
                    time.sleep(step["stall_s"])
                body = step.get("body", b"")
                self.send_response(step.get("status", 200))
                for k, v in step.get("headers", {}).items():
                    self.send_header(k, v)
                if step.get("chunked_cut"):
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    part = body[: len(body) // 2]
                    self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_header("Content-Length", str(len(body)))
                if "cut_after" in step:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: step["cut_after"]])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.end_headers()
                if step.get("stall_body_s"):
                    self.wfile.write(body[:10])
                    self.wfile.flush()
                    time.sleep(step["stall_body_s"])
                    body = body[10:]
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path


@pytest.fixture
def http_server():
    srv = ScriptedServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


class StallServer:
    """A TCP server on 127.0.0.1 that accepts every connection and never answers
    (a stalled host, or a stalled proxy when used as HTTPS_PROXY/HTTP_PROXY)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted.append(conn)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=2)
        for c in self.accepted:
            c.close()
        self.sock.close()


@pytest.fixture
def stall_server():
    srv = StallServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.close()
