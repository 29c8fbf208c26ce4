"""The only code that touches the network.

One polite :class:`requests.Session` (named User-Agent, connect and read
timeouts, retries with exponential backoff on 429/5xx that honour
``Retry-After``, a per-host delay) and an atomic streaming download that never
leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ailabor import config
from ailabor.errors import FetchError, OfflineError

MIRROR_HINT = (
    "Set AILABOR_MIRROR to a directory that holds the source files (e.g. "
    "AILABOR_MIRROR=../shared/data/mirror, which `make` sets when that folder exists), "
    "or unset AILABOR_OFFLINE and connect to the internet."
)
RETRY_STATUSES = (429, 500, 502, 503, 504)


def user_agent() -> str:
    from ailabor import __version__

    return config.USER_AGENT.format(version=__version__)


def make_session(
    max_retries: int | None = None, backoff_factor: float = 0.5, max_backoff_s: float = 60.0
) -> requests.Session:
    """A session with a named User-Agent and retries on 429/5xx.

    ``Retry-After`` on 429 and 503 is honoured (urllib3 sleeps for it).
    """
    retries = config.MAX_RETRIES if max_retries is None else max_retries
    retry = Retry(
        total=retries,
        connect=1,  # an unreachable host fails fast; see MIRROR_HINT
        read=1,  # a stalled read is retried once, then reported
        status=retries,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}),
        backoff_factor=backoff_factor,
        backoff_max=max_backoff_s,
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent()
    return session


class _HostThrottle:
    """Waits so that two requests to one host are at least ``delay_s`` apart."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str, delay_s: float) -> None:
        host = urlparse(url).netloc
        with self._lock:
            now = time.monotonic()
            last = self._last.get(host)
            if last is not None and now - last < delay_s:
                time.sleep(delay_s - (now - last))
            self._last[host] = time.monotonic()


_THROTTLE = _HostThrottle()


@dataclass(frozen=True)
class Download:
    """What a download produced."""

    path: Path
    sha256: str
    bytes: int
    http_status: int | None


def atomic_write_from_chunks(dest: Path, chunks, expected_bytes: int | None = None) -> Download:
    """Write ``chunks`` to ``dest`` through a temporary file and a rename.

    The temporary file lives beside ``dest`` and is removed on any error, so
    ``dest`` either holds the whole body or is left as it was.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    tmp = Path(tmp_name)
    digest = hashlib.sha256()
    n = 0
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                if chunk:
                    fh.write(chunk)
                    digest.update(chunk)
                    n += len(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if expected_bytes is not None and n != expected_bytes:
            raise OSError(f"body has {n} bytes, Content-Length said {expected_bytes}")
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return Download(dest, digest.hexdigest(), n, None)


def download(
    url: str,
    dest: Path,
    source_id: str,
    session: requests.Session | None = None,
    timeout: tuple[float, float] | None = None,
    per_host_delay_s: float | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> Download:
    """Stream ``url`` into ``dest`` atomically; every error names source, URL and status."""
    if config.is_offline():
        raise OfflineError(
            source_id, url, "AILABOR_OFFLINE=1 forbids network access. " + MIRROR_HINT
        )
    session = session or make_session()
    timeout = timeout or (config.CONNECT_TIMEOUT_S, config.READ_TIMEOUT_S)
    delay = config.PER_HOST_DELAY_S if per_host_delay_s is None else per_host_delay_s
    _THROTTLE.wait(url, delay)
    try:
        resp = session.get(url, stream=True, timeout=timeout)
    except requests.exceptions.ConnectTimeout as exc:
        raise OfflineError(source_id, url, f"connection timed out ({exc}). " + MIRROR_HINT) from exc
    except requests.exceptions.ReadTimeout as exc:
        raise FetchError(source_id, url, f"read timed out after {timeout[1]} s") from exc
    except requests.exceptions.RetryError as exc:
        raise FetchError(source_id, url, f"gave up after retries: {exc}") from exc
    except requests.exceptions.ConnectionError as exc:
        if "Read timed out" in str(exc):
            raise FetchError(source_id, url, f"read timed out after {timeout[1]} s") from exc
        raise OfflineError(source_id, url, f"network unreachable ({exc}). " + MIRROR_HINT) from exc
    with resp:
        if resp.status_code != 200:
            raise FetchError(
                source_id, url, f"unexpected response: {resp.text[:200]!r}", resp.status_code
            )
        length = resp.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None

        def chunks():
            done = 0
            for chunk in resp.iter_content(chunk_size=1 << 16):
                done += len(chunk)
                if progress:
                    progress(done, expected)
                yield chunk

        try:
            # Content-Encoding would make the byte count differ from Content-Length.
            check = expected if "Content-Encoding" not in resp.headers else None
            result = atomic_write_from_chunks(dest, chunks(), check)
        except (requests.exceptions.RequestException, OSError) as exc:
            reason = str(exc)
            if "timed out" in reason.lower():
                reason = f"read timed out after {timeout[1]} s"
            raise FetchError(
                source_id, url, f"download failed, nothing written: {reason}", resp.status_code
            ) from exc
        return Download(result.path, result.sha256, result.bytes, resp.status_code)
