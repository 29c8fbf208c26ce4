"""Label-quality figures: every aggregation method against gold on every dataset."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ailabor.figures.style import OKABE_ITO, save

# Display names, in the order the figure lists the datasets (top to bottom).
DATASET_NAMES = {
    "w241": "W241 dog breeds",
    "zencrowd_us": "ZenCrowd US",
    "zencrowd_in": "ZenCrowd India",
    "snow2008_rte": "Snow RTE",
    "ti_rte": "RTE (benchmark copy)",
    "ti_bluebird": "Bluebird",
    "ti_sentiment": "Sentiment",
    "ti_web": "Web search",
    "ti_trec": "TREC relevance",
    "ti_relevance": "Relevance (4 grades)",
    "ti_adult_content": "Adult content",
    "ti_fact_eval": "Fact evaluation",
}
METHOD_STYLE = {  # colour (Okabe-Ito) and marker per method
    "majority_vote": (OKABE_ITO[7], "o", "Majority vote"),
    "ds_one_coin": (OKABE_ITO[0], "s", "One-coin Dawid-Skene"),
    "ds_full": (OKABE_ITO[4], "D", "Full Dawid-Skene"),
    "mace": (OKABE_ITO[5], "^", "MACE"),
}
FONT_PT = 8  # the figure is printed at about its own width (6.5 in), so 8 pt stays >= 7 pt


def dataset_label(row: pd.Series) -> str:
    """Y-axis label: name and n (gold tasks; workers ranked).

    >>> dataset_label(pd.Series({"dataset": "zencrowd_us", "n_gold_tasks": 2040, "n_workers_ranked": 47}))
    'ZenCrowd US (2,040; 47)'
    """
    name = DATASET_NAMES.get(row["dataset"], row["dataset"])
    return f"{name} ({int(row['n_gold_tasks']):,}; {int(row['n_workers_ranked']):,})"


def label_benchmark(table: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Two panels sharing the dataset axis: label accuracy against gold (95% Wilson intervals
    over gold tasks) and the Spearman correlation of gold-free with gold worker accuracy."""
    order = [d for d in DATASET_NAMES if d in set(table["dataset"])]
    order += sorted(set(table["dataset"]) - set(order))
    info = table.groupby("dataset").first().loc[order].reset_index()
    ylabels = [dataset_label(r) for _, r in info.iterrows()]
    y = np.arange(len(order))[::-1].astype(float)
    ypos = dict(zip(order, y, strict=True))
    methods = [m for m in METHOD_STYLE if m in set(table["method"])]
    offsets = dict(zip(methods, np.linspace(-0.27, 0.27, len(methods)), strict=True))
    fig, axes = plt.subplots(1, 2, figsize=(6.5, 0.32 * len(order) + 1.4), sharey=True)
    for m in methods:
        colour, marker, name = METHOD_STYLE[m]
        t = table[table["method"] == m]
        yy = t["dataset"].map(ypos).to_numpy() + offsets[m]
        acc = t["label_accuracy"].to_numpy()
        err = np.clip(
            np.vstack(
                [
                    acc - t["label_accuracy_ci_low"].to_numpy(),
                    t["label_accuracy_ci_high"].to_numpy() - acc,
                ]
            ),
            0,
            None,
        )
        axes[0].errorbar(
            acc, yy, xerr=err, fmt=marker, color=colour, ms=4, lw=0.9, capsize=0, label=name
        )
        axes[1].plot(t["worker_rank_spearman"], yy, marker, color=colour, ms=4, label=name)
    for ax in axes:
        ax.grid(axis="x", color="0.88", lw=0.6)
        ax.tick_params(labelsize=FONT_PT)
        for yy in y[:-1]:
            ax.axhline(yy - 0.5, color="0.9", lw=0.5)
        ax.set_ylim(-0.6, len(order) - 0.4)
    axes[0].set_yticks(y, ylabels, fontsize=FONT_PT)
    axes[0].set_xlabel(
        "Share of gold tasks labelled right\n(95% Wilson interval)", fontsize=FONT_PT
    )
    axes[1].set_xlabel("Worker-rank Spearman:\ngold-free vs gold accuracy", fontsize=FONT_PT)
    axes[1].axvline(0, color="0.5", lw=0.6)
    axes[1].set_xlim(-1, 1.05)
    axes[0].set_xlim(min(0.2, float(table["label_accuracy_ci_low"].min()) - 0.02), 1.02)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="upper center",
        ncol=len(methods),
        fontsize=FONT_PT,
        frameon=False,
        bbox_to_anchor=(0.55, 1.0),
    )
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return save(fig, out_stem)
