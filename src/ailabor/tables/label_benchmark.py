"""Build ``label_benchmark``: every label-aggregation method against gold on every public
crowd dataset with gold (dataset x method).

Datasets: the eight truth-inference benchmarks (parsed here from their snapshot, labels as
integer codes), ZenCrowd US and India and Snow et al.'s RTE (parsed from their snapshots
through the same reader), and the W241 pay experiment's non-screener labels (read from the
``annotations`` table built just before; its rows never enter the release). Repeated
(worker, task) pairs are kept as separate votes, as published, and counted.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor import storage
from ailabor.quality.validate import benchmark_dataset
from ailabor.sources import snow2008, truth_inference, w241, zencrowd

PRODUCES = ("label_benchmark",)  # declared in ailabor.schemas.labels (sources, uses annotations)


def _annotations_path() -> Path:
    return storage.table_paths("annotations")["parquet"]


def load_datasets() -> dict[str, tuple[str, pd.DataFrame]]:
    """dataset -> (source_id, labels in the long layout with true_label)."""
    out: dict[str, tuple[str, pd.DataFrame]] = {}
    for name in truth_inference.DATASETS:
        out[truth_inference.dataset_id(name)] = (
            truth_inference.SOURCE.source_id,
            truth_inference.load(name),
        )
    for c in zencrowd.COUNTRIES:
        d = zencrowd.parse_zencrowd(zencrowd.SOURCE.path(f"ZenCrowd_{c}.csv"), c)
        out[f"zencrowd_{c}"] = (zencrowd.SOURCE.source_id, d)
    out["snow2008_rte"] = (
        snow2008.SOURCE.source_id,
        snow2008.parse_snow_rte(snow2008.SOURCE.path()),
    )
    if _annotations_path().exists():
        ann = pd.read_parquet(_annotations_path())
        w = ann[(ann["dataset"] == "w241") & ~ann["is_screener"].astype(bool)]
        out["w241"] = (w241.SOURCE.source_id, w[["task", "worker", "label", "true_label"]])
    return out


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    data = load_datasets()

    # Process data.
    frames = []
    for dataset, (source_id, labels) in data.items():
        rows = benchmark_dataset(labels, dataset)
        rows["source_id"] = source_id
        frames.append(rows)
    table = pd.concat(frames, ignore_index=True)
    report = {
        "datasets": len(data),
        "methods": sorted(table["method"].unique()),
        "w241_included": "w241" in data,
        "fit_seconds_total": round(float(table["fit_seconds"].sum()), 1),
    }
    return {"label_benchmark": table}, report
