"""List the published tables with their rows, licence and lineage (``ailabor.list_datasets()``)."""

from __future__ import annotations

from ailabor import config, schemas, storage


def _source_licences() -> dict[str, tuple[str, bool]]:
    from ailabor.sources import registry

    return {sid: (s.licence, s.is_redistributable) for sid, s in registry().items()}


def table_licence(name: str) -> str:
    """Licence of a built table: CC BY 4.0 for ailabor's work, plus every source's own terms."""
    lic = _source_licences()
    parts = [f"{config.CURATED_LICENCE} (ailabor compilation)"]
    parts += [f"{s}: {lic[s][0]}" for s in schemas.table_lineage(name) if s in lic]
    return "; ".join(parts)


def list_datasets():
    """Every published table: name, description, rows (when built), licence and lineage.

    >>> "country_year" in list_datasets()["name"].tolist()
    True
    """
    import pandas as pd

    rows = []
    for name, spec in schemas.TABLES.items():
        meta = storage.read_meta(name)
        rows.append(
            {
                "name": name,
                "description": spec.description,
                "rows": meta["rows"] if meta else pd.NA,
                "is_built": meta is not None,
                "licence": table_licence(name),
                "sources": ", ".join(schemas.table_lineage(name)),
                "loader": f"ailabor.load({name!r})",
            }
        )
    return pd.DataFrame(rows).astype({"rows": "Int64"})
