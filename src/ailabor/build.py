"""Build every table whose inputs are present; say plainly which could not be built."""

from __future__ import annotations

import importlib
import sys
import time
from dataclasses import dataclass, field

from ailabor import datasets
from ailabor.fetch import snapshot_status
from ailabor.http import MIRROR_HINT

# Build order: a table may read the tables before it.
TABLE_MODULES = (
    "ailabor.tables.country_year",
    "ailabor.tables.scraped",
    "ailabor.tables.pay",
    "ailabor.tables.annotations",
    "ailabor.tables.mturk_surveys",
)


@dataclass
class BuildResult:
    table: str
    status: str  # built | up-to-date | skipped | failed
    rows: int = 0
    detail: str = ""
    report: dict = field(default_factory=dict)


def build_table(module_name: str, force: bool = False) -> list[BuildResult]:
    mod = importlib.import_module(module_name)
    missing = [s.source_id for s in mod.REQUIRES if snapshot_status(s) != "complete"]
    tables = mod.TABLES if hasattr(mod, "TABLES") else (mod.TABLE,)
    if missing:
        why = f"missing source(s): {', '.join(missing)}. How to get them: run `ailabor fetch`. {MIRROR_HINT}"
        return [BuildResult(t, "skipped", detail=why) for t in tables]
    inputs = mod.input_paths()
    if not force and all(datasets.is_up_to_date(t, inputs) for t in tables):
        metas = {t: datasets.read_meta(t) for t in tables}
        return [
            BuildResult(t, "up-to-date", rows=metas[t]["rows"], report=metas[t].get("report", {}))
            for t in tables
        ]
    out = mod.build()
    frames = out[0] if isinstance(out[0], dict) else {mod.TABLE: out[0]}
    report = out[1]
    results = []
    for t, df in frames.items():
        datasets.write_table(df, t, inputs, report=report.get(t, report))
        results.append(BuildResult(t, "built", rows=len(df), report=report.get(t, report)))
    return results


def build_all(force: bool = False, quiet: bool = False) -> list[BuildResult]:
    results: list[BuildResult] = []
    for m in TABLE_MODULES:
        t0 = time.monotonic()
        res = build_table(m, force=force)
        results.extend(res)
        if not quiet:
            for r in res:
                extra = f" ({time.monotonic() - t0:.1f} s)" if r.status == "built" else ""
                print(
                    f"  {r.table:<22} {r.status:<10} {r.rows:>8} rows{extra} {r.detail}",
                    file=sys.stderr if r.status == "skipped" else sys.stdout,
                )
                for key, value in r.report.items():
                    if isinstance(value, dict):
                        value = {k: v for k, v in value.items() if v}
                    if "unmatched" in key and value:
                        print(f"    {r.table}: {key}: {value}")
    return results
