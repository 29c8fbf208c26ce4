"""Pay and platforms: columns and the ``pay_observations``, ``platforms`` and ``platform_scores`` tables."""

from __future__ import annotations

from ailabor.schemas.column import col
from ailabor.schemas.table import lineage_groups, table
from ailabor.schemas.vocabularies import (
    BUSINESS_MODELS,
    CURRENCIES,
    PAID_TO,
    PAY_BASES,
    PAY_KINDS,
    PAY_UNITS,
    SOURCE_TYPES,
    VERIFICATION_LEVELS,
)

col("obs_id", "str", "Identifier of a pay observation.")
col(
    "fact_id",
    "str",
    "Row(s) of the project's fact sheet (shared/facts/published_pay_figures.csv) the observation was transcribed from.",
)
col("client", "str", "Client the work was for, where the source names one (e.g. OpenAI via Sama).")
col("period", "str", "Period the figure refers to, as the source gives it.")
col(
    "value_low",
    "float64",
    "Reported value, or the low end of a reported range; empty for 'less than' figures.",
    min=0,
)
col(
    "value_high",
    "float64",
    "High end of a reported range, or the bound of a 'less than' figure; empty for a single value.",
    min=0,
)
col(
    "is_approximate",
    "boolean",
    "True when the source gives the value as approximate ('about a dollar').",
)
col(
    "currency",
    "str",
    "ISO 4217 currency of value_low/value_high, as published.",
    allowed=CURRENCIES,
)
col("unit", "str", "Pay period of the published value.", allowed=PAY_UNITS)
col(
    "hours_per_unit_stated",
    "float64",
    "Hours per pay period when the source states them (e.g. '10 hours a day').",
    unit="hours",
    min=0,
)
col(
    "hours_per_unit_used",
    "float64",
    "Hours per pay period used to make the value hourly (stated, else the convention).",
    unit="hours",
    min=0,
)
col("hours_convention", "str", "Where hours_per_unit_used comes from.")
col("basis", "str", "What the figure measures.", allowed=PAY_BASES)
col("measure", "str", "The figure in the source's own terms.")
col("sample_size", "str", "Sample size as the source gives it.")
col("source_title", "str", "Title of the source.")
col("publisher", "str", "Publisher or outlet.")
col("author", "str", "Author(s), where named.")
col("publication_date", "str", "Publication date (as precise as known).")
col("url", "str", "Where the figure was seen (several separated by ' ; ').")
col("quote", "str", "Verbatim quote where one was seen.")
col("source_type", "str", "Kind of source.", allowed=SOURCE_TYPES)
col(
    "verification",
    "str",
    "How the figure was verified: primary (seen in the source itself), secondary (seen quoted elsewhere), self-reported (a worker's own account), unverified.",
    allowed=VERIFICATION_LEVELS,
)
col("fact_sheet_verification", "str", "The fact sheet's own verification note, verbatim.")
col("notes", "str", "Curator's notes.")
col(
    "hourly_pay_low_usd",
    "float64",
    "value_low per hour in nominal US$ (official rate of fx_year_used).",
    unit="US$ per hour",
    min=0,
)
col(
    "hourly_pay_high_usd",
    "float64",
    "value_high per hour in nominal US$.",
    unit="US$ per hour",
    min=0,
)
col(
    "hourly_pay_low_ppp_usd",
    "float64",
    "value_low per hour in international $ (PPP of the observation's country, ppp_year_used).",
    unit="international $ per hour",
    min=0,
)
col(
    "hourly_pay_high_ppp_usd",
    "float64",
    "value_high per hour in international $.",
    unit="international $ per hour",
    min=0,
)
col(
    "min_wage_year_used",
    "Int64",
    "Year of the minimum wage the ratios use: the pay figure's year, else the nearest earlier year within 3 (the floor in force; never a later year).",
    unit="year",
)
col(
    "min_wage_source",
    "str",
    "Which minimum wage: ILOSTAT statutory, or the US federal minimum from DOL for US figures.",
)
col(
    "ratio_low_to_min_wage",
    "float64",
    "hourly_pay_low_usd / the local hourly minimum wage (flagged minimum wages excluded).",
    unit="ratio",
    min=0,
)
col(
    "ratio_high_to_min_wage",
    "float64",
    "hourly_pay_high_usd / the local hourly minimum wage.",
    unit="ratio",
    min=0,
)
col(
    "avg_earnings_year_used",
    "Int64",
    "Year of the ILOSTAT average earnings used (the pay figure's year, else the nearest earlier within 3).",
    unit="year",
)
col(
    "ratio_low_to_avg_earnings",
    "float64",
    "hourly_pay_low_ppp_usd / avg_earnings_hourly_ppp_usd (note: current-year PPP over 2021 PPP).",
    unit="ratio",
    min=0,
)
col(
    "ratio_high_to_avg_earnings",
    "float64",
    "hourly_pay_high_ppp_usd / avg_earnings_hourly_ppp_usd.",
    unit="ratio",
    min=0,
)
col("context_note", "str", "Why a normalised value or ratio is missing, if one is.")
col("owner", "str", "Owning company where a cited source names it.")
col("owner_source", "str", "Where the owner is stated.")
col(
    "business_model",
    "str",
    "ailabor's coding of the business model.",
    allowed=BUSINESS_MODELS,
)
col(
    "business_model_source",
    "str",
    "Who coded business_model ('ailabor coding': a classification, not a sourced value).",
)
col(
    "hq_country_iso3",
    "str",
    "Headquarters country, where sourced (empty until a source is curated).",
)
col(
    "founding_year",
    "Int64",
    "Founding year, where sourced (empty until a source is curated).",
    unit="year",
)
col("fairwork_score", "Int64", "Fairwork cloudwork rating score.", unit="points", min=0, max=10)
col("score_max", "Int64", "Maximum possible Fairwork score.", unit="points", min=1)


