"""Snapshot provenance: the ``<file>.meta.json`` sidecar beside every raw file.

The sidecar records where the bytes came from and their sha256, so that
``ailabor verify`` can tell whether a snapshot is still what was fetched, and
every processed table can list the exact inputs it was built from.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

META_SUFFIX = ".meta.json"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def utc_now(honour_source_date_epoch: bool = True) -> str:
    """Now in UTC (ISO 8601, seconds), or ``SOURCE_DATE_EPOCH`` when that is set, so
    that two builds made with the same epoch write the same sidecars.

    A snapshot's ``retrieved_at`` is a fact about the download, not a build date: it
    is always the real time (``honour_source_date_epoch=False``) and is one of the
    :data:`TIMESTAMP_KEYS` left out when two builds are compared.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if honour_source_date_epoch and epoch.isdigit():
        now = datetime.fromtimestamp(int(epoch), UTC)
    else:
        now = datetime.now(UTC)
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def apply_umask(path: Path | str) -> None:
    """Give a file made by :func:`tempfile.mkstemp` (always 0600) the mode an ordinary
    ``open()`` would have given it: ``0666 & ~umask``."""
    os.chmod(path, 0o666 & ~_current_umask())


#: Keys of a sidecar that record when, not what: left out when builds are compared.
TIMESTAMP_KEYS = ("retrieved_at", "built_at", "created")


@dataclass
class SnapshotMeta:
    source_id: str
    url: str
    fetched_from: str
    retrieved_at: str
    sha256: str
    bytes: int
    licence: str
    http_status: int | None
    ailabor_version: str


def portable_origin(fetched_from: str, mirrors: list[Path] | None = None) -> str:
    """Where a snapshot came from, without the builder's own directories.

    A URL is kept; a path inside a mirror becomes ``mirror:<path inside the mirror>``;
    any other local path becomes ``local:<file name>``.

    >>> portable_origin("https://x.org/a.csv")
    'https://x.org/a.csv'
    >>> portable_origin("/home/me/shared/data/mirror/wdi/a.csv", [Path("/home/me/shared/data/mirror")])
    'mirror:wdi/a.csv'
    >>> portable_origin("/somewhere/else/a.csv", [])
    'local:a.csv'
    """
    if "://" in fetched_from or fetched_from.startswith(("mirror:", "local:")):
        return fetched_from
    p = Path(fetched_from)
    if mirrors is None:
        from ailabor import config

        mirrors = config.mirror_dirs()
    for root in mirrors:
        try:
            return "mirror:" + p.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            continue
    return "local:" + p.name


def meta_path(path: Path) -> Path:
    return path.with_name(path.name + META_SUFFIX)


def write_json_atomic(path: Path, obj: object) -> None:
    """Write JSON through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=2, sort_keys=False, default=str)
            fh.write("\n")
        apply_umask(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_meta(path: Path, meta: SnapshotMeta) -> Path:
    mp = meta_path(path)
    write_json_atomic(mp, asdict(meta))
    return mp


def read_meta(path: Path) -> SnapshotMeta | None:
    mp = meta_path(path)
    if not mp.exists():
        return None
    return SnapshotMeta(**json.loads(mp.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    ok: bool
    reason: str


def verify_snapshot(path: Path) -> VerifyResult:
    """Re-hash ``path`` and compare with its sidecar."""
    meta = read_meta(path)
    if meta is None:
        return VerifyResult(path, False, "no .meta.json sidecar")
    if not path.exists():
        return VerifyResult(path, False, "file missing")
    actual = sha256_file(path)
    if actual != meta.sha256:
        return VerifyResult(
            path, False, f"sha256 mismatch: sidecar {meta.sha256[:12]}…, file {actual[:12]}…"
        )
    size = path.stat().st_size
    if size != meta.bytes:
        return VerifyResult(path, False, f"size mismatch: sidecar {meta.bytes}, file {size}")
    return VerifyResult(path, True, "ok")


def iter_snapshots(raw_root: Path):
    """Every data file under ``raw_root`` that has, or should have, a sidecar."""
    if not raw_root.exists():
        return
    for p in sorted(raw_root.rglob("*")):
        if p.is_file() and not p.name.endswith(META_SUFFIX) and not p.name.endswith(".part"):
            yield p
