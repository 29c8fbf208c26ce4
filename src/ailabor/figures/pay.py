"""Pay and platform figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import OKABE_ITO, VERIFICATION_MARKERS, save
from ailabor.tables.pay import worker_pay

# Offered, not earned: left out of the pay-received figure (they stay in the table).
NOT_EARNED = ("advertised rate", "platform rule")
SHORT_NAMES = {
    "Amazon Mechanical Turk": "MTurk",
    "Facebook outsourced content moderation": "outsourced moderators",
    "TikTok content moderation (US)": "TikTok moderators",
    "TikTok content moderation (UK)": "TikTok moderators",
    "home-based content moderation (unnamed)": "home-based moderator",
    "DataAnnotation.tech and others": "DataAnnotation.tech etc.",
    "outsourced AI data work": "outsourced data work",
}


def pay_by_platform(pay: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Worker pay only (no client billing rates), one row per observation group, in PPP $ (log
    scale): low-high as a line, marker shape = verification; the hourly minimum wage in force
    in the figure's year (same year, else the nearest earlier within the stated lag) as a tick."""
    w = worker_pay(pay)
    offered = w["pay_kind"].isin(NOT_EARNED)
    d = w[
        ~offered & (w["hourly_pay_low_ppp_usd"].notna() | w["hourly_pay_high_ppp_usd"].notna())
    ].copy()
    client = (
        d["client"].fillna("").map(lambda c: f" ({c.split(';')[0].split(' (')[0]})" if c else "")
    )
    d["label"] = (
        d["platform"].replace(SHORT_NAMES).str.split(" \\(").str[0].str.slice(0, 24)
        + client
        + ", "
        + d["pay_kind"].str.replace("worker ", "")
        + " · "
        + d["country_iso3"]
        + " "
        + d["year"].astype(str)
    )
    d = d.sort_values(["country_iso3", "year", "hourly_pay_low_ppp_usd"]).reset_index(drop=True)
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(6.1, 0.16 * len(d) + 1.0), layout="constrained")
    blue, red = OKABE_ITO[4], OKABE_ITO[5]
    for i, r in d.iterrows():
        lo, hi = r["hourly_pay_low_ppp_usd"], r["hourly_pay_high_ppp_usd"]
        if pd.notna(lo) and pd.notna(hi):
            ax.plot([lo, hi], [i, i], color=blue, lw=2)
        for v in (lo, hi):
            if pd.notna(v):
                ax.scatter(
                    v, i, marker=VERIFICATION_MARKERS[r["verification"]], color=blue, s=22, zorder=3
                )
        if pd.notna(r["min_wage_hourly_ppp_usd"]):
            ax.scatter(r["min_wage_hourly_ppp_usd"], i, marker="|", color=red, s=110, zorder=4)
    ax.set_xscale("log")
    ax.set_yticks(range(len(d)), d["label"], fontsize=7.5)
    ax.tick_params(axis="x", labelsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(
        "Worker pay per hour, international $ (PPP of the figure's year, log scale)", fontsize=8
    )
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker=m, ls="", color=blue, label=k)
        for k, m in VERIFICATION_MARKERS.items()
        if k in set(d["verification"])
    ]
    handles.append(
        Line2D([], [], marker="|", ls="", color=red, markersize=9, label="minimum wage in force")
    )
    ax.legend(
        handles=handles,
        fontsize=7.5,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.09),
        ncol=2,
        frameon=False,
    )
    ax.set_title(
        f"n = {len(d)} observations of pay received ({int(offered.sum())} offers not shown)",
        fontsize=8,
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
    colors = dict(zip(years, [OKABE_ITO[i] for i in (0, 4, 5, 2)], strict=False))
    fig, ax = plt.subplots(figsize=(3.4, 0.25 * len(order) + 1), layout="constrained")
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
    ax.set(xlim=(-0.5, 10.5))
    ax.set_xlabel("Fairwork score (out of 10)", fontsize=8)
    ax.set_yticks(range(len(order)), order, fontsize=7.5)
    ax.tick_params(axis="x", labelsize=7.5)
    ax.legend(fontsize=7.5, loc="lower right", frameon=True)
    return save(fig, out_stem)
