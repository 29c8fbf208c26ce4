"""Build every table whose inputs are present; say plainly which could not be built.

A table whose inputs are missing, corrupt or unparseable is not built, and its
previous output (and every table built from that output) is removed, so that an
old table is never passed off as current (see :func:`remove_stale_outputs`).
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field

from ailabor import datasets, schemas
from ailabor.errors import AilaborError
from ailabor.fetch import snapshot_status

# Build order: a table may read the tables before it.
TABLE_MODULES = (
    "ailabor.tables.country_year",
    "ailabor.tables.us_state_min_wage",
    "ailabor.tables.mturk_hit_groups",
    "ailabor.tables.pay",
    "ailabor.tables.annotations",
)


@dataclass
class BuildResult:
    table: str
    status: str  # built | up-to-date | skipped | failed
    rows: int = 0
    detail: str = ""
    report: dict = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)  # stale outputs removed because of it
    missing_sources: list[str] = field(default_factory=list)
    corrupt_sources: list[str] = field(default_factory=list)


def unusable_sources(mod) -> tuple[list[str], list[str]]:
    """(missing, corrupt) source ids among what ``mod`` requires (partial counts as missing)."""
    missing, corrupt = [], []
    for s in mod.REQUIRES:
        status = snapshot_status(s)
        if status == "corrupt":
            corrupt.append(s.source_id)
        elif status != "complete":
            missing.append(s.source_id)
    return missing, corrupt


def _describe_missing(mod, missing: list[str]) -> str:
    """``"zencrowd (2/3 files)"`` for a partial snapshot, the bare id for a missing one."""
    out = []
    for s in mod.REQUIRES:
        if s.source_id in missing:
            status = snapshot_status(s)
            out.append(
                s.source_id
                if status == "missing"
                else f"{s.source_id} ({status.removeprefix('partial (').rstrip(')')} files)"
            )
    return ", ".join(out)


def dependents_of(tables: list[str]) -> list[str]:
    """Built tables whose recorded inputs include one of ``tables``' outputs (transitively)."""
    names = [n for n in schemas.TABLES if datasets.read_meta(n) is not None]
    found: list[str] = []
    frontier = set(tables)
    while frontier:
        outputs = {
            datasets.input_record_path(datasets.table_paths(t)[k])
            for t in frontier
            for k in ("parquet", "csv")
        }
        frontier = set()
        for n in names:
            if n in found or n in tables:
                continue
            meta = datasets.read_meta(n) or {}
            if any(i.get("path") in outputs for i in meta.get("inputs", [])):
                found.append(n)
                frontier.add(n)
    return found


def remove_stale_outputs(tables: list[str]) -> list[str]:
    """Delete the outputs of ``tables`` and of every table built from them.

    Returns the names whose files were removed (a table never built is not listed).
    """
    removed = []
    for name in [*tables, *dependents_of(tables)]:
        paths = datasets.table_paths(name)
        present = [p for p in paths.values() if p.exists()]
        for p in present:
            p.unlink()
        if present:
            removed.append(name)
    return removed


def build_table(module_name: str, force: bool = False) -> list[BuildResult]:
    mod = importlib.import_module(module_name)
    tables = mod.TABLES if hasattr(mod, "TABLES") else (mod.TABLE,)
    missing, corrupt = unusable_sources(mod)
    if missing or corrupt:
        parts = []
        if missing:
            parts.append(f"missing source(s): {_describe_missing(mod, missing)}")
        if corrupt:
            parts.append(f"corrupt source(s): {', '.join(corrupt)} (see `ailabor verify`)")
        removed = remove_stale_outputs(list(tables))
        return [
            BuildResult(
                t,
                "skipped",
                detail="; ".join(parts),
                removed=removed if i == 0 else [],
                missing_sources=missing,
                corrupt_sources=corrupt,
            )
            for i, t in enumerate(tables)
        ]
    inputs = mod.input_paths()
    if not force and all(datasets.is_up_to_date(t, inputs) for t in tables):
        metas = {t: datasets.read_meta(t) for t in tables}
        return [
            BuildResult(t, "up-to-date", rows=metas[t]["rows"], report=metas[t].get("report", {}))
            for t in tables
        ]
    try:
        out = mod.build()
    except AilaborError as exc:
        removed = remove_stale_outputs(list(tables))
        return [
            BuildResult(t, "failed", detail=str(exc), removed=removed if i == 0 else [])
            for i, t in enumerate(tables)
        ]
    frames = out[0] if isinstance(out[0], dict) else {tables[0]: out[0]}
    report = out[1]
    results = []
    for t, df in frames.items():
        datasets.write_table(df, t, inputs, report=report.get(t, report))
        results.append(BuildResult(t, "built", rows=len(df), report=report.get(t, report)))
    return results


def build_all(force: bool = False, quiet: bool = False) -> list[BuildResult]:
    """Build every table module in order; one line per table unless ``quiet``.

    Why a table was not built is left to the caller's summary (it is said once).
    """
    results: list[BuildResult] = []
    for m in TABLE_MODULES:
        t0 = time.monotonic()
        res = build_table(m, force=force)
        results.extend(res)
        if not quiet:
            for r in res:
                extra = f" ({time.monotonic() - t0:.1f} s)" if r.status == "built" else ""
                print(f"  {r.table:<22} {r.status:<10} {r.rows:>8} rows{extra}")
                for key, value in r.report.items():
                    if isinstance(value, dict):
                        value = {k: v for k, v in value.items() if v}
                    if "unmatched" in key and value:
                        print(f"    {r.table}: {key}: {value}")
    return results
