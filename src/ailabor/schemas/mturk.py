"""MTurk Tracker survey (2015-2026): columns and the ``mturk_*`` tables."""

from __future__ import annotations

from ailabor.schemas.column import col, share
from ailabor.schemas.table import table

col(
    "is_partial_year",
    "boolean",
    "True when the survey covers only part of the year (2015 from 26 March; 2026 to 30 September).",
)
col(
    "n_answers",
    "Int64",
    "Survey answers (a worker may answer once per 30 days, so answers are not workers).",
    min=0,
)
col(
    "is_asked",
    "boolean",
    "False for answers recorded in years the question was not asked (2015-16, part of 2017).",
)
share(
    "share_of_answered",
    "n_answers / the year's answers to this question.",
)
col(
    "income_band",
    "str",
    "Weekly MTurk income band as the survey words it ('not asked' where the question was not asked).",
)
col("income_low_usd_week", "float64", "Lower edge of income_band.", unit="US$ per week", min=0)
col(
    "income_high_usd_week",
    "float64",
    "Upper edge of income_band (inf for 'More than $500 per week').",
    unit="US$ per week",
    min=0,
)
col(
    "hours_band",
    "str",
    "Weekly hours on MTurk band as the survey words it ('not asked' where not asked).",
)
col("hours_low_week", "float64", "Lower edge of hours_band.", unit="hours per week", min=0)
col(
    "hours_high_week",
    "float64",
    "Upper edge of hours_band (inf for 'More than 40 hours per week').",
    unit="hours per week",
    min=0,
)
col("country_iso2", "str", "ISO 3166-1 alpha-2 country code as the survey recorded it.")
col(
    "era",
    "str",
    "Period over which the upstream open-population model was fitted (2015–2019, 2020–2022, 2023–2026).",
)
col("era_first_day", "str", "First day of the era (ISO date).")
col("era_last_day", "str", "Last day of the era (ISO date).")
col(
    "half_life_days",
    "float64",
    "Half-life of a cohort of active workers (open-population capture-recapture model of Difallah, Filatova & Ipeirotis 2018, fitted upstream): days until half are no longer active.",
    unit="days",
    min=0,
)
col(
    "active_workers_estimate",
    "float64",
    "Upstream's estimate of workers active in a 30-day period under equal catchability.",
    unit="workers",
    min=0,
)
col("gap_periods", "Int64", "Gap between two 30-day capture periods.", unit="30-day periods", min=1)
col("gap_days", "Int64", "gap_periods x 30.", unit="days", min=0)
share(
    "share_seen_again",
    "Median share of a period's workers seen again gap_periods later (upstream's 'back').",
)
col("n_answers_income", "Int64", "Answers to the weekly income question in the year.", min=0)
col("n_answers_hours", "Int64", "Answers to the weekly hours question in the year.", min=0)
share(
    "share_weekly_income_under_20_usd",
    "Share of income answers under $20 a week (a band edge: exact).",
)
share(
    "share_weekly_income_under_100_usd",
    "Share of income answers under $100 a week (exact).",
)
col(
    "median_hourly_usd_lower",
    "float64",
    "Assumption-free lower bound on the median of weekly income / weekly hours (Makarov bounds from the two marginals, on a grid).",
    unit="US$ per hour",
    min=0,
)
col(
    "median_hourly_usd_upper",
    "float64",
    "Assumption-free upper bound on that median.",
    unit="US$ per hour",
    min=0,
)
col(
    "median_hourly_usd_comonotone",
    "float64",
    "Median hourly MTurk earnings IF income and hours were perfectly rank-correlated (uniform within bands; open bands capped at $1,000 and 60 h a week): a model output, not a measurement.",
    unit="US$ per hour",
    min=0,
)
share(
    "share_hourly_below_2_lower",
    "Assumption-free lower bound on the share of answers whose weekly income / weekly hours is below $2 an hour.",
)
share(
    "share_hourly_below_2_upper",
    "Assumption-free upper bound on that share.",
)
share(
    "share_hourly_below_2_comonotone",
    "That share under the comonotone assumption (see median_hourly_usd_comonotone): not measured.",
)
share(
    "share_hourly_below_7_25_lower",
    "Assumption-free lower bound on the share of answers whose weekly income / weekly hours is below $7.25 (the US federal minimum) an hour.",
)
share(
    "share_hourly_below_7_25_upper",
    "Assumption-free upper bound on that share.",
)
share(
    "share_hourly_below_7_25_comonotone",
    "That share under the comonotone assumption (see median_hourly_usd_comonotone): not measured.",
)
col(
    "profile_measure",
    "str",
    "Upstream column name of the pooled 2015-2026 profile (n, workers, female, median_age, married, college, graduate, hours20, income_lt10k, household4).",
)
col(
    "profile_value",
    "float64",
    "Value of the measure (shares as fractions; hours20 and income_lt10k are shares whose exact definition upstream does not document: read as 20+ hours a week on MTurk and household income under $10,000).",
)

