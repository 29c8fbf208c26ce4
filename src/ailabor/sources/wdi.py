"""World Bank World Development Indicators: bulk CSVs, country metadata, PPP factors.

Four registered sources share this module because they share one file layout
(the WDI bulk CSV) and one publisher.
"""

from __future__ import annotations

from ailabor.sources.base import Source, SourceFile, github_files

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
    upstream_commit="17829648d05f1c68acadc93d5673dc2e574f0584",
    caveats=(
        "Values are revised between WDI vintages (India 2022: 20.49 here, 22.88 in a 2024 vintage).",
    ),
)

SOURCES = (GDP_PC_PPP, EXCHANGE_RATE, COUNTRY_METADATA, PPP_FACTOR)
