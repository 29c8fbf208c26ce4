"""Snapshot provenance: the ``<file>.meta.json`` sidecar beside every raw file.

The sidecar records where the bytes came from and their sha256, so that
``ailabor verify`` can tell whether a snapshot is still what was fetched, and
every processed table can list the exact inputs it was built from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ailabor.storage import sha256_file, write_json

META_SUFFIX = ".meta.json"


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


def write_meta(path: Path, meta: SnapshotMeta) -> Path:
    mp = meta_path(path)
    write_json(mp, asdict(meta))
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
