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
        row = mw[(mw["country_iso3"] == iso3) & (mw["min_wage_monthly_lcu"] == value)]
        assert len(row) >= 1, iso3
        assert row["is_min_wage_suspect"].astype(bool).all(), iso3
        assert row["min_wage_flag"].str.contains("known defect").all(), iso3


def test_kenya_minimum_wage_by_year_with_the_break_flagged(built_data, cy):
    ken = cy[(cy["country_iso3"] == "KEN") & cy["min_wage_monthly_lcu"].notna()].set_index("year")
    assert ken.loc[2005:2024].index.nunique() >= 10
    assert (
        ken.loc[2007, "min_wage_monthly_lcu"] == 8171
        and ken.loc[2008, "min_wage_monthly_lcu"] == 5479
    )
    assert "definition break" in ken.loc[2008, "min_wage_series_break"]
    assert ken.loc[2007, "min_wage_series_id"] != ken.loc[2008, "min_wage_series_id"]
    assert ken.loc[2008:2024, "min_wage_series_id"].nunique() == 1
    k22 = ken.loc[2022]
    assert k22["min_wage_monthly_lcu"] == 16033.14 and k22["fx_year_used"] == 2022
    assert round(k22["fx_lcu_per_usd"], 1) == 117.9
    assert k22["min_wage_hourly_usd"] == pytest.approx(
        16033.14 / (40 * 52 / 12) / k22["fx_lcu_per_usd"]
    )
    # ILOSTAT's own US$ value implies the same rate.
    assert round(16033.14 / k22["min_wage_monthly_usd_ilo"], 1) == 117.9


def test_every_known_break_starts_a_new_series(built_data, cy):
    b = cy[cy["min_wage_series_break"].notna()]
    got = set(zip(b["country_iso3"], b["year"], strict=True))
    for key in [
        ("KEN", 2008),
        ("PHL", 2010),
        ("UGA", 2017),
        ("BGD", 2023),
        ("NGA", 2023),
        ("VEN", 2018),
        ("VEN", 2022),
    ]:
        assert key in got, key


def test_us_minimum_2010_2024_is_7_25_x_40_x_52_over_12(built_data, cy):
    us = cy[(cy["country_iso3"] == "USA") & cy["year"].between(2010, 2024)].set_index("year")
    assert len(us) == 15
    expected = 7.25 * 40 * 52 / 12  # 1,256.67; ILOSTAT publishes whole dollars
    assert (us["min_wage_monthly_lcu"] - expected).abs().max() < 0.5
    assert us["min_wage_hourly_usd"].round(2).eq(7.25).all()


def test_status_none_and_india_floor_level(built_data, cy):
    swe = cy[cy["country_iso3"] == "SWE"]
    assert swe["min_wage_status"].eq("none").all() and swe["min_wage_monthly_lcu"].isna().all()
    ind = cy[(cy["country_iso3"] == "IND") & (cy["year"] == 2022)].iloc[0]
    assert ind["min_wage_status"] == "national floor level" and ind["min_wage_monthly_lcu"] == 4628


def test_primary_key_unique_and_schema_valid(built_data, cy):
    from ailabor.schemas import validate

    validate(cy, "country_year")
    assert not cy.duplicated(["country_iso3", "year"]).any()
    assert pd.api.types.is_string_dtype(cy["country_iso3"])


def test_build_is_incremental(built_data):
    from ailabor.build import build_all

    assert {r.status for r in build_all(quiet=True) if r.table == "country_year"} == {"up-to-date"}
