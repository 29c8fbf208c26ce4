"""The only code that touches the network.

One polite :class:`requests.Session` (named User-Agent, connect and read
timeouts, retries with exponential backoff on 429/5xx that honour
``Retry-After``, a per-host delay) and an atomic streaming download that never
leaves a half-written file behind.
"""

from __future__ import annotations

import hashlib
import os
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
from ailabor.storage import atomic_write


def mirror_hint() -> str:
    """The one thing to do when sources could not be reached (says only what applies)."""
    net = (
        "or unset AILABOR_OFFLINE (it forbids the network)"
        if config.is_offline()
        else "or connect to the internet"
    )
    return (
        "Set AILABOR_MIRROR to a directory that holds the source files (e.g. "
        "AILABOR_MIRROR=../shared/data/mirror, which `make` sets when that folder exists), "
        f"{net}, then run `make all` again."
    )


MIRROR_HINT = mirror_hint()  # kept for callers of the old constant; prefer mirror_hint()
RETRY_STATUSES = (429, 500, 502, 503, 504)


def user_agent() -> str:
    from ailabor.version import __version__

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
        # Timeouts and dropped connections are not retried: a host that stalled once is
        # reported at once and not tried again in the run (see ailabor.fetch).
        connect=0,
        read=0,
        other=0,
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


def host_key(url: str) -> str:
    """What a stall is blamed on: the proxy that ``url`` goes through, else its host.

    Proxies come from the environment (``HTTPS_PROXY``, ``HTTP_PROXY``, ``NO_PROXY``),
    as requests uses them, so a stalling proxy is skipped for every host behind it.
    """
    proxies = requests.utils.get_environ_proxies(url)
    scheme = urlparse(url).scheme
    proxy = proxies.get(scheme) or proxies.get("all")
    if proxy:
        return f"proxy {urlparse(proxy).netloc or proxy}"
    return urlparse(url).netloc


class StalledError(FetchError):
    """The host (or proxy) accepted the connection, or did not refuse it, and then said
    nothing within the timeout. ``host`` is what the rest of the run will skip."""

    def __init__(self, source_id: str, url: str, host: str, reason: str):
        self.host = host
        super().__init__(source_id, url, reason)


class DeadlineError(FetchError):
    """The wall-clock budget of the fetch run ran out."""


@dataclass(frozen=True)
class Download:
    """What a download produced."""

    path: Path
    sha256: str
    bytes: int
    http_status: int | None


def atomic_write_from_chunks(
    dest: Path, chunks, expected_bytes: int | None = None, accept=None
) -> Download:
    """Write ``chunks`` to ``dest`` atomically (:func:`ailabor.storage.atomic_write`), so
    ``dest`` either holds the whole body or is left as it was. ``accept``, if given, is called
    with the :class:`Download` (sha256, bytes) before the rename and may raise to refuse the
    bytes (see the pins in :mod:`ailabor.sources.pins`).
    """
    got: list[Download] = []

    def write(tmp: Path) -> None:
        digest, n = hashlib.sha256(), 0
        with open(tmp, "wb") as fh:
            for chunk in chunks:
                if chunk:
                    fh.write(chunk)
                    digest.update(chunk)
                    n += len(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if expected_bytes is not None and n != expected_bytes:
            raise OSError(f"body has {n} bytes, Content-Length said {expected_bytes}")
        got.append(Download(dest, digest.hexdigest(), n, None))
        if accept is not None:
            accept(got[0])

    atomic_write(dest, write)
    return got[0]


def _is_timeout(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, requests.exceptions.Timeout) or "timed out" in text


def download(
    url: str,
    dest: Path,
    source_id: str,
    session: requests.Session | None = None,
    timeout: tuple[float, float] | None = None,
    per_host_delay_s: float | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    deadline: float | None = None,
    accept=None,
) -> Download:
    """Stream ``url`` into ``dest`` atomically; every error names source, URL and status.

    ``deadline`` is a :func:`time.monotonic` time after which no byte is waited for
    (the budget of a whole fetch run). A host or proxy that says nothing within the
    timeouts raises :class:`StalledError` with the time actually waited.
    ``accept`` is passed to :func:`atomic_write_from_chunks`.
    """
    if config.is_offline():
        raise OfflineError(
            source_id, url, "AILABOR_OFFLINE=1 forbids network access. " + mirror_hint()
        )
    session = session or make_session()
    connect_s, read_s = timeout or (config.CONNECT_TIMEOUT_S, config.READ_TIMEOUT_S)
    if deadline is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise DeadlineError(source_id, url, "not tried: the fetch run's deadline has passed")
        connect_s, read_s = min(connect_s, left), min(read_s, left)
    host = host_key(url)
    via = host if host.startswith("proxy") else f"host {host}"
    delay = config.PER_HOST_DELAY_S if per_host_delay_s is None else per_host_delay_s
    _THROTTLE.wait(url, delay)
    t0 = time.monotonic()

    def stalled(what: str) -> StalledError:
        return StalledError(
            source_id,
            url,
            host,
            f"{what}: no answer from {via} after {time.monotonic() - t0:.1f} s "
            f"(timeouts: connect {connect_s:g} s, read {read_s:g} s); "
            f"{via} is not tried again in this run",
        )

    try:
        resp = session.get(url, stream=True, timeout=(connect_s, read_s))
    except requests.exceptions.RetryError as exc:
        raise FetchError(source_id, url, f"gave up after retries: {exc}") from exc
    except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as exc:
        if _is_timeout(exc):
            raise stalled("timed out") from exc
        raise OfflineError(
            source_id, url, f"network unreachable ({exc}). " + mirror_hint()
        ) from exc
    except requests.exceptions.RequestException as exc:
        raise FetchError(source_id, url, f"request failed: {exc}") from exc
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
                if deadline is not None and time.monotonic() > deadline:
                    raise DeadlineError(
                        source_id,
                        url,
                        "download stopped, nothing written: the fetch run's deadline passed",
                    )
                yield chunk

        try:
            # Content-Encoding would make the byte count differ from Content-Length.
            check = expected if "Content-Encoding" not in resp.headers else None
            result = atomic_write_from_chunks(dest, chunks(), check, accept=accept)
        except (requests.exceptions.RequestException, OSError) as exc:
            if _is_timeout(exc):
                raise stalled("timed out mid-body, nothing written") from exc
            raise FetchError(
                source_id, url, f"download failed, nothing written: {exc}", resp.status_code
            ) from exc
        return Download(result.path, result.sha256, result.bytes, resp.status_code)
