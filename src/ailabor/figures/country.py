"""Country context figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.clean import minwage
from ailabor.clean.pay_units import HOURS_PER_MONTH
from ailabor.figures.style import save

# Countries named in the seed stories about AI data work.
SEED_COUNTRIES = ("KEN", "UGA", "PHL", "IND", "VEN", "USA", "GBR")


def latest_min_wage(cy: pd.DataFrame) -> pd.DataFrame:
    """The latest unflagged PPP minimum-wage row per country that has GDP context."""
    d = minwage.latest_min_wage(cy, value="min_wage_hourly_ppp_usd")
    return d.dropna(subset=["gdp_pc_ppp_latest"])


def min_wage_vs_gdp(cy: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Hourly minimum wage (PPP $) against GDP per capita (PPP $), log-log, seed countries labelled."""
    d = latest_min_wage(cy)
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    sns.scatterplot(
        data=d,
        x="gdp_pc_ppp_latest",
        y="min_wage_hourly_ppp_usd",
        hue="wb_region",
        s=22,
        alpha=0.8,
        ax=ax,
        linewidth=0,
    )
    ax.set(xscale="log", yscale="log")
    ax.set_xlabel("GDP per capita, PPP (international $, latest year)")
    ax.set_ylabel("Statutory minimum wage per hour, PPP (international $)")
    for _, r in d[d["country_iso3"].isin(SEED_COUNTRIES)].iterrows():
        ax.annotate(
            r["country_name"].split(",")[0],
            (r["gdp_pc_ppp_latest"], r["min_wage_hourly_ppp_usd"]),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=8,
            weight="bold",
        )
    missing = sorted(set(SEED_COUNTRIES) - set(d["country_iso3"]))
    note = f"Not shown (no usable value): {', '.join(missing)}. " if missing else ""
    ax.set_title("Minimum wages rise with national income", fontsize=10)
    fig.text(
        0.01,
        -0.04,
        f"{note}Monthly minimum wage / {HOURS_PER_MONTH:.1f} h; flagged values excluded. "
        "Sources: ILOSTAT, World Bank WDI.",
        fontsize=7,
    )
    ax.legend(fontsize=6, title=None, loc="upper left")
    return save(fig, out_stem)
