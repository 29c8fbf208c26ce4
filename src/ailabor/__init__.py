"""ailabor: open data on the pay, turnover and label quality of AI data workers.

Notebook entry points::

    import ailabor
    ailabor.list_datasets()          # name, description, rows, licence, sources
    ailabor.load("pay_observations") # any table by name
    ailabor.load_country_year(); ailabor.load_pay(); ailabor.load_workers()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ailabor")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0.0.0+unknown"

from ailabor.datasets import (  # noqa: E402
    list_datasets,
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
from ailabor.sources.annotations_reader import read_annotations  # noqa: E402

__all__ = [
    "__version__",
    "list_datasets",
    "load",
    "load_annotations",
    "load_country_year",
    "load_mturk_hits",
    "load_pay",
    "load_platforms",
    "load_table",
    "load_us_min_wage",
    "load_workers",
    "read_annotations",
]
