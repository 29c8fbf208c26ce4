"""Country-year context: columns and the ``country_year`` table."""

from __future__ import annotations

from ailabor.schemas.column import col
from ailabor.schemas.table import lineage_groups, table
from ailabor.schemas.vocabularies import FX_SOURCES, INCOME_GROUPS

col(
    "country_iso3",
    "str",
    "ISO 3166-1 alpha-3 country code (XKX for Kosovo; 'GLOBAL' or 'MULTI' for figures not tied to one country).",
)
col(
    "country_name",
    "str",
    "Country name as the World Bank spells it (table name in WDI metadata).",
)
col("year", "Int64", "Calendar year of the observation.", unit="year", min=1900, max=2100)
col("wb_region", "str", "World Bank region (WDI country metadata, 2023 vintage).")
col(
    "income_group",
    "str",
    "World Bank income group (WDI country metadata, 2023 vintage).",
    allowed=INCOME_GROUPS,
)
col(
    "gdp_pc_ppp_usd",
    "float64",
    "GDP per capita, PPP, current international dollars (WDI NY.GDP.PCAP.PP.CD).",
    unit="international $ per person per year",
    min=0,
)
col(
    "fx_lcu_per_usd",
    "float64",
    "Official exchange rate, period average (WDI PA.NUS.FCRF), or the Fed H.10 annual rate where WDI has none (see fx_source).",
    unit="local currency units per US$",
    min=0,
)
col("fx_source", "str", "Where fx_lcu_per_usd comes from.", allowed=FX_SOURCES)
col(
    "ppp_lcu_per_intl_usd",
    "float64",
    "PPP conversion factor, GDP (WDI PA.NUS.PPP).",
    unit="local currency units per international $",
    min=0,
)
col(
    "ppp_vintage",
    "str",
    "Vintage of the PPP conversion factor file (PPP factors are revised between WDI releases).",
)
col(
    "min_wage_monthly_lcu",
    "float64",
    "Statutory nominal gross monthly minimum wage in force in the year (ILOSTAT EAR_INEE_NOC_NB_A full history, retrieved 2026-07-12), as published, in the national currency of the time.",
    unit="local currency units per month",
    min=0,
)
col(
    "min_wage_status",
    "str",
    "What the minimum-wage cell means: statutory; national floor level (India: the non-binding national floor x 26 days, not a state rate); none (a country documented to have no statutory national minimum, see ailabor.clean.minwage.NO_STATUTORY_MINIMUM); not in ILOSTAT (absent, which is not proof of no minimum).",
    allowed=("statutory", "national floor level", "none", "not in ILOSTAT"),
)
col(
    "min_wage_series_id",
    "str",
    "Comparable series the minimum wage belongs to (ISO3:first year); a new id starts at each definition break or redenomination, so trends are drawn within one id only.",
)
col(
    "min_wage_series_break",
    "str",
    "Why a new minimum-wage series starts in this year (known breaks: Kenya 2008, Philippines 2010, Uganda 2017, Bangladesh 2023, Nigeria 2023, Venezuela 2018 and 2022; plus ILOSTAT's own break-in-series notes).",
)
col(
    "min_wage_monthly_usd",
    "float64",
    "Monthly minimum wage at the official exchange rate of fx_year_used.",
    unit="US$ per month",
    min=0,
)
col(
    "min_wage_monthly_ppp_usd",
    "float64",
    "Monthly minimum wage at the PPP factor of ppp_year_used.",
    unit="international $ per month",
    min=0,
)
col(
    "min_wage_monthly_lcu_ilo",
    "float64",
    "ILOSTAT's local-currency value in EAR_INEE_CUR_NB_A (CUR_TYPE_LCU); differs from min_wage_monthly_lcu where ILOSTAT converted a non-monthly rate (flagged).",
    unit="local currency units per month",
    min=0,
)
col(
    "min_wage_monthly_usd_ilo",
    "float64",
    "ILOSTAT's own US$ value (EAR_INEE_CUR_NB_A, CUR_TYPE_USD), kept as a cross-check of min_wage_monthly_usd.",
    unit="US$ per month",
    min=0,
)
col(
    "min_wage_monthly_ppp_ilo",
    "float64",
    "ILOSTAT's own PPP value (EAR_INEE_CUR_NB_A, CUR_TYPE_PPP; the PPP base year is not stated in the file).",
    unit="international $ per month",
    min=0,
)
col(
    "hours_per_month_assumed",
    "float64",
    "Hours per month used to turn monthly pay into hourly pay (40 h/week x 52 weeks / 12).",
    unit="hours per month",
    min=0,
)
col(
    "min_wage_hourly_lcu",
    "float64",
    "Monthly minimum wage divided by hours_per_month_assumed.",
    unit="local currency units per hour",
    min=0,
)
col(
    "min_wage_hourly_usd",
    "float64",
    "Hourly minimum wage at the official exchange rate of fx_year_used.",
    unit="US$ per hour",
    min=0,
)
col(
    "min_wage_hourly_ppp_usd",
    "float64",
    "Hourly minimum wage at the PPP factor of ppp_year_used.",
    unit="international $ per hour",
    min=0,
)
col(
    "fx_year_used",
    "Int64",
    "Year of the exchange rate applied (the same year, or the nearest earlier one when that year is missing).",
    unit="year",
)
col(
    "ppp_year_used",
    "Int64",
    "Year of the PPP factor applied (the same year, or the nearest earlier one when that year is missing).",
    unit="year",
)
col(
    "min_wage_flag",
    "str",
    "Why the minimum wage looks implausible (empty when it does not); flagged values are kept but excluded from ratios.",
)
col("is_min_wage_suspect", "boolean", "True when min_wage_flag is set.")
col(
    "avg_earnings_monthly_ppp_usd",
    "float64",
    "Average monthly earnings of employees, total sex, national (ILOSTAT EAR_4MTH_SEX_GEO_CUR_NB_A).",
    unit="2021 international $ per month",
    min=0,
)
col(
    "avg_earnings_hourly_ppp_usd",
    "float64",
    "avg_earnings_monthly_ppp_usd divided by hours_per_month_assumed.",
    unit="2021 international $ per hour",
    min=0,
)
col(
    "avg_earnings_source",
    "str",
    "ILOSTAT survey behind avg_earnings_monthly_ppp_usd (e.g. LFS - Labour Force Survey).",
)


