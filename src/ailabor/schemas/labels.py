"""Labels and workers: columns and the ``annotations`` and ``workers`` tables."""

from __future__ import annotations

from ailabor.schemas.column import col, share
from ailabor.schemas.table import table
from ailabor.schemas.vocabularies import (
    BENCHMARK_DATASETS,
    DESIGN2_GROUPS,
    LABEL_DATASETS,
    LABEL_METHODS,
    W241_DESIGNS,
)

col(
    "dataset",
    "str",
    "Labelling dataset the row comes from.",
    allowed=LABEL_DATASETS + BENCHMARK_DATASETS,
)
col(
    "posting_id",
    "str",
    "Posting (batch) the work was done in; W241 pay was randomised per posting.",
)
col(
    "response_id",
    "str",
    "Qualtrics response ID (random, not personal) linking a W241 label to its worker x posting row; empty elsewhere.",
)
col(
    "source_row",
    "Int64",
    "Line of the source file the label was read from (1-based, counting header lines); with dataset and posting_id it identifies the label.",
    min=1,
)
col(
    "task",
    "str",
    "Item labelled (crowd-kit name). W241: question TQn (dog images) or SQn (cat screeners).",
)
col(
    "worker",
    "str",
    "Keyed pseudonym of the worker (HMAC-SHA256, 'w_' + 16 hex); raw IDs never leave the build (crowd-kit name).",
)
col(
    "label",
    "str",
    "Label the worker gave, normalised (lower case, single spaces) (crowd-kit name).",
)
col("true_label", "str", "Gold label where the source has one, normalised like label.")
col(
    "is_screener",
    "boolean",
    "True for attention-check items (W241 cat images, right answer 'not a dog').",
)
col(
    "design2_group",
    "str",
    "W241 design2 treatment block (CCC, CCT, CTT, TTT) the worker saw; empty elsewhere.",
    allowed=DESIGN2_GROUPS,
)
col(
    "pay_per_task_usd",
    "float64",
    "Reward for one HIT (the whole 50-question task in W241).",
    unit="US$ per task",
    min=0,
)
col(
    "pay_per_hour_usd",
    "float64",
    "Effective pay: reward divided by MTurk work time (accept to submit); only for submitted work.",
    unit="US$ per hour",
    min=0,
)
col(
    "duration_s",
    "float64",
    "Time in the survey (Qualtrics Duration), finished or not.",
    unit="seconds",
    min=0,
)
col(
    "work_time_s",
    "float64",
    "MTurk WorkTimeInSeconds: accept to submit; only for submitted work.",
    unit="seconds",
    min=0,
)
col("started_at", "datetime64[us, UTC]", "When the worker started the survey (UTC).")
col("platform", "str", "Platform the work was done on.")
col(
    "design",
    "str",
    "W241 design: pilot, design1 (4 pay levels x 2 replications) or design2 (within-worker bonus).",
    allowed=W241_DESIGNS,
)
col("replication", "str", "W241 replication: order1, order2, pilot, design2_pilot, design2_main.")
col(
    "is_main_design",
    "boolean",
    "True for the 8 randomised design1 postings used for the pay effect.",
)
col(
    "is_completed",
    "boolean",
    "Finished the survey (Qualtrics Finished); False is dropout (in W241, abandonment on the first page).",
)
col("is_submitted", "boolean", "Submitted and paid on MTurk (matched to a batch assignment).")
col(
    "is_worker_id_known",
    "boolean",
    "False when the response carries no worker ID (then the pseudonym is per response).",
)
col("progress_pct", "float64", "Qualtrics Progress.", unit="percent", min=0, max=100)
col("n_questions_answered", "Int64", "Questions (including screeners) the worker answered.", min=0)
col("questions_shown", "Int64", "Questions in the worker's block, including screeners.", min=0)
col(
    "last_question_position",
    "Int64",
    "Position in display order of the last question answered (0 = none): where a quitter stopped.",
    min=0,
)
col(
    "n_postings_by_worker",
    "Int64",
    "W241 postings this worker took part in (repeat participation).",
    min=1,
)
col("n_labels", "Int64", "Non-screener labels the worker gave in this posting.", min=0)
col("n_gold_labels", "Int64", "Labels with a gold answer.", min=0)
col("n_correct", "Int64", "Labels equal to the gold answer.", min=0)
col("accuracy", "float64", "n_correct / n_gold_labels.", unit="share", min=0, max=1)
share(
    "accuracy_ci_low",
    "Lower bound of the 95% Wilson interval of accuracy.",
)
share(
    "accuracy_ci_high",
    "Upper bound of the 95% Wilson interval of accuracy.",
)
col("screeners_shown", "Int64", "Screener items answered.", min=0)
col("screeners_passed", "Int64", "Screener items answered 'not a dog'.", min=0)
share(
    "ds_error",
    "Gold-free error: 1 - mean posterior that the worker's label is right, one-coin Dawid-Skene fitted per dataset without gold.",
)
share(
    "ds_error_ci_low",
    "Lower bound of a 95% Jeffreys interval for ds_error over n_labels (ailabor.quality.worker_error_intervals; coverage checked by simulation in the paper).",
)
col("ds_error_ci_high", "float64", "Upper bound of that interval.", unit="share", min=0, max=1)


