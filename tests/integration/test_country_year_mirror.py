"""Integration tests on the real mirror files (skipped without the mirror)."""

import pandas as pd
import pytest

from ailabor import catalog
from ailabor.clean.countries import drop_aggregates
from ailabor.clean.minwage import KNOWN_DEFECTS
from ailabor.sources import wdi


@pytest.fixture(scope="module")
def cy(built_data):
    return catalog.load_country_year()


def test_every_wdi_economy_with_a_region_maps_to_iso3(built_data, cy):
    meta = wdi.parse_wdi_country_metadata(wdi.COUNTRY_METADATA.path())
    countries = meta[~meta["is_aggregate"].astype(bool)]
    assert countries["country_code"].str.fullmatch(r"[A-Z]{3}").all()
    gdp = wdi.parse_wdi_bulk_csv(wdi.GDP_PC_PPP.path())
    gdp_countries = set(drop_aggregates(gdp, meta)["country_code"])
    assert gdp_countries <= set(cy["country_iso3"])


def test_no_aggregate_survives(built_data, cy):
    meta = wdi.parse_wdi_country_metadata(wdi.COUNTRY_METADATA.path())
    aggregates = set(meta.loc[meta["is_aggregate"].astype(bool), "country_code"])
    assert len(aggregates) > 40  # World, regions, income groups, IDA/IBRD ...
    assert not (set(cy["country_iso3"]) & aggregates)
    assert "WLD" not in set(cy["country_iso3"]) and "SSF" not in set(cy["country_iso3"])


def test_kenya_and_india_2022_ppp_factors_as_in_source(built_data, cy):
    ppp = wdi.parse_ppp_factor(wdi.PPP_FACTOR.path("ppp-gdp.csv"))
    for iso2, iso3 in [("KE", "KEN"), ("IN", "IND")]:
        src = ppp.loc[(ppp["country_iso2"] == iso2) & (ppp["year"] == 2022), "ppp"].item()
        got = cy.loc[
            (cy["country_iso3"] == iso3) & (cy["year"] == 2022), "ppp_lcu_per_intl_usd"
        ].item()
        assert got == src
    india = cy.loc[(cy["country_iso3"] == "IND") & (cy["year"] == 2022)].iloc[0]
    assert round(india["ppp_lcu_per_intl_usd"], 2) == 20.49  # the mirror's vintage, not 22.88
    assert india["ppp_vintage"].startswith("datasets/ppp@17829648")


def test_namibia_is_not_lost(built_data, cy):
    assert cy.loc[cy["country_iso3"] == "NAM", "ppp_lcu_per_intl_usd"].notna().sum() > 20


def test_known_defective_minimum_wages_are_flagged(built_data, cy):
    mw = cy[cy["min_wage_monthly_lcu"].notna()]
    for iso3, value in KNOWN_DEFECTS.items():
        row = mw[mw["country_iso3"] == iso3]
        assert len(row) == 1, iso3
        assert row["min_wage_monthly_lcu"].item() == value
        assert bool(row["is_min_wage_suspect"].item()), iso3
        assert "known defect" in row["min_wage_flag"].item()
    kenya = mw[mw["country_iso3"] == "KEN"].iloc[0]
    assert not kenya["is_min_wage_suspect"]
    assert kenya["min_wage_hourly_usd"] == pytest.approx(
        16033.14 / (40 * 52 / 12) / kenya["fx_lcu_per_usd"]
    )


def test_us_federal_minimum_in_ilostat_is_7_25_an_hour(built_data, cy):
    us = cy[(cy["country_iso3"] == "USA") & cy["min_wage_monthly_lcu"].notna()].iloc[0]
    assert us["min_wage_hourly_usd"] == pytest.approx(7.25, abs=0.01)
    assert us["fx_year_used"] < us["year"]  # 2026 value converted at the latest earlier rate


def test_primary_key_unique_and_schema_valid(built_data, cy):
    from ailabor.schemas import validate

    validate(cy, "country_year")
    assert not cy.duplicated(["country_iso3", "year"]).any()
    assert pd.api.types.is_string_dtype(cy["country_iso3"])


def test_build_is_incremental(built_data):
    from ailabor.build import build_all

    assert {r.status for r in build_all(quiet=True) if r.table == "country_year"} == {"up-to-date"}
