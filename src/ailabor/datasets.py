"""Write, read and list the tidy tables in ``data/processed/``.

Each table is written as Parquet (typed) and CSV (for everyone else), atomically,
after validation against its schema, with a ``<table>.meta.json`` sidecar that
lists the sha256 of every input and the code version.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd

from ailabor import config, schemas
from ailabor.errors import MissingSourceError
from ailabor.provenance import sha256_file, utc_now, write_json_atomic


@cache
def code_version() -> str:
    """ailabor version plus a hash of the package's source files."""
    from ailabor import __version__

    h = hashlib.sha256()
    for p in sorted(config.PACKAGE_DIR.rglob("*.py")):
        h.update(p.relative_to(config.PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return f"{__version__}+src.{h.hexdigest()[:12]}"


def table_paths(name: str, directory: Path | None = None) -> dict[str, Path]:
    d = directory or config.processed_dir()
    return {
        "parquet": d / f"{name}.parquet",
        "csv": d / f"{name}.csv",
        "meta": d / f"{name}.meta.json",
    }


def input_record(path: Path) -> dict:
    """Provenance of one input file: its path relative to the data dir and sha256."""
    path = Path(path)
    try:
        rel = path.resolve().relative_to(config.data_dir().resolve()).as_posix()
    except ValueError:
        rel = str(path)
    return {"path": rel, "sha256": sha256_file(path)}


def _atomic(path: Path, writer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(
    df: pd.DataFrame, name: str, inputs: list[Path], report: dict | None = None
) -> dict[str, Path]:
    """Validate ``df`` against its schema and write Parquet, CSV and the sidecar."""
    df = schemas.validate(schemas.apply_dtypes(df, name), name)
    paths = table_paths(name)
    _atomic(paths["parquet"], lambda tmp: df.to_parquet(tmp, index=False))
    _atomic(paths["csv"], lambda tmp: df.to_csv(tmp, index=False, lineterminator="\n"))
    meta = {
        "table": name,
        "rows": len(df),
        "columns": list(df.columns),
        "built_at": utc_now(),
        "code_version": code_version(),
        "inputs": [input_record(p) for p in inputs],
        "outputs": {k: sha256_file(paths[k]) for k in ("parquet", "csv")},
        "report": report or {},
    }
    write_json_atomic(paths["meta"], meta)
    return paths


def read_meta(name: str) -> dict | None:
    p = table_paths(name)["meta"]
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def is_up_to_date(name: str, inputs: list[Path]) -> bool:
    """True when the table exists, its outputs are intact, and it was built from
    the same inputs by the same code."""
    meta = read_meta(name)
    paths = table_paths(name)
    if meta is None or not all(paths[k].exists() for k in ("parquet", "csv")):
        return False
    if meta.get("code_version") != code_version():
        return False
    if any(sha256_file(paths[k]) != meta["outputs"].get(k) for k in ("parquet", "csv")):
        return False
    return meta.get("inputs") == [input_record(p) for p in inputs]


def load_table(name: str) -> pd.DataFrame:
    """Load a built table (typed, from Parquet)."""
    path = table_paths(name)["parquet"]
    if not path.exists():
        raise MissingSourceError(
            f"table {name!r} has not been built: run `make all` (or `ailabor build`) first; "
            f"looked for {path}"
        )
    df = pd.read_parquet(path)
    return schemas.apply_dtypes(df, name)


def load_country_year() -> pd.DataFrame:
    """Country-year context table (see ``ailabor.schemas.TABLES['country_year']``)."""
    return load_table("country_year")