WDI = ("wdi_gdp_pc_ppp", "wdi_exchange_rate", "wdi_country_metadata", "wdi_ppp_factor")
FX = ("wdi_exchange_rate", "fed_exchange_rates")
HISTORY = ("ilostat_minwage_history",)
# Minimum wages: ILOSTAT's full history, converted at WDI/Fed exchange rates and PPP factors,
# and flagged against GDP per capita.
MIN_WAGE = (*HISTORY, *FX, "wdi_ppp_factor", "wdi_gdp_pc_ppp")
COLUMNS, DERIVED_FROM = lineage_groups(
    (("country_iso3", "year"), ("wdi_country_metadata", "wdi_gdp_pc_ppp", *FX, "wdi_ppp_factor")),
    (("country_name", "wb_region", "income_group"), ("wdi_country_metadata",)),
    (("gdp_pc_ppp_usd",), ("wdi_gdp_pc_ppp",)),
    (("fx_lcu_per_usd", "fx_source"), FX),
    (("ppp_lcu_per_intl_usd", "ppp_vintage"), ("wdi_ppp_factor",)),
    (
        ("min_wage_status", "min_wage_monthly_lcu", "min_wage_series_id", "min_wage_series_break"),
        HISTORY,
    ),
    # Set wherever a minimum wage or average earnings is there to convert.
    (("hours_per_month_assumed",), (*HISTORY, "ilostat_earnings")),
    (("min_wage_hourly_lcu",), HISTORY),
    (
        (
            "min_wage_monthly_usd",
            "min_wage_hourly_usd",
            "min_wage_monthly_ppp_usd",
            "min_wage_hourly_ppp_usd",
            "fx_year_used",
            "ppp_year_used",
        ),
        MIN_WAGE,
    ),
    (("min_wage_monthly_lcu_ilo", "min_wage_monthly_usd_ilo", "min_wage_monthly_ppp_ilo"), HISTORY),
    (("min_wage_flag", "is_min_wage_suspect"), MIN_WAGE),
    (
        ("avg_earnings_monthly_ppp_usd", "avg_earnings_hourly_ppp_usd", "avg_earnings_source"),
        ("ilostat_earnings",),
    ),
)
# The older latest-year file (ilostat_minimum_wage, no licence) is read only to cross-check
# the history in the build report, when present: no column derives from it.
table(
    "country_year",
    "Country-year context: GDP per capita PPP, exchange and PPP rates, the statutory minimum wage "
    "in force each year (monthly and hourly; local currency, US$ and PPP $; series breaks marked) "
    "and average earnings, from the World Bank and ILOSTAT.",
    COLUMNS,
    ["country_iso3", "year"],
    not_null=["country_iso3", "year", "country_name"],
    sources=(*WDI, *HISTORY, "ilostat_earnings", "fed_exchange_rates"),
    derived_from=DERIVED_FROM,
)
