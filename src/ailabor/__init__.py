"""ailabor: open data on the pay, turnover and label quality of AI data workers.

Notebook entry points::

    import ailabor
    ailabor.list_datasets()
    ailabor.load_country_year()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ailabor")
except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
    __version__ = "0.0.0+unknown"

from ailabor.datasets import load_country_year, load_table  # noqa: E402

__all__ = ["__version__", "load_country_year", "load_table"]
