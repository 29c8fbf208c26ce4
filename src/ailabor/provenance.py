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


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


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
