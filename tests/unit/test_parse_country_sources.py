import zipfile

import pytest

from ailabor.errors import ParseError
from ailabor.sources import fed, ilostat, wdi

WDI_CSV = (
    '\ufeff"Data Source","World Development Indicators",\n\n'
    '"Last Updated Date","2026-02-24",\n\n'
    '"Country Name","Country Code","Indicator Name","Indicator Code","2021","2022",\n'
    '"Kenya","KEN","GDP per capita, PPP","NY.GDP.PCAP.PP.CD","5000.5","",\n'
    '"World","WLD","GDP per capita, PPP","NY.GDP.PCAP.PP.CD","19000","20000",\n'
)


def test_wdi_bulk_csv_with_bom_and_preamble(tmp_path):
    p = tmp_path / "API_X.csv"
    p.write_text(WDI_CSV, encoding="utf-8")
    df = wdi.parse_wdi_bulk_csv(p)
    assert df.attrs["last_updated"] == "2026-02-24"
    assert df[["country_code", "year", "value"]].values.tolist() == [
        ["KEN", 2021, 5000.5],
        ["WLD", 2021, 19000.0],
        ["WLD", 2022, 20000.0],
    ]


def test_wdi_bulk_zip_as_the_api_serves_it(tmp_path):
    p = tmp_path / "download.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("Metadata_Country_API_X.csv", "x")
        zf.writestr("API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_1.csv", WDI_CSV.encode("utf-8"))
    df = wdi.parse_wdi_bulk_csv(p)
    assert len(df) == 3 and df.attrs["last_updated"] == "2026-02-24"


def test_wdi_bulk_changed_layout_names_file_and_row(tmp_path):
    p = tmp_path / "API_bad.csv"
    p.write_text('"Data Source","WDI"\n"Name","Code"\n', encoding="utf-8")
    with pytest.raises(ParseError, match=r"API_bad.csv, line 1: no 'Country Name' header"):
        wdi.parse_wdi_bulk_csv(p, "wdi_gdp_pc_ppp")


def test_wdi_bulk_non_numeric_value_is_an_error(tmp_path):
    p = tmp_path / "API_X.csv"
    p.write_text(WDI_CSV.replace('"5000.5"', '"5,000.5"'), encoding="utf-8")
    with pytest.raises(
        ParseError, match="line 6: expected a number or an empty cell, found '5,000.5' for KEN 2021"
    ):
        wdi.parse_wdi_bulk_csv(p)


def test_country_metadata_marks_aggregates(tmp_path):
    p = tmp_path / "meta.csv"
    p.write_text(
        '\ufeff"Country Code","Region","IncomeGroup","SpecialNotes","TableName",\n'
        '"KEN","Sub-Saharan Africa","Lower middle income","","Kenya",\n'
        '"IDA","","","","IDA only",\n',
        encoding="utf-8",
    )
    df = wdi.parse_wdi_country_metadata(p)
    assert df["is_aggregate"].tolist() == [False, True]
    assert df["wb_region"].isna().tolist() == [False, True]


def test_ppp_file_reads_namibia(tmp_path):
    p = tmp_path / "ppp.csv"
    p.write_text('Country,Country ID,Year,PPP\n"Namibia",NA,2022,7.1\n"India",IN,2022,20.49\n')
    df = wdi.parse_ppp_factor(p)
    assert df["country_iso2"].tolist() == ["NA", "IN"]


def test_ilostat_minimum_wage_bad_number_names_row(tmp_path):
    p = tmp_path / "minimum_wage.csv"
    p.write_text(
        "iso3,minimum_wage_monthly_local,currency_code,year_reported\nKEN,16033.14,KES,2024\nABW,,,\nUGA,13O000,UGX,2024\n"
    )
    with pytest.raises(
        ParseError,
        match=r"minimum_wage.csv, line 4: minimum_wage_monthly_local: expected a number or an empty cell, found '13O000'",
    ):
        ilostat.parse_ilostat_minimum_wage(p)


def test_ilostat_minimum_wage_drops_empty_rows(tmp_path):
    p = tmp_path / "minimum_wage.csv"
    p.write_text(
        "iso3,minimum_wage_monthly_local,currency_code,year_reported\nKEN,16033.14,KES,2024\nABW,,,\n"
    )
    df = ilostat.parse_ilostat_minimum_wage(p)
    assert df["country_iso3"].tolist() == ["KEN"]
    assert df["min_wage_year"].tolist() == [2024]


def test_fed_inverts_usd_per_unit_quotes(tmp_path):
    p = tmp_path / "annual.csv"
    p.write_text("Date,Country,Exchange rate\n2020-01-01,Australia,0.5\n2020-01-01,India,74.1\n")
    df = fed.parse_fed_annual(p)
    assert df["fx_lcu_per_usd"].tolist() == [2.0, 74.1]
    assert df["year"].tolist() == [2020, 2020]
