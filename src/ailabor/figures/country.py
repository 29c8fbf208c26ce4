"""Country context figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.clean.pay_units import HOURS_PER_MONTH
from ailabor.figures.style import OKABE_ITO, save

# Countries named in the seed stories about AI data work.
SEED_COUNTRIES = ("KEN", "UGA", "PHL", "IND", "VEN", "USA", "GBR")
FONT = 8.0  # pt at the printed width (the figure is drawn at that width)


def common_year(cy: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    """The year with the most countries having both an unflagged hourly minimum wage (PPP)
    and GDP per capita (PPP) of that same year, and those rows: both axes use one year.

    >>> cy = pd.DataFrame({"country_iso3": ["A", "A", "B"], "year": [2023, 2024, 2023],
    ...     "min_wage_hourly_ppp_usd": [1.0, 1.1, 2.0], "gdp_pc_ppp_usd": [9.0, None, 8.0],
    ...     "is_min_wage_suspect": [False, False, False]})
    >>> common_year(cy)[0]
    2023
    """
    ok = (
        cy["min_wage_hourly_ppp_usd"].notna()
        & cy["gdp_pc_ppp_usd"].notna()
        & ~cy["is_min_wage_suspect"].fillna(True).astype(bool)
    )
    d = cy[ok]
    counts = d.groupby("year").size()
    year = int(counts[counts == counts.max()].index.max())
    return year, d[d["year"] == year].reset_index(drop=True)


def min_wage_vs_gdp(cy: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Hourly minimum wage (PPP $) against GDP per capita (PPP $), log-log, one year for both
    axes, seed countries labelled."""
    year, d = common_year(cy)
    sns.set_theme(style="whitegrid", context="paper", rc={"font.size": FONT})
    fig, ax = plt.subplots(figsize=(5.2, 3.9), layout="constrained")
    regions = sorted(d["wb_region"].dropna().unique())
    palette = dict(zip(regions, OKABE_ITO, strict=False))
    sns.scatterplot(
        data=d,
        x="gdp_pc_ppp_usd",
        y="min_wage_hourly_ppp_usd",
        hue="wb_region",
        hue_order=regions,
        palette=palette,
        s=20,
        alpha=0.85,
        ax=ax,
        linewidth=0,
    )
    ax.set(xscale="log", yscale="log")
    ax.set_xlabel(f"GDP per capita, PPP (international $, {year})", fontsize=FONT)
    ax.set_ylabel(f"Minimum wage per hour, PPP ({year})", fontsize=FONT)
    ax.tick_params(labelsize=FONT)
    for _, r in d[d["country_iso3"].isin(SEED_COUNTRIES)].iterrows():
        ax.annotate(
            r["country_name"].split(",")[0],
            (r["gdp_pc_ppp_usd"], r["min_wage_hourly_ppp_usd"]),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=FONT,
            weight="bold",
        )
    missing = sorted(set(SEED_COUNTRIES) - set(d["country_iso3"]))
    note = f"Not shown (no usable {year} value): {', '.join(missing)}. " if missing else ""
    ax.legend(fontsize=7.5, title=None, loc="upper left", frameon=True)
    ax.set_title(
        f"n = {len(d)} countries, {year}. {note}Monthly minimum / {HOURS_PER_MONTH:.1f} h.",
        fontsize=7.5,
    )
    return save(fig, out_stem)