# --- pay as pay, the floor in force ---
col(
    "observation_group",
    "str",
    "One observation: rows that are the same worker's or the same report's pay in two units (e.g. $40 an hour and $400 a day) share a group and are counted once.",
)
col(
    "pay_kind",
    "str",
    "What the figure measures: worker take-home, worker gross, advertised rate (offered, not earned), platform rule (a platform's minimum or recommended rate), client billing rate (what a client paid a vendor per worker-hour: not pay), company-stated, self-reported (a worker's or survey respondents' own account).",
    allowed=PAY_KINDS,
)
col(
    "paid_to",
    "str",
    "Whose pay it is: worker, or vendor (a client's payment to the firm employing the workers). Pay summaries and figures use worker rows only.",
    allowed=PAID_TO,
)
col(
    "min_wage_lag_years",
    "Int64",
    "year - min_wage_year_used: 0 when the floor of the pay figure's own year is used; never negative (no floor from a later year).",
    unit="years",
    min=0,
)
col(
    "min_wage_fx_year_used",
    "Int64",
    "Year of the exchange rate that converted the local minimum wage to US$ (from country_year.fx_year_used).",
    unit="year",
)
col(
    "avg_earnings_lag_years",
    "Int64",
    "year - avg_earnings_year_used (never negative).",
    unit="years",
    min=0,
)
col(
    "is_below_min_wage",
    "boolean",
    "True when even the highest reported value is below the hourly minimum wage in force; False when the lowest is at or above it; empty when a range straddles it or no floor is known.",
)

CURATED_PAY = "curated:pay_observations.csv"
FX_CONTEXT = (CURATED_PAY, "country_year.fx_lcu_per_usd")
PPP_CONTEXT = (*FX_CONTEXT, "country_year.ppp_lcu_per_intl_usd")
# Ratios to the local minimum wage: ILOSTAT through country_year, or the US federal minimum (DOL).
MIN_WAGE_CONTEXT = (
    *FX_CONTEXT,
    "country_year.min_wage_hourly_usd",
    "country_year.min_wage_hourly_ppp_usd",
    "us_state_min_wage.min_wage_high",
)
EARNINGS_CONTEXT = (*PPP_CONTEXT, "country_year.avg_earnings_hourly_ppp_usd")
# Each column once, beside what it derives from (columns of the transcription: CURATED_PAY).
PAY_COLUMNS, PAY_DERIVED_FROM = lineage_groups(
    (
        (
            "obs_id",
            "fact_id",
            "observation_group",
            "pay_kind",
            "paid_to",
            "platform",
            "client",
            "country_iso3",
            "period",
            "year",
            "value_low",
            "value_high",
            "is_approximate",
            "currency",
            "unit",
            "hours_per_unit_stated",
            "hours_per_unit_used",
            "hours_convention",
            "basis",
            "measure",
            "sample_size",
        ),
        (CURATED_PAY,),
    ),
    (("hourly_pay_low_usd", "hourly_pay_high_usd", "fx_year_used"), FX_CONTEXT),
    (("hourly_pay_low_ppp_usd", "hourly_pay_high_ppp_usd", "ppp_year_used"), PPP_CONTEXT),
    (
        (
            "min_wage_hourly_usd",
            "min_wage_hourly_ppp_usd",
            "min_wage_year_used",
            "min_wage_lag_years",
            "min_wage_fx_year_used",
            "min_wage_source",
            "ratio_low_to_min_wage",
            "ratio_high_to_min_wage",
            "is_below_min_wage",
        ),
        MIN_WAGE_CONTEXT,
    ),
    (
        (
            "avg_earnings_hourly_ppp_usd",
            "avg_earnings_year_used",
            "avg_earnings_lag_years",
            "ratio_low_to_avg_earnings",
            "ratio_high_to_avg_earnings",
        ),
        EARNINGS_CONTEXT,
    ),
    # Why a value is missing: names the context consulted, not its values.
    (("context_note",), PPP_CONTEXT),
    (
        (
            "source_title",
            "publisher",
            "author",
            "publication_date",
            "url",
            "quote",
            "source_type",
            "verification",
            "fact_sheet_verification",
            "notes",
        ),
        (CURATED_PAY,),
    ),
)
table(
    "pay_observations",
    "Published pay figures for AI data work, one row per reported figure, normalised to hourly US$ and PPP $ "
    "with ratios to the local minimum wage and average earnings; every row names its source and verification.",
    PAY_COLUMNS,
    ["obs_id"],
    not_null=[
        "obs_id",
        "fact_id",
        "observation_group",
        "pay_kind",
        "paid_to",
        "country_iso3",
        "year",
        "currency",
        "unit",
        "basis",
        "source_title",
        "verification",
    ],
    curated=("pay_observations.csv",),
    uses=("country_year", "us_state_min_wage"),
    derived_from=PAY_DERIVED_FROM,
)

table(
    "platforms",
    "Platforms and intermediaries named in the pay data, with owner where sourced and ailabor's business-model coding.",
    [
        "platform",
        "owner",
        "owner_source",
        "business_model",
        "business_model_source",
        "hq_country_iso3",
        "founding_year",
    ],
    ["platform"],
    not_null=["platform", "business_model"],
    curated=("platforms.csv",),
)

table(
    "platform_scores",
    "Fairwork cloudwork rating scores by platform and year, as published.",
    [
        "platform",
        "year",
        "fairwork_score",
        "score_max",
        "fact_id",
        "source_title",
        "author",
        "url",
        "verification",
    ],
    ["platform", "year"],
    not_null=["platform", "year", "fairwork_score", "verification"],
    curated=("platform_scores.csv",),
)
