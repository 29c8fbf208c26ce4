"""Scraped web pages: columns and the ``mturk_hit_groups`` and ``us_state_min_wage`` tables."""

from __future__ import annotations

from ailabor.schemas.column import col
from ailabor.schemas.table import table
from ailabor.schemas.vocabularies import HIT_TASK_TYPES, PLACEHOLDER_KINDS, RATE_KINDS

col("page", "str", "Saved page the HIT group was read from.")
col(
    "page_served_at",
    "datetime64[us]",
    "When MTurk served the page (from the session token in its links; US Pacific time).",
)
col("hits_available_site_wide", "Int64", "'HITs available now' at the top of the page.", min=0)
col("title", "str", "HIT group title.")
col(
    "task_type",
    "str",
    "Task type from keyword rules on the title (ailabor.sources.mturk_hitslist.TASK_TYPES).",
    allowed=HIT_TASK_TYPES,
)
col("requester", "str", "Requester (the employer) as shown on the page.")
col("reward_usd", "float64", "Reward per HIT.", unit="US$ per task", min=0)
col("time_allotted_s", "float64", "Most time a worker may take on one HIT.", unit="seconds", min=0)
col(
    "reward_per_allotted_hour_usd_floor",
    "float64",
    "reward_usd / time allotted in hours: a floor on the hourly rate, NOT a wage.",
    unit="US$ per hour",
    min=0,
)
col("hits_available", "Int64", "HITs left in the group.", min=0)
col("expires_on", "datetime64[us]", "HIT group expiry date.")
col(
    "jurisdiction",
    "str",
    "State or other jurisdiction as the DOL table names it ('Federal (FLSA)' for the federal rate).",
)
col("is_federal", "boolean", "True for the federal (FLSA) row.")
col("year_footnotes", "str", "Footnote codes on the year header.")
col(
    "min_wage_low",
    "float64",
    "Minimum wage, or the low end of a range or dual rate.",
    unit="US$ per unit",
    min=0,
)
col(
    "min_wage_high",
    "float64",
    "High end of a range or dual rate (equals min_wage_low for a single rate).",
    unit="US$ per unit",
    min=0,
)
col(
    "rate_kind",
    "str",
    "single, range (e.g. by employer size), dual (two rates, '&' or '/'), or placeholder.",
    allowed=RATE_KINDS,
)
col("footnotes", "str", "Footnote codes in the cell, comma-separated (see the DOL page).")
col(
    "placeholder",
    "str",
    "'not applicable' ('...') or 'not available' ('NA').",
    allowed=PLACEHOLDER_KINDS,
)
col(
    "typo_fixed",
    "boolean",
    "True when a typo in the source cell was corrected (stray backtick, double dot or comma).",
)
col("cell_text", "str", "The cell as published.")
col(
    "is_increase",
    "boolean",
    "True when the cell (or part of it) is bold: the DOL's mark of an increase.",
)
col("table", "Int64", "Which of the page's six tables the cell is in.", min=1, max=6)
col("is_suspect", "boolean", "True for cells listed as suspicious (a later rate in an early year).")
col("suspect_reason", "str", "Why the cell is suspect.")


table(
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
    sources=("mturk_hitslist",),
)

table(
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
    sources=("dol_state_minwage",),
)
