"""A column, defined once: dtype, unit, description and allowed values (after PUDL's fields)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # pandas dtype: "str" (pandas 3 default strings, NaN missing; crowd-kit needs it), "Int64", "float64", "boolean", "datetime64[us, UTC]"
    description: str
    unit: str = ""
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] | None = None


COLUMNS: dict[str, Column] = {}


def col(*args, **kwargs) -> Column:
    """Define a column once; defining the same name twice is an error.

    >>> col("_doctest_col", "float64", "A column for this example.", unit="m").unit
    'm'
    >>> _ = COLUMNS.pop("_doctest_col")
    """
    c = Column(*args, **kwargs)
    if c.name in COLUMNS:
        raise ValueError(f"column {c.name} defined twice")
    COLUMNS[c.name] = c
    return c


def share(name: str, description: str) -> Column:
    """Define a share: a float between 0 and 1.

    >>> share("_doctest_share", "A share for this example.").max
    1
    >>> _ = COLUMNS.pop("_doctest_share")
    """
    return col(name, "float64", description, unit="share", min=0, max=1)
