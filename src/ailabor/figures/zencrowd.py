"""ZenCrowd US-India comparison figure."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import save


def zencrowd_gap(gap: dict, context: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Label error of US and India workers on the same tasks, with the countries' hourly minimum wages."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(4.5, 3.2))
    ctx = context.set_index("country_iso3")
    names = {"USA": "US workers", "IND": "India workers"}
    vals = [gap["error_us"], gap["error_in"]]
    bars = ax.bar([names["USA"], names["IND"]], vals, color=["#4575b4", "#fc8d59"])
    for bar, iso in zip(bars, ("USA", "IND"), strict=True):
        if iso in ctx.index:
            r = ctx.loc[iso]
            ax.annotate(
                f"min. wage ${r['min_wage_hourly_usd']:.2f}/h\n(PPP ${r['min_wage_hourly_ppp_usd']:.2f}/h)",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=7,
            )
    ax.set(ylabel="Label error against gold (ZenCrowd)", ylim=(0, max(vals) * 1.45))
    return save(fig, out_stem)
