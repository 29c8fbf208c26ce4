"""The notebook catalogue: load the published tables by name (``ailabor.listing`` lists them).

>>> "country_year" in [name for name in LOADERS.values()]
True
"""

from __future__ import annotations

from ailabor import schemas, storage
from ailabor.errors import AilaborError

# Named loaders (``ailabor.load_<x>()``) -> the table each returns.
LOADERS = {
    "load_country_year": "country_year",
    "load_pay": "pay_observations",
    "load_platforms": "platforms",
    "load_mturk_hits": "mturk_hit_groups",
    "load_us_min_wage": "us_state_min_wage",
    "load_annotations": "annotations",
    "load_workers": "workers",
}


class UnknownTableError(AilaborError, KeyError):
    """A table name that is not declared; the message lists the known ones."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0])


def load(name: str):
    """Load any published table by name (see :func:`list_datasets`).

    >>> load("no_such_table")
    Traceback (most recent call last):
    ...
    ailabor.catalog.UnknownTableError: unknown table 'no_such_table'; known tables: ...
    """
    if name not in schemas.TABLES:
        raise UnknownTableError(
            f"unknown table {name!r}; known tables: {', '.join(schemas.TABLES)}"
        )
    return storage.read_table(name)


load_table = load


def load_country_year():
    """Country-year context: GDP, exchange and PPP rates, minimum wages, earnings (``country_year``)."""
    return load("country_year")


def load_pay():
    """Published pay figures normalised to hourly US$ and PPP $ (``pay_observations``)."""
    return load("pay_observations")


def load_platforms():
    """Platforms, owners and business models (``platforms``); Fairwork scores: ``load("platform_scores")``."""
    return load("platforms")


def load_mturk_hits():
    """HIT groups on the saved MTurk listing pages (``mturk_hit_groups``)."""
    return load("mturk_hit_groups")


def load_us_min_wage():
    """US state and federal minimum wages, 1968-2024 (``us_state_min_wage``)."""
    return load("us_state_min_wage")


def load_annotations():
    """One row per label (``annotations``), crowd-kit layout: task, worker, label."""
    return load("annotations")


def load_workers():
    """One row per worker x posting with accuracy and Dawid-Skene error (``workers``)."""
    return load("workers")
