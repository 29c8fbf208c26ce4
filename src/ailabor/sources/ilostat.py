"""ILOSTAT: statutory minimum wages and average monthly earnings."""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

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

SOURCES = (MINIMUM_WAGE, EARNINGS)
