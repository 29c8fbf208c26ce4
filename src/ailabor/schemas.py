"""Every published column defined once: dtype, unit, description, allowed values.

Table schemas are built from these definitions (after PUDL's ``FIELD_METADATA``),
so a column means the same thing in every table, and the data dictionary and the
data package are generated from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ailabor.errors import SchemaError


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # pandas dtype: "str" (pandas 3 default strings, NaN missing; crowd-kit needs it), "Int64", "float64", "boolean", "datetime64[us, UTC]"
    description: str
    unit: str = ""
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TableSchema:
    name: str
    description: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    not_null: tuple[str, ...] = field(default_factory=tuple)


COLUMNS: dict[str, Column] = {}


def _col(*args, **kwargs) -> None:
    c = Column(*args, **kwargs)
    if c.name in COLUMNS:
        raise ValueError(f"column {c.name} defined twice")
    COLUMNS[c.name] = c


# --- countries -------------------------------------------------------------
_col(
    "country_iso3",
    "str",
    "ISO 3166-1 alpha-3 country code (XKX for Kosovo; 'GLOBAL' or 'MULTI' for figures not tied to one country).",
)
_col(
    "country_name",
    "str",
    "Country name as the World Bank spells it (table name in WDI metadata).",
)
_col("year", "Int64", "Calendar year of the observation.", unit="year", min=1900, max=2100)
_col("wb_region", "str", "World Bank region (WDI country metadata, 2023 vintage).")
_col(
    "income_group",
    "str",
    "World Bank income group (WDI country metadata, 2023 vintage).",
    allowed=("Low income", "Lower middle income", "Upper middle income", "High income"),
)
_col(
    "gdp_pc_ppp_usd",
    "float64",
    "GDP per capita, PPP, current international dollars (WDI NY.GDP.PCAP.PP.CD).",
    unit="international $ per person per year",
    min=0,
)
_col(
    "fx_lcu_per_usd",
    "float64",
    "Official exchange rate, period average (WDI PA.NUS.FCRF), or the Fed H.10 annual rate where WDI has none (see fx_source).",
    unit="local currency units per US$",
    min=0,
)
_col("fx_source", "str", "Where fx_lcu_per_usd comes from.", allowed=("wdi", "fed_h10"))
_col(
    "ppp_lcu_per_intl_usd",
    "float64",
    "PPP conversion factor, GDP (WDI PA.NUS.PPP).",
    unit="local currency units per international $",
    min=0,
)
_col(
    "ppp_vintage",
    "str",
    "Vintage of the PPP conversion factor file (PPP factors are revised between WDI releases).",
)
_col(
    "min_wage_monthly_lcu",
    "float64",
    "Statutory nominal gross monthly minimum wage in force in the year (ILOSTAT EAR_INEE_NOC_NB_A full history, retrieved 2026-07-12), as published, in the national currency of the time.",
    unit="local currency units per month",
    min=0,
)
# --- minimum wage by year (issue 12) ---
_col(
    "min_wage_status",
    "str",
    "What the minimum-wage cell means: statutory; national floor level (India: the non-binding national floor x 26 days, not a state rate); none (a country documented to have no statutory national minimum, see ailabor.clean.minwage.NO_STATUTORY_MINIMUM); not in ILOSTAT (absent, which is not proof of no minimum).",
    allowed=("statutory", "national floor level", "none", "not in ILOSTAT"),
)
_col(
    "min_wage_series_id",
    "str",
    "Comparable series the minimum wage belongs to (ISO3:first year); a new id starts at each definition break or redenomination, so trends are drawn within one id only.",
)
_col(
    "min_wage_series_break",
    "str",
    "Why a new minimum-wage series starts in this year (known breaks: Kenya 2008, Philippines 2010, Uganda 2017, Bangladesh 2023, Nigeria 2023, Venezuela 2018 and 2022; plus ILOSTAT's own break-in-series notes).",
)
_col(
    "min_wage_monthly_usd",
    "float64",
    "Monthly minimum wage at the official exchange rate of fx_year_used.",
    unit="US$ per month",
    min=0,
)
_col(
    "min_wage_monthly_ppp_usd",
    "float64",
    "Monthly minimum wage at the PPP factor of ppp_year_used.",
    unit="international $ per month",
    min=0,
)
_col(
    "min_wage_monthly_lcu_ilo",
    "float64",
    "ILOSTAT's local-currency value in EAR_INEE_CUR_NB_A (CUR_TYPE_LCU); differs from min_wage_monthly_lcu where ILOSTAT converted a non-monthly rate (flagged).",
    unit="local currency units per month",
    min=0,
)
_col(
    "min_wage_monthly_usd_ilo",
    "float64",
    "ILOSTAT's own US$ value (EAR_INEE_CUR_NB_A, CUR_TYPE_USD), kept as a cross-check of min_wage_monthly_usd.",
    unit="US$ per month",
    min=0,
)
_col(
    "min_wage_monthly_ppp_ilo",
    "float64",
    "ILOSTAT's own PPP value (EAR_INEE_CUR_NB_A, CUR_TYPE_PPP; the PPP base year is not stated in the file).",
    unit="international $ per month",
    min=0,
)
_col(
    "hours_per_month_assumed",
    "float64",
    "Hours per month used to turn monthly pay into hourly pay (40 h/week x 52 weeks / 12).",
    unit="hours per month",
    min=0,
)
_col(
    "min_wage_hourly_lcu",
    "float64",
    "Monthly minimum wage divided by hours_per_month_assumed.",
    unit="local currency units per hour",
    min=0,
)
_col(
    "min_wage_hourly_usd",
    "float64",
    "Hourly minimum wage at the official exchange rate of fx_year_used.",
    unit="US$ per hour",
    min=0,
)
_col(
    "min_wage_hourly_ppp_usd",
    "float64",
    "Hourly minimum wage at the PPP factor of ppp_year_used.",
    unit="international $ per hour",
    min=0,
)
_col(
    "fx_year_used",
    "Int64",
    "Year of the exchange rate applied (the same year, or the nearest earlier one when that year is missing).",
    unit="year",
)
_col(
    "ppp_year_used",
    "Int64",
    "Year of the PPP factor applied (the same year, or the nearest earlier one when that year is missing).",
    unit="year",
)
_col(
    "min_wage_flag",
    "str",
    "Why the minimum wage looks implausible (empty when it does not); flagged values are kept but excluded from ratios.",
)
_col("is_min_wage_suspect", "boolean", "True when min_wage_flag is set.")
_col(
    "avg_earnings_monthly_ppp_usd",
    "float64",
    "Average monthly earnings of employees, total sex, national (ILOSTAT EAR_4MTH_SEX_GEO_CUR_NB_A).",
    unit="2021 international $ per month",
    min=0,
)
_col(
    "avg_earnings_hourly_ppp_usd",
    "float64",
    "avg_earnings_monthly_ppp_usd divided by hours_per_month_assumed.",
    unit="2021 international $ per hour",
    min=0,
)
_col(
    "avg_earnings_source",
    "str",
    "ILOSTAT survey behind avg_earnings_monthly_ppp_usd (e.g. LFS - Labour Force Survey).",
)


# --- labels and workers ------------------------------------------------------
_col(
    "dataset",
    "str",
    "Labelling dataset the row comes from.",
    allowed=("w241", "zencrowd_us", "zencrowd_in", "snow2008_rte"),
)
_col(
    "posting_id",
    "str",
    "Posting (batch) the work was done in; W241 pay was randomised per posting.",
)
_col(
    "response_id",
    "str",
    "Qualtrics response ID (random, not personal) linking a W241 label to its worker x posting row; empty elsewhere.",
)
_col(
    "source_row",
    "Int64",
    "Line of the source file the label was read from (1-based, counting header lines); with dataset and posting_id it identifies the label.",
    min=1,
)
_col(
    "task",
    "str",
    "Item labelled (crowd-kit name). W241: question TQn (dog images) or SQn (cat screeners).",
)
_col(
    "worker",
    "str",
    "Keyed pseudonym of the worker (HMAC-SHA256, 'w_' + 16 hex); raw IDs never leave the build (crowd-kit name).",
)
_col(
    "label",
    "str",
    "Label the worker gave, normalised (lower case, single spaces) (crowd-kit name).",
)
_col("true_label", "str", "Gold label where the source has one, normalised like label.")
_col(
    "is_screener",
    "boolean",
    "True for attention-check items (W241 cat images, right answer 'not a dog').",
)
_col(
    "design2_group",
    "str",
    "W241 design2 treatment block (CCC, CCT, CTT, TTT) the worker saw; empty elsewhere.",
    allowed=("CCC", "CCT", "CTT", "TTT"),
)
_col(
    "pay_per_task_usd",
    "float64",
    "Reward for one HIT (the whole 50-question task in W241).",
    unit="US$ per task",
    min=0,
)
_col(
    "pay_per_hour_usd",
    "float64",
    "Effective pay: reward divided by MTurk work time (accept to submit); only for submitted work.",
    unit="US$ per hour",
    min=0,
)
_col(
    "duration_s",
    "float64",
    "Time in the survey (Qualtrics Duration), finished or not.",
    unit="seconds",
    min=0,
)
_col(
    "work_time_s",
    "float64",
    "MTurk WorkTimeInSeconds: accept to submit; only for submitted work.",
    unit="seconds",
    min=0,
)
_col("started_at", "datetime64[us, UTC]", "When the worker started the survey (UTC).")
_col("platform", "str", "Platform the work was done on.")
_col(
    "design",
    "str",
    "W241 design: pilot, design1 (4 pay levels x 2 replications) or design2 (within-worker bonus).",
    allowed=("pilot", "design1", "design2"),
)
_col("replication", "str", "W241 replication: order1, order2, pilot, design2_pilot, design2_main.")
_col(
    "is_main_design",
    "boolean",
    "True for the 8 randomised design1 postings used for the pay effect.",
)
_col(
    "is_completed",
    "boolean",
    "Finished the survey (Qualtrics Finished); False is dropout, the turnover signal.",
)
_col("is_submitted", "boolean", "Submitted and paid on MTurk (matched to a batch assignment).")
_col(
    "is_worker_id_known",
    "boolean",
    "False when the response carries no worker ID (then the pseudonym is per response).",
)
_col("progress_pct", "float64", "Qualtrics Progress.", unit="percent", min=0, max=100)
_col("n_questions_answered", "Int64", "Questions (including screeners) the worker answered.", min=0)
_col("questions_shown", "Int64", "Questions in the worker's block, including screeners.", min=0)
_col(
    "last_question_position",
    "Int64",
    "Position in display order of the last question answered (0 = none): where a quitter stopped.",
    min=0,
)
_col(
    "n_postings_by_worker",
    "Int64",
    "W241 postings this worker took part in (repeat participation).",
    min=1,
)
_col("n_labels", "Int64", "Non-screener labels the worker gave in this posting.", min=0)
_col("n_gold_labels", "Int64", "Labels with a gold answer.", min=0)
_col("n_correct", "Int64", "Labels equal to the gold answer.", min=0)
_col("accuracy", "float64", "n_correct / n_gold_labels.", unit="share", min=0, max=1)
_col(
    "accuracy_ci_low",
    "float64",
    "Lower bound of the 95% Wilson interval of accuracy.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "accuracy_ci_high",
    "float64",
    "Upper bound of the 95% Wilson interval of accuracy.",
    unit="share",
    min=0,
    max=1,
)
_col("screeners_shown", "Int64", "Screener items answered.", min=0)
_col("screeners_passed", "Int64", "Screener items answered 'not a dog'.", min=0)
_col(
    "ds_error",
    "float64",
    "Gold-free error: 1 - mean posterior that the worker's label is right, one-coin Dawid-Skene fitted per dataset without gold.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "ds_error_ci_low",
    "float64",
    "Lower bound of a 95% Wilson interval for ds_error over n_labels (ignores posterior uncertainty).",
    unit="share",
    min=0,
    max=1,
)
_col("ds_error_ci_high", "float64", "Upper bound of that interval.", unit="share", min=0, max=1)


# --- pay, platforms, scraped pages ----------------------------------------------
CURRENCIES = ("USD", "KES", "GBP", "INR", "PHP", "UGX")
PAY_UNITS = ("hour", "day", "week", "month", "year", "task")
PAY_BASES = (
    "take-home",
    "advertised",
    "platform minimum",
    "platform recommended",
    "median",
    "mean",
    "client billing rate",
    "company-stated",
    "self-reported",
)
VERIFICATION_LEVELS = ("primary", "secondary", "self-reported", "unverified")
SOURCE_TYPES = (
    "investigative journalism",
    "news report",
    "academic study",
    "international organisation",
    "platform documentation",
    "company statement",
    "company blog",
    "opinion piece",
    "third-party site",
)
_col("obs_id", "str", "Identifier of a pay observation.")
_col(
    "fact_id",
    "str",
    "Row(s) of the project's fact sheet (shared/facts/published_pay_figures.csv) the observation was transcribed from.",
)
_col("client", "str", "Client the work was for, where the source names one (e.g. OpenAI via Sama).")
_col("period", "str", "Period the figure refers to, as the source gives it.")
_col(
    "value_low",
    "float64",
    "Reported value, or the low end of a reported range; empty for 'less than' figures.",
    min=0,
)
_col(
    "value_high",
    "float64",
    "High end of a reported range, or the bound of a 'less than' figure; empty for a single value.",
    min=0,
)
_col(
    "is_approximate",
    "boolean",
    "True when the source gives the value as approximate ('about a dollar').",
)
_col(
    "currency",
    "str",
    "ISO 4217 currency of value_low/value_high, as published.",
    allowed=CURRENCIES,
)
_col("unit", "str", "Pay period of the published value.", allowed=PAY_UNITS)
_col(
    "hours_per_unit_stated",
    "float64",
    "Hours per pay period when the source states them (e.g. '10 hours a day').",
    unit="hours",
    min=0,
)
_col(
    "hours_per_unit_used",
    "float64",
    "Hours per pay period used to make the value hourly (stated, else the convention).",
    unit="hours",
    min=0,
)
_col("hours_convention", "str", "Where hours_per_unit_used comes from.")
_col("basis", "str", "What the figure measures.", allowed=PAY_BASES)
_col("measure", "str", "The figure in the source's own terms.")
_col("sample_size", "str", "Sample size as the source gives it.")
_col("source_title", "str", "Title of the source.")
_col("publisher", "str", "Publisher or outlet.")
_col("author", "str", "Author(s), where named.")
_col("publication_date", "str", "Publication date (as precise as known).")
_col("url", "str", "Where the figure was seen (several separated by ' ; ').")
_col("quote", "str", "Verbatim quote where one was seen.")
_col("source_type", "str", "Kind of source.", allowed=SOURCE_TYPES)
_col(
    "verification",
    "str",
    "How the figure was verified: primary (seen in the source itself), secondary (seen quoted elsewhere), self-reported (a worker's own account), unverified.",
    allowed=VERIFICATION_LEVELS,
)
_col("fact_sheet_verification", "str", "The fact sheet's own verification note, verbatim.")
_col("notes", "str", "Curator's notes.")
_col(
    "hourly_pay_low_usd",
    "float64",
    "value_low per hour in nominal US$ (official rate of fx_year_used).",
    unit="US$ per hour",
    min=0,
)
_col(
    "hourly_pay_high_usd",
    "float64",
    "value_high per hour in nominal US$.",
    unit="US$ per hour",
    min=0,
)
_col(
    "hourly_pay_low_ppp_usd",
    "float64",
    "value_low per hour in international $ (PPP of the observation's country, ppp_year_used).",
    unit="international $ per hour",
    min=0,
)
_col(
    "hourly_pay_high_ppp_usd",
    "float64",
    "value_high per hour in international $.",
    unit="international $ per hour",
    min=0,
)
_col(
    "min_wage_year_used",
    "Int64",
    "Year of the minimum wage the ratios use: the pay figure's year, else the nearest earlier year within 3 (the floor in force; never a later year).",
    unit="year",
)
_col(
    "min_wage_source",
    "str",
    "Which minimum wage: ILOSTAT statutory, or the US federal minimum from DOL for US figures.",
)
_col(
    "ratio_low_to_min_wage",
    "float64",
    "hourly_pay_low_usd / the local hourly minimum wage (flagged minimum wages excluded).",
    unit="ratio",
    min=0,
)
_col(
    "ratio_high_to_min_wage",
    "float64",
    "hourly_pay_high_usd / the local hourly minimum wage.",
    unit="ratio",
    min=0,
)
_col(
    "avg_earnings_year_used",
    "Int64",
    "Year of the ILOSTAT average earnings used (the pay figure's year, else the nearest earlier within 3).",
    unit="year",
)
_col(
    "ratio_low_to_avg_earnings",
    "float64",
    "hourly_pay_low_ppp_usd / avg_earnings_hourly_ppp_usd (note: current-year PPP over 2021 PPP).",
    unit="ratio",
    min=0,
)
_col(
    "ratio_high_to_avg_earnings",
    "float64",
    "hourly_pay_high_ppp_usd / avg_earnings_hourly_ppp_usd.",
    unit="ratio",
    min=0,
)
_col("context_note", "str", "Why a normalised value or ratio is missing, if one is.")
# --- pay as pay, the floor in force (issue 12) ---
_col(
    "observation_group",
    "str",
    "One observation: rows that are the same worker's or the same report's pay in two units (e.g. $40 an hour and $400 a day) share a group and are counted once.",
)
_col(
    "pay_kind",
    "str",
    "What the figure measures: worker take-home, worker gross, advertised rate (offered, not earned), platform rule (a platform's minimum or recommended rate), client billing rate (what a client paid a vendor per worker-hour: not pay), company-stated, self-reported (a worker's or survey respondents' own account).",
    allowed=(
        "worker take-home",
        "worker gross",
        "advertised rate",
        "platform rule",
        "client billing rate",
        "company-stated",
        "self-reported",
    ),
)
_col(
    "paid_to",
    "str",
    "Whose pay it is: worker, or vendor (a client's payment to the firm employing the workers). Pay summaries and figures use worker rows only.",
    allowed=("worker", "vendor"),
)
_col(
    "min_wage_lag_years",
    "Int64",
    "year - min_wage_year_used: 0 when the floor of the pay figure's own year is used; never negative (no floor from a later year).",
    unit="years",
    min=0,
)
_col(
    "min_wage_fx_year_used",
    "Int64",
    "Year of the exchange rate that converted the local minimum wage to US$ (from country_year.fx_year_used).",
    unit="year",
)
_col(
    "avg_earnings_lag_years",
    "Int64",
    "year - avg_earnings_year_used (never negative).",
    unit="years",
    min=0,
)
_col(
    "is_below_min_wage",
    "boolean",
    "True when even the highest reported value is below the hourly minimum wage in force; False when the lowest is at or above it; empty when a range straddles it or no floor is known.",
)
_col("owner", "str", "Owning company where a cited source names it.")
_col("owner_source", "str", "Where the owner is stated.")
_col(
    "business_model",
    "str",
    "ailabor's coding of the business model.",
    allowed=(
        "microtask marketplace",
        "managed / impact-sourcing BPO",
        "expert AI-training",
        "freelance marketplace",
    ),
)
_col(
    "business_model_source",
    "str",
    "Who coded business_model ('ailabor coding': a classification, not a sourced value).",
)
_col(
    "hq_country_iso3",
    "str",
    "Headquarters country, where sourced (empty until a source is curated).",
)
_col(
    "founding_year",
    "Int64",
    "Founding year, where sourced (empty until a source is curated).",
    unit="year",
)
_col("fairwork_score", "Int64", "Fairwork cloudwork rating score.", unit="points", min=0, max=10)
_col("score_max", "Int64", "Maximum possible Fairwork score.", unit="points", min=1)
_col("page", "str", "Saved page the HIT group was read from.")
_col(
    "page_served_at",
    "datetime64[us]",
    "When MTurk served the page (from the session token in its links; US Pacific time).",
)
_col("hits_available_site_wide", "Int64", "'HITs available now' at the top of the page.", min=0)
_col("title", "str", "HIT group title.")
_col(
    "task_type",
    "str",
    "Task type from keyword rules on the title (ailabor.sources.mturk_hitslist.TASK_TYPES).",
    allowed=(
        "moderation",
        "image annotation",
        "transcription",
        "survey",
        "data collection",
        "categorisation",
        "writing",
        "other",
    ),
)
_col("requester", "str", "Requester (the employer) as shown on the page.")
_col("reward_usd", "float64", "Reward per HIT.", unit="US$ per task", min=0)
_col("time_allotted_s", "float64", "Most time a worker may take on one HIT.", unit="seconds", min=0)
_col(
    "reward_per_allotted_hour_usd_floor",
    "float64",
    "reward_usd / time allotted in hours: a floor on the hourly rate, NOT a wage.",
    unit="US$ per hour",
    min=0,
)
_col("hits_available", "Int64", "HITs left in the group.", min=0)
_col("expires_on", "datetime64[us]", "HIT group expiry date.")
_col(
    "jurisdiction",
    "str",
    "State or other jurisdiction as the DOL table names it ('Federal (FLSA)' for the federal rate).",
)
_col("is_federal", "boolean", "True for the federal (FLSA) row.")
_col("year_footnotes", "str", "Footnote codes on the year header.")
_col(
    "min_wage_low",
    "float64",
    "Minimum wage, or the low end of a range or dual rate.",
    unit="US$ per unit",
    min=0,
)
_col(
    "min_wage_high",
    "float64",
    "High end of a range or dual rate (equals min_wage_low for a single rate).",
    unit="US$ per unit",
    min=0,
)
_col(
    "rate_kind",
    "str",
    "single, range (e.g. by employer size), dual (two rates, '&' or '/'), or placeholder.",
    allowed=("single", "range", "dual", "placeholder"),
)
_col("footnotes", "str", "Footnote codes in the cell, comma-separated (see the DOL page).")
_col(
    "placeholder",
    "str",
    "'not applicable' ('...') or 'not available' ('NA').",
    allowed=("not applicable", "not available"),
)
_col(
    "typo_fixed",
    "boolean",
    "True when a typo in the source cell was corrected (stray backtick, double dot or comma).",
)
_col("cell_text", "str", "The cell as published.")
_col(
    "is_increase",
    "boolean",
    "True when the cell (or part of it) is bold: the DOL's mark of an increase.",
)
_col("table", "Int64", "Which of the page's six tables the cell is in.", min=1, max=6)
_col(
    "is_suspect", "boolean", "True for cells listed as suspicious (a later rate in an early year)."
)
_col("suspect_reason", "str", "Why the cell is suspect.")


# --- MTurk Tracker survey, 2015-2026 (issue 12) ---------------------------------
_col(
    "is_partial_year",
    "boolean",
    "True when the survey covers only part of the year (2015 from 26 March; 2026 to 30 September).",
)
_col(
    "n_answers",
    "Int64",
    "Survey answers (a worker may answer once per 30 days, so answers are not workers).",
    min=0,
)
_col("n_workers", "Int64", "Distinct workers answering in the year.", min=0)
_col(
    "is_asked",
    "boolean",
    "False for answers recorded in years the question was not asked (2015-16, part of 2017).",
)
_col(
    "share_of_answered",
    "float64",
    "n_answers / the year's answers to this question.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "income_band",
    "str",
    "Weekly MTurk income band as the survey words it ('not asked' where the question was not asked).",
)
_col("income_low_usd_week", "float64", "Lower edge of income_band.", unit="US$ per week", min=0)
_col(
    "income_high_usd_week",
    "float64",
    "Upper edge of income_band (inf for 'More than $500 per week').",
    unit="US$ per week",
    min=0,
)
_col(
    "hours_band",
    "str",
    "Weekly hours on MTurk band as the survey words it ('not asked' where not asked).",
)
_col("hours_low_week", "float64", "Lower edge of hours_band.", unit="hours per week", min=0)
_col(
    "hours_high_week",
    "float64",
    "Upper edge of hours_band (inf for 'More than 40 hours per week').",
    unit="hours per week",
    min=0,
)
_col("country_iso2", "str", "ISO 3166-1 alpha-2 country code as the survey recorded it.")
_col(
    "era",
    "str",
    "Period over which the upstream open-population model was fitted (2015–2019, 2020–2022, 2023–2026).",
)
_col("era_first_day", "str", "First day of the era (ISO date).")
_col("era_last_day", "str", "Last day of the era (ISO date).")
_col(
    "half_life_days",
    "float64",
    "Half-life of a cohort of active workers (open-population capture-recapture model of Difallah, Filatova & Ipeirotis 2018, fitted upstream): days until half are no longer active.",
    unit="days",
    min=0,
)
_col(
    "active_workers_estimate",
    "float64",
    "Upstream's estimate of workers active in a 30-day period under equal catchability.",
    unit="workers",
    min=0,
)
_col(
    "gap_periods", "Int64", "Gap between two 30-day capture periods.", unit="30-day periods", min=1
)
_col("gap_days", "Int64", "gap_periods x 30.", unit="days", min=0)
_col(
    "share_seen_again",
    "float64",
    "Median share of a period's workers seen again gap_periods later (upstream's 'back').",
    unit="share",
    min=0,
    max=1,
)
_col("n_answers_income", "Int64", "Answers to the weekly income question in the year.", min=0)
_col("n_answers_hours", "Int64", "Answers to the weekly hours question in the year.", min=0)
_col(
    "share_weekly_income_under_20_usd",
    "float64",
    "Share of income answers under $20 a week (a band edge: exact).",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_weekly_income_under_100_usd",
    "float64",
    "Share of income answers under $100 a week (exact).",
    unit="share",
    min=0,
    max=1,
)
_col(
    "median_hourly_usd_lower",
    "float64",
    "Assumption-free lower bound on the median of weekly income / weekly hours (Makarov bounds from the two marginals, on a grid).",
    unit="US$ per hour",
    min=0,
)
_col(
    "median_hourly_usd_upper",
    "float64",
    "Assumption-free upper bound on that median.",
    unit="US$ per hour",
    min=0,
)
_col(
    "median_hourly_usd_comonotone",
    "float64",
    "Median hourly MTurk earnings IF income and hours were perfectly rank-correlated (uniform within bands; open bands capped at $1,000 and 60 h a week): a model output, not a measurement.",
    unit="US$ per hour",
    min=0,
)
_col(
    "share_hourly_below_2_lower",
    "float64",
    "Assumption-free lower bound on the share of answers whose weekly income / weekly hours is below $2 an hour.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_hourly_below_2_upper",
    "float64",
    "Assumption-free upper bound on that share.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_hourly_below_2_comonotone",
    "float64",
    "That share under the comonotone assumption (see median_hourly_usd_comonotone): not measured.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_hourly_below_7_25_lower",
    "float64",
    "Assumption-free lower bound on the share of answers whose weekly income / weekly hours is below $7.25 (the US federal minimum) an hour.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_hourly_below_7_25_upper",
    "float64",
    "Assumption-free upper bound on that share.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "share_hourly_below_7_25_comonotone",
    "float64",
    "That share under the comonotone assumption (see median_hourly_usd_comonotone): not measured.",
    unit="share",
    min=0,
    max=1,
)
_col(
    "profile_measure",
    "str",
    "Upstream column name of the pooled 2015-2026 profile (n, workers, female, median_age, married, college, graduate, hours20, income_lt10k, household4).",
)
_col(
    "profile_value",
    "float64",
    "Value of the measure (shares as fractions; hours20 and income_lt10k are shares whose exact definition upstream does not document: read as 20+ hours a week on MTurk and household income under $10,000).",
)


TABLES: dict[str, TableSchema] = {}


def _table(
    name: str, description: str, columns: list[str], primary_key: list[str], not_null=()
) -> None:
    for c in columns:
        if c not in COLUMNS:
            raise ValueError(f"table {name}: column {c} has no definition in COLUMNS")
    TABLES[name] = TableSchema(
        name, description, tuple(columns), tuple(primary_key), tuple(not_null)
    )


_table(
    "country_year",
    "Country-year context: GDP per capita PPP, exchange and PPP rates, the statutory minimum wage in force "
    "each year (monthly and hourly; local currency, US$ and PPP $; series breaks marked) and average earnings, "
    "from the World Bank and ILOSTAT.",
    [
        "country_iso3",
        "year",
        "country_name",
        "wb_region",
        "income_group",
        "gdp_pc_ppp_usd",
        "fx_lcu_per_usd",
        "fx_source",
        "ppp_lcu_per_intl_usd",
        "ppp_vintage",
        "min_wage_status",
        "min_wage_monthly_lcu",
        "min_wage_series_id",
        "min_wage_series_break",
        "hours_per_month_assumed",
        "min_wage_hourly_lcu",
        "min_wage_monthly_usd",
        "min_wage_hourly_usd",
        "min_wage_monthly_ppp_usd",
        "min_wage_hourly_ppp_usd",
        "fx_year_used",
        "ppp_year_used",
        "min_wage_monthly_lcu_ilo",
        "min_wage_monthly_usd_ilo",
        "min_wage_monthly_ppp_ilo",
        "min_wage_flag",
        "is_min_wage_suspect",
        "avg_earnings_monthly_ppp_usd",
        "avg_earnings_hourly_ppp_usd",
        "avg_earnings_source",
    ],
    ["country_iso3", "year"],
    not_null=["country_iso3", "year", "country_name"],
)

_table(
    "annotations",
    "One row per label (crowd-kit layout task, worker, label) from the W241 pay experiment, "
    "ZenCrowd (US and India) and Snow et al. 2008 RTE, with gold where known.",
    [
        "dataset",
        "posting_id",
        "source_row",
        "response_id",
        "task",
        "worker",
        "label",
        "true_label",
        "is_screener",
        "design2_group",
        "pay_per_task_usd",
        "pay_per_hour_usd",
        "duration_s",
        "started_at",
        "country_iso3",
        "platform",
    ],
    ["dataset", "posting_id", "source_row", "task"],
    not_null=["dataset", "posting_id", "source_row", "worker", "task", "label"],
)
_table(
    "workers",
    "One row per worker x posting: completion, effort, effective pay, accuracy against gold and "
    "gold-free Dawid-Skene error with intervals.",
    [
        "dataset",
        "posting_id",
        "response_id",
        "worker",
        "design",
        "replication",
        "is_main_design",
        "design2_group",
        "pay_per_task_usd",
        "started_at",
        "is_completed",
        "is_submitted",
        "is_worker_id_known",
        "progress_pct",
        "duration_s",
        "work_time_s",
        "pay_per_hour_usd",
        "n_questions_answered",
        "questions_shown",
        "last_question_position",
        "n_postings_by_worker",
        "n_labels",
        "n_gold_labels",
        "n_correct",
        "accuracy",
        "accuracy_ci_low",
        "accuracy_ci_high",
        "screeners_shown",
        "screeners_passed",
        "ds_error",
        "ds_error_ci_low",
        "ds_error_ci_high",
        "country_iso3",
        "platform",
    ],
    ["dataset", "posting_id", "worker", "response_id"],
    not_null=["dataset", "posting_id", "worker"],
)

_table(
    "pay_observations",
    "Published pay figures for AI data work, one row per reported figure, normalised to hourly US$ and PPP $ "
    "with ratios to the local minimum wage and average earnings; every row names its source and verification.",
    [
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
        "hourly_pay_low_usd",
        "hourly_pay_high_usd",
        "fx_year_used",
        "hourly_pay_low_ppp_usd",
        "hourly_pay_high_ppp_usd",
        "ppp_year_used",
        "min_wage_hourly_usd",
        "min_wage_hourly_ppp_usd",
        "min_wage_year_used",
        "min_wage_lag_years",
        "min_wage_fx_year_used",
        "min_wage_source",
        "ratio_low_to_min_wage",
        "ratio_high_to_min_wage",
        "is_below_min_wage",
        "avg_earnings_hourly_ppp_usd",
        "avg_earnings_year_used",
        "avg_earnings_lag_years",
        "ratio_low_to_avg_earnings",
        "ratio_high_to_avg_earnings",
        "context_note",
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
    ],
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
)
_table(
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
)
_table(
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
)
_table(
    "mturk_hit_groups",
    "HIT groups on two saved Amazon Mechanical Turk 'All HITs' pages (2010, 2011): reward, time allotted and a floor on the hourly rate.",
    [
        "page",
        "page_served_at",
        "hits_available_site_wide",
        "title",
        "task_type",
        "requester",
        "reward_usd",
        "time_allotted_s",
        "reward_per_allotted_hour_usd_floor",
        "hits_available",
        "expires_on",
    ],
    ["page", "title", "requester", "reward_usd", "hits_available"],
    not_null=["page", "title", "reward_usd", "time_allotted_s"],
)
_table(
    "us_state_min_wage",
    "US state and federal minimum wages under state law, selected years 1968-2024 (US DOL), every cell parsed with its footnotes.",
    [
        "jurisdiction",
        "is_federal",
        "year",
        "year_footnotes",
        "min_wage_low",
        "min_wage_high",
        "rate_kind",
        "unit",
        "footnotes",
        "placeholder",
        "typo_fixed",
        "cell_text",
        "is_increase",
        "table",
        "is_suspect",
        "suspect_reason",
    ],
    ["jurisdiction", "year"],
    not_null=["jurisdiction", "year", "rate_kind", "cell_text"],
)


# --- MTurk Tracker survey tables (issue 12) ---
_table(
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
)
_table(
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
)
_table(
    "mturk_workers_by_country",
    "MTurk Tracker survey: answers and distinct workers by year and country, 2015-2026.",
    ["year", "country_iso2", "country_iso3", "n_answers", "n_workers", "is_partial_year"],
    ["year", "country_iso2"],
    not_null=["year", "country_iso2", "n_answers", "n_workers"],
)
_table(
    "mturk_cohort_halflife",
    "MTurk Tracker survey: half-life of worker cohorts by era (platform-level turnover; association over time, not an effect of pay).",
    ["era", "era_first_day", "era_last_day", "half_life_days", "active_workers_estimate"],
    ["era"],
    not_null=["era", "half_life_days"],
)
_table(
    "mturk_return",
    "MTurk Tracker survey: share of a 30-day period's workers seen again after a gap, by era.",
    ["era", "gap_periods", "gap_days", "share_seen_again"],
    ["era", "gap_periods"],
    not_null=["era", "gap_periods", "share_seen_again"],
)
_table(
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
)
_table(
    "mturk_us_india",
    "MTurk Tracker survey: US and India worker profiles pooled over 2015-2026 (answers, workers, shares), long format.",
    ["country_iso2", "country_iso3", "profile_measure", "profile_value"],
    ["country_iso2", "profile_measure"],
    not_null=["country_iso2", "profile_measure", "profile_value"],
)


def apply_dtypes(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Select the table's columns in order and cast them to their schema dtypes."""
    schema = TABLES[table]
    missing = [c for c in schema.columns if c not in df.columns]
    if missing:
        raise SchemaError(f"{table}: missing columns {missing}")
    out = df.loc[:, list(schema.columns)].copy()
    for c in schema.columns:
        out[c] = out[c].astype(COLUMNS[c].dtype)
    return out.reset_index(drop=True)


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check columns, dtypes, ranges, allowed values and the unique key; return ``df``.

    Errors print the offending values (after OWID's asserts).
    """
    schema = TABLES[table]
    if list(df.columns) != list(schema.columns):
        extra = [c for c in df.columns if c not in schema.columns]
        missing = [c for c in schema.columns if c not in df.columns]
        raise SchemaError(f"{table}: columns differ from schema; missing {missing}, extra {extra}")
    problems = []
    for name in schema.columns:
        col = COLUMNS[name]
        s = df[name]
        if str(s.dtype) != str(pd.Series(dtype=col.dtype).dtype):
            problems.append(f"{name}: dtype {s.dtype}, expected {col.dtype}")
            continue
        if col.min is not None and (bad := s[s < col.min]).size:
            problems.append(
                f"{name}: {bad.size} values below {col.min}, e.g. {bad.head(3).tolist()}"
            )
        if col.max is not None and (bad := s[s > col.max]).size:
            problems.append(
                f"{name}: {bad.size} values above {col.max}, e.g. {bad.head(3).tolist()}"
            )
        if col.allowed is not None:
            bad = s.dropna()[~s.dropna().isin(col.allowed)]
            if bad.size:
                problems.append(f"{name}: values outside {col.allowed}: {sorted(set(bad))[:5]}")
    # Key columns may be empty only where the table says so (response_id outside W241).
    for name in schema.not_null:
        if (n := int(df[name].isna().sum())) > 0:
            problems.append(f"{name}: {n} missing values in a key or required column")
    dup = df.duplicated(list(schema.primary_key), keep=False)
    if dup.any():
        problems.append(
            f"primary key {schema.primary_key} not unique: "
            f"{df.loc[dup, list(schema.primary_key)].head(5).to_dict('records')}"
        )
    if problems:
        raise SchemaError(f"{table}: " + "; ".join(problems))
    return df
