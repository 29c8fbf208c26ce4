"""Build ``country_year``: World Bank and ILOSTAT context for every country and year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.clean.countries import add_iso3_from_iso2, add_iso3_from_names, drop_aggregates
from ailabor.clean.currency import asof_rate, lcu_to_ppp, lcu_to_usd
from ailabor.clean.earnings import select_national_total
from ailabor.clean.minwage import flag_min_wage
from ailabor.clean.pay_units import HOURS_PER_MONTH, monthly_to_hourly
from ailabor.sources import fed, ilostat, wdi

PRODUCES = ("country_year",)


def _input_files() -> list[Path]:
    return [
        ilostat.MINIMUM_WAGE.path("minimum_wage_usd.csv"),
        wdi.GDP_PC_PPP.path(),
        wdi.EXCHANGE_RATE.path(),
        wdi.COUNTRY_METADATA.path(),
        wdi.PPP_FACTOR.path("ppp-gdp.csv"),
        ilostat.MINIMUM_WAGE.path("minimum_wage.csv"),
        ilostat.EARNINGS.path("ilostat_wage.csv"),
        fed.EXCHANGE_RATES.path("annual.csv"),
    ]


def fed_fx_by_iso3(fed_annual: pd.DataFrame) -> pd.DataFrame:
    """Fed H.10 annual rates by ISO3. The euro is left out: it is no one country's currency."""
    df, _unmatched = add_iso3_from_names(
        fed_annual[fed_annual["fed_country"] != "Euro"], "fed_country"
    )
    return df.dropna(subset=["country_iso3"])[["country_iso3", "year", "fx_lcu_per_usd"]]


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    (_mw_usd_p, gdp_p, fx_p, meta_p, ppp_p, mw_p, earn_p, fed_p) = _input_files()
    meta = wdi.parse_wdi_country_metadata(meta_p)
    gdp = wdi.parse_wdi_bulk_csv(gdp_p, wdi.GDP_PC_PPP.source_id)
    fx = wdi.parse_wdi_bulk_csv(fx_p, wdi.EXCHANGE_RATE.source_id)
    ppp = wdi.parse_ppp_factor(ppp_p)
    mw = ilostat.parse_ilostat_minimum_wage(mw_p)
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

    mw = mw.rename(columns={"min_wage_year": "year"})
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
    cy = cy.merge(mw, how="left")

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
    cy["min_wage_flag"] = flag_min_wage(
        cy["country_iso3"],
        cy["min_wage_monthly_lcu"],
        cy["min_wage_hourly_usd"] * HOURS_PER_MONTH,
        annual_ppp / cy["_gdp_conv"],
    )
    cy["is_min_wage_suspect"] = cy["min_wage_flag"].notna().astype("boolean").where(has_mw)

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

    # Cross-check against the publisher's own US$ conversion (same exchange-rate year only).
    pub = ilostat.parse_ilostat_minimum_wage_usd(ilostat.MINIMUM_WAGE.path("minimum_wage_usd.csv"))
    chk = cy[cy["min_wage_monthly_lcu"].notna()].merge(pub, on="country_iso3")
    chk = chk[chk["fx_year_used"] == chk["fx_year_published"]]
    ours = chk["min_wage_hourly_usd"] * HOURS_PER_MONTH
    rel = (ours - chk["min_wage_monthly_usd_published"]).abs() / chk[
        "min_wage_monthly_usd_published"
    ]
    report["usd_crosscheck"] = {
        "countries_compared": len(chk),
        "max_relative_difference": float(rel.max()) if len(rel) else None,
        "differing_over_1pct": sorted(chk.loc[rel > 0.01, "country_iso3"].tolist()),
    }

    flagged = cy.loc[
        cy["is_min_wage_suspect"].fillna(False).astype(bool),
        ["country_iso3", "year", "min_wage_flag"],
    ]
    report["min_wage_flagged"] = flagged.astype(str).to_dict("records")
    report["min_wage_countries"] = int(has_mw.sum())
    return {"country_year": cy}, report
