"""Eight public crowd-labelling benchmarks with gold (collected by yuan-li/truth-inference-at-scale).

Each dataset has ``label.csv`` (item, worker, label; integer codes) and ``truth.csv``
(item, truth). ``SpectralMethodsMeetEM/rte`` is Snow et al. (2008) RTE again, in another
layout: its items and workers are numbered in order of first appearance in Snow's file
(``tests/integration/test_label_benchmark_mirror.py`` checks all 8,000 labels).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.errors import ParseError
from ailabor.sources.annotations_reader import read_annotations, read_gold
from ailabor.sources.base import Source, github_files

REPO = "yuan-li/truth-inference-at-scale"
COMMIT = "ff6d32971fb3ca17e2f0c784a126d8b26495dbce"
# dataset name -> folder under data/ upstream (and under truth_inference/ in the mirror)
DATASETS = {
    "bluebird": "SpectralMethodsMeetEM/bluebird",
    "rte": "SpectralMethodsMeetEM/rte",
    "trec": "SpectralMethodsMeetEM/trec",
    "web": "SpectralMethodsMeetEM/web",
    "sentiment": "crowd_truth_inference/d_sentiment",
    "relevance": "crowd_truth_inference/s4_Relevance",
    "adult_content": "crowd_truth_inference/s5_AdultContent",
    "fact_eval": "crowdscale2013/fact_eval",
}

SOURCE = Source(
    source_id="truth_inference",
    title="Crowd-labelling benchmarks with gold (bluebird, rte, trec, web, sentiment, Relevance, AdultContent, fact_eval)",
    publisher="Collected by yuan-li/truth-inference-at-scale; datasets released publicly by their original authors",
    licence="MIT (repository LICENSE); the collected datasets were released publicly by their original authors",
    is_redistributable=True,
    publisher_url=f"https://github.com/{REPO}",
    files=tuple(
        f
        for folder in DATASETS.values()
        for f in github_files(
            REPO,
            COMMIT,
            [f"data/{folder}/label.csv", f"data/{folder}/truth.csv"],
            "truth_inference/",
            keep_dirs=True,
            strip_prefix="data/",
        )
    )
    + github_files(REPO, COMMIT, ["LICENSE"], "truth_inference/"),
    description="label.csv (item, worker, label) and truth.csv (item, truth) per dataset; 4,212 to 216,725 labels.",
    citation=f"truth-inference-at-scale, github.com/{REPO} @ {COMMIT[:7]}.",
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Ids are integers local to each dataset; gold covers a subset of items in some sets.",
        "rte is Snow et al. (2008) RTE again.",
    ),
)

SOURCES = (SOURCE,)


def dataset_id(name: str) -> str:
    """The ``dataset`` value ailabor's tables use for a benchmark.

    >>> dataset_id("fact_eval")
    'ti_fact_eval'
    """
    if name not in DATASETS:
        raise KeyError(f"unknown truth_inference dataset {name!r}; known: {', '.join(DATASETS)}")
    return f"ti_{name}"


def parse_truth_inference(
    label_path: Path, truth_path: Path, name: str, duplicates: str = "keep"
) -> pd.DataFrame:
    """One benchmark's ``label.csv`` joined to its ``truth.csv``: task, worker, label, true_label.

    Worker IDs are the collection's own integer indices (local to each dataset, no platform
    ID), so they are kept as they are. Labels and gold are integer codes (``Int64``); tasks
    without gold have ``true_label`` missing. A gold item that nobody labelled raises:
    the two files would not belong together. Repeated (worker, task) pairs are kept by
    default, as the collection publishes them, and counted in ``attrs["duplicates"]``.
    """
    ds = dataset_id(name)
    d = read_annotations(
        label_path,
        task="item",
        worker="worker",
        label="label",
        dataset=ds,
        pseudonymise=False,
        label_dtype="Int64",
        duplicates=duplicates,
    )
    truth = read_gold(truth_path, task="item", true_label="truth", dataset=ds, label_dtype="Int64")
    orphans = truth.index.difference(pd.Index(d["task"].unique()))
    if len(orphans):
        raise ParseError(
            ds, truth_path, f"{len(orphans)} gold items have no labels, e.g. {list(orphans[:3])}"
        )
    d["true_label"] = d["task"].map(truth).astype("Int64")
    d["posting_id"] = ds
    return d


def load(name: str) -> pd.DataFrame:
    """Parse one benchmark from the fetched snapshot (``ailabor fetch truth_inference``)."""
    folder = DATASETS[name]
    return parse_truth_inference(
        SOURCE.path(f"{folder}/label.csv"), SOURCE.path(f"{folder}/truth.csv"), name
    )
