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


# --- the dataset registry (what notebooks list and load) -------------------------------
def _table_sources() -> dict[str, tuple[str, ...]]:
    """Source ids each published table is derived from (its lineage)."""
    from ailabor.tables import annotations, country_year, mturk_surveys

    cy = tuple(s.source_id for s in country_year.REQUIRES)
    return {
        "country_year": cy,
        "pay_observations": ("curated:pay_observations", *cy, "dol_state_minwage"),
        "platforms": ("curated:platforms",),
        "platform_scores": ("curated:platform_scores",),
        "mturk_hit_groups": ("mturk_hitslist",),
        "us_state_min_wage": ("dol_state_minwage",),
        "annotations": tuple(s.source_id for s in annotations.REQUIRES),
        "workers": tuple(s.source_id for s in annotations.REQUIRES),
        **{t: ("mturk_surveys",) for t in mturk_surveys.TABLES},
    }


def table_licence(name: str) -> str:
    """Licence of a built table: CC BY 4.0 for ailabor's work, plus every source's own terms."""
    from ailabor.sources import registry

    reg = registry()
    parts = ["CC BY 4.0 (ailabor compilation)"]
    for sid in _table_sources().get(name, ()):
        if sid in reg:
            parts.append(f"{sid}: {reg[sid].licence}")
    return "; ".join(parts)


def list_datasets() -> pd.DataFrame:
    """Every published table: name, description, rows (when built), licence and sources.

    >>> "country_year" in list_datasets()["name"].tolist()
    True
    """
    rows = []
    for name, schema in schemas.TABLES.items():
        meta = read_meta(name)
        rows.append(
            {
                "name": name,
                "description": schema.description,
                "rows": meta["rows"] if meta else pd.NA,
                "is_built": meta is not None,
                "licence": table_licence(name),
                "sources": ", ".join(_table_sources().get(name, ())),
                "loader": f"ailabor.load({name!r})",
            }
        )
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def load(name: str) -> pd.DataFrame:
    """Load any published table by name (see :func:`list_datasets`)."""
    if name not in schemas.TABLES:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(schemas.TABLES)}")
    return load_table(name)


def load_pay() -> pd.DataFrame:
    """Published pay figures normalised to hourly US$ and PPP $ (``pay_observations``)."""
    return load_table("pay_observations")


def load_platforms() -> pd.DataFrame:
    """Platforms, owners and business models (``platforms``); Fairwork scores: ``load("platform_scores")``."""
    return load_table("platforms")


def load_mturk_hits() -> pd.DataFrame:
    """HIT groups on the saved MTurk listing pages (``mturk_hit_groups``)."""
    return load_table("mturk_hit_groups")


def load_us_min_wage() -> pd.DataFrame:
    """US state and federal minimum wages, 1968-2024 (``us_state_min_wage``)."""
    return load_table("us_state_min_wage")


def load_annotations() -> pd.DataFrame:
    """One row per label (``annotations``), crowd-kit layout: task, worker, label."""
    return load_table("annotations")


def load_workers() -> pd.DataFrame:
    """One row per worker x posting with accuracy and Dawid-Skene error (``workers``)."""
    return load_table("workers")
