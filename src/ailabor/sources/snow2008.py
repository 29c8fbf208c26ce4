"""Snow et al. (2008) Recognising Textual Entailment labels from MTurk."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.sources.annotations_reader import read_annotations
from ailabor.sources.base import Source, github_files

SOURCE = Source(
    source_id="snow2008",
    title="RTE labels from 'Cheap and Fast - But is it Good?' (Snow et al., EMNLP 2008)",
    publisher="Snow, O'Connor, Jurafsky & Ng, via edwinrobots/bayesian_combination_tutorial2",
    licence="repo MIT; original data released publicly by the authors",
    is_redistributable=True,
    publisher_url="https://github.com/edwinrobots/bayesian_combination_tutorial2",
    files=github_files(
        "edwinrobots/bayesian_combination_tutorial2",
        "f98448e2e9a941463aa92f418eefd1f43bd5a637",
        ["all_collected_data/rte.standardized.tsv"],
        "snow2008/",
    ),
    description="8,000 labels, 800 items, 164 workers, fixed pay. TSV: !amt_annotation_ids, !amt_worker_ids, orig_id, response, gold.",
    citation=(
        "Snow, R., O'Connor, B., Jurafsky, D., & Ng, A. Y. (2008). Cheap and fast - but is it good? "
        "Evaluating non-expert annotations for natural language tasks. EMNLP 2008."
    ),
    upstream="github edwinrobots/bayesian_combination_tutorial2",
    upstream_commit="f98448e2e9a941463aa92f418eefd1f43bd5a637",
)

SOURCES = (SOURCE,)


def parse_snow_rte(path: Path, duplicates: str = "warn") -> pd.DataFrame:
    """The RTE file (TSV with header) in the long layout: task = ``orig_id``, 0/1 labels and gold."""
    d = read_annotations(
        path,
        task="orig_id",
        worker="!amt_worker_ids",
        label="response",
        true_label="gold",
        sep="\t",
        dataset="snow2008_rte",
        duplicates=duplicates,
    )
    d["posting_id"] = "snow2008_rte"
    return d
