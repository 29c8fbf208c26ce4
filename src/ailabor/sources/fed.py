"""US Federal Reserve H.10 annual exchange rates (a cross-check where WDI has gaps)."""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

EXCHANGE_RATES = Source(
    source_id="fed_exchange_rates",
    title="Federal Reserve H.10 foreign exchange rates, annual",
    publisher="Board of Governors of the Federal Reserve System (packaged by datasets/exchange-rates)",
    licence="ODC-PDDL",
    is_redistributable=True,
    publisher_url="https://www.federalreserve.gov/releases/h10/",
    files=github_files(
        "datasets/exchange-rates",
        "fa7d949956d1db1d21102654b1f40d64d2568677",
        ["data/annual.csv", "datapackage.json"],
        "fed_exchange_rates/",
    ),
    description="About 22 currencies, 1971-2025 (Date, Country, Exchange rate). Lacks Kenya, Nigeria, Philippines, Pakistan.",
    citation="Board of Governors of the Federal Reserve System, H.10 Foreign Exchange Rates.",
    upstream="github datasets/exchange-rates",
    upstream_commit="fa7d949956d1db1d21102654b1f40d64d2568677",
)

SOURCES = (EXCHANGE_RATES,)
