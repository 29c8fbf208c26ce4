"""Build the MTurk Tracker survey tables (2015-2026): what MTurk workers report earning and
working each week, where they are, and how long they stay.

Income and hours are two separate marginal distributions; ``mturk_earnings_by_year`` gives
assumption-free bounds on hourly earnings and a point estimate under the comonotone
assumption (see :mod:`ailabor.clean.mturk_bands`), never a measured hourly wage. The
retention tables are platform-level turnover: they move with time, and nothing in them
separates the effect of pay from anything else that changed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ailabor.clean import mturk_bands
from ailabor.clean.countries import add_iso3_from_iso2
from ailabor.sources import mturk_surveys as src

PRODUCES = (
    "mturk_weekly_income",
    "mturk_weekly_hours",
    "mturk_workers_by_country",
    "mturk_cohort_halflife",
    "mturk_return",
    "mturk_earnings_by_year",
    "mturk_us_india",
)
FILES = (
    "cat_weekly_income_from_mturk.csv",
    "cat_time_spent_on_mturk.csv",
    "country_year.csv",
    "pop_halflife.csv",
    "pop_return.csv",
    "totals.csv",
    "us_india.csv",
)
NOT_ASKED = "not asked"
# Weekly income thresholds (band edges, so the shares are exact) and hourly thresholds.
WEEKLY_THRESHOLDS_USD = (20, 100)
# $7.25 is the US federal minimum in force in every survey year (2009 onwards; results_mturk
# checks it against ailabor.clean.minwage.us_federal_minimum_for).
HOURLY_THRESHOLDS_USD = {"2": 2.0, "7_25": 7.25}
PERIOD_DAYS = 30  # upstream capture occasions are 30-day periods from 2015-03-26
# Era boundaries as the upstream script (docs/homage-video/estimate_population.py) sets them.
ERAS = {
    "2015–2019": ("2015-03-26", "2019-12-31"),
    "2020–2022": ("2020-01-01", "2022-12-31"),
    "2023–2026": ("2023-01-01", "2026-09-30"),
}


def _input_files() -> list[Path]:
    return [src.SOURCE.path(f) for f in FILES]


def partial_years(first_day: str, last_day: str) -> set[int]:
    """Years the survey covers only in part.

    >>> sorted(partial_years("2015-03-26", "2026-09-30"))
    [2015, 2026]
    """
    f, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    out = set()
    if (f.month, f.day) != (1, 1):
        out.add(f.year)
    if (last.month, last.day) != (12, 31):
        out.add(last.year)
    return out


def band_table(counts: pd.DataFrame, partial: set[int]) -> pd.DataFrame:
    """Counts by year and band with numeric band edges and the share of that year's answers;
    years in which the question was not asked keep their answers under 'not asked'.

    >>> c = pd.DataFrame({"year": [2016, 2017, 2017], "band": [None, "Less than $1 per week",
    ...     "More than $500 per week"], "n_answers": [5, 1, 3]})
    >>> band_table(c, {2016})[["band", "low", "high", "share_of_answered"]].values.tolist()
    [['not asked', nan, nan, nan], ['Less than $1 per week', 0.0, 1.0, 0.25], ['More than $500 per week', 500.0, inf, 0.75]]
    """
    d = counts.copy()
    asked = d["band"].notna()
    edges = d.loc[asked, "band"].map(mturk_bands.band_edges)
    d["low"] = pd.Series([e[0] for e in edges], index=edges.index, dtype="float64")
    d["high"] = pd.Series([e[1] for e in edges], index=edges.index, dtype="float64")
    d["band"] = d["band"].fillna(NOT_ASKED)
    d["is_asked"] = asked
    answered = d[asked].groupby("year")["n_answers"].transform("sum")
    d["share_of_answered"] = (d.loc[asked, "n_answers"] / answered).reindex(d.index)
    d["is_partial_year"] = d["year"].isin(partial)
    return d.sort_values(["year", "is_asked", "low"]).reset_index(drop=True)


def earnings_by_year(income: pd.DataFrame, hours: pd.DataFrame, partial: set[int]) -> pd.DataFrame:
    """Per year: shares under weekly thresholds, and bounds and a comonotone point estimate
    for hourly earnings (median and the share below each hourly threshold)."""
    rows = []
    inc_a, hrs_a = income[income["is_asked"]], hours[hours["is_asked"]]
    for year in sorted(set(inc_a["year"]) & set(hrs_a["year"])):
        i = inc_a[inc_a["year"] == year].rename(columns={"n_answers": "n"})
        h = hrs_a[hrs_a["year"] == year].rename(columns={"n_answers": "n"})
        ci = mturk_bands.cdf_at_edges(i["low"], i["high"], i["n"])
        ch = mturk_bands.cdf_at_edges(h["low"], h["high"], h["n"])
        como = mturk_bands.comonotone_hourly(i, h)
        med_lo, med_hi = mturk_bands.median_bounds(ci, ch)
        r = {
            "year": year,
            "is_partial_year": year in partial,
            "n_answers_income": int(i["n"].sum()),
            "n_answers_hours": int(h["n"].sum()),
            "median_hourly_usd_lower": med_lo,
            "median_hourly_usd_upper": med_hi if np.isfinite(med_hi) else np.nan,
            "median_hourly_usd_comonotone": float(np.median(como)),
        }
        for t in WEEKLY_THRESHOLDS_USD:
            r[f"share_weekly_income_under_{t}_usd"] = float(ci[float(t)])
        for name, x in HOURLY_THRESHOLDS_USD.items():
            lo, hi = mturk_bands.share_below_bounds(ci, ch, x)
            r[f"share_hourly_below_{name}_lower"] = lo
            r[f"share_hourly_below_{name}_upper"] = hi
            r[f"share_hourly_below_{name}_comonotone"] = float((como < x).mean())
        rows.append(r)
    return pd.DataFrame(rows)


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    p = dict(zip(FILES, _input_files(), strict=True))
    inc = src.parse_band_counts(p["cat_weekly_income_from_mturk.csv"])
    hrs = src.parse_band_counts(p["cat_time_spent_on_mturk.csv"])
    cy = src.parse_country_year(p["country_year.csv"])
    half = src.parse_halflife(p["pop_halflife.csv"])
    ret = src.parse_return(p["pop_return.csv"])
    totals = src.parse_totals(p["totals.csv"])
    usin = src.parse_us_india(p["us_india.csv"])

    # Process data.
    partial = partial_years(totals["first_day"], totals["last_day"])
    income = band_table(inc, partial).rename(
        columns={
            "band": "income_band",
            "low": "income_low_usd_week",
            "high": "income_high_usd_week",
        }
    )
    hours = band_table(hrs, partial).rename(
        columns={"band": "hours_band", "low": "hours_low_week", "high": "hours_high_week"}
    )
    earn = earnings_by_year(
        income.rename(columns={"income_low_usd_week": "low", "income_high_usd_week": "high"}),
        hours.rename(columns={"hours_low_week": "low", "hours_high_week": "high"}),
        partial,
    )
    cy = add_iso3_from_iso2(cy, "country_iso2")
    cy["is_partial_year"] = cy["year"].isin(partial)
    cy = cy.sort_values(["year", "n_answers"], ascending=[True, False]).reset_index(drop=True)
    half["era_first_day"] = half["era"].map(lambda e: ERAS.get(e, (None, None))[0])
    half["era_last_day"] = half["era"].map(lambda e: ERAS.get(e, (None, None))[1])
    ret["gap_days"] = ret["gap_periods"] * PERIOD_DAYS
    usin = usin.assign(country_iso3=usin["country_iso2"].map({"US": "USA", "IN": "IND"})).rename(
        columns={"measure": "profile_measure", "value": "profile_value"}
    )

    # Checks: every table's yearly answers add up to the same totals (totals.csv overall).
    by_year = {
        "income": income.groupby("year")["n_answers"].sum(),
        "hours": hours.groupby("year")["n_answers"].sum(),
        "country": cy.groupby("year")["n_answers"].sum(),
    }
    for k, s in by_year.items():
        if int(s.sum()) != totals["responses"]:
            raise ValueError(
                f"mturk_surveys: {k} answers sum to {int(s.sum())}, totals.csv {totals['responses']}"
            )
        if not s.equals(by_year["country"]):
            raise ValueError(f"mturk_surveys: {k} answers by year differ from country_year.csv")
    report = {t: {} for t in PRODUCES}
    report["mturk_weekly_income"] = {
        "responses": totals["responses"],
        "workers": totals["workers"],
        "partial_years": sorted(partial),
        "years_asked": sorted(income.loc[income["is_asked"], "year"].unique().tolist()),
    }
    report["mturk_workers_by_country"] = {
        "unmatched_iso2": sorted(
            cy.loc[cy["country_iso3"].isna(), "country_iso2"].unique().tolist()
        )
    }
    return {
        "mturk_weekly_income": income,
        "mturk_weekly_hours": hours,
        "mturk_workers_by_country": cy,
        "mturk_cohort_halflife": half,
        "mturk_return": ret,
        "mturk_earnings_by_year": earn,
        "mturk_us_india": usin,
    }, report
