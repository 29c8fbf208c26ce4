"""Country names and codes to ISO 3166-1 alpha-3.

pycountry knows the ISO names; the World Bank and the ILO spell many countries
their own way, so an explicit alias table sits in front of it (after OWID's
country-mapping files). Names that match neither are returned to the caller to
report, never dropped silently.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pandas as pd
import pycountry

# Spellings used by the World Bank, the ILO, the Fed and the press -> ISO3.
# XKX (Kosovo) and CHI (Channel Islands) are World Bank codes, not ISO 3166.
ALIASES: dict[str, str] = {
    "Bahamas, The": "BHS",
    "Channel Islands": "CHI",
    "Congo, Dem. Rep.": "COD",
    "Democratic Republic of the Congo": "COD",
    "DR Congo": "COD",
    "Congo, Rep.": "COG",
    "Egypt, Arab Rep.": "EGY",
    "Micronesia, Fed. Sts.": "FSM",
    "Gambia, The": "GMB",
    "Hong Kong SAR, China": "HKG",
    "Hong Kong": "HKG",
    "Iran, Islamic Rep.": "IRN",
    "St. Kitts and Nevis": "KNA",
    "Korea, Rep.": "KOR",
    "South Korea": "KOR",
    "Korea, Dem. People's Rep.": "PRK",
    "Lao PDR": "LAO",
    "St. Lucia": "LCA",
    "Macao SAR, China": "MAC",
    "St. Martin (French part)": "MAF",
    "West Bank and Gaza": "PSE",
    "São Tomé and Principe": "STP",
    "St. Vincent and the Grenadines": "VCT",
    "Venezuela, RB": "VEN",
    "Venezuela": "VEN",
    "Bolivia (Plurinational State of)": "BOL",
    "Virgin Islands (U.S.)": "VIR",
    "Kosovo": "XKX",
    "Yemen, Rep.": "YEM",
    "Türkiye": "TUR",
    "Turkey": "TUR",
    "Taiwan": "TWN",
    "United States": "USA",
    "US": "USA",
    "USA": "USA",
    "UK": "GBR",
    "United Kingdom": "GBR",
    "Russia": "RUS",
    "Vietnam": "VNM",
}
ISO2_EXTRA = {"XK": "XKX"}  # Kosovo: World Bank / EU user-assigned code


def _fold(name: str) -> str:
    """Case- and accent-insensitive key.

    >>> _fold("  Côte d'Ivoire ")
    "cote d'ivoire"
    """
    norm = unicodedata.normalize("NFKD", name.strip())
    return "".join(ch for ch in norm if not unicodedata.combining(ch)).casefold()


_ALIAS_FOLDED = {_fold(k): v for k, v in ALIASES.items()}


@cache
def _iso_folded() -> dict[str, str]:
    """pycountry's names, official names and common names, accent- and case-folded."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if (v := getattr(c, attr, None)) is not None:
                out.setdefault(_fold(v), c.alpha_3)
    return out


def name_to_iso3(name: object) -> str | None:
    """ISO3 for a country name, or None when it is not recognised.

    >>> name_to_iso3("Egypt, Arab Rep."), name_to_iso3("Kenya"), name_to_iso3("Türkiye")
    ('EGY', 'KEN', 'TUR')
    >>> name_to_iso3("Sub-Saharan Africa") is None
    True
    """
    if name is None or pd.isna(name) or not str(name).strip():
        return None
    key = _fold(str(name))
    if key in _ALIAS_FOLDED:
        return _ALIAS_FOLDED[key]
    if key in _iso_folded():
        return _iso_folded()[key]
    try:
        return pycountry.countries.lookup(str(name).strip()).alpha_3
    except LookupError:
        return None


def iso2_to_iso3(code: object) -> str | None:
    """ISO3 for an ISO2 code; "NA" is Namibia, not a missing value.

    >>> iso2_to_iso3("NA"), iso2_to_iso3("KE"), iso2_to_iso3("XK"), iso2_to_iso3("ZZ")
    ('NAM', 'KEN', 'XKX', None)
    """
    if code is None or (not isinstance(code, str) and pd.isna(code)):
        return None
    code = str(code).strip().upper()
    if code in ISO2_EXTRA:
        return ISO2_EXTRA[code]
    hit = pycountry.countries.get(alpha_2=code)
    return hit.alpha_3 if hit else None


def add_iso3_from_names(
    df: pd.DataFrame, name_col: str, out_col: str = "country_iso3"
) -> tuple[pd.DataFrame, list[str]]:
    """Add ``out_col`` mapped from ``name_col``; return the frame and the unmatched names.

    Unmatched rows keep a missing ISO3: the caller reports them and decides.

    >>> df = pd.DataFrame({"name": ["Korea, Rep.", "Atlantis", "Kenya"]})
    >>> out, unmatched = add_iso3_from_names(df, "name")
    >>> out["country_iso3"].tolist(), unmatched
    (['KOR', <NA>, 'KEN'], ['Atlantis'])
    """
    uniq = df[name_col].dropna().unique()
    mapping = {n: name_to_iso3(n) for n in uniq}
    out = df.copy()
    out[out_col] = df[name_col].map(mapping).astype("string")
    unmatched = sorted(n for n, v in mapping.items() if v is None)
    return out, unmatched


def add_iso3_from_iso2(
    df: pd.DataFrame, iso2_col: str, out_col: str = "country_iso3"
) -> pd.DataFrame:
    """Add ``out_col`` mapped from ISO2 codes (Namibia-safe).

    >>> add_iso3_from_iso2(pd.DataFrame({"c": ["NA", "IN"]}), "c")["country_iso3"].tolist()
    ['NAM', 'IND']
    """
    out = df.copy()
    out[out_col] = df[iso2_col].map(iso2_to_iso3).astype("string")
    return out


def drop_aggregates(
    df: pd.DataFrame, metadata: pd.DataFrame, code_col: str = "country_code"
) -> pd.DataFrame:
    """Keep rows whose code is a country (non-empty WDI region); drop aggregates and unknown codes.

    >>> meta = pd.DataFrame({"country_code": ["KEN", "SSF"], "is_aggregate": [False, True]})
    >>> drop_aggregates(pd.DataFrame({"country_code": ["KEN", "SSF", "XXX"]}), meta)["country_code"].tolist()
    ['KEN']
    """
    countries = set(metadata.loc[~metadata["is_aggregate"].astype(bool), "country_code"])
    return df[df[code_col].isin(countries)].reset_index(drop=True)
