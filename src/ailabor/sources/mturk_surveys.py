"""MTurk Tracker demographics survey aggregates (Ipeirotis; 2015-03-26 to 2026-09-30).

Weekly MTurk income bands and weekly hours bands by year (two separate marginals),
answers and workers by country and year, cohort half-life by era and return
probabilities: the platform-level turnover evidence.
"""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

REPO = "ipeirotis/mturk-surveys"
COMMIT = "db600a2958c56b762f522d1937061dde775af4fb"
_DIR = "docs/homage-video/data/"
FILES = (
    "cat_weekly_income_from_mturk.csv",
    "cat_time_spent_on_mturk.csv",
    "country_year.csv",
    "monthly.csv",
    "yob_year.csv",
    "us_india.csv",
    "us_household.csv",
    "totals.csv",
    "pop_halflife.csv",
    "pop_return.csv",
)

SOURCE = Source(
    source_id="mturk_surveys",
    title="MTurk Tracker demographics survey: aggregates 2015-2026",
    publisher="Panos Ipeirotis, MTurk Tracker (github ipeirotis/mturk-surveys)",
    licence="Apache-2.0 (repository LICENSE)",
    is_redistributable=True,
    publisher_url=f"https://github.com/{REPO}",
    files=github_files(REPO, COMMIT, [_DIR + f for f in FILES] + ["LICENSE"], "mturk_surveys/"),
    description=(
        "392,995 answers from 157,255 workers: weekly income and weekly hours bands by year, "
        "workers by country x year, cohort half-life by era, return probability by gap."
    ),
    citation=(
        "Ipeirotis, P. G. MTurk Tracker demographics survey, github.com/ipeirotis/mturk-surveys "
        f"@ {COMMIT[:7]}."
    ),
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Income and hours are separate marginal distributions: they bound hourly earnings, they do not give them.",
        "Income/hours not asked in 2015-16; the last year (2026) is partial.",
    ),
)

SOURCES = (SOURCE,)


# --- parse --------------------------------------------------------------------
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

from ailabor.errors import ParseError  # noqa: E402


def _read(path: Path, need: list[str]) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if missing := [c for c in need if c not in df.columns]:
        raise ParseError(
            SOURCE.source_id, path, f"missing columns {missing}; found {list(df.columns)}", row=1
        )
    return df


def _numbers(
    df: pd.DataFrame, col: str, path: Path, integer: bool = False, allow_empty: bool = False
) -> pd.Series:
    num = pd.to_numeric(df[col].str.strip().replace("", None), errors="coerce")
    bad = num.isna() & (df[col].str.strip().ne("") | (not allow_empty))
    if bad.any():
        i = int(bad.to_numpy().argmax())
        raise ParseError(
            SOURCE.source_id, path, f"{col}: not a number: {df.at[i, col]!r}", row=i + 2
        )
    return num.astype("int64") if integer else num.astype("float64")


def parse_band_counts(path: Path) -> pd.DataFrame:
    """``cat_weekly_income_from_mturk.csv`` / ``cat_time_spent_on_mturk.csv`` (``y``, ``v``,
    ``n``): ``year``, ``band`` (NA where the question was not asked), ``n_answers``.
    A repeated (year, band) is an error naming the row."""
    df = _read(path, ["y", "v", "n"])
    out = pd.DataFrame(
        {
            "year": _numbers(df, "y", path, integer=True),
            "band": df["v"].str.strip().replace("", None).astype("string"),
            "n_answers": _numbers(df, "n", path, integer=True),
        }
    )
    if (dup := out.duplicated(["year", "band"])).any():
        i = int(dup.to_numpy().argmax())
        raise ParseError(SOURCE.source_id, path, "year and band repeated", row=i + 2)
    return out.sort_values(["year", "band"], na_position="first").reset_index(drop=True)


def parse_country_year(path: Path) -> pd.DataFrame:
    """``country_year.csv`` (``y``, ``country``, ``n``, ``w``): answers and distinct workers by
    year and ISO 3166 alpha-2 country as the survey recorded it."""
    df = _read(path, ["y", "country", "n", "w"])
    return pd.DataFrame(
        {
            "year": _numbers(df, "y", path, integer=True),
            "country_iso2": df["country"].str.strip().astype("string"),
            "n_answers": _numbers(df, "n", path, integer=True),
            "n_workers": _numbers(df, "w", path, integer=True),
        }
    )


def parse_halflife(path: Path) -> pd.DataFrame:
    """``pop_halflife.csv``: cohort half-life in days and the active-population estimate by era."""
    df = _read(path, ["era", "half_life_days", "active_equal_catchability"])
    return pd.DataFrame(
        {
            "era": df["era"].str.strip().astype("string"),
            "half_life_days": _numbers(df, "half_life_days", path),
            "active_workers_estimate": _numbers(df, "active_equal_catchability", path),
        }
    )


def parse_return(path: Path) -> pd.DataFrame:
    """``pop_return.csv`` (wide: ``gap`` then one column per era) to long: ``era``,
    ``gap_periods`` (30-day capture periods), ``share_seen_again``. Empty cells (gaps longer
    than an era allows) are left out."""
    df = _read(path, ["gap"])
    eras = [c for c in df.columns if c != "gap"]
    if not eras:
        raise ParseError(SOURCE.source_id, path, "no era columns", row=1)
    gap = _numbers(df, "gap", path, integer=True)
    parts = [
        pd.DataFrame(
            {
                "era": e,
                "gap_periods": gap,
                "share_seen_again": _numbers(df, e, path, allow_empty=True),
            }
        )
        for e in eras
    ]
    out = pd.concat(parts, ignore_index=True).dropna(subset=["share_seen_again"])
    out["era"] = out["era"].astype("string")
    return out


def parse_totals(path: Path) -> dict:
    """``totals.csv``: the survey's overall counts (responses, workers, ... first/last day)."""
    df = _read(path, ["responses", "workers", "first_day", "last_day"])
    if len(df) != 1:
        raise ParseError(SOURCE.source_id, path, f"expected one row, found {len(df)}", row=2)
    r = df.iloc[0]
    return {
        "responses": int(r["responses"]),
        "workers": int(r["workers"]),
        "first_day": r["first_day"],
        "last_day": r["last_day"],
    }


def parse_us_india(path: Path) -> pd.DataFrame:
    """``us_india.csv``: the US and India worker profiles, pooled over 2015-2026, long format
    (``country_iso2``, ``measure`` as the upstream column name, ``value``)."""
    df = _read(path, ["country", "n", "workers"])
    long = df.melt(id_vars="country", var_name="measure", value_name="value")
    long["value"] = _numbers(long, "value", path)
    return long.rename(columns={"country": "country_iso2"}).astype(
        {"country_iso2": "string", "measure": "string"}
    )
