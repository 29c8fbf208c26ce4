"""Plausibility flags for statutory minimum wages.

ILOSTAT's monthly minimum-wage file holds a few values that are hourly, daily or
in an old currency. Flagged values are kept and marked; ratios exclude them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# Known defects listed by the mirror's SOURCES.csv for ilostat_minimum_wage:
# ISO3 -> the published monthly value that is not a monthly value.
KNOWN_DEFECTS: dict[str, float] = {
    "KHM": 200.0,
    "LBR": 91.0,
    "RWA": 2600.0,
    "GEO": 20.0,
    "HKG": 40.0,
    "MCO": 11.65,
    "BDI": 4156.8,
}
# Stated rule: a monthly minimum wage below US$15 (50 US cents a day) is not a
# plausible monthly wage anywhere in the 2020s; it is almost surely an hourly or
# daily rate, or a figure in a redenominated currency.
MIN_PLAUSIBLE_MONTHLY_USD = 15.0
# Stated rule: a minimum wage whose annual PPP value exceeds 2x GDP per capita PPP
# is implausible (the highest ratios in the literature are near 1).
MAX_PLAUSIBLE_RATIO_TO_GDP_PC = 2.0


def flag_min_wage(
    country_iso3: pd.Series,
    monthly_lcu: pd.Series,
    monthly_usd: pd.Series,
    annual_ppp_over_gdp_pc: pd.Series,
) -> pd.Series:
    """A reason string for each implausible minimum wage, NA where it looks fine.

    >>> flag_min_wage(pd.Series(["KHM", "KEN", "XXX", "YYY"]), pd.Series([200.0, 16033.14, 5.0, 9e9]),
    ...               pd.Series([0.05, 118.9, 5.0, 9e5]), pd.Series([0.001, 0.3, 0.2, 50.0])).tolist()
    ['known defect (SOURCES.csv): 200 KHM is not a monthly value; below US$15/month', <NA>, 'below US$15/month', 'annual value > 2x GDP per capita (PPP)']
    """
    reasons = []
    for iso3, lcu, usd, ratio in zip(
        country_iso3, monthly_lcu, monthly_usd, annual_ppp_over_gdp_pc, strict=True
    ):
        r = []
        if iso3 in KNOWN_DEFECTS and pd.notna(lcu) and float(lcu) == KNOWN_DEFECTS[iso3]:
            r.append(f"known defect (SOURCES.csv): {lcu:g} {iso3} is not a monthly value")
        if pd.notna(usd) and usd < MIN_PLAUSIBLE_MONTHLY_USD:
            r.append(f"below US${MIN_PLAUSIBLE_MONTHLY_USD:g}/month")
        if pd.notna(ratio) and ratio > MAX_PLAUSIBLE_RATIO_TO_GDP_PC:
            r.append(f"annual value > {MAX_PLAUSIBLE_RATIO_TO_GDP_PC:g}x GDP per capita (PPP)")
        reasons.append("; ".join(r) if r else pd.NA)
    return pd.Series(reasons, index=country_iso3.index, dtype="string")


def latest_min_wage(cy: pd.DataFrame, value: str = "min_wage_hourly_usd") -> pd.DataFrame:
    """Per country, the latest ``country_year`` row whose ``value`` is known and whose minimum
    wage is not flagged, with the latest GDP per capita PPP (``gdp_pc_ppp_latest``, ``gdp_year``).

    >>> cy = pd.DataFrame({"country_iso3": ["KEN", "KEN", "HKG"], "year": [2023, 2024, 2024],
    ...     "min_wage_hourly_usd": [0.6, 0.7, 0.03], "is_min_wage_suspect": [False, False, True],
    ...     "gdp_pc_ppp_usd": [6000.0, None, 70000.0]})
    >>> latest_min_wage(cy)[["country_iso3", "year", "gdp_pc_ppp_latest", "gdp_year"]].values.tolist()
    [['KEN', 2024, 6000.0, 2023]]
    """
    ok = cy[value].notna() & ~cy["is_min_wage_suspect"].fillna(True).astype(bool)
    d = cy[ok].sort_values("year").groupby("country_iso3", as_index=False).tail(1)
    gdp = cy.dropna(subset=["gdp_pc_ppp_usd"]).sort_values("year").groupby("country_iso3").tail(1)
    gdp = gdp.set_index("country_iso3")
    return d.assign(
        gdp_pc_ppp_latest=d["country_iso3"].map(gdp["gdp_pc_ppp_usd"]),
        gdp_year=d["country_iso3"].map(gdp["year"]),
    ).reset_index(drop=True)


# --- minimum wage by year: series breaks, status, the floor in force (issue 12) ------
# Definition breaks and redenominations known in ILOSTAT's history (listed in the mirror's
# README and checked against the file): ISO3 -> {first year of the new series: why}.
# A trend may be drawn within a series id, never across one.
SERIES_BREAKS: dict[str, dict[int, str]] = {
    "KEN": {
        2008: "definition break: 8,171 KES (2007) -> 5,479 KES (2008); ILOSTAT changes source "
        "(S4:3263 -> S4:6300) and marks a break (I11:269)"
    },
    "PHL": {
        2010: "definition break: 9,964 PHP (2009) -> 5,772 PHP (2010); ILOSTAT marks a break (I11:269)"
    },
    "UGA": {
        2017: "definition break: 6,000 UGX (2016) -> 130,000 UGX (2017); the 6,000 is the 1984 "
        "minimum never updated, 130,000 a different (sectoral) reference"
    },
    "BGD": {
        2023: "definition break: 1,500 BDT (2022) -> 12,500 BDT (2023), the garment-sector wage"
    },
    "NGA": {
        2023: "65,000 NGN for 2023-24 does not match the NGN 70,000 law of July 2024; "
        "not comparable with the 30,000 NGN series"
    },
    "VEN": {
        2018: "redenomination: VEF to VES (2018, 1:100,000); no values 2014-2017",
        2022: "redenomination: VES to VED (Oct 2021, 1:1,000,000): 7,000,000 VES (2021) vs 130 VED (2022)",
    },
}
# ILOSTAT note_indicator code of type I11 ('break in series'), found beside other breaks too.
ILO_BREAK_NOTE_PREFIX = "I11:"

# Countries with no statutory national minimum wage (collective agreements set wage floors).
# Their absence from ILOSTAT is therefore "none", not missing. Source: the ailabor mirror notes
# (shared/data/mirror/README.md, "ilostat_minwage_history"), which name exactly these; ILOSTAT
# absence alone is not taken as proof for any other country ("not in ILOSTAT").
NO_STATUTORY_MINIMUM: dict[str, str] = {
    iso3: "no statutory national minimum (wage floors set by collective agreement); "
    "source: ailabor mirror notes on ilostat_minwage_history"
    for iso3 in ("AUT", "DNK", "FIN", "ITA", "NOR", "SWE", "SGP")
}
# India's ILOSTAT value is the non-binding national floor level x 26 days, not a state rate.
NATIONAL_FLOOR_LEVEL = {
    "IND": "national floor level (non-binding) x 26 days; states set binding rates"
}
MIN_WAGE_STATUSES = ("statutory", "national floor level", "none", "not in ILOSTAT")
# A ratio may use a floor, exchange rate or earnings value from at most this many years
# before the pay figure's year, never from a later year.
MAX_FLOOR_LAG_YEARS = 3


def mark_series_breaks(
    df: pd.DataFrame, breaks: dict[str, dict[int, str]] | None = None
) -> pd.DataFrame:
    """Add ``min_wage_series_break`` (why a new series starts, in its first year) and
    ``min_wage_series_id`` (``ISO3:first year of the series``) to rows with a minimum wage.

    Breaks come from ``breaks`` (default :data:`SERIES_BREAKS`) and from ILOSTAT's own
    break-in-series notes (``I11:`` in ``ilo_note_indicator``, when that column exists).

    >>> d = pd.DataFrame({"country_iso3": ["KEN"] * 3 + ["USA"], "year": [2007, 2008, 2009, 2024],
    ...     "min_wage_monthly_lcu": [8171.0, 5479.0, 5479.0, 1257.0]})
    >>> out = mark_series_breaks(d, {"KEN": {2008: "break"}})
    >>> out["min_wage_series_id"].tolist(), out["min_wage_series_break"].tolist()
    (['KEN:2007', 'KEN:2008', 'KEN:2008', 'USA:2024'], [<NA>, 'break', <NA>, <NA>])
    """
    breaks = SERIES_BREAKS if breaks is None else breaks
    out = df.copy()
    has = out["min_wage_monthly_lcu"].notna()
    reason = pd.Series(pd.NA, index=out.index, dtype="string")
    for i, r in out[has].iterrows():
        why = breaks.get(r["country_iso3"], {}).get(int(r["year"]))
        note = r.get("ilo_note_indicator")
        if why is None and isinstance(note, str) and ILO_BREAK_NOTE_PREFIX in note:
            code = next(p for p in note.split("_") if p.startswith(ILO_BREAK_NOTE_PREFIX))
            why = f"ILOSTAT marks a break in series ({code})"
        if why is not None:
            reason[i] = why
    out["min_wage_series_break"] = reason
    sid = pd.Series(pd.NA, index=out.index, dtype="string")
    for _iso3, g in out[has].sort_values("year").groupby("country_iso3", sort=False):
        start = None
        for i, r in g.iterrows():
            if start is None or pd.notna(reason[i]):
                start = int(r["year"])
            sid[i] = f"{r['country_iso3']}:{start}"
    out["min_wage_series_id"] = sid
    return out


def min_wage_status(country_iso3: pd.Series, monthly_lcu: pd.Series) -> pd.Series:
    """What the minimum-wage cell means: 'statutory', 'national floor level' (India),
    'none' (a documented country without a statutory national minimum) or 'not in ILOSTAT'.

    >>> min_wage_status(pd.Series(["KEN", "IND", "SWE", "XYZ"]),
    ...                 pd.Series([16033.14, 4628.0, None, None])).tolist()
    ['statutory', 'national floor level', 'none', 'not in ILOSTAT']
    """
    out = []
    for iso3, v in zip(country_iso3, monthly_lcu, strict=True):
        if iso3 in NO_STATUTORY_MINIMUM and pd.isna(v):
            out.append("none")
        elif pd.isna(v):
            out.append("not in ILOSTAT")
        elif iso3 in NATIONAL_FLOOR_LEVEL:
            out.append("national floor level")
        else:
            out.append("statutory")
    return pd.Series(out, index=country_iso3.index, dtype="string")


def floor_in_force(
    context: pd.DataFrame,
    iso3: str,
    year: int,
    column: str,
    max_lag: int = MAX_FLOOR_LAG_YEARS,
    flag_column: str | None = None,
) -> tuple[float, int | None, int | None, str]:
    """The value of ``column`` in force in ``year``: that year's, else the nearest EARLIER
    year at most ``max_lag`` years back; never a later year. Flagged rows are skipped.

    Returns (value, year used, lag in years, note); NaN and the reason when none fits.

    >>> cy = pd.DataFrame({"country_iso3": ["KEN"] * 3, "year": [2020, 2022, 2024], "x": [1.0, 2.0, 3.0]})
    >>> floor_in_force(cy, "KEN", 2023, "x")
    (2.0, 2022, 1, 'from 2022 (1 year earlier)')
    >>> floor_in_force(cy, "KEN", 2019, "x")[3]
    'no x for KEN in 2019 or up to 3 years before'
    """
    if iso3 not in set(context["country_iso3"]):
        return np.nan, None, None, f"no {column} for {iso3}"
    d = context[(context["country_iso3"] == iso3) & context[column].notna()]
    if flag_column is not None:
        d = d[~d[flag_column].fillna(False).astype(bool)]
    years = d["year"].astype(int)
    d = d[(years <= int(year)) & (years >= int(year) - max_lag)]
    if d.empty:
        return (
            np.nan,
            None,
            None,
            f"no {column} for {iso3} in {year} or up to {max_lag} years before",
        )
    best = d.loc[d["year"].astype(int).idxmax()]
    used = int(best["year"])
    lag = int(year) - used
    note = "same year" if lag == 0 else f"from {used} ({lag} year{'s' if lag > 1 else ''} earlier)"
    return float(best[column]), used, lag, note


def us_federal_minimum(dol: pd.DataFrame | None) -> pd.DataFrame:
    """The US federal (FLSA) hourly minimum by year from the DOL table: the federal row,
    single rates, hourly units. The one lookup every ratio and summary uses.

    >>> dol = pd.DataFrame({"is_federal": [True, True, False], "rate_kind": ["single"] * 3,
    ...     "unit": ["hour"] * 3, "year": [2009, 2024, 2024], "min_wage_high": [7.25, 7.25, 15.0]})
    >>> us_federal_minimum(dol)[["year", "min_wage_hourly_usd"]].values.tolist()
    [[2009.0, 7.25], [2024.0, 7.25]]
    """
    cols = ["country_iso3", "year", "min_wage_hourly_usd", "is_min_wage_suspect"]
    if dol is None:
        return pd.DataFrame(columns=cols)
    f = dol[
        dol["is_federal"].astype(bool) & (dol["rate_kind"] == "single") & (dol["unit"] == "hour")
    ]
    return pd.DataFrame(
        {
            "country_iso3": "USA",
            "year": f["year"].astype(int).to_numpy(),
            "min_wage_hourly_usd": f["min_wage_high"].astype(float).to_numpy(),
            "is_min_wage_suspect": False,
        }
    )[cols]


def us_federal_minimum_for(year: int, dol: pd.DataFrame) -> tuple[float, int]:
    """The federal hourly minimum in force in ``year`` (latest DOL year <= ``year``; DOL's
    table has selected years only, so no lag limit applies to this one statutory rate).

    >>> dol = pd.DataFrame({"is_federal": [True, True], "rate_kind": ["single"] * 2,
    ...     "unit": ["hour"] * 2, "year": [2009, 2024], "min_wage_high": [7.25, 7.25]})
    >>> us_federal_minimum_for(2017, dol)
    (7.25, 2009)
    """
    fed = us_federal_minimum(dol)
    v, used, _lag, note = floor_in_force(fed, "USA", year, "min_wage_hourly_usd", max_lag=200)
    if used is None:
        raise LookupError(f"US federal minimum: {note}")
    return v, used
