"""World Bank World Development Indicators: bulk CSVs, country metadata, PPP factors.

Four registered sources share this module because they share one file layout
(the WDI bulk CSV) and one publisher.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from ailabor.errors import ParseError
from ailabor.sources.base import Source, SourceFile, github_files
from ailabor.sources.readers import (
    decode_text,
    iter_records,
    read_bytes,
    read_csv_strict,
    records_to_frame,
    to_integer,
    to_number,
)

PUBLISHER = "World Bank, World Development Indicators"
LICENCE = "CC BY 4.0 (World Bank WDI)"
CITATION = "World Bank (2026). World Development Indicators. Washington, DC: The World Bank."

GDP_PC_PPP = Source(
    source_id="wdi_gdp_pc_ppp",
    title="GDP per capita, PPP (current international $), NY.GDP.PCAP.PP.CD",
    publisher=PUBLISHER,
    licence=LICENCE,
    is_redistributable=True,
    publisher_url="https://api.worldbank.org/v2/en/indicator/NY.GDP.PCAP.PP.CD?downloadformat=csv",
    files=github_files(
        "MiaHenstridge/panel-regression-co2-emission-gdp-causal-relationship",
        "101d5e271c504bf8bdd6b55d2b8b782aef7569bf",
        ["data/API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_35.csv"],
        "wdi/",
    ),
    description="WDI bulk CSV, 1960-2024, last updated 2026-02-24: 4 preamble lines, one column per year.",
    citation=CITATION,
    upstream="github MiaHenstridge/panel-regression-co2-emission-gdp-causal-relationship",
    upstream_commit="101d5e271c504bf8bdd6b55d2b8b782aef7569bf",
    vintage="WDI last updated 2026-02-24",
    caveats=("Rows include aggregates (World, regions, income groups) that are not countries.",),
)

EXCHANGE_RATE = Source(
    source_id="wdi_exchange_rate",
    title="Official exchange rate (LCU per US$, period average), PA.NUS.FCRF",
    publisher=PUBLISHER,
    licence=LICENCE,
    is_redistributable=True,
    publisher_url="https://api.worldbank.org/v2/en/indicator/PA.NUS.FCRF?downloadformat=csv",
    files=github_files(
        "Harb1nger001/GlobalConflictFXStress",
        "d90bf9f42e7959aa1a3078608e920be70b01b565",
        ["data/raw/API_PA.NUS.FCRF_DS2_en_csv_v2_22859.csv"],
        "wdi/",
    ),
    description="WDI bulk CSV, 1960-2024, last updated 2025-07-01.",
    citation=CITATION,
    upstream="github Harb1nger001/GlobalConflictFXStress",
    upstream_commit="d90bf9f42e7959aa1a3078608e920be70b01b565",
    vintage="WDI last updated 2025-07-01",
)

COUNTRY_METADATA = Source(
    source_id="wdi_country_metadata",
    title="WDI country metadata: region and income group (2023 vintage)",
    publisher=PUBLISHER,
    licence=LICENCE,
    is_redistributable=True,
    publisher_url="https://api.worldbank.org/v2/en/indicator/NY.GDP.PCAP.PP.CD?downloadformat=csv",
    files=github_files(
        "LNshuti/complexity",
        "984fb02e64be67e51f044a52f7a7bae20ce1cc83",
        ["data/Metadata_Country_API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv"],
        "wdi/",
    ),
    description="Country Code, Region, IncomeGroup, SpecialNotes, TableName. Aggregates have an empty Region.",
    citation=CITATION,
    upstream="github LNshuti/complexity",
    upstream_commit="984fb02e64be67e51f044a52f7a7bae20ce1cc83",
)

_PPP_RAW = "https://raw.githubusercontent.com/datasets/ppp/17829648d05f1c68acadc93d5673dc2e574f0584"

PPP_FACTOR = Source(
    source_id="wdi_ppp_factor",
    title="PPP conversion factor, GDP (LCU per international $), PA.NUS.PPP",
    publisher="World Bank WDI / ICP, packaged by datasets/ppp",
    licence="ODC-PDDL-1.0 (packaging); data World Bank WDI / ICP",
    is_redistributable=True,
    publisher_url="https://data.worldbank.org/indicator/PA.NUS.PPP",
    files=(
        SourceFile(
            name="ppp-gdp.csv",
            url=f"{_PPP_RAW}/data/ppp-gdp.csv",
            mirror_path="wdi/ppp-gdp.csv",
        ),
        SourceFile(
            name="ppp-datapackage.json",
            url=f"{_PPP_RAW}/datapackage.json",
            mirror_path="wdi/ppp-datapackage.json",
        ),
    ),
    description="Long format: Country, Country ID (ISO2; 'NA' is Namibia), Year, PPP; to 2024; repo updated 2026-03-05.",
    citation=CITATION,
    upstream="github datasets/ppp",
    vintage="repo updated 2026-03-05",
    upstream_commit="17829648d05f1c68acadc93d5673dc2e574f0584",
    caveats=(
        "Values are revised between WDI vintages (India 2022: 20.49 here, 22.88 in a 2024 vintage).",
    ),
)

SOURCES = (GDP_PC_PPP, EXCHANGE_RATE, COUNTRY_METADATA, PPP_FACTOR)


# --- parse -----------------------------------------------------------------
def _read_text(path: Path, source_id: str, prefix: str = "API_") -> tuple[str, str]:
    """Text of a WDI CSV, or of the ``API_*.csv`` member of the zip the API serves."""
    data = read_bytes(path, source_id)
    name = str(path)
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                members = [m for m in zf.namelist() if m.startswith(prefix) and m.endswith(".csv")]
                if len(members) != 1:
                    raise ParseError(
                        source_id, path, f"zip holds {zf.namelist()}, expected one {prefix}*.csv"
                    )
                data = zf.read(members[0])
                name = f"{path}!{members[0]}"
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise ParseError(
                source_id, path, f"a broken zip archive ({exc}); expected the World Bank's zip"
            ) from None
        if not data.strip():
            raise ParseError(source_id, name, "empty file inside the zip")
    return decode_text(data, name, source_id), name


def parse_wdi_bulk_csv(path: Path, source_id: str = "wdi") -> pd.DataFrame:
    """Parse a WDI bulk CSV (or its zip) into a long frame.

    Columns: ``country_name``, ``country_code``, ``indicator_code``, ``year``, ``value``.
    The frame's ``attrs`` hold ``last_updated`` from the preamble. Countries and
    aggregates alike are returned; drop aggregates with the country metadata.
    """
    text, name = _read_text(path, source_id)
    lines = text.splitlines(keepends=True)
    header_idx = next(
        (i for i, line in enumerate(lines[:10]) if line.startswith('"Country Name"')), None
    )
    if header_idx is None:
        raise ParseError(source_id, name, "no 'Country Name' header in the first 10 lines", line=1)
    last_updated = None
    for line in lines[:header_idx]:
        m = re.match(r'"Last Updated Date","([^"]+)"', line)
        if m:
            last_updated = m.group(1)
    required = ["Country Name", "Country Code", "Indicator Code"]
    wide = records_to_frame(
        iter_records("".join(lines[header_idx:]), source_id, name, first_line=header_idx + 1),
        source_id,
        name,
        required=required,
    )
    # The bulk files end every line with a separator: an unnamed, empty last column.
    if "" in wide.columns:
        extra = wide[""].astype(str).str.strip().ne("")
        if extra.any():
            raise ParseError(
                source_id,
                name,
                f"a value {wide.at[extra.idxmax(), '']!r} in the unnamed last column",
                line=int(extra.idxmax()),
            )
        wide = wide.drop(columns="")
    years = [c for c in wide.columns if re.fullmatch(r"\d{4}", c)]
    if not years:
        raise ParseError(
            source_id, name, "no year columns (4 digits) in the header", line=header_idx + 1
        )
    wide["_line"] = wide.index
    long = wide.melt(
        id_vars=[*required, "_line"], value_vars=years, var_name="year", value_name="value_text"
    )
    text_value = long["value_text"].astype(str).str.strip()
    value = pd.to_numeric(text_value.replace("", None), errors="coerce").astype("float64")
    bad = text_value.ne("") & value.isna()
    if bad.any():
        i = bad.idxmax()
        raise ParseError(
            source_id,
            name,
            f"expected a number or an empty cell, found {long.at[i, 'value_text']!r} for "
            f"{long.at[i, 'Country Code']} {long.at[i, 'year']}",
            line=int(long.at[i, "_line"]),
        )
    out = pd.DataFrame(
        {
            "country_name": long["Country Name"].astype("string"),
            "country_code": long["Country Code"].astype("string"),
            "indicator_code": long["Indicator Code"].astype("string"),
            "year": long["year"].astype(int).astype("Int64"),
            "value": value,
        }
    )
    out = out[out["value"].notna()].reset_index(drop=True)
    out.attrs["last_updated"] = last_updated
    return out


def parse_wdi_country_metadata(path: Path) -> pd.DataFrame:
    """Parse the WDI country metadata file.

    Columns: ``country_code``, ``wb_region``, ``income_group``, ``country_name``,
    ``is_aggregate`` (True where the Region is empty: World, regions, income groups).
    """
    sid = "wdi_country_metadata"
    need = ["Country Code", "Region", "IncomeGroup", "TableName"]
    df = read_csv_strict(path, sid, required=need)
    region = df["Region"].str.strip()
    return pd.DataFrame(
        {
            "country_code": df["Country Code"].astype("string"),
            "wb_region": region.replace("", None).astype("string"),
            "income_group": df["IncomeGroup"].str.strip().replace("", None).astype("string"),
            "country_name": df["TableName"].astype("string"),
            "is_aggregate": region.eq("").astype("boolean"),
        }
    ).reset_index(drop=True)


def parse_ppp_factor(path: Path) -> pd.DataFrame:
    """Parse datasets/ppp ``ppp-gdp.csv``: ``country_name``, ``country_iso2``, ``year``, ``ppp``.

    "NA" in the ISO2 column is Namibia, so no value is read as missing.
    """
    sid = "wdi_ppp_factor"
    df = read_csv_strict(path, sid, required=["Country", "Country ID", "Year", "PPP"])
    ppp = to_number(df, "PPP", sid, path)
    year = to_integer(df, "Year", sid, path)
    return (
        pd.DataFrame(
            {
                "country_name": df["Country"].astype("string"),
                "country_iso2": df["Country ID"].astype("string"),
                "year": year,
                "ppp": ppp,
            }
        )
        .dropna(subset=["ppp"])
        .reset_index(drop=True)
    )


def ppp_vintage() -> str:
    """A vintage label for the PPP factors: the pinned commit and the repo's update date.

    >>> ppp_vintage()
    'datasets/ppp@17829648, repo updated 2026-03-05'
    """
    return f"datasets/ppp@{PPP_FACTOR.upstream_commit[:8]}, {PPP_FACTOR.vintage}"
