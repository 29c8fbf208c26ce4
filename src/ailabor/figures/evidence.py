"""Evidence-synthesis figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ailabor.figures.style import save


def evidence_map(ev: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Published studies by outcome, coloured by the direction of the pay effect, marked by verification."""
    sns.set_theme(style="whitegrid", context="paper")
    d = ev[ev["finding_direction"] != "not applicable"].copy()
    # "Mason 2009" from study_id "mason_watts_2009_s1_quality" (author fields vary too much).
    year = d["study_id"].str.extract(r"_(\d{4})(?:_|$)")[0].fillna("n.d.")
    d["label"] = d["study_id"].str.split("_").str[0].str.capitalize() + " " + year
    order = sorted(d["label"].unique(), key=lambda s: (s[-4:], s))
    outcomes = [
        o
        for o in ("quality", "attrition", "effort", "participation", "speed")
        if o in set(d["outcome"])
    ]
    colors = {"positive": "#1a9850", "negative": "#d73027", "null": "#969696", "mixed": "#fdae61"}
    markers = {"primary": "o", "secondary": "s", "unverified": "X", "self-reported": "D"}
    fig, ax = plt.subplots(figsize=(6.5, max(3.0, 0.16 * len(order))))
    ypos = {lab: i for i, lab in enumerate(order)}
    xpos = {o: i for i, o in enumerate(outcomes)}
    jitter = d.groupby(["label", "outcome"]).cumcount() * 0.12
    for ver, g in d.groupby("verification"):
        ax.scatter(
            g["outcome"].map(xpos) + jitter[g.index],
            g["label"].map(ypos),
            c=g["finding_direction"].map(colors),
            marker=markers.get(ver, "o"),
            s=40,
            edgecolors="black",
            linewidths=0.3,
            label=ver,
        )
    ax.set_xticks(range(len(outcomes)), outcomes)
    ax.set_yticks(range(len(order)), order, fontsize=6)
    ax.set_xlim(-0.5, len(outcomes) - 0.5)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", ls="", color=c, label=k) for k, c in colors.items()]
    handles += [
        Line2D([], [], marker=m, ls="", color="white", markeredgecolor="black", label=k)
        for k, m in markers.items()
        if k in set(d["verification"])
    ]
    ax.legend(
        handles=handles,
        fontsize=6,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        title="direction / source",
    )
    ax.set_title("Effect of higher pay in published experiments", fontsize=9)
    return save(fig, out_stem)
