"""Plausibility flags for statutory minimum wages.

ILOSTAT's monthly minimum-wage file holds a few values that are hourly, daily or
in an old currency. Flagged values are kept and marked; ratios exclude them.
"""

from __future__ import annotations

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
