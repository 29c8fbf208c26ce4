"""Minimum wage by year: the ILOSTAT history parsers, series breaks, status, the floor in force,
the one US federal minimum lookup, and worker pay versus billing rates."""

import numpy as np
import pandas as pd
import pytest

from ailabor.clean.minwage import (
    floor_in_force,
    mark_series_breaks,
    min_wage_status,
    us_federal_minimum,
    us_federal_minimum_for,
)
from ailabor.clean.pay_normalise import below_floor
from ailabor.errors import ParseError
from ailabor.sources import ilostat
from ailabor.tables.country_year import flag_noc_cur_mismatch
from ailabor.tables.pay import worker_pay

BOM = "\ufeff"
NOC_HEAD = '"ref_area","source","indicator","time","obs_value","note_indicator","note_source"\n'


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(BOM + text, encoding="utf-8")
    return p


def test_history_parser_reads_bom_and_values(tmp_path):
    p = _write(
        tmp_path,
        "noc.csv",
        NOC_HEAD
        + '"KEN","FX:3253","EAR_INEE_NOC_NB","2022",16033.14,"I19:3447_T30:24","S4:6300"\n'
        + '"KEN","FX:3253","EAR_INEE_NOC_NB","2008",5479,"I19:3447_T30:24_I11:269","S4:6300"\n',
    )
    df = ilostat.parse_minwage_history(p)
    assert df["country_iso3"].tolist() == ["KEN", "KEN"]
    assert df["min_wage_monthly_lcu"].tolist() == [16033.14, 5479.0]
    assert df["year"].tolist() == [2022, 2008]


def test_history_parser_rejects_duplicates_and_bad_numbers(tmp_path):
    row = '"KEN","FX","EAR","2022",1,"",""\n'
    with pytest.raises(ParseError, match="line 3"):
        ilostat.parse_minwage_history(_write(tmp_path, "dup.csv", NOC_HEAD + row + row))
    bad = '"KEN","FX","EAR","2022",abc,"",""\n'
    with pytest.raises(ParseError, match="expected a number"):
        ilostat.parse_minwage_history(_write(tmp_path, "bad.csv", NOC_HEAD + bad))


def test_by_currency_parser_pivots_and_rejects_unknown_types(tmp_path):
    head = '"ref_area","source","indicator","classif1","time","obs_value","note_indicator","note_source"\n'
    rows = (
        '"KEN","FX","EAR","CUR_TYPE_LCU","2022",16033.14,"",""\n'
        '"KEN","FX","EAR","CUR_TYPE_USD","2022",136.0,"",""\n'
        '"KEN","FX","EAR","CUR_TYPE_PPP","2022",379.1,"",""\n'
    )
    df = ilostat.parse_minwage_history_by_currency(_write(tmp_path, "cur.csv", head + rows))
    r = df.iloc[0]
    assert (r["min_wage_monthly_lcu_ilo"], r["min_wage_monthly_usd_ilo"]) == (16033.14, 136.0)
    bad = rows + '"KEN","FX","EAR","CUR_TYPE_XYZ","2022",1,"",""\n'
    with pytest.raises(ParseError, match="line 5"):
        ilostat.parse_minwage_history_by_currency(_write(tmp_path, "bad.csv", head + bad))


def test_series_breaks_from_the_known_list_and_ilostat_notes():
    d = pd.DataFrame(
        {
            "country_iso3": ["KEN", "KEN", "KEN", "CHE", "CHE"],
            "year": [2007, 2008, 2009, 2019, 2020],
            "min_wage_monthly_lcu": [8171.0, 5479.0, 5479.0, np.nan, 3983.6],
            "ilo_note_indicator": ["", "I11:269", "", "", "I19:1_I11:269"],
        }
    )
    out = mark_series_breaks(d)
    assert out["min_wage_series_id"].tolist()[:3] == ["KEN:2007", "KEN:2008", "KEN:2008"]
    assert "8,171 KES (2007) -> 5,479 KES (2008)" in out.loc[1, "min_wage_series_break"]
    assert out.loc[4, "min_wage_series_break"] == "ILOSTAT marks a break in series (I11:269)"
    assert pd.isna(out.loc[3, "min_wage_series_id"])  # no value, no series


def test_min_wage_status_says_none_only_for_documented_countries():
    s = min_wage_status(
        pd.Series(["SWE", "SWE", "XYZ", "IND"]), pd.Series([np.nan, 1.0, np.nan, 4628.0])
    )
    assert s.tolist() == ["none", "statutory", "not in ILOSTAT", "national floor level"]


def test_floor_in_force_never_uses_a_later_year():
    cy = pd.DataFrame({"country_iso3": ["KEN"] * 2, "year": [2022, 2024], "x": [1.0, 2.0]})
    assert floor_in_force(cy, "KEN", 2023, "x")[:3] == (1.0, 2022, 1)
    v, year, lag, note = floor_in_force(cy, "KEN", 2021, "x")
    assert np.isnan(v) and year is None and "2021" in note
    assert floor_in_force(cy, "KEN", 2026, "x", max_lag=1)[1] is None


def test_one_us_federal_minimum_lookup_filters_hourly_single_federal_rates():
    dol = pd.DataFrame(
        {
            "is_federal": [True, True, True, False],
            "rate_kind": ["single", "single", "range", "single"],
            "unit": ["hour", "week", "hour", "hour"],
            "year": [2009, 2010, 2011, 2012],
            "min_wage_high": [7.25, 290.0, 9.0, 15.0],
        }
    )
    assert us_federal_minimum(dol)["year"].tolist() == [2009]
    assert us_federal_minimum_for(2017, dol) == (7.25, 2009)
    with pytest.raises(LookupError):
        us_federal_minimum_for(2000, dol)


def test_noc_cur_mismatch_and_below_floor():
    f = flag_noc_cur_mismatch(pd.Series([40.0, 100.0]), pd.Series([6930.0, 100.5]))
    assert f.notna().tolist() == [True, False]
    assert below_floor(1.0, 1.5, 2.0) is True
    assert below_floor(2.0, np.nan, 2.0) is False
    assert pd.isna(below_floor(1.0, 3.0, 2.0)) and pd.isna(below_floor(1.0, 2.0, np.nan))


def test_worker_pay_drops_billing_rates_and_counts_a_group_once():
    pay = pd.DataFrame(
        {
            "obs_id": ["airtm_h", "airtm_d", "billing", "sama"],
            "observation_group": ["airtm", "airtm", "billing", "sama"],
            "paid_to": ["worker", "worker", "vendor", "worker"],
            "unit": ["hour", "day", "hour", "hour"],
        }
    )
    assert worker_pay(pay)["obs_id"].tolist() == ["airtm_h", "sama"]
