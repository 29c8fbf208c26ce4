"""Pay and platform figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.country import latest_min_wage
from ailabor.figures.style import VERIFICATION_MARKERS, save


def pay_by_platform(pay: pd.DataFrame, country_year: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Hourly pay in PPP $ (log scale), one row per observation tied to a country, low-high
    as a line, marker shape = verification; the country's hourly minimum wage (PPP) as a tick."""
    d = pay[pay["hourly_pay_low_ppp_usd"].notna() | pay["hourly_pay_high_ppp_usd"].notna()].copy()
    d["label"] = d["platform"] + " · " + d["country_iso3"] + " · " + d["period"]
    d = d.sort_values(["country_iso3", "hourly_pay_low_ppp_usd"]).reset_index(drop=True)
    mw = latest_min_wage(country_year).set_index("country_iso3")["min_wage_hourly_ppp_usd"]
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(d) + 1.2))
    for i, r in d.iterrows():
        lo, hi = r["hourly_pay_low_ppp_usd"], r["hourly_pay_high_ppp_usd"]
        if pd.notna(lo) and pd.notna(hi):
            ax.plot([lo, hi], [i, i], color="#4575b4", lw=2)
        for v in (lo, hi):
            if pd.notna(v):
                ax.scatter(
                    v,
                    i,
                    marker=VERIFICATION_MARKERS[r["verification"]],
                    color="#4575b4",
                    s=28,
                    zorder=3,
                )
        if r["country_iso3"] in mw.index:
            ax.scatter(mw[r["country_iso3"]], i, marker="|", color="#d73027", s=160, zorder=4)
    ax.set_xscale("log")
    ax.set_yticks(range(len(d)), d["label"], fontsize=6)
    ax.invert_yaxis()
    ax.set_xlabel("Hourly pay, international $ (PPP, log scale)")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker=m, ls="", color="#4575b4", label=k)
        for k, m in VERIFICATION_MARKERS.items()
        if k in set(d["verification"])
    ]
    handles.append(
        Line2D(
            [], [], marker="|", ls="", color="#d73027", markersize=10, label="local minimum wage"
        )
    )
    ax.legend(handles=handles, fontsize=6, loc="lower right")
    n_other = len(pay) - len(d)
    fig.text(
        0.01,
        -0.02,
        f"{n_other} global or multi-country figures have no single PPP factor and are not shown.",
        fontsize=6,
    )
    return save(fig, out_stem)


def fairwork_scores(scores: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Fairwork cloudwork scores (0-10) by platform and year, as published."""
    sns.set_theme(style="whitegrid", context="paper")
    order = list(
        scores.groupby("platform")["fairwork_score"].max().sort_values(kind="stable").index
    )
    ypos = {p: i for i, p in enumerate(order)}
    years = sorted(scores["year"].unique())
    colors = dict(zip(years, sns.color_palette("viridis", len(years)), strict=True))
    fig, ax = plt.subplots(figsize=(5, 0.3 * len(order) + 1))
    for (year, ver), g in scores.groupby(["year", "verification"]):
        ax.scatter(
            g["fairwork_score"],
            g["platform"].map(ypos) + (year - years[0] - (len(years) - 1) / 2) * 0.15,
            color=colors[year],
            marker=VERIFICATION_MARKERS.get(ver, "o"),
            s=45,
            label=f"{year} ({ver})",
            edgecolors="black",
            linewidths=0.3,
        )
    ax.set(xlim=(-0.5, 10.5), xlabel="Fairwork score (out of 10)")
    ax.set_yticks(range(len(order)), order)
    ax.legend(fontsize=6, loc="lower right")
    return save(fig, out_stem)
