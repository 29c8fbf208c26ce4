"""ILOSTAT: statutory minimum wages and average monthly earnings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.errors import ParseError
from ailabor.sources.base import Source, github_files
from ailabor.sources.readers import read_csv_strict, to_integer, to_number

MINIMUM_WAGE = Source(
    source_id="ilostat_minimum_wage",
    title="Statutory nominal gross monthly minimum wage (ILOSTAT EAR_INEE_NOC_NB_A)",
    publisher="International Labour Organization, ILOSTAT (transcribed by gabyro23/globeing)",
    licence="upstream ILOSTAT data CC BY 4.0; repo licence not stated",
    is_redistributable=False,
    publisher_url="https://ilostat.ilo.org/topics/wages/",
    files=github_files(
        "gabyro23/globeing",
        "c0a7e417eb4581e8fb96e93f3ca03a0274e2e944",
        ["docs/data/minimum_wage.csv", "docs/data/minimum_wage_usd.csv"],
        "ilostat_minimum_wage/",
    ),
    description="Monthly minimum wage per country in local currency (mostly 2024) and a US$ conversion.",
    citation="International Labour Organization. ILOSTAT database, EAR_INEE_NOC_NB_A.",
    upstream="github gabyro23/globeing",
    upstream_commit="c0a7e417eb4581e8fb96e93f3ca03a0274e2e944",
    caveats=(
        "Several local values look hourly, daily or in an old currency "
        "(KHM 200 KHR, LBR 91 LRD, RWA 2600 RWF, GEO 20 GEL, HKG 40 HKD, MCO 11.65 EUR, BDI 4156.8 BIF).",
    ),
)

EARNINGS = Source(
    source_id="ilostat_earnings",
    title="Average monthly earnings of employees by sex and rural/urban areas, 2021 PPP $ (EAR_4MTH_SEX_GEO_CUR_NB_A)",
    publisher="International Labour Organization, ILOSTAT (packaged by openwashdata-conf/ilostat-wage)",
    licence="CC BY 4.0",
    is_redistributable=True,
    publisher_url="https://ilostat.ilo.org/data/",
    files=github_files(
        "openwashdata-conf/ilostat-wage",
        "ac2cf9756e85b103716329a924e383ce54a5909f",
        ["ilostat_wage.csv", "dictionary.csv", "LICENSE.txt"],
        "ilostat_earnings/",
    ),
    description="111 countries, 2014-2024, English country names.",
    citation="International Labour Organization. ILOSTAT database, EAR_4MTH_SEX_GEO_CUR_NB_A.",
    upstream="github openwashdata-conf/ilostat-wage",
    upstream_commit="ac2cf9756e85b103716329a924e383ce54a5909f",
)

_HISTORY_DIR = "data/raw/ilo-minimum-wage/ilo-minimum-wage-by-country/"
MINIMUM_WAGE_HISTORY = Source(
    source_id="ilostat_minwage_history",
    title="Statutory nominal gross monthly minimum wage, full history (ILOSTAT EAR_INEE_NOC_NB_A, EAR_INEE_CUR_NB_A)",
    publisher="International Labour Organization, ILOSTAT (bulk download kept by RohamHosseini1/iran-in-data)",
    licence="CC BY 4.0 (ILOSTAT data; repository data licence LICENSE-DATA)",
    is_redistributable=True,
    publisher_url="https://ilostat.ilo.org/data/",
    files=github_files(
        "RohamHosseini1/iran-in-data",
        "fadcc71ced43ed0ff5db6d47dc40695adbc60f6e",
        [
            _HISTORY_DIR + "EAR_INEE_NOC_NB_A.csv",
            _HISTORY_DIR + "EAR_INEE_CUR_NB_A.csv",
            _HISTORY_DIR + "manifest.json",
            "LICENSE-DATA",
        ],
        "ilostat_minwage_history/",
    ),
    description=(
        "Monthly minimum wage by country and year, 1980-2025, 175 countries: in local currency "
        "(NOC) and by currency type LCU / USD / PPP (CUR); retrieved from ILOSTAT 2026-07-12."
    ),
    citation="International Labour Organization. ILOSTAT database, EAR_INEE_NOC_NB_A and EAR_INEE_CUR_NB_A.",
    upstream="github RohamHosseini1/iran-in-data",
    upstream_commit="fadcc71ced43ed0ff5db6d47dc40695adbc60f6e",
    vintage="ILOSTAT bulk download retrieved 2026-07-12",
    caveats=(
        "Files start with a UTF-8 BOM; countries with no statutory national minimum are absent (not zero).",
        "Definition breaks: Kenya 2007-08, Philippines 2009-10, Uganda 2017, Bangladesh 2023, Nigeria 2023-24, Venezuela.",
        "India's value is the non-binding national floor level x 26 days.",
    ),
)

SOURCES = (MINIMUM_WAGE, EARNINGS, MINIMUM_WAGE_HISTORY)


# --- parse -----------------------------------------------------------------
def _read_csv_checked(path: Path, source_id: str, need: list[str]) -> pd.DataFrame:
    return read_csv_strict(path, source_id, required=need)


def _to_number(df: pd.DataFrame, col: str, source_id: str, path: Path) -> pd.Series:
    """Numbers from text; an empty cell is missing, anything else unparseable is an error."""
    return to_number(df, col, source_id, path)


def parse_ilostat_minimum_wage(path: Path) -> pd.DataFrame:
    """``minimum_wage.csv``: ``country_iso3``, ``min_wage_monthly_lcu``, ``min_wage_currency``,
    ``min_wage_year``; rows without a value are dropped (they carry no information)."""
    sid = MINIMUM_WAGE.source_id
    df = _read_csv_checked(
        path, sid, ["iso3", "minimum_wage_monthly_local", "currency_code", "year_reported"]
    )
    out = pd.DataFrame(
        {
            "country_iso3": df["iso3"].str.strip().astype("string"),
            "min_wage_monthly_lcu": _to_number(df, "minimum_wage_monthly_local", sid, path),
            "min_wage_currency": df["currency_code"].str.strip().replace("", None).astype("string"),
            "min_wage_year": to_integer(df, "year_reported", sid, path),
        }
    )
    return out[out["min_wage_monthly_lcu"].notna()].reset_index(drop=True)


def parse_ilostat_minimum_wage_usd(path: Path) -> pd.DataFrame:
    """``minimum_wage_usd.csv``: the publisher's own US$ conversion (kept for cross-checks)."""
    sid = MINIMUM_WAGE.source_id
    df = _read_csv_checked(
        path, sid, ["iso3", "minimum_wage_monthly_usd", "exchange_rate_used", "exchange_rate_year"]
    )
    out = pd.DataFrame(
        {
            "country_iso3": df["iso3"].str.strip().astype("string"),
            "min_wage_monthly_usd_published": _to_number(df, "minimum_wage_monthly_usd", sid, path),
            "fx_lcu_per_usd_published": _to_number(df, "exchange_rate_used", sid, path),
            "fx_year_published": to_integer(df, "exchange_rate_year", sid, path),
        }
    )
    return out[out["min_wage_monthly_usd_published"].notna()].reset_index(drop=True)


