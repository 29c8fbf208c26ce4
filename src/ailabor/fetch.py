"""Fetch every registered source into ``data/raw/<source_id>/`` with provenance.

Each file comes from the first mirror directory that holds it
(``AILABOR_MIRROR``), else from its canonical URL, and must have the sha256
pinned for it in ``sources/pins.csv``. Snapshots are written atomically with a
``.meta.json`` sidecar; a file that is already there and unchanged is not
fetched again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import requests
from tqdm.auto import tqdm

from ailabor import config
from ailabor.errors import FetchError, OfflineError, PinMismatchError
from ailabor.http import StalledError, atomic_write_from_chunks, download, host_key, make_session
from ailabor.provenance import SnapshotMeta, portable_origin, read_meta, verify_snapshot
from ailabor.provenance import write_meta as _write_meta
from ailabor.sources import Source, SourceFile
from ailabor.sources.pins import check_pin, pin_for
from ailabor.storage import sha256_file, utc_now


@dataclass(frozen=True)
class FetchResult:
    source_id: str
    name: str
    status: str  # "fetched" | "unchanged" | "failed" | "not tried"
    fetched_from: str
    detail: str = ""
    why: str = ""  # the reason in a few words, for one line per source
    is_pinned: bool = True


def find_in_mirror(source: Source, f: SourceFile, mirrors: list[Path] | None = None) -> Path | None:
    """The mirror copy of ``f``: ``<mirror>/<mirror_path>`` or ``<mirror>/<source_id>/<name>``."""
    for root in config.mirror_dirs() if mirrors is None else mirrors:
        for cand in (root / f.mirror_path, root / source.source_id / f.name):
            if cand.is_file():
                return cand
    return None


def _copy_file(src: Path, dest: Path, accept=None) -> str:
    def chunks():
        with open(src, "rb") as fh:
            yield from iter(lambda: fh.read(1 << 20), b"")

    return atomic_write_from_chunks(dest, chunks(), src.stat().st_size, accept=accept).sha256


def _version() -> str:
    from ailabor.version import __version__

    return __version__


def _pin_check(source: Source, f: SourceFile, origin: str, use_pins: bool):
    """A check, run before the rename, that refuses bytes which differ from the pin."""
    pin = pin_for(source.source_id, f.name) if use_pins else None

    def accept(got) -> None:
        check_pin(pin, source.source_id, f.name, got.sha256, got.bytes, origin)

    return accept


def fetch_file(
    source: Source,
    f: SourceFile,
    force: bool = False,
    session: requests.Session | None = None,
    progress: bool = True,
    deadline: float | None = None,
    use_pins: bool = True,
    use_mirror: bool = True,
) -> FetchResult:
    """Fetch one file of a source (mirror first, then URL); no work if unchanged.

    The bytes must match the file's pin (:mod:`ailabor.sources.pins`), else a
    :class:`~ailabor.errors.PinMismatchError` is raised and nothing is written.
    ``use_pins=False`` and ``use_mirror=False`` are for ``ailabor pin --refresh``.
    """
    dest = source.raw_dir / f.name
    mirror_copy = find_in_mirror(source, f) if use_mirror else None
    pin = pin_for(source.source_id, f.name) if use_pins else None
    is_pinned = pin is not None or not use_pins
    meta = read_meta(dest) if dest.exists() else None
    if (
        meta is not None
        and not force
        and verify_snapshot(dest).ok
        and (pin is None or pin.sha256 == meta.sha256)
    ):
        if mirror_copy is not None:
            if sha256_file(mirror_copy) == meta.sha256:
                return FetchResult(
                    source.source_id, f.name, "unchanged", str(mirror_copy), is_pinned=is_pinned
                )
        elif meta.url == f.url:
            # URLs are pinned to a commit (or the bytes to a sha256): nothing to do.
            return FetchResult(
                source.source_id, f.name, "unchanged", meta.fetched_from, is_pinned=is_pinned
            )

    if mirror_copy is not None:
        accept = _pin_check(source, f, str(mirror_copy), use_pins)
        digest = _copy_file(mirror_copy, dest, accept=accept)
        fetched_from, status = str(mirror_copy), None
        size = dest.stat().st_size
    else:
        accept = _pin_check(source, f, f.url, use_pins)
        bar = None

        def on_progress(done: int, total: int | None) -> None:
            # The bar appears with the first byte, on a terminal only: no stray
            # "0.00B" bar for a request that failed, none in logs.
            nonlocal bar
            if not progress:
                return
            if bar is None:
                bar = tqdm(
                    desc=f"{source.source_id}/{f.name}",
                    unit="B",
                    unit_scale=True,
                    leave=False,
                    disable=None,
                )
            bar.total = total
            bar.n = done
            bar.refresh()

        try:
            got = download(
                f.url,
                dest,
                source.source_id,
                session=session,
                progress=on_progress,
                deadline=deadline,
                accept=accept,
            )
        finally:
            if bar is not None:
                bar.close()
        digest, fetched_from, status, size = got.sha256, f.url, got.http_status, got.bytes

    _write_meta(
        dest,
        SnapshotMeta(
            source_id=source.source_id,
            url=f.url,
            fetched_from=portable_origin(fetched_from),
            retrieved_at=utc_now(honour_source_date_epoch=False),
            sha256=digest,
            bytes=size,
            licence=source.licence,
            http_status=status,
            ailabor_version=_version(),
        ),
    )
    return FetchResult(source.source_id, f.name, "fetched", fetched_from, is_pinned=is_pinned)


def fetch_sources(
    sources: list[Source],
    force: bool = False,
    session: requests.Session | None = None,
    progress: bool = True,
    deadline_s: float | None = None,
    use_pins: bool = True,
    use_mirror: bool = True,
) -> list[FetchResult]:
    """Fetch every file of ``sources``; a failing file is reported, the rest still fetched.

    Fails fast on a bad network, file by file:

    - after the first :class:`OfflineError` the network is not tried again in this
      call (files still come from the mirror);
    - a host or proxy that stalled once (:class:`StalledError`) is not tried again;
    - after ``deadline_s`` seconds (``AILABOR_FETCH_DEADLINE``) no download starts.

    Files that are not tried are reported with the reason, once each.
    """
    session = session or make_session()
    deadline = time.monotonic() + (config.FETCH_DEADLINE_S if deadline_s is None else deadline_s)
    results: list[FetchResult] = []
    offline: OfflineError | None = None
    stalled: dict[str, str] = {}  # host key -> the source whose file stalled there
    for source in sources:
        for f in source.files:
            in_mirror = use_mirror and find_in_mirror(source, f) is not None
            skip_why = None
            if not in_mirror:
                key = host_key(f.url)
                if offline is not None:
                    skip_why = "not tried: the network is unreachable or forbidden"
                elif key in stalled:
                    skip_why = f"not tried: {key} stalled earlier in this run ({stalled[key]})"
                elif time.monotonic() >= deadline:
                    skip_why = "not tried: the fetch run's deadline passed (AILABOR_FETCH_DEADLINE)"
            if skip_why is not None:
                dest = source.raw_dir / f.name
                if dest.exists() and verify_snapshot(dest).ok and _matches_pin(source, f.name):
                    results.append(FetchResult(source.source_id, f.name, "unchanged", str(dest)))
                else:
                    why = f"[{source.source_id}] {f.url}: {skip_why}"
                    results.append(
                        FetchResult(source.source_id, f.name, "not tried", f.url, why, skip_why)
                    )
                continue
            try:
                results.append(
                    fetch_file(
                        source,
                        f,
                        force=force,
                        session=session,
                        progress=progress,
                        deadline=deadline,
                        use_pins=use_pins,
                        use_mirror=use_mirror,
                    )
                )
            except OfflineError as exc:
                offline = exc
                results.append(_failed(source, f, exc, "the network is unreachable or forbidden"))
            except StalledError as exc:
                stalled[exc.host] = source.source_id
                results.append(_failed(source, f, exc, exc.reason))
            except PinMismatchError as exc:
                results.append(
                    _failed(source, f, exc, f"{f.name}: bytes differ from the pinned sha256")
                )
            except FetchError as exc:
                results.append(_failed(source, f, exc, exc.reason))
    return results


def _failed(source: Source, f: SourceFile, exc: Exception, why: str) -> FetchResult:
    return FetchResult(source.source_id, f.name, "failed", f.url, str(exc), why)


def _matches_pin(source: Source, name: str) -> bool:
    pin = pin_for(source.source_id, name)
    if pin is None:
        return True
    meta = read_meta(source.raw_dir / name)
    return meta is not None and meta.sha256 == pin.sha256


def fetch_source(source: Source, **kwargs) -> list[FetchResult]:
    """Fetch every file of one source (see :func:`fetch_sources`)."""
    return fetch_sources([source], **kwargs)


def snapshot_status(source: Source) -> str:
    """``complete``, ``partial (k/n)``, ``missing`` or ``corrupt`` for a source's snapshots.

    A snapshot is corrupt when its bytes differ from its sidecar or from its pin.
    """
    present = [source.raw_dir / f.name for f in source.files if (source.raw_dir / f.name).exists()]
    if not present:
        return "missing"
    if any(not verify_snapshot(p).ok for p in present):
        return "corrupt"
    if any(not _matches_pin(source, p.name) for p in present):
        return "corrupt"
    if len(present) < len(source.files):
        return f"partial ({len(present)}/{len(source.files)})"
    return "complete"
