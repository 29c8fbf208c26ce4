"""Every column and every table, declared once (after PUDL's metadata package).

- ``vocabularies``: allowed values, imported wherever they are needed;
- ``column``: :class:`Column` and the ``COLUMNS`` registry;
- ``table``: :class:`TableSpec`, the ``TABLES`` registry, lineage, build order, release policy;
- one module per topic (``country``, ``labels``, ``pay``, ``scraped``, ``mturk``) declaring its columns
  and the tables that use them;
- ``validation``: :func:`apply_dtypes` and :func:`validate`.

The data dictionary, the data package, the build order, the lineage shown by
``ailabor.list_datasets()`` and the release exclusions are all computed from here.
"""

from __future__ import annotations

from ailabor.errors import SchemaError
from ailabor.schemas import country, labels, mturk, pay, scraped  # noqa: F401  (they declare)
from ailabor.schemas.column import COLUMNS, Column
from ailabor.schemas.table import (
    TABLES,
    ReleasePolicy,
    TableSpec,
    build_order,
    column_lineage,
    release_policy,
    table_lineage,
)
from ailabor.schemas.validation import apply_dtypes, validate

__all__ = [
    "COLUMNS",
    "TABLES",
    "Column",
    "ReleasePolicy",
    "SchemaError",
    "TableSpec",
    "apply_dtypes",
    "build_order",
    "column_lineage",
    "release_policy",
    "table_lineage",
    "validate",
]
