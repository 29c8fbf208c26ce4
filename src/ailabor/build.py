"""Build every table whose inputs are present; say plainly which could not be built.

Each module in ``ailabor.tables`` follows one contract: ``PRODUCES`` names the tables it
builds (declared in ``ailabor.schemas``) and ``build()`` returns ``(frames, report)``: a dict
of frames by table name and a dict of build notes (by table name, or shared). Everything
else (build order, input files, when to rebuild, what to remove when an input is missing)
is computed from the table declarations.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ailabor import codegraph, config, schemas, storage
from ailabor.tables import annotations, country_year, label_benchmark, pay, scraped

MODULES = (country_year, scraped, pay, annotations, label_benchmark)


@dataclass
class BuildResult:
    table: str
    status: str  # built | up-to-date | skipped | failed
    rows: int = 0
    detail: str = ""
    report: dict = field(default_factory=dict)
    removed_stale: bool = False


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


def declared_inputs(mod) -> tuple[list[Path], list[str]]:
    """Input files of a module's tables, from their declarations, and what is missing.

    Missing: a declared source whose snapshot is not complete (missing, partial, corrupt) or a
    required table that is not built. A table it only ``uses`` is an input when built.
    """
    from ailabor.fetch import snapshot_status
    from ailabor.sources import get_source

    specs = [schemas.TABLES[t] for t in mod.PRODUCES]
    paths: list[Path] = []
    missing: list[str] = []
    for sid in dict.fromkeys(s for spec in specs for s in spec.all_sources):
        src = get_source(sid)
        status = snapshot_status(src)
        if status != "complete":
            missing.append(f"source {sid} ({status})")
        paths += [src.path(f.name) for f in src.files]
    for c in dict.fromkeys(c for spec in specs for c in spec.curated):
        paths.append(config.curated_dir() / c)
    own = set(mod.PRODUCES)
    for spec in specs:
        for t in spec.upstream_tables:
            if t in own:
                continue
            p = storage.table_paths(t)["parquet"]
            if p.exists():
                paths.append(p)
            elif t in spec.requires:
                missing.append(f"table {t} (not built)")
    return list(dict.fromkeys(paths)), list(dict.fromkeys(missing))


def build_module(mod, force: bool = False) -> list[BuildResult]:
    """Build one module's tables, or say why not (and remove their stale outputs)."""
    inputs, missing = declared_inputs(mod)
    if missing:
        why = "missing input(s): " + ", ".join(missing)
        return [
            BuildResult(t, "skipped", detail=why, removed_stale=storage.remove_table(t))
            for t in mod.PRODUCES
        ]
    version = codegraph.code_version(mod.__name__)
    if not force and all(storage.is_up_to_date(t, inputs, version) for t in mod.PRODUCES):
        metas = {t: storage.read_meta(t) for t in mod.PRODUCES}
        return [
            BuildResult(t, "up-to-date", rows=metas[t]["rows"], report=metas[t].get("report", {}))
            for t in mod.PRODUCES
        ]
    frames, report = mod.build()
    results = []
    for t in mod.PRODUCES:
        rep = report.get(t, report)
        storage.write_table(frames[t], t, inputs, version, report=rep)
        results.append(BuildResult(t, "built", rows=len(frames[t]), report=rep))
    return results


def build_all(force: bool = False, quiet: bool = False) -> list[BuildResult]:
    results: list[BuildResult] = []
    shown: set[int] = set()  # a report shared by several tables is printed once
    for mod in module_order():
        t0 = time.monotonic()
        res = build_module(mod, force=force)
        results.extend(res)
        if quiet:
            continue
        for r in res:
            if r.status == "skipped":
                continue  # listed once, in the summary
            extra = f" ({time.monotonic() - t0:.1f} s)" if r.status == "built" else ""
            print(f"  {r.table:<22} {r.status:<10} {r.rows:>8} rows{extra}")
            if id(r.report) in shown:
                continue
            shown.add(id(r.report))
            for key, value in r.report.items():
                if isinstance(value, dict):
                    value = {k: v for k, v in value.items() if v}
                if "unmatched" in key and value:
                    print(f"    {r.table}: {key}: {value}", file=sys.stdout)
    return results