def parse_ilostat_earnings(path: Path) -> pd.DataFrame:
    """``ilostat_wage.csv`` as typed columns; all sexes and areas (select with
    :func:`ailabor.clean.earnings.select_national_total`)."""
    sid = EARNINGS.source_id
    df = _read_csv_checked(
        path,
        sid,
        ["country", "source", "sex", "area_type", "currency_info", "year", "earnings_ppp"],
    )
    return pd.DataFrame(
        {
            "country_name": df["country"].astype("string"),
            "survey": df["source"].astype("string"),
            "sex": df["sex"].astype("string"),
            "area_type": df["area_type"].astype("string"),
            "currency_info": df["currency_info"].astype("string"),
            "year": to_integer(df, "year", sid, path),
            "earnings_monthly_ppp_usd": _to_number(df, "earnings_ppp", sid, path),
            "obs_status": df.get("obs_status", pd.Series("", index=df.index)).astype("string"),
        }
    ).reset_index(drop=True)


# --- parse: full minimum-wage history (issue 12) ------------------------------
HISTORY_NOC_FILE = "EAR_INEE_NOC_NB_A.csv"
HISTORY_CUR_FILE = "EAR_INEE_CUR_NB_A.csv"
_HISTORY_NEED = ["ref_area", "source", "indicator", "time", "obs_value", "note_indicator"]
# ILOSTAT's classif1 codes in EAR_INEE_CUR_NB_A -> our column.
CUR_TYPES = {
    "CUR_TYPE_LCU": "min_wage_monthly_lcu_ilo",
    "CUR_TYPE_USD": "min_wage_monthly_usd_ilo",
    "CUR_TYPE_PPP": "min_wage_monthly_ppp_ilo",
}


