"""Fetch every registered source into ``data/raw/<source_id>/`` with provenance.

Each file comes from the first mirror directory that holds it
(``AILABOR_MIRROR``), else from its canonical URL. Snapshots are written
atomically with a ``.meta.json`` sidecar; a file that is already there and
unchanged is not fetched again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import requests
from tqdm.auto import tqdm

from ailabor import config
from ailabor.errors import FetchError, OfflineError
from ailabor.http import atomic_write_from_chunks, download, make_session
from ailabor.provenance import SnapshotMeta, read_meta, sha256_file, utc_now, verify_snapshot
from ailabor.provenance import write_meta as _write_meta
from ailabor.sources import Source, SourceFile


@dataclass(frozen=True)
class FetchResult:
    source_id: str
    name: str
    status: str  # "fetched" | "unchanged" | "failed"
    fetched_from: str
    detail: str = ""


def find_in_mirror(source: Source, f: SourceFile, mirrors: list[Path] | None = None) -> Path | None:
    """The mirror copy of ``f``: ``<mirror>/<mirror_path>`` or ``<mirror>/<source_id>/<name>``."""
    for root in config.mirror_dirs() if mirrors is None else mirrors:
        for cand in (root / f.mirror_path, root / source.source_id / f.name):
            if cand.is_file():
                return cand
    return None


def _copy_file(src: Path, dest: Path) -> str:
    def chunks():
        with open(src, "rb") as fh:
            yield from iter(lambda: fh.read(1 << 20), b"")

    return atomic_write_from_chunks(dest, chunks(), src.stat().st_size).sha256


def _version() -> str:
    from ailabor import __version__

    return __version__


def fetch_file(
    source: Source,
    f: SourceFile,
    force: bool = False,
    session: requests.Session | None = None,
    progress: bool = True,
) -> FetchResult:
    """Fetch one file of a source (mirror first, then URL); no work if unchanged."""
    dest = source.raw_dir / f.name
    mirror_copy = find_in_mirror(source, f)
    meta = read_meta(dest) if dest.exists() else None
    if meta is not None and not force and verify_snapshot(dest).ok:
        if mirror_copy is not None:
            if sha256_file(mirror_copy) == meta.sha256:
                return FetchResult(source.source_id, f.name, "unchanged", str(mirror_copy))
        elif meta.url == f.url:
            # URLs are pinned to a commit: the bytes cannot have changed.
            return FetchResult(source.source_id, f.name, "unchanged", meta.fetched_from)

    if mirror_copy is not None:
        digest = _copy_file(mirror_copy, dest)
        fetched_from, status = str(mirror_copy), None
        size = dest.stat().st_size
    else:
        bar = None
        if progress:
            bar = tqdm(desc=f"{source.source_id}/{f.name}", unit="B", unit_scale=True, leave=False)

        def on_progress(done: int, total: int | None) -> None:
            if bar is not None:
                bar.total = total
                bar.n = done
                bar.refresh()

        try:
            got = download(f.url, dest, source.source_id, session=session, progress=on_progress)
        finally:
            if bar is not None:
                bar.close()
        digest, fetched_from, status, size = got.sha256, f.url, got.http_status, got.bytes

    _write_meta(
        dest,
        SnapshotMeta(
            source_id=source.source_id,
            url=f.url,
            fetched_from=fetched_from,
            retrieved_at=utc_now(),
            sha256=digest,
            bytes=size,
            licence=source.licence,
            http_status=status,
            ailabor_version=_version(),
        ),
    )
    return FetchResult(source.source_id, f.name, "fetched", fetched_from)


def fetch_sources(
    sources: list[Source],
    force: bool = False,
    session: requests.Session | None = None,
    progress: bool = True,
) -> list[FetchResult]:
    """Fetch every file of ``sources``; a failing file is reported, the rest still fetched.

    After the first :class:`OfflineError` the network is not tried again in this
    call (files still come from the mirror), so an offline machine fails fast.
    """
    session = session or make_session()
    results = []
    offline: OfflineError | None = None
    for source in sources:
        for f in source.files:
            if offline is not None and find_in_mirror(source, f) is None:
                dest = source.raw_dir / f.name
                if dest.exists() and verify_snapshot(dest).ok:
                    results.append(FetchResult(source.source_id, f.name, "unchanged", str(dest)))
                else:
                    why = f"[{source.source_id}] {f.url}: not tried: the network is unreachable or forbidden"
                    results.append(FetchResult(source.source_id, f.name, "failed", f.url, why))
                continue
            try:
                results.append(
                    fetch_file(source, f, force=force, session=session, progress=progress)
                )
            except OfflineError as exc:
                offline = exc
                results.append(FetchResult(source.source_id, f.name, "failed", f.url, str(exc)))
            except FetchError as exc:
                results.append(FetchResult(source.source_id, f.name, "failed", f.url, str(exc)))
    return results


def fetch_source(source: Source, **kwargs) -> list[FetchResult]:
    """Fetch every file of one source (see :func:`fetch_sources`)."""
    return fetch_sources([source], **kwargs)


def snapshot_status(source: Source) -> str:
    """``complete``, ``partial (k/n)``, ``missing`` or ``corrupt`` for a source's snapshots."""
    present = [source.raw_dir / f.name for f in source.files if (source.raw_dir / f.name).exists()]
    if not present:
        return "missing"
    if any(not verify_snapshot(p).ok for p in present):
        return "corrupt"
    if len(present) < len(source.files):
        return f"partial ({len(present)}/{len(source.files)})"
    return "complete"
