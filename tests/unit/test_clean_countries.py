import pandas as pd
import pytest

from ailabor.clean.countries import (
    add_iso3_from_iso2,
    add_iso3_from_names,
    drop_aggregates,
    iso2_to_iso3,
    name_to_iso3,
)


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Egypt, Arab Rep.", "EGY"),
        ("Congo, Dem. Rep.", "COD"),
        ("Congo, Rep.", "COG"),
        ("Korea, Rep.", "KOR"),
        ("Türkiye", "TUR"),
        ("Kosovo", "XKX"),
        ("Venezuela, RB", "VEN"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Viet Nam", "VNM"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("Kenya", "KEN"),
        ("Namibia", "NAM"),
    ],
)
def test_world_bank_and_ilo_spellings(name, iso3):
    assert name_to_iso3(name) == iso3


@pytest.mark.parametrize("name", ["World", "Sub-Saharan Africa", "IDA only", "", None, "Euro"])
def test_aggregates_and_blanks_do_not_match(name):
    assert name_to_iso3(name) is None


def test_iso2_na_is_namibia_not_missing():
    assert iso2_to_iso3("NA") == "NAM"
    assert iso2_to_iso3(None) is None
    df = add_iso3_from_iso2(pd.DataFrame({"c": ["NA", "KE", "XK", "QQ"]}), "c")
    assert df["country_iso3"].tolist() == ["NAM", "KEN", "XKX", pd.NA]


def test_unmatched_names_are_reported_and_rows_kept():
    df = pd.DataFrame({"n": ["Kenya", "Narnia", "Narnia", "India"]})
    out, unmatched = add_iso3_from_names(df, "n")
    assert len(out) == 4
    assert unmatched == ["Narnia"]
    assert out["country_iso3"].isna().sum() == 2


def test_drop_aggregates_uses_empty_region_flag():
    meta = pd.DataFrame(
        {"country_code": ["KEN", "WLD", "IDA"], "is_aggregate": [False, True, True]}
    )
    df = pd.DataFrame({"country_code": ["KEN", "WLD", "IDA", "KEN"], "v": [1, 2, 3, 4]})
    assert drop_aggregates(df, meta)["v"].tolist() == [1, 4]
