"""Where built tables live and how they are written: one home for storage.

Each table is written as Parquet (typed) and CSV (for everyone else), atomically, after
validation against its declaration, with a ``<table>.meta.json`` sidecar that lists the
sha256 of every input and the version of the code that built it. A file whose bytes would
not change is not rewritten, so downstream make targets see no change either.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ailabor import config
from ailabor.errors import MissingSourceError, StaleTableError, UnknownTableError


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


def atomic_write(path: Path, data: bytes | Callable[[Path], None]) -> bool:
    """Write ``data`` (bytes, or a function that writes to a given temporary path) to ``path``
    through a temporary file beside it and a rename; never leaves a half-written file.

    Returns False (and leaves ``path`` untouched, mtime included) when the bytes are already
    there. The file gets the process umask's permissions, not mkstemp's 0600.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> atomic_write(d / "x.txt", b"hi"), atomic_write(d / "x.txt", b"hi"), (d / "x.txt").read_text()
    (True, False, 'hi')
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if callable(data):
            os.close(fd)
            data(tmp)
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        if path.exists() and _same_bytes(tmp, path):
            tmp.unlink()
            return False
        umask = os.umask(0)  # read it (there is no getter) and put it back at once
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        os.replace(tmp, path)
        return True
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def write_json(path: Path, obj: object) -> bool:
    """JSON with a trailing newline, written atomically (unchanged files are left alone)."""
    text = json.dumps(obj, indent=2, sort_keys=False, default=str) + "\n"
    return atomic_write(path, text.encode("utf-8"))


def table_paths(name: str, directory: Path | None = None) -> dict[str, Path]:
    d = directory or config.processed_dir()
    return {
        "parquet": d / f"{name}.parquet",
        "csv": d / f"{name}.csv",
        "meta": d / f"{name}.meta.json",
    }


def input_record(path: Path) -> dict:
    """Provenance of one input file: its path relative to the data dir (or the checkout) and sha256."""
    path = Path(path).resolve()
    for root in (config.data_dir().resolve(), config.project_root().resolve()):
        try:
            return {"path": path.relative_to(root).as_posix(), "sha256": sha256_file(path)}
        except ValueError:
            continue
    return {"path": path.name, "sha256": sha256_file(path)}


def _parquet_bytes(df) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def write_table(df, name: str, inputs: list[Path], code_version: str, report: dict | None = None):
    """Validate ``df`` against its declaration and write Parquet, CSV and the sidecar.

    The sidecar's ``built_at`` follows ``SOURCE_DATE_EPOCH`` (the Makefile sets it to the last
    commit's time), so two builds from the same inputs and code are byte-identical.
    """
    from ailabor import schemas

    df = schemas.validate(schemas.apply_dtypes(df, name), name)
    paths = table_paths(name)
    atomic_write(paths["parquet"], _parquet_bytes(df))
    atomic_write(paths["csv"], df.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    meta = {
        "table": name,
        "rows": len(df),
        "columns": list(df.columns),
        "built_at": utc_now(),
        "code_version": code_version,
        "inputs": [input_record(p) for p in inputs],
        "outputs": {k: sha256_file(paths[k]) for k in ("parquet", "csv")},
        "report": report or {},
    }
    write_json(paths["meta"], meta)
    return paths


def read_meta(name: str) -> dict | None:
    """The table's sidecar, or None when there is none (or it is unreadable)."""
    try:
        meta = json.loads(table_paths(name)["meta"].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def is_up_to_date(name: str, inputs: list[Path], code_version: str) -> bool:
    """True when the table exists, its outputs are intact, and it was built from the same
    inputs by the same code."""
    meta = read_meta(name)
    paths = table_paths(name)
    if meta is None or not all(paths[k].exists() for k in ("parquet", "csv")):
        return False
    if meta.get("code_version") != code_version:
        return False
    if any(sha256_file(paths[k]) != meta["outputs"].get(k) for k in ("parquet", "csv")):
        return False
    return meta.get("inputs") == [input_record(p) for p in inputs]


def remove_table(name: str) -> bool:
    """Delete a table's files (so a stale table is never loaded as current); True if any existed."""
    found = False
    for p in table_paths(name).values():
        if p.exists():
            p.unlink()
            found = True
    return found


def read_table(name: str):
    """A built table, typed, from its Parquet file.

    Refuses (with the package's own errors) a name that is not a table, a table that has not
    been built or was removed as stale, and a Parquet file that is not the one the build wrote
    (its sha256 differs from the sidecar's) or that no longer fits its declaration.
    """
    import pandas as pd

    from ailabor import schemas

    if not isinstance(name, str) or name not in schemas.TABLES:
        raise UnknownTableError(
            f"unknown table {name!r}; known tables: {', '.join(schemas.TABLES)} "
            "(see ailabor.list_datasets())"
        )
    paths = table_paths(name)
    path, meta = paths["parquet"], read_meta(name)
    if not path.is_file() or meta is None:
        raise MissingSourceError(
            f"table {name!r} has not been built (or was removed because its inputs went "
            f"missing or corrupt): run `make all` (or `ailabor build`) first; looked for {path}"
        )
    if sha256_file(path) != (meta.get("outputs") or {}).get("parquet"):
        raise StaleTableError(
            f"table {name!r}: {path} is not the file the build wrote (its sha256 differs from "
            f"{paths['meta'].name}); run `ailabor build --force`"
        )
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises many types for a damaged file
        raise StaleTableError(f"table {name!r}: {path} cannot be read ({exc})") from None
    try:
        return schemas.apply_dtypes(df, name)
    except (TypeError, ValueError, schemas.SchemaError) as exc:
        raise StaleTableError(f"table {name!r}: {path} does not fit its schema ({exc})") from None
