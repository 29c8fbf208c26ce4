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
    "Statutory nominal gross monthly minimum wage (ILOSTAT EAR_INEE_NOC_NB_A), as published.",
    unit="local currency units per month",
    min=0,
)
_col("min_wage_currency", "str", "ISO 4217 currency of min_wage_monthly_lcu, as published.")
_col(
    "min_wage_year",
    "Int64",
    "Year the minimum wage was reported for.",
    unit="year",
    min=1900,
    max=2100,
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
    "Country-year context: GDP per capita PPP, exchange and PPP rates, statutory minimum wage "
    "(monthly, hourly, US$ and PPP $) and average earnings, from the World Bank and ILOSTAT.",
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
        "min_wage_monthly_lcu",
        "min_wage_currency",
        "hours_per_month_assumed",
        "min_wage_hourly_lcu",
        "min_wage_hourly_usd",
        "min_wage_hourly_ppp_usd",
        "fx_year_used",
        "ppp_year_used",
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


def empty_frame(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes."""
    schema = TABLES[table]
    return pd.DataFrame({c: pd.Series(dtype=COLUMNS[c].dtype) for c in schema.columns})


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