def parse_minwage_history(path: Path) -> pd.DataFrame:
    """``EAR_INEE_NOC_NB_A.csv`` (UTF-8 BOM): one row per country and year with
    ``country_iso3``, ``year``, ``min_wage_monthly_lcu``, ``ilo_source``,
    ``ilo_note_indicator``, ``ilo_note_source``.

    A duplicated (country, year) or a row without a value is an error naming the row,
    never a silent pick."""
    sid = MINIMUM_WAGE_HISTORY.source_id
    df = _read_csv_checked(path, sid, _HISTORY_NEED)
    out = pd.DataFrame(
        {
            "country_iso3": df["ref_area"].str.strip().astype("string"),
            "year": to_integer(df, "time", sid, path),
            "min_wage_monthly_lcu": _to_number(df, "obs_value", sid, path),
            "ilo_source": df["source"].astype("string"),
            "ilo_note_indicator": df["note_indicator"].astype("string"),
            "ilo_note_source": df.get("note_source", pd.Series("", index=df.index)).astype(
                "string"
            ),
        }
    )
    if (bad := out["min_wage_monthly_lcu"].isna() | out["year"].isna()).any():
        raise ParseError(sid, path, "row without a year or a value", line=_line(bad))
    if (dup := out.duplicated(["country_iso3", "year"], keep="first")).any():
        raise ParseError(sid, path, "country and year repeated", line=_line(dup))
    return out.reset_index(drop=True)


def _line(mask: pd.Series) -> int | None:
    """The file line of the first flagged row (the strict reader indexes rows by line)."""
    try:
        return int(mask.idxmax())
    except (TypeError, ValueError):
        return None


def parse_minwage_history_by_currency(path: Path) -> pd.DataFrame:
    """``EAR_INEE_CUR_NB_A.csv``: ILOSTAT's own LCU / US$ / PPP values side by side,
    one row per country and year (``min_wage_monthly_{lcu,usd,ppp}_ilo``; NA where
    ILOSTAT gives none, e.g. no US$ value for some years). The PPP base year is not
    stated in the file. An unknown ``classif1`` code is an error naming the row."""
    sid = MINIMUM_WAGE_HISTORY.source_id
    df = _read_csv_checked(path, sid, [*_HISTORY_NEED, "classif1"])
    if (unknown := ~df["classif1"].isin(list(CUR_TYPES))).any():
        first = unknown.idxmax()
        raise ParseError(
            sid, path, f"unknown classif1 {df.at[first, 'classif1']!r}", line=_line(unknown)
        )
    long = pd.DataFrame(
        {
            "country_iso3": df["ref_area"].str.strip(),
            "year": to_integer(df, "time", sid, path).astype("int64"),
            "kind": df["classif1"].map(CUR_TYPES),
            "value": _to_number(df, "obs_value", sid, path),
        }
    )
    if (dup := long.duplicated(["country_iso3", "year", "kind"])).any():
        raise ParseError(sid, path, "country, year and currency type repeated", line=_line(dup))
    wide = long.pivot(index=["country_iso3", "year"], columns="kind", values="value")
    wide = wide.reindex(columns=list(CUR_TYPES.values())).reset_index()
    wide.columns.name = None
    wide["country_iso3"] = wide["country_iso3"].astype("string")
    wide["year"] = wide["year"].astype("Int64")
    return wide