LABEL_SOURCES = ("w241_pay_experiment", "zencrowd", "snow2008")
# Each dataset's rows come from one source: the release drops rows by source licence.
ROWS_BY_DATASET = (
    "dataset",
    {
        "w241": ("w241_pay_experiment",),
        "zencrowd_us": ("zencrowd",),
        "zencrowd_in": ("zencrowd",),
        "snow2008_rte": ("snow2008",),
    },
)
table(
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
    sources=LABEL_SOURCES,
    curated=("w241_postings.csv",),  # the W241 posting design
    rows_from=ROWS_BY_DATASET,
)

table(
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
    sources=LABEL_SOURCES,
    curated=("w241_postings.csv",),  # the W241 posting design
    rows_from=ROWS_BY_DATASET,
)


# --- label benchmark (issue 13) ------------------------------------------------
col(
    "method",
    "str",
    "Label-aggregation method: majority_vote, ds_one_coin / ds_full (Dawid-Skene by EM), mace (Hovy et al. 2013).",
    allowed=LABEL_METHODS,
)
col("source_id", "str", "Registered source the rows come from (`ailabor sources`).")
col("n_labels_in_dataset", "Int64", "Labels in the dataset (repeats included).", min=1)
col("n_tasks", "Int64", "Distinct tasks (items) labelled.", min=1)
col("n_workers", "Int64", "Distinct workers.", min=1)
col("n_classes", "Int64", "Distinct labels given.", min=1)
col("n_gold_tasks", "Int64", "Tasks with a gold label (label_accuracy is over these).", min=0)
col(
    "n_duplicate_pairs",
    "Int64",
    "(worker, task) pairs labelled more than once; all their labels are kept as separate votes, as published.",
    min=0,
)
col(
    "n_workers_ranked",
    "Int64",
    "Workers with at least 10 gold-labelled answers: the workers worker_rank_spearman is over.",
    min=0,
)
share(
    "label_accuracy",
    "Share of gold tasks whose aggregated label equals gold (ties: the smallest label, see ailabor.quality).",
)
share(
    "label_accuracy_ci_low",
    "Lower bound of the 95% Wilson interval of label_accuracy over n_gold_tasks.",
)
share(
    "label_accuracy_ci_high",
    "Upper bound of that interval.",
)
col(
    "worker_rank_spearman",
    "float64",
    "Spearman correlation of the method's gold-free worker accuracy (majority vote: agreement with the majority) with accuracy against gold, over n_workers_ranked workers.",
    min=-1,
    max=1,
)
col(
    "n_iterations",
    "Int64",
    "EM iterations to convergence (0 for majority vote).",
    min=0,
)
col(
    "fit_seconds",
    "float64",
    "Wall-clock seconds of one fit on the machine that built the table: MACHINE-DEPENDENT, not reproducible; compare methods within a build only.",
    unit="seconds",
    min=0,
)


BENCHMARK_SOURCES = ("truth_inference", "zencrowd", "snow2008", "w241_pay_experiment")
BENCHMARK_ROWS = (
    "dataset",
    {
        **{d: ("truth_inference",) for d in BENCHMARK_DATASETS},
        "zencrowd_us": ("zencrowd",),
        "zencrowd_in": ("zencrowd",),
        "snow2008_rte": ("snow2008",),
        "w241": ("w241_pay_experiment",),
    },
)

table(
    "label_benchmark",
    "Label aggregation against gold: one row per dataset x method (majority vote, one-coin and full "
    "Dawid-Skene, MACE) with label accuracy, worker-rank correlation, iterations and fit time, on "
    "W241, ZenCrowd, Snow RTE and eight truth-inference benchmarks.",
    [
        "dataset",
        "method",
        "source_id",
        "n_labels_in_dataset",
        "n_tasks",
        "n_workers",
        "n_classes",
        "n_gold_tasks",
        "n_duplicate_pairs",
        "n_workers_ranked",
        "label_accuracy",
        "label_accuracy_ci_low",
        "label_accuracy_ci_high",
        "worker_rank_spearman",
        "n_iterations",
        "fit_seconds",
    ],
    ["dataset", "method"],
    not_null=["dataset", "method", "source_id", "n_labels_in_dataset", "label_accuracy"],
    sources=BENCHMARK_SOURCES,
    uses=("annotations",),  # W241 rows (non-screener labels) when the table is built
    rows_from=BENCHMARK_ROWS,
)
