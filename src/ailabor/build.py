"""Build every table whose inputs are present; say plainly which could not be built.

Each module in ``ailabor.tables`` follows one contract: ``PRODUCES`` names the tables it
builds (declared in ``ailabor.schemas``) and ``build()`` returns ``(frames, report)``: a dict
of frames by table name and a dict of build notes (by table name, or shared). Everything
else (build order, input files, when to rebuild, what is stale when an input is missing) is
computed from the table declarations.

A table whose inputs are missing, corrupt or unparseable is not built, and its previous
output (and that of every table built from it) is removed, so that an old table is never
passed off as current (see :func:`remove_stale_outputs`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ailabor import codegraph, config, schemas, storage
from ailabor.errors import AilaborError
from ailabor.tables import (
    annotations,
    country_year,
    label_benchmark,
    mturk_hit_groups,
    mturk_surveys,
    pay,
    us_state_min_wage,
)

MODULES = (
    country_year,
    us_state_min_wage,
    mturk_hit_groups,
    pay,
    annotations,
    label_benchmark,
    mturk_surveys,
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


def producer(table: str):
    """The tables module that builds ``table``."""
    for mod in MODULES:
        if table in mod.PRODUCES:
            return mod
    raise KeyError(f"no module in ailabor.tables produces {table!r}")


def module_order() -> list:
    """Table modules in an order where each comes after the modules whose tables it reads."""
    order: list = []
    for t in schemas.build_order():
        mod = producer(t)
        if mod not in order:
            order.append(mod)
    return order


def _specs(mod) -> list[schemas.TableSpec]:
    return [schemas.TABLES[t] for t in mod.PRODUCES]


def unusable_sources(mod) -> tuple[list[str], list[str]]:
    """(missing, corrupt) declared sources of ``mod``'s tables; a partial snapshot is missing,
    described with its file count (``"zencrowd (2/3 files)"``)."""
    from ailabor.fetch import snapshot_status
    from ailabor.sources import get_source

    missing, corrupt = [], []
    for sid in dict.fromkeys(s for spec in _specs(mod) for s in spec.all_sources):
        status = snapshot_status(get_source(sid))
        if status == "corrupt":
            corrupt.append(sid)
        elif status.startswith("partial"):
            missing.append(f"{sid} ({status.removeprefix('partial (').rstrip(')')} files)")
        elif status != "complete":
            missing.append(sid)
    return missing, corrupt


def declared_inputs(mod) -> tuple[list[Path], list[str]]:
    """Input files of a module's tables, from their declarations, and the required tables
    that are not built. A table it only ``uses`` is an input when it is built."""
    from ailabor.sources import get_source

    specs = _specs(mod)
    paths: list[Path] = []
    for sid in dict.fromkeys(s for spec in specs for s in spec.all_sources):
        src = get_source(sid)
        paths += [src.path(f.name) for f in src.files]
    for c in dict.fromkeys(c for spec in specs for c in spec.curated):
        paths.append(config.curated_dir() / c)
    unbuilt: list[str] = []
    for spec in specs:
        for t in spec.upstream_tables:
            if t in mod.PRODUCES:
                continue
            p = storage.table_paths(t)["parquet"]
            if p.exists():
                paths.append(p)
            elif t in spec.requires:
                unbuilt.append(t)
    return list(dict.fromkeys(paths)), list(dict.fromkeys(unbuilt))


def dependents_of(tables: list[str]) -> list[str]:
    """Tables that require or use one of ``tables``, directly or through others."""
    found: list[str] = []
    frontier = set(tables)
    while frontier:
        nxt = {
            name
            for name, spec in schemas.TABLES.items()
            if name not in found and name not in tables and frontier & set(spec.upstream_tables)
        }
        found += sorted(nxt)
        frontier = nxt
    return found


def remove_stale_outputs(tables: list[str]) -> list[str]:
    """Delete the outputs of ``tables`` and of every table built from them; return the names
    whose files were removed (a table never built is not listed)."""
    return [name for name in [*tables, *dependents_of(tables)] if storage.remove_table(name)]


def _not_built(mod, status: str, detail: str, **extra) -> list[BuildResult]:
    removed = remove_stale_outputs(list(mod.PRODUCES))
    return [
        BuildResult(t, status, detail=detail, removed=removed if i == 0 else [], **extra)
        for i, t in enumerate(mod.PRODUCES)
    ]


def build_module(mod, force: bool = False) -> list[BuildResult]:
    """Build one module's tables, or say why not (and remove their stale outputs)."""
    missing, corrupt = unusable_sources(mod)
    inputs, unbuilt = declared_inputs(mod)
    if missing or corrupt or unbuilt:
        parts = []
        if missing:
            parts.append(f"missing source(s): {', '.join(missing)}")
        if corrupt:
            parts.append(f"corrupt source(s): {', '.join(corrupt)} (see `ailabor verify`)")
        if unbuilt:
            parts.append(f"table(s) not built: {', '.join(unbuilt)}")
        return _not_built(
            mod,
            "skipped",
            "; ".join(parts),
            missing_sources=[m.split(" ")[0] for m in missing],
            corrupt_sources=corrupt,
        )
    version = codegraph.code_version(mod.__name__)
    if not force and all(storage.is_up_to_date(t, inputs, version) for t in mod.PRODUCES):
        metas = {t: storage.read_meta(t) for t in mod.PRODUCES}
        return [
            BuildResult(t, "up-to-date", rows=metas[t]["rows"], report=metas[t].get("report", {}))
            for t in mod.PRODUCES
        ]
    try:
        frames, report = mod.build()
    except AilaborError as exc:
        return _not_built(mod, "failed", str(exc))
    results = []
    for t in mod.PRODUCES:
        rep = report.get(t, report)
        storage.write_table(frames[t], t, inputs, version, report=rep)
        results.append(BuildResult(t, "built", rows=len(frames[t]), report=rep))
    return results


def build_all(force: bool = False, quiet: bool = False) -> list[BuildResult]:
    """Build every table module in order; one line per table unless ``quiet``.

    Why a table was not built is left to the caller's summary (it is said once).
    """
    results: list[BuildResult] = []
    shown: set[int] = set()  # a report shared by several tables is printed once
    for mod in module_order():
        t0 = time.monotonic()
        res = build_module(mod, force=force)
        results.extend(res)
        if quiet:
            continue
        for r in res:
            extra = f" ({time.monotonic() - t0:.1f} s)" if r.status == "built" else ""
            print(f"  {r.table:<22} {r.status:<10} {r.rows:>8} rows{extra}")
            if id(r.report) in shown:
                continue
            shown.add(id(r.report))
            for key, value in r.report.items():
                if isinstance(value, dict):
                    value = {k: v for k, v in value.items() if v}
                if "unmatched" in key and value:
                    print(f"    {r.table}: {key}: {value}")
    return results
