"""A table, declared once: its columns, key, inputs and, per column, what it is derived from.

Build order, input files, lineage, release exclusions and the data dictionary are all
computed from these declarations (after PUDL's resources and OWID's DAG), never kept
beside them.

Lineage entries name where a column's values come from:

- a registered source id (``"wdi_gdp_pc_ppp"``),
- a curated file (``"curated:pay_observations.csv"``),
- another table's column (``"country_year.min_wage_hourly_usd"``), resolved recursively.

A column not listed in ``derived_from`` derives from all of the table's own ``sources`` and
``curated`` files. A source named only in ``derived_from`` is an input of the table that only
those columns derive from (so adding a column from a new source taints no other column). ``rows_from`` says that the rows with a given value in one column come from
given sources only (the labels of each dataset come from that dataset's source), so a source
without a redistribution licence removes those rows rather than every column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ailabor.schemas.column import COLUMNS

CURATED_PREFIX = "curated:"


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    not_null: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # registered source ids read directly
    curated: tuple[str, ...] = ()  # files in data/curated read directly
    requires: tuple[str, ...] = ()  # tables that must be built first
    uses: tuple[str, ...] = ()  # tables used when built (context), named in the output when not
    derived_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rows_from: tuple[str, Mapping[str, tuple[str, ...]]] | None = None

    @property
    def own_lineage(self) -> tuple[str, ...]:
        """Where a column not listed in ``derived_from`` comes from."""
        return (*self.sources, *(CURATED_PREFIX + c for c in self.curated))

    @property
    def upstream_tables(self) -> tuple[str, ...]:
        return (*self.requires, *self.uses)

    @property
    def all_sources(self) -> tuple[str, ...]:
        """Every registered source the table reads: its own and those named per column."""
        extra = (
            e
            for entries in self.derived_from.values()
            for e in entries
            if not e.startswith(CURATED_PREFIX) and "." not in e
        )
        return tuple(dict.fromkeys((*self.sources, *extra)))


TABLES: dict[str, TableSpec] = {}


def _check_entry(spec: TableSpec, column: str, entry: str) -> None:
    if entry.startswith(CURATED_PREFIX):
        ok = entry.removeprefix(CURATED_PREFIX) in spec.curated
    elif "." in entry:
        ok = entry.split(".", 1)[0] in spec.upstream_tables
    else:
        ok = True  # a source id: checked against the registry by the tests
    if not ok:
        raise ValueError(
            f"table {spec.name}: column {column} derives from {entry!r}, "
            "which the table does not declare among its sources, curated files or tables"
        )


def table(name: str, description: str, columns, primary_key, not_null=(), **inputs) -> TableSpec:
    """Declare a table. Every column must be defined in ``COLUMNS``; every lineage entry
    must be one of the table's declared inputs.

    >>> spec = table("_doctest_t", "Example.", ["year"], ["year"], sources=("wdi_gdp_pc_ppp",))
    >>> spec.own_lineage, column_lineage("_doctest_t", "year")
    (('wdi_gdp_pc_ppp',), frozenset({'wdi_gdp_pc_ppp'}))
    >>> _ = TABLES.pop("_doctest_t")
    """
    inputs = {k: tuple(v) if isinstance(v, list | tuple) else v for k, v in inputs.items()}
    spec = TableSpec(
        name, description, tuple(columns), tuple(primary_key), tuple(not_null), **inputs
    )
    if name in TABLES:
        raise ValueError(f"table {name} declared twice")
    for c in (*spec.columns, *spec.derived_from):
        if c not in COLUMNS:
            raise ValueError(f"table {name}: column {c} has no definition in COLUMNS")
    for c in (*spec.primary_key, *spec.not_null, *spec.derived_from):
        if c not in spec.columns:
            raise ValueError(f"table {name}: {c} is not one of its columns")
    for c, entries in spec.derived_from.items():
        for e in entries:
            _check_entry(spec, c, e)
    if spec.rows_from is not None:
        row_col, by_value = spec.rows_from
        if row_col not in spec.columns:
            raise ValueError(f"table {name}: rows_from column {row_col} is not one of its columns")
        for v, srcs in by_value.items():
            for s in srcs:
                if s not in spec.sources:
                    raise ValueError(f"table {name}: rows {row_col}={v} from undeclared source {s}")
    TABLES[name] = spec
    return spec


def lineage_groups(*groups: tuple[tuple[str, ...], tuple[str, ...]]):
    """``(columns, derived_from)`` for :func:`table` from groups of (columns, lineage), so
    each column is named once, beside what it derives from.

    >>> lineage_groups((("a", "b"), ("src1",)), (("c",), ("src2", "t.x")))
    (['a', 'b', 'c'], {'a': ('src1',), 'b': ('src1',), 'c': ('src2', 't.x')})
    """
    columns = [c for cols, _ in groups for c in cols]
    return columns, {c: tuple(lin) for cols, lin in groups for c in cols}


def column_lineage(table_name: str, column: str) -> frozenset[str]:
    """Source ids and ``curated:`` files a column's values derive from, through other tables."""
    spec = TABLES[table_name]
    out: set[str] = set()
    for entry in spec.derived_from.get(column, spec.own_lineage):
        if entry.startswith(CURATED_PREFIX) or "." not in entry:
            out.add(entry)
        else:
            t, c = entry.split(".", 1)
            out |= column_lineage(t, c)
    return frozenset(out)


