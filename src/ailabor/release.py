"""Write the data release: ``dist/ailabor-data-<version>/`` with every redistributable table
as CSV and Parquet, a Frictionless ``datapackage.json`` built from the same schema
definitions, and the provenance of every raw input.

Sources without a redistribution licence never enter the release: tables or rows
or columns derived from them are left out, and the descriptor names what was left
out and how to rebuild it. What is left out is computed from the table declarations
(``ailabor.schemas``: each column's lineage) and the sources' licences, never listed here.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pandas as pd

from ailabor import codegraph, config, schemas, storage
from ailabor.provenance import META_SUFFIX, iter_snapshots, portable_origin
from ailabor.sources import registry
from ailabor.storage import sha256_file, utc_now
from ailabor.version import __version__

FRICTIONLESS_TYPES = {
    "str": "string",
    "Int64": "integer",
    "float64": "number",
    "boolean": "boolean",
    "datetime64[us, UTC]": "datetime",
    "datetime64[us]": "datetime",
}
HOW_TO_REBUILD = (
    "clone the repository and run `make all` (it fetches the source from its pinned URL)"
)


def field(name: str) -> dict:
    col = schemas.COLUMNS[name]
    f = {"name": name, "type": FRICTIONLESS_TYPES[col.dtype], "description": col.description}
    if col.unit:
        f["unit"] = col.unit
    cons = {}
    if col.allowed:
        cons["enum"] = list(col.allowed)
    if col.min is not None:
        cons["minimum"] = col.min
    if col.max is not None:
        cons["maximum"] = col.max
    if cons:
        f["constraints"] = cons
    return f


def _csv_for_release(df: pd.DataFrame) -> pd.DataFrame:
    """Booleans as true/false and datetimes as ISO 8601, as Frictionless reads them."""
    out = df.copy()
    for c in out.columns:
        if str(out[c].dtype) == "boolean":
            out[c] = out[c].map({True: "true", False: "false"}).astype("object")
        elif str(out[c].dtype).startswith("datetime64"):
            out[c] = out[c].map(lambda v: v.isoformat() if pd.notna(v) else None)
    return out


def release_provenance_record(meta: dict, rel: Path) -> dict:
    """A snapshot sidecar as released: source id, the file's path under ``data/raw/``,
    the canonical URL and a portable origin, never the builder's own directories.

    >>> r = release_provenance_record(
    ...     {"source_id": "wdi", "url": "https://x.org/a.csv", "sha256": "ab", "bytes": 2,
    ...      "fetched_from": "/home/me/shared/data/mirror/wdi/a.csv"}, Path("wdi/a.csv"))
    >>> r["fetched_from"], r["file"]
    ('local:a.csv', 'wdi/a.csv')
    """
    out = {"source_id": meta.get("source_id", rel.parts[0]), "file": rel.as_posix()}
    for k, v in meta.items():
        if k in out:
            continue
        out[k] = portable_origin(str(v)) if k == "fetched_from" else v
    return out


def write_release(out_root: Path | None = None, progress=None) -> dict:
    """Write the release directory; return a summary."""
    t0 = time.monotonic()
    out = (out_root or config.project_root() / "dist") / f"ailabor-data-{__version__}"
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    reg = registry()
    resources, excluded, used_sources = [], [], set()
    names = list(schemas.TABLES)
    for name in progress(names) if progress else names:
        pol = schemas.release_policy(name, lambda sid: reg[sid].is_redistributable)
        why = f"derived from {', '.join(pol.because)}, which has no redistribution licence"
        if not storage.read_meta(name):
            excluded.append(
                {"table": name, "reason": "not built on this machine", "how_to_get": HOW_TO_REBUILD}
            )
            continue
        if pol.exclude:
            excluded.append({"table": name, "reason": why, "how_to_get": HOW_TO_REBUILD})
            continue
        df = storage.read_table(name)
        schema = schemas.TABLES[name]
        cols = [c for c in schema.columns if c not in pol.drop_columns]
        if pol.drop_columns:
            excluded.append(
                {
                    "table": name,
                    "columns": list(pol.drop_columns),
                    "reason": why,
                    "how_to_get": HOW_TO_REBUILD,
                }
            )
        if pol.drop_rows:
            col, values = pol.drop_rows
            values = list(values)
            n = int(df[col].isin(values).sum())
            df = df[~df[col].isin(values)]
            excluded.append(
                {
                    "table": name,
                    "rows": f"{col} in {values} ({n} rows)",
                    "reason": why,
                    "how_to_get": HOW_TO_REBUILD,
                }
            )
        df = df[cols].reset_index(drop=True)
        csv_path, pq_path = out / "data" / f"{name}.csv", out / "data" / f"{name}.parquet"
        _csv_for_release(df).to_csv(csv_path, index=False, lineterminator="\n")
        df.to_parquet(pq_path, index=False)
        srcs = [
            s
            for s in dict.fromkeys(x for c in cols for x in sorted(schemas.column_lineage(name, c)))
            if s in reg and reg[s].is_redistributable
        ]
        used_sources.update(srcs)
        pk = [k for k in schema.primary_key if k in cols and df[k].notna().all()]
        res = {
            "name": name,
            "path": f"data/{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": schema.description,
            "bytes": csv_path.stat().st_size,
            "hash": f"sha256:{sha256_file(csv_path)}",
            "schema": {"fields": [field(c) for c in cols], "missingValues": [""]},
            "sources": [{"title": s, "path": reg[s].publisher_url} for s in srcs],
            "ailabor:parquet": {
                "path": f"data/{name}.parquet",
                "hash": f"sha256:{sha256_file(pq_path)}",
            },
            "ailabor:rows": len(df),
        }
        if pk:
            res["schema"]["primaryKey"] = pk
        resources.append(res)
    # Provenance of every raw input (metadata only; the bytes stay where they were fetched from).
    prov_dir = out / "provenance"
    n_prov = 0
    for snap in iter_snapshots(config.raw_dir()):
        meta = snap.with_name(snap.name + META_SUFFIX)
        if meta.exists():
            rel = snap.relative_to(config.raw_dir())
            dest = prov_dir / rel.parent / meta.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            record = release_provenance_record(json.loads(meta.read_text(encoding="utf-8")), rel)
            dest.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
            n_prov += 1
    not_redistributed = [
        {
            "source_id": s.source_id,
            "licence": s.licence,
            "url": s.publisher_url,
            "how_to_get": "`ailabor fetch " + s.source_id + "` from a clone of the repository",
        }
        for s in reg.values()
        if not s.is_redistributable
    ]
    package = {
        "profile": "data-package",
        "name": "ailabor-data",
        "title": "ailabor: open data on the pay, turnover and label quality of AI data workers",
        "version": __version__,
        "created": utc_now(),
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 (ailabor compilation; each source keeps its own licence)",
            }
        ],
        "sources": [
            {
                "title": f"{reg[s].title} ({s})",
                "path": reg[s].publisher_url,
                "licence": reg[s].licence,
            }
            for s in sorted(used_sources)
        ],
        "resources": resources,
        "ailabor:excluded": excluded,
        "ailabor:not_redistributed_sources": not_redistributed,
        "ailabor:code_version": codegraph.package_code_version(),
    }
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=2, default=str) + "\n", encoding="utf-8"
    )
    for f in ("CITATION.cff", "LICENSE"):
        src = config.project_root() / f
        if src.exists():
            shutil.copyfile(src, out / f)
    shutil.copyfile(config.curated_dir() / "LICENSE.md", out / "DATA_LICENCE.md")
    return {
        "path": out,
        "tables": len(resources),
        "rows": sum(r["ailabor:rows"] for r in resources),
        "excluded": excluded,
        "provenance_records": n_prov,
        "seconds": time.monotonic() - t0,
    }
