"""ZenCrowd US-India comparison figure."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import OKABE_ITO, save


def zencrowd_gap(gap: dict, context: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Label error of US and India workers on the same tasks, with the countries' hourly minimum wages."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(3.4, 2.9), layout="constrained")
    ctx = context.set_index("country_iso3")
    vals = [gap["error_us"], gap["error_in"]]
    xs = [0, 1]
    bars = ax.bar(xs, vals, width=0.6, color=[OKABE_ITO[4], OKABE_ITO[0]], label="per label")
    means = [gap["worker_mean_error_us"], gap["worker_mean_error_in"]]
    err = [
        [
            m - gap[f"worker_mean_error_{t}_ci_low"]
            for m, t in zip(means, ("us", "in"), strict=True)
        ],
        [
            gap[f"worker_mean_error_{t}_ci_high"] - m
            for m, t in zip(means, ("us", "in"), strict=True)
        ],
    ]
    ax.errorbar(
        xs,
        means,
        yerr=err,
        fmt="D",
        color="black",
        markersize=4,
        capsize=3,
        zorder=3,
        label="mean over workers, 95% CI",
    )
    ax.set_xticks(
        xs,
        [
            f"US workers\n(n = {gap['workers_us']})",
            f"India workers\n(n = {gap['workers_in']})",
        ],
        fontsize=7.5,
    )
    for bar, iso in zip(bars, ("USA", "IND"), strict=True):
        if iso in ctx.index:
            r = ctx.loc[iso]
            ax.annotate(
                f"min. wage {int(r['year'])}: ${r['min_wage_hourly_usd']:.2f}/h\n(PPP ${r['min_wage_hourly_ppp_usd']:.2f}/h)"
                + (
                    "\nnational floor level"
                    if r["min_wage_status"] == "national floor level"
                    else ""
                ),
                (
                    bar.get_x() + bar.get_width() / 2,
                    max(
                        bar.get_height(),
                        gap[f"worker_mean_error_{'us' if iso == 'USA' else 'in'}_ci_high"],
                    ),
                ),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7.5,
            )
    ax.set_ylim(0, max(vals) * 1.75)
    ax.set_ylabel("Label error against gold (ZenCrowd)", fontsize=8)
    ax.tick_params(axis="y", labelsize=7.5)
    ax.legend(fontsize=7.5, loc="upper left", frameon=True)
    return save(fig, out_stem)