def table_lineage(table_name: str) -> tuple[str, ...]:
    """Every source and curated file a table derives from, in a stable order."""
    spec = TABLES[table_name]
    found = set().union(*(column_lineage(table_name, c) for c in spec.columns))
    ordered = [*spec.own_lineage]
    ordered += sorted(found - set(ordered))
    return tuple(e for e in ordered if e in found)


def build_order(names=None) -> list[str]:
    """Tables in an order where each comes after the tables it requires or uses.

    >>> order = build_order(); order.index("country_year") < order.index("pay_observations")
    True
    """
    names = list(TABLES) if names is None else list(names)
    done: list[str] = []
    visiting: set[str] = set()

    def visit(n: str) -> None:
        if n in done:
            return
        if n in visiting:
            raise ValueError(f"tables depend on each other in a cycle through {n}")
        visiting.add(n)
        for up in TABLES[n].upstream_tables:
            visit(up)
        visiting.discard(n)
        done.append(n)

    for n in names:
        visit(n)
    return done


@dataclass(frozen=True)
class ReleasePolicy:
    """What a table may carry into the release, and why (computed, never declared)."""

    table: str
    exclude: bool
    drop_columns: tuple[str, ...]
    drop_rows: tuple[str, tuple[str, ...]] | None  # (column, values)
    because: tuple[str, ...]  # the sources without a redistribution licence behind the drops


def release_policy(table_name: str, is_redistributable: Callable[[str], bool]) -> ReleasePolicy:
    """Derive the release policy of a table from its declaration and the sources' licences.

    Rows that come from an unlicensed source (``rows_from``) are dropped; a column whose
    lineage (apart from those row sources) includes an unlicensed source is dropped; a table
    left with no columns or no rows is excluded.
    """

    def free(entry: str) -> bool:
        return entry.startswith(CURATED_PREFIX) or is_redistributable(entry)

    spec = TABLES[table_name]
    because: set[str] = set()
    row_sources: set[str] = set()
    drop_rows = None
    if spec.rows_from is not None:
        row_col, by_value = spec.rows_from
        bad_values = []
        for value, srcs in by_value.items():
            row_sources |= set(srcs)
            if not all(free(s) for s in srcs):
                bad_values.append(value)
                because |= {s for s in srcs if not free(s)}
        if bad_values:
            drop_rows = (row_col, tuple(bad_values))
        all_rows_dropped = len(bad_values) == len(by_value)
    else:
        all_rows_dropped = False
    drop_columns = []
    for c in spec.columns:
        bad = {s for s in column_lineage(table_name, c) - row_sources if not free(s)}
        if bad:
            drop_columns.append(c)
            because |= bad
    exclude = all_rows_dropped or len(drop_columns) == len(spec.columns)
    return ReleasePolicy(
        table_name,
        exclude,
        () if exclude else tuple(drop_columns),
        None if exclude else drop_rows,
        tuple(sorted(because)),
    )