table(
    "mturk_weekly_income",
    "MTurk Tracker survey: weekly MTurk income bands by year, 2015-2026 (asked from 2017), answers per band.",
    [
        "year",
        "income_band",
        "income_low_usd_week",
        "income_high_usd_week",
        "n_answers",
        "share_of_answered",
        "is_asked",
        "is_partial_year",
    ],
    ["year", "income_band"],
    not_null=["year", "income_band", "n_answers"],
    sources=("mturk_surveys",),
)
table(
    "mturk_weekly_hours",
    "MTurk Tracker survey: weekly hours on MTurk bands by year, 2015-2026 (asked from 2017), answers per band.",
    [
        "year",
        "hours_band",
        "hours_low_week",
        "hours_high_week",
        "n_answers",
        "share_of_answered",
        "is_asked",
        "is_partial_year",
    ],
    ["year", "hours_band"],
    not_null=["year", "hours_band", "n_answers"],
    sources=("mturk_surveys",),
)
table(
    "mturk_workers_by_country",
    "MTurk Tracker survey: answers and distinct workers by year and country, 2015-2026.",
    ["year", "country_iso2", "country_iso3", "n_answers", "n_workers", "is_partial_year"],
    ["year", "country_iso2"],
    not_null=["year", "country_iso2", "n_answers", "n_workers"],
    sources=("mturk_surveys",),
)
table(
    "mturk_cohort_halflife",
    "MTurk Tracker survey: half-life of worker cohorts by era (platform-level turnover; association over time, not an effect of pay).",
    ["era", "era_first_day", "era_last_day", "half_life_days", "active_workers_estimate"],
    ["era"],
    not_null=["era", "half_life_days"],
    sources=("mturk_surveys",),
)
table(
    "mturk_return",
    "MTurk Tracker survey: share of a 30-day period's workers seen again after a gap, by era.",
    ["era", "gap_periods", "gap_days", "share_seen_again"],
    ["era", "gap_periods"],
    not_null=["era", "gap_periods", "share_seen_again"],
    sources=("mturk_surveys",),
)
table(
    "mturk_earnings_by_year",
    "MTurk Tracker survey: weekly income shares, and bounds (assumption-free) and a comonotone point estimate (not measured) for hourly MTurk earnings, by year 2017-2026.",
    [
        "year",
        "is_partial_year",
        "n_answers_income",
        "n_answers_hours",
        "share_weekly_income_under_20_usd",
        "share_weekly_income_under_100_usd",
        "median_hourly_usd_lower",
        "median_hourly_usd_upper",
        "median_hourly_usd_comonotone",
        "share_hourly_below_2_lower",
        "share_hourly_below_2_upper",
        "share_hourly_below_2_comonotone",
        "share_hourly_below_7_25_lower",
        "share_hourly_below_7_25_upper",
        "share_hourly_below_7_25_comonotone",
    ],
    ["year"],
    not_null=["year", "n_answers_income", "n_answers_hours"],
    sources=("mturk_surveys",),
)
table(
    "mturk_us_india",
    "MTurk Tracker survey: US and India worker profiles pooled over 2015-2026 (answers, workers, shares), long format.",
    ["country_iso2", "country_iso3", "profile_measure", "profile_value"],
    ["country_iso2", "profile_measure"],
    not_null=["country_iso2", "profile_measure", "profile_value"],
    sources=("mturk_surveys",),
)
