"""MTurk Tracker demographics survey aggregates (Ipeirotis; 2015-03-26 to 2026-09-30).

Weekly MTurk income bands and weekly hours bands by year (two separate marginals),
answers and workers by country and year, cohort half-life by era and return
probabilities: the platform-level turnover evidence.
"""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

REPO = "ipeirotis/mturk-surveys"
COMMIT = "db600a2958c56b762f522d1937061dde775af4fb"
_DIR = "docs/homage-video/data/"
FILES = (
    "cat_weekly_income_from_mturk.csv",
    "cat_time_spent_on_mturk.csv",
    "country_year.csv",
    "monthly.csv",
    "yob_year.csv",
    "us_india.csv",
    "us_household.csv",
    "totals.csv",
    "pop_halflife.csv",
    "pop_return.csv",
)

SOURCE = Source(
    source_id="mturk_surveys",
    title="MTurk Tracker demographics survey: aggregates 2015-2026",
    publisher="Panos Ipeirotis, MTurk Tracker (github ipeirotis/mturk-surveys)",
    licence="Apache-2.0 (repository LICENSE)",
    is_redistributable=True,
    publisher_url=f"https://github.com/{REPO}",
    files=github_files(REPO, COMMIT, [_DIR + f for f in FILES] + ["LICENSE"], "mturk_surveys/"),
    description=(
        "392,995 answers from 157,255 workers: weekly income and weekly hours bands by year, "
        "workers by country x year, cohort half-life by era, return probability by gap."
    ),
    citation=(
        "Ipeirotis, P. G. MTurk Tracker demographics survey, github.com/ipeirotis/mturk-surveys "
        f"@ {COMMIT[:7]}."
    ),
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Income and hours are separate marginal distributions: they bound hourly earnings, they do not give them.",
        "Income/hours not asked in 2015-16; the last year (2026) is partial.",
    ),
)

SOURCES = (SOURCE,)
