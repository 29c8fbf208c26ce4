"""W241 pay experiment figures.

Both figures are drawn at the paper's text width (``WIDTH_IN``) and included at 100% of
it, so the font sizes here are the sizes in print (all >= MIN_FONT_PT).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import NullFormatter

from ailabor.figures.style import MIN_FONT_PT, OKABE_ITO, save

WIDTH_IN = 6.4  # A4 with 2.2 cm side margins leaves 6.5 in; included at width: 100%
FONT_PT = max(8.0, MIN_FONT_PT)
WEEK_COLOURS = {"order1": OKABE_ITO[4], "order2": OKABE_ITO[5]}  # blue, vermillion
WEEK_NAMES = {"order1": "Week 1", "order2": "Week 2"}
OUTCOME_COLOURS = {"accuracy": OKABE_ITO[4], "completion": OKABE_ITO[5]}


def _style():
    plt.rcParams.update(
        {
            "font.size": FONT_PT,
            "axes.labelsize": FONT_PT,
            "axes.titlesize": FONT_PT,
            "xtick.labelsize": FONT_PT,
            "ytick.labelsize": FONT_PT,
            "legend.fontsize": FONT_PT,
        }
    )


def accuracy_completion_by_pay(postings: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Per posting: accuracy and completion (Wilson 95% intervals) against pay per HIT;
    colour = week, filled marker = night slot, open = day slot; n starters beside each."""
    _style()
    fig, axes = plt.subplots(1, 2, figsize=(WIDTH_IN, 2.9), sharex=True)
    for ax, col, label in (
        (axes[0], "accuracy", "Accuracy of finishers (gold)"),
        (axes[1], "completion_rate", "Share of starters who finished"),
    ):
        for rep, g in postings.groupby("replication"):
            g = g.sort_values("pay_per_task_usd")
            dx = -0.008 if rep == "order1" else 0.008
            x = g["pay_per_task_usd"].to_numpy(float) + dx
            y = g[col].to_numpy(float)
            lo, hi = g[f"{col.split('_')[0]}_ci_low"], g[f"{col.split('_')[0]}_ci_high"]
            c = WEEK_COLOURS[rep]
            ax.plot(x, y, color=c, lw=1, alpha=0.6)
            ax.errorbar(x, y, yerr=[y - lo, hi - y], fmt="none", ecolor=c, lw=1, capsize=2)
            night = (g["time_of_day"] == "night").to_numpy()
            ax.scatter(x[night], y[night], color=c, s=28, zorder=3, marker="o")
            ax.scatter(x[~night], y[~night], facecolor="white", edgecolor=c, s=28, zorder=3)
            for xi, yi, ni in zip(x, y, g["started"], strict=True):
                ax.annotate(
                    f"{int(ni)}",
                    (xi, yi),
                    textcoords="offset points",
                    xytext=(4 if rep == "order2" else -4, -9 if rep == "order2" else 5),
                    ha="left" if rep == "order2" else "right",
                    fontsize=MIN_FONT_PT,
                    color=c,
                )
        ax.set(xlabel="Pay per HIT (US$)", ylabel=label, ylim=(0, 1))
        ax.set_xticks([0.10, 0.25, 0.40, 0.55])
        ax.grid(alpha=0.3)
    handles = [
        plt.Line2D([], [], color=WEEK_COLOURS["order1"], marker="o", lw=1, label="Week 1"),
        plt.Line2D([], [], color=WEEK_COLOURS["order2"], marker="o", lw=1, label="Week 2"),
        plt.Line2D([], [], color="grey", marker="o", lw=0, label="night slot"),
        plt.Line2D(
            [], [], color="grey", marker="o", markerfacecolor="white", lw=0, label="day slot"
        ),
    ]
    axes[1].legend(handles=handles, loc="lower right", frameon=True)
    fig.tight_layout()
    return save(fig, out_stem)


def leave_one_posting_out(loo: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Pooled odds ratio per +$0.10 with each posting left out, with its inverted
    permutation 95% set (arrows where the set is unbounded); the all-postings estimate
    first and as a dotted line."""
    _style()
    order = ["none"] + sorted(p for p in loo["dropped"].unique() if p != "none")
    labels = [
        "none (all 8)"
        if p == "none"
        else p.replace("order1", "week 1").replace("order2", "week 2").replace("_", " $")
        for p in order
    ]
    fig, axes = plt.subplots(1, 2, figsize=(WIDTH_IN, 3.1), sharey=True)
    lim = (0.4, 4.5)
    for ax, outcome, title in (
        (axes[0], "accuracy", "Accuracy"),
        (axes[1], "completion", "Completion"),
    ):
        g = loo[loo["outcome"] == outcome].set_index("dropped").loc[order]
        y = np.arange(len(order))[::-1]
        c = OUTCOME_COLOURS[outcome]
        for yi, (_, r) in zip(y, g.iterrows(), strict=True):
            lo = (
                r["perm_set_low"]
                if np.isfinite(r["perm_set_low"]) and r["perm_set_low"] > 0
                else lim[0]
            )
            hi = r["perm_set_high"] if np.isfinite(r["perm_set_high"]) else lim[1]
            ax.plot([lo, hi], [yi, yi], color=c, lw=1.5)
            if lo == lim[0]:
                ax.annotate(
                    "",
                    (lim[0], yi),
                    (lim[0] * 1.25, yi),
                    arrowprops={"arrowstyle": "->", "color": c},
                )
            if hi == lim[1]:
                ax.annotate(
                    "",
                    (lim[1], yi),
                    (lim[1] / 1.25, yi),
                    arrowprops={"arrowstyle": "->", "color": c},
                )
            ax.plot(r["or_per_step"], yi, "o", color=c if yi != y[0] else "black", ms=5)
            ax.annotate(
                f"n={int(r['n_responses'])}",
                (lim[1], yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=MIN_FONT_PT,
            )
        ax.axvline(1, color="grey", lw=0.8)
        ax.axvline(g.loc["none", "or_per_step"], color="black", lw=0.8, ls=":")
        ax.set_xscale("log")
        ax.set_xlim(*lim)
        ax.set_xticks([0.5, 1, 2, 4])
        ax.set_xticklabels(["0.5", "1", "2", "4"])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_title(title)
        ax.set_xlabel("Odds ratio per +$0.10 (log scale)")
        ax.set_yticks(y)
        ax.set_yticklabels(labels)
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_ylabel("Posting left out")
    fig.tight_layout()
    return save(fig, out_stem)
