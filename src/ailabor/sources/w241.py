"""UC Berkeley W241 field experiment: pay per HIT randomised across MTurk postings (2017).

A 50-question dog-breed image-labelling HIT posted at $0.10/$0.25/$0.40/$0.55
in two replications (order1, order2), plus pilots and a within-worker bonus
design (design2). MTurk batch results and Qualtrics exports, joined through the
survey code.
"""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

REPO = "Chucooleg/Field_Experiment_Human_Image_Classification"
COMMIT = "77bed6643a8608ab2c64c4b8a78a5682995dbc26"

MTURK_FILES = [
    "MTurk_data/20171028_mturk_results_pilot_0.10.csv",
    "MTurk_data/20171028_mturk_results_pilot_0.25.csv",
    "MTurk_data/20171111_mturk_results_order1_0.10.csv",
    "MTurk_data/20171111_mturk_results_order1_0.55.csv",
    "MTurk_data/20171112_mturk_results_order1_0.25.csv",
    "MTurk_data/20171112_mturk_results_order1_0.40.csv",
    "MTurk_data/20171112_mturk_results_order1_0.40_supplementary.csv",
    "MTurk_data/20171118_mturk_results_order2_0.25.csv",
    "MTurk_data/20171118_mturk_results_order2_0.40.csv",
    "MTurk_data/20171119_mturk_results_order2_0.10.csv",
    "MTurk_data/20171119_mturk_results_order2_0.55.csv",
    "MTurk_data/20171123_mturk_results_design2_pilot.csv",
    "MTurk_data/20171127_mturk_results_design2_main.csv",
]
QUALTRICS_FILES = [
    "qualtric_data/20171028_qualtric_results_pilot_0.10.csv",
    "qualtric_data/20171028_qualtric_results_pilot_0.25.csv",
    "qualtric_data/20171111_qualtric_results_order1_0.10.csv",
    "qualtric_data/20171111_qualtric_results_order1_0.55.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.25.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.25_raw.csv",
    "qualtric_data/20171112_qualtric_results_order1_0.40.csv",
    "qualtric_data/20171118_qualtric_results_order2_0.25.csv",
    "qualtric_data/20171118_qualtric_results_order2_0.40.csv",
    "qualtric_data/20171119_qualtric_results_order2_0.10.csv",
    "qualtric_data/20171119_qualtric_results_order2_0.55.csv",
    "qualtric_data/20171123_qualtric_results_design2_pilot.csv",
    "qualtric_data/20171127_qualtric_results_design2_main.csv",
]
OTHER_FILES = ["task_answers/pilot_answers.txt", "README.md"]

SOURCE = Source(
    source_id="w241_pay_experiment",
    title="Field experiment on pay and human image classification on MTurk (UC Berkeley W241, 2017)",
    publisher="Chucooleg et al., UC Berkeley MIDS W241 (unpublished course project)",
    licence="no licence file upstream (all rights reserved by the authors; research and tests only)",
    is_redistributable=False,
    publisher_url=f"https://github.com/{REPO}",
    files=github_files(
        REPO,
        COMMIT,
        MTURK_FILES + QUALTRICS_FILES + OTHER_FILES,
        "w241_pay_experiment/",
        keep_dirs=True,
    ),
    description=(
        "MTurk batch results and Qualtrics exports of a 50-question dog-breed labelling HIT "
        "posted at four pay levels in two replications, plus pilots and design2."
    ),
    citation=f"Field_Experiment_Human_Image_Classification, github.com/{REPO} @ {COMMIT[:7]}.",
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Pay randomised per posting, not per worker: 8 clusters in the main design.",
        "Upstream files hold raw MTurk worker IDs and IP addresses; ailabor pseudonymises and drops them.",
    ),
)

SOURCES = (SOURCE,)
