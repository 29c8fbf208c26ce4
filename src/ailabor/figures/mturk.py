"""MTurk Tracker survey figure: hourly earnings bounds by year beside cohort half-life by era."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import OKABE_ITO, save


def earnings_and_retention(earn: pd.DataFrame, half: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Left: by year, the assumption-free bounds on the share of answers whose weekly MTurk
    income / weekly MTurk hours is under $7.25 (bar) and the comonotone point estimate (open
    circle, an assumption, not a measurement), n answers above. Right: cohort half-life by era
    (upstream gives no interval)."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, (a1, a2) = plt.subplots(
        1, 2, figsize=(6.3, 3.2), width_ratios=(2.2, 1), layout="constrained"
    )
    blue, orange, green = OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[2]
    x = earn["year"].astype(int)
    lo, hi = earn["share_hourly_below_7_25_lower"], earn["share_hourly_below_7_25_upper"]
    a1.bar(
        x, hi - lo, bottom=lo, width=0.55, color=blue, alpha=0.35, label="bounds (no assumption)"
    )
    a1.scatter(x, lo, marker="_", s=120, color=blue, zorder=3)
    a1.scatter(
        x,
        earn["share_hourly_below_7_25_comonotone"],
        facecolors="white",
        edgecolors=orange,
        s=28,
        zorder=4,
        label="if income and hours were comonotone",
    )
    a1.plot(
        x,
        earn["share_weekly_income_under_20_usd"],
        color=green,
        marker=".",
        lw=1.2,
        label="measured: weekly income < $20",
    )
    for xi, n, part in zip(x, earn["n_answers_income"], earn["is_partial_year"], strict=True):
        a1.annotate(
            f"{n / 1000:.0f}k{'*' if part else ''}",
            (xi, 1.02),
            ha="center",
            fontsize=7.5,
            annotation_clip=False,
        )
    a1.set_ylim(0, 1.1)
    a1.set_xticks(list(x), [str(v) for v in x], fontsize=7.5, rotation=45)
    a1.tick_params(axis="y", labelsize=7.5)
    a1.set_ylabel("Share of answers", fontsize=8)
    a1.set_title("Answers implying MTurk pay under $7.25/h (n answers above)", fontsize=8, pad=12)
    a1.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
    a2.bar(half["era"], half["half_life_days"], color=blue, width=0.6)
    for i, v in enumerate(half["half_life_days"]):
        a2.annotate(f"{v:.0f}", (i, v), ha="center", va="bottom", fontsize=7.5)
    a2.set_ylabel("Cohort half-life (days)", fontsize=8)
    a2.set_title("Active-worker cohort half-life", fontsize=8, pad=12)
    a2.tick_params(axis="x", labelsize=7.5, rotation=20)
    a2.tick_params(axis="y", labelsize=7.5)
    return save(fig, out_stem)
