"""Build ``country_year``: World Bank and ILOSTAT context for every country and year.

Minimum wages are ILOSTAT's full history (``ilostat_minwage_history``), one value per
country and year, converted at that year's exchange rate and PPP factor (else the
nearest earlier year within ``MAX_RATE_LAG_YEARS``), with series breaks and
redenominations marked so that no trend crosses one unmarked.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.clean.countries import add_iso3_from_iso2, add_iso3_from_names, drop_aggregates
from ailabor.clean.currency import asof_rate, lcu_to_ppp, lcu_to_usd
from ailabor.clean.earnings import select_national_total
from ailabor.clean.minwage import flag_min_wage, mark_series_breaks, min_wage_status
from ailabor.clean.pay_units import HOURS_PER_MONTH, monthly_to_hourly
from ailabor.sources import fed, ilostat, wdi

PRODUCES = ("country_year",)
# Minimum wages come from ILOSTAT's full history (CC BY 4.0). The older latest-year file
# (ilostat_minimum_wage, no stated licence) is read only to cross-check, when present: it is
# not declared as an input, and no column derives from it.
# Relative difference above which ILOSTAT's two files (NOC and CUR, LCU) disagree.
NOC_CUR_TOLERANCE = 0.01


def _input_files() -> list[Path]:
    return [
        ilostat.MINIMUM_WAGE_HISTORY.path(ilostat.HISTORY_CUR_FILE),
        wdi.GDP_PC_PPP.path(),
        wdi.EXCHANGE_RATE.path(),
        wdi.COUNTRY_METADATA.path(),
        wdi.PPP_FACTOR.path("ppp-gdp.csv"),
        ilostat.MINIMUM_WAGE_HISTORY.path(ilostat.HISTORY_NOC_FILE),
        ilostat.EARNINGS.path("ilostat_wage.csv"),
        fed.EXCHANGE_RATES.path("annual.csv"),
    ]


def flag_noc_cur_mismatch(
    noc_lcu: pd.Series, cur_lcu: pd.Series, tol: float = NOC_CUR_TOLERANCE
) -> pd.Series:
    """A reason where ILOSTAT's two files give different local-currency values for the same
    country-year (the CUR file often holds a monthly conversion of an hourly or daily rate).

    >>> flag_noc_cur_mismatch(pd.Series([30.0, 16033.14]), pd.Series([5196.0, 16033.14])).tolist()
    ['EAR_INEE_CUR_NB_A gives 5196 LCU, not 30: the published value may not be monthly', <NA>]
    """
    rel = (noc_lcu - cur_lcu).abs() / cur_lcu.abs()
    msg = (
        "EAR_INEE_CUR_NB_A gives "
        + cur_lcu.map(lambda v: f"{v:g}")
        + " LCU, not "
        + noc_lcu.map(lambda v: f"{v:g}")
        + ": the published value may not be monthly"
    )
    return msg.where(rel > tol).astype("string")


def _latest_year_crosscheck(hist: pd.DataFrame) -> dict:
    """Compare the old latest-year file (if fetched) with the history, same country and year."""
    try:
        old = ilostat.parse_ilostat_minimum_wage(ilostat.MINIMUM_WAGE.path("minimum_wage.csv"))
    except (FileNotFoundError, OSError):
        return {"compared": 0, "note": "ilostat_minimum_wage not fetched"}
    m = old.rename(columns={"min_wage_year": "year"}).merge(
        hist[["country_iso3", "year", "min_wage_monthly_lcu"]],
        on=["country_iso3", "year"],
        suffixes=("_latest_file", ""),
    )
    rel = (m["min_wage_monthly_lcu_latest_file"] - m["min_wage_monthly_lcu"]).abs() / m[
        "min_wage_monthly_lcu"
    ]
    return {
        "compared": len(m),
        "latest_file_rows": len(old),
        "differing_over_1pct": sorted(m.loc[rel > 0.01, "country_iso3"].tolist()),
    }


def fed_fx_by_iso3(fed_annual: pd.DataFrame) -> pd.DataFrame:
    """Fed H.10 annual rates by ISO3. The euro is left out: it is no one country's currency."""
    df, _unmatched = add_iso3_from_names(
        fed_annual[fed_annual["fed_country"] != "Euro"], "fed_country"
    )
    return df.dropna(subset=["country_iso3"])[["country_iso3", "year", "fx_lcu_per_usd"]]


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    (mw_cur_p, gdp_p, fx_p, meta_p, ppp_p, mw_p, earn_p, fed_p) = _input_files()
    meta = wdi.parse_wdi_country_metadata(meta_p)
    gdp = wdi.parse_wdi_bulk_csv(gdp_p, wdi.GDP_PC_PPP.source_id)
    fx = wdi.parse_wdi_bulk_csv(fx_p, wdi.EXCHANGE_RATE.source_id)
    ppp = wdi.parse_ppp_factor(ppp_p)
    mw = ilostat.parse_minwage_history(mw_p)
    mw_cur = ilostat.parse_minwage_history_by_currency(mw_cur_p)
    earn = ilostat.parse_ilostat_earnings(earn_p)
    fed_annual = fed.parse_fed_annual(fed_p)
    report: dict = {}

    # Process data.
    countries = meta.loc[~meta["is_aggregate"].astype(bool)].rename(
        columns={"country_code": "country_iso3"}
    )
    gdp = drop_aggregates(gdp, meta).rename(
        columns={"country_code": "country_iso3", "value": "gdp_pc_ppp_usd"}
    )
    fx = drop_aggregates(fx, meta).rename(
        columns={"country_code": "country_iso3", "value": "fx_lcu_per_usd"}
    )
    ppp = add_iso3_from_iso2(ppp, "country_iso2")
    report["ppp_unmatched_iso2"] = sorted(
        ppp.loc[ppp["country_iso3"].isna(), "country_iso2"].unique().tolist()
    )
    ppp = ppp.dropna(subset=["country_iso3"]).rename(columns={"ppp": "ppp_lcu_per_intl_usd"})
    ppp = ppp[ppp["country_iso3"].isin(countries["country_iso3"])]

    earn = select_national_total(earn)
    earn, unmatched = add_iso3_from_names(earn, "country_name")
    report["earnings_unmatched_names"] = unmatched
    earn = earn.dropna(subset=["country_iso3"])

    # Fed rates fill WDI gaps only.
    fed_fx = fed_fx_by_iso3(fed_annual)
    fx = fx[["country_iso3", "year", "fx_lcu_per_usd"]].assign(fx_source="wdi")
    fed_only = fed_fx.merge(fx[["country_iso3", "year"]], how="left", indicator=True)
    fed_only = (
        fed_only[fed_only["_merge"] == "left_only"]
        .drop(columns="_merge")
        .assign(fx_source="fed_h10")
    )
    fed_only = fed_only[fed_only["country_iso3"].isin(countries["country_iso3"])]
    report["fx_years_filled_from_fed"] = len(fed_only)
    fx_all = pd.concat([fx, fed_only], ignore_index=True)

    mw = mw.merge(mw_cur, on=["country_iso3", "year"], how="left")
    mw = mark_series_breaks(mw)
    report["min_wage_latest_file_crosscheck"] = _latest_year_crosscheck(mw)
    report["min_wage_not_a_country"] = sorted(
        set(mw["country_iso3"]) - set(countries["country_iso3"])
    )

    keys = pd.concat(
        [
            gdp[["country_iso3", "year"]],
            fx_all[["country_iso3", "year"]],
            ppp[["country_iso3", "year"]],
            mw[["country_iso3", "year"]],
            earn[["country_iso3", "year"]],
        ]
    ).drop_duplicates()
    keys = keys[keys["country_iso3"].isin(countries["country_iso3"])]
    cy = keys.merge(
        countries[["country_iso3", "country_name", "wb_region", "income_group"]], on="country_iso3"
    )
    cy = cy.merge(gdp[["country_iso3", "year", "gdp_pc_ppp_usd"]], how="left")
    cy = cy.merge(fx_all, how="left")
    cy = cy.merge(ppp[["country_iso3", "year", "ppp_lcu_per_intl_usd"]], how="left")
    cy["ppp_vintage"] = wdi.ppp_vintage()
    cy = cy.merge(
        mw.drop(columns=["ilo_source", "ilo_note_indicator", "ilo_note_source"]), how="left"
    )

    # Minimum wage conversions at the same year's rates, or the nearest earlier year.
    cy = asof_rate(cy, fx_all, "fx_lcu_per_usd", "fx_year_used").rename(
        columns={"fx_lcu_per_usd": "_fx_conv"}
    )
    cy = cy.merge(fx_all[["country_iso3", "year", "fx_lcu_per_usd"]], how="left")
    cy = asof_rate(cy, ppp, "ppp_lcu_per_intl_usd", "ppp_year_used").rename(
        columns={"ppp_lcu_per_intl_usd": "_ppp_conv"}
    )
    cy = cy.merge(ppp[["country_iso3", "year", "ppp_lcu_per_intl_usd"]], how="left")
    cy = (
        asof_rate(cy, gdp, "gdp_pc_ppp_usd", "_gdp_year_used")
        .rename(columns={"gdp_pc_ppp_usd": "_gdp_conv"})
        .merge(gdp[["country_iso3", "year", "gdp_pc_ppp_usd"]], how="left")
    )
    has_mw = cy["min_wage_monthly_lcu"].notna()
    cy["hours_per_month_assumed"] = pd.Series(HOURS_PER_MONTH, index=cy.index).where(has_mw)
    cy["min_wage_hourly_lcu"] = monthly_to_hourly(cy["min_wage_monthly_lcu"])
    cy["min_wage_hourly_usd"] = lcu_to_usd(cy["min_wage_hourly_lcu"], cy["_fx_conv"])
    cy["min_wage_hourly_ppp_usd"] = lcu_to_ppp(cy["min_wage_hourly_lcu"], cy["_ppp_conv"])
    for c in ("fx_year_used", "ppp_year_used"):
        cy[c] = cy[c].where(has_mw)
    annual_ppp = cy["min_wage_hourly_ppp_usd"] * HOURS_PER_MONTH * 12
    cy["min_wage_monthly_usd"] = lcu_to_usd(cy["min_wage_monthly_lcu"], cy["_fx_conv"])
    cy["min_wage_monthly_ppp_usd"] = lcu_to_ppp(cy["min_wage_monthly_lcu"], cy["_ppp_conv"])
    plaus = flag_min_wage(
        cy["country_iso3"],
        cy["min_wage_monthly_lcu"],
        cy["min_wage_hourly_usd"] * HOURS_PER_MONTH,
        annual_ppp / cy["_gdp_conv"],
    )
    mismatch = flag_noc_cur_mismatch(cy["min_wage_monthly_lcu"], cy["min_wage_monthly_lcu_ilo"])
    both = pd.concat([plaus, mismatch], axis=1)
    cy["min_wage_flag"] = both.apply(
        lambda r: "; ".join(str(v) for v in r if pd.notna(v)) or pd.NA, axis=1
    ).astype("string")
    cy["is_min_wage_suspect"] = cy["min_wage_flag"].notna().astype("boolean").where(has_mw)
    cy["min_wage_status"] = min_wage_status(cy["country_iso3"], cy["min_wage_monthly_lcu"])

    earn = earn.rename(
        columns={
            "earnings_monthly_ppp_usd": "avg_earnings_monthly_ppp_usd",
            "survey": "avg_earnings_source",
        }
    )
    cy = cy.merge(
        earn[["country_iso3", "year", "avg_earnings_monthly_ppp_usd", "avg_earnings_source"]],
        how="left",
    )
    cy["avg_earnings_hourly_ppp_usd"] = monthly_to_hourly(cy["avg_earnings_monthly_ppp_usd"])
    has_any = cy["hours_per_month_assumed"].notna() | cy["avg_earnings_monthly_ppp_usd"].notna()
    cy["hours_per_month_assumed"] = pd.Series(HOURS_PER_MONTH, index=cy.index).where(has_any)
    cy = cy.sort_values(["country_iso3", "year"]).reset_index(drop=True)

    # Cross-check our US$ conversion against ILOSTAT's own (same year, unflagged rows).
    chk = cy[cy["min_wage_monthly_usd_ilo"].notna() & cy["fx_year_used"].eq(cy["year"])]
    chk = chk[~chk["is_min_wage_suspect"].fillna(True).astype(bool)]
    rel = (chk["min_wage_monthly_usd"] - chk["min_wage_monthly_usd_ilo"]).abs() / chk[
        "min_wage_monthly_usd_ilo"
    ]
    report["usd_crosscheck_with_ilostat"] = {
        "country_years_compared": len(chk),
        "median_relative_difference": float(rel.median()) if len(rel) else None,
        "over_5pct": int((rel > 0.05).sum()),
    }
    report["min_wage_series_breaks"] = (
        cy.loc[cy["min_wage_series_break"].notna(), ["country_iso3", "year"]]
        .astype(str)
        .agg(" ".join, axis=1)
        .tolist()
    )

    flagged = cy.loc[
        cy["is_min_wage_suspect"].fillna(False).astype(bool),
        ["country_iso3", "year", "min_wage_flag"],
    ]
    report["min_wage_flagged_country_years"] = len(flagged)
    report["min_wage_flagged_by_country"] = (
        flagged["country_iso3"].value_counts().sort_index().to_dict()
    )
    report["min_wage_country_years"] = int(has_mw.sum())
    report["min_wage_countries"] = int(cy.loc[has_mw, "country_iso3"].nunique())
    return {"country_year": cy}, report
