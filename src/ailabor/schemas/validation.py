"""Check a frame against its table's declaration: columns, dtypes, ranges, allowed values, key."""

from __future__ import annotations

import pandas as pd

from ailabor.errors import SchemaError
from ailabor.schemas.column import COLUMNS
from ailabor.schemas.table import TABLES


def apply_dtypes(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Select the table's columns in order and cast them to their schema dtypes."""
    schema = TABLES[table]
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise SchemaError(f"{table}: missing columns {missing}")
    out = df.loc[:, list(schema.columns)].copy()
    for c in schema.columns:
        out[c] = out[c].astype(COLUMNS[c].dtype)
    return out.reset_index(drop=True)


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check columns, dtypes, ranges, allowed values and the unique key; return ``df``.

    Errors print the offending values (after OWID's asserts).
    """
    schema = TABLES[table]
    if list(df.columns) != list(schema.columns):
        extra = [c for c in df.columns if c not in schema.columns]
        missing = [c for c in schema.columns if c not in df.columns]
        raise SchemaError(f"{table}: columns differ from schema; missing {missing}, extra {extra}")
    problems = []
    for name in schema.columns:
        col = COLUMNS[name]
        s = df[name]
        if str(s.dtype) != str(pd.Series(dtype=col.dtype).dtype):
            problems.append(f"{name}: dtype {s.dtype}, expected {col.dtype}")
            continue
        if col.min is not None and (bad := s[s < col.min]).size:
            problems.append(
                f"{name}: {bad.size} values below {col.min}, e.g. {bad.head(3).tolist()}"
            )
        if col.max is not None and (bad := s[s > col.max]).size:
            problems.append(
                f"{name}: {bad.size} values above {col.max}, e.g. {bad.head(3).tolist()}"
            )
        if col.allowed is not None:
            bad = s.dropna()[~s.dropna().isin(col.allowed)]
            if bad.size:
                problems.append(f"{name}: values outside {col.allowed}: {sorted(set(bad))[:5]}")
    # Key columns may be empty only where the table says so (response_id outside W241).
    for name in schema.not_null:
        if (n := int(df[name].isna().sum())) > 0:
            problems.append(f"{name}: {n} missing values in a key or required column")
    dup = df.duplicated(list(schema.primary_key), keep=False)
    if dup.any():
        problems.append(
            f"primary key {schema.primary_key} not unique: "
            f"{df.loc[dup, list(schema.primary_key)].head(5).to_dict('records')}"
        )
    if problems:
        raise SchemaError(f"{table}: " + "; ".join(problems))
    return df
