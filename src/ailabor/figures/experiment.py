"""W241 pay experiment figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import PAY_PALETTE, save


def accuracy_completion_by_pay(postings: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Per posting: accuracy and completion rate against pay per HIT, one line per replication."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.2), sharex=True)
    for ax, col, label in (
        (axes[0], "accuracy", "Accuracy on answered questions"),
        (axes[1], "completion_rate", "Share who finished the HIT"),
    ):
        sns.lineplot(
            data=postings,
            x="pay_per_task_usd",
            y=col,
            hue="replication",
            style="replication",
            markers=True,
            dashes=False,
            ax=ax,
            markersize=7,
        )
        ax.set(xlabel="Pay per HIT (US$, randomised per posting)", ylabel=label, ylim=(0, 1))
        ax.set_xticks([0.10, 0.25, 0.40, 0.55])
        ax.legend(title=None, fontsize=7)
    fig.text(
        0.01,
        -0.05,
        "Each point is one MTurk posting (W241 experiment, Nov 2017); 8 postings in all.",
        fontsize=7,
    )
    fig.tight_layout()
    return save(fig, out_stem)


def survival_by_pay(km: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Kaplan-Meier share still working by survey progress, one step curve per pay level."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(5.5, 3.5))
    for pay, g in km.groupby("pay_per_task_usd"):
        ax.step(
            g["progress_pct"],
            g["share_still_working"],
            where="post",
            label=f"${pay:.2f} per HIT",
            color=PAY_PALETTE.get(round(pay, 2)),
        )
    ax.set(
        xlabel="Survey progress reached (%)",
        ylabel="Share still working",
        ylim=(0, 1.02),
        xlim=(0, 100),
    )
    ax.legend(fontsize=7)
    fig.text(
        0.01,
        -0.04,
        "Kaplan-Meier, both replications pooled; finishers censored at 100%.",
        fontsize=7,
    )
    return save(fig, out_stem)
