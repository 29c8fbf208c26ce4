"""ailabor: open data on the pay, turnover and label quality of AI data workers.

Notebook entry points::

    import ailabor
    ailabor.list_datasets()          # name, description, rows, licence, sources
    ailabor.load("pay_observations") # any table by name
    ailabor.load_country_year(); ailabor.load_pay(); ailabor.load_workers()
    ailabor.read_annotations("my_labels.csv", task="item", worker="annotator", label="answer")

Importing the package loads nothing heavy: pandas and the rest load on first use.
"""

from __future__ import annotations

import importlib

from ailabor.catalog import (  # light: no pandas until a table is loaded
    load,
    load_annotations,
    load_country_year,
    load_mturk_hits,
    load_pay,
    load_platforms,
    load_table,
    load_us_min_wage,
    load_workers,
)
from ailabor.version import __version__

# Exported name -> module that defines it (imported on first access: these load pandas).
_LAZY = {
    "list_datasets": "ailabor.listing",
    "read_annotations": "ailabor.sources.annotations_reader",
}

# Static, so tools can read it; tests check it names every loader in catalog.LOADERS.
__all__ = [
    "__version__",
    "load",
    "load_annotations",
    "load_country_year",
    "load_mturk_hits",
    "load_pay",
    "load_platforms",
    "load_table",
    "load_us_min_wage",
    "load_workers",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ailabor' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
