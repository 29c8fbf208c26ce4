"""Evidence-synthesis figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from ailabor.figures.style import save
from ailabor.models.evidence import OUTCOMES, helped

FONT_PT = 7.5  # printed at (almost) its own width, so this is the printed size
# Okabe-Ito tints; the direction is also written in each cell, so colour is never the only cue.
HELPED_COLOURS = {
    "better": "#56B4E9",
    "worse": "#E69F00",
    "no effect": "#D9D9D9",
    "mixed": "#F0E442",
}
WORDS = {"positive": "higher", "negative": "lower", "null": "no effect", "mixed": "mixed"}
DESIGN_SHORT = {
    "randomised experiment": "randomised",
    "experiment, randomisation not stated": "experiment",
    "non-randomised comparison": "non-randomised",
    "observational": "observational",
    "meta-analysis": "meta-analysis",
    "model test": "model test",
}
CONTRAST_SHORT = {
    "pay level": "pay level",
    "bonus or piece rate": "bonus/piece rate",
    "payment scheme": "pay scheme",
    "wage cut": "wage cut",
    "none": "none",
}


def cell_text(row: pd.Series) -> str:
    """The word printed in a cell, with a mark for how the direction is known.

    >>> cell_text(pd.Series({"finding_direction": "negative", "direction_inferred": True,
    ...     "direction_basis": "inferred (x)", "verification": "abstract or excerpt"}))
    'lower*'
    """
    word = WORDS[row["finding_direction"]]
    if row["direction_inferred"]:
        word += "*"
    elif str(row["direction_basis"]).startswith("correlational"):
        word += "‡"
    if row["verification"] == "recalled":
        word += "†"
    return word


def shown_studies(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings the map shows: those with a direction for higher pay."""
    return findings[findings["finding_direction"] != "not applicable"]


def evidence_map(findings: pd.DataFrame, out_stem: Path) -> list[Path]:
    """One row per study, one column per outcome; each cell says what higher pay did, in words.

    Colour says whether that was better or worse for the requester (less attrition is better).
    Rows are grouped by design, randomised experiments first, then by year.
    """
    d = shown_studies(findings).copy()
    d["helped"] = helped(d)
    d["text"] = d.apply(cell_text, axis=1)
    design_rank = {k: i for i, k in enumerate(DESIGN_SHORT)}
    studies = (
        d.drop_duplicates("study_key")
        .assign(
            rank=lambda x: x["design_class"].map(design_rank),
            yr=lambda x: x["year"].replace("", "9999"),
        )
        .sort_values(["rank", "yr", "label"])
    )
    outcomes = [o for o in OUTCOMES if o in set(d["outcome"])]
    n = len(studies)
    row_h = 0.17  # inches per study
    fig = plt.figure(figsize=(6.5, row_h * n + 1.3))
    ax = fig.add_axes((0.0, 0.95 / (row_h * n + 1.3), 1.0, row_h * n / (row_h * n + 1.3)))
    # columns: label | design | contrast | outcomes (x in inches)
    x_label, x_design, x_contrast, x_out0, w_out = 0.0, 1.4, 2.35, 3.35, 0.63
    ax.set_xlim(0, x_out0 + w_out * len(outcomes))
    ax.set_ylim(n, -1.3)
    ax.axis("off")
    text = dict(fontsize=FONT_PT, va="center")
    for c, x in (("study", x_label), ("design", x_design), ("pay contrast", x_contrast)):
        ax.text(x, -0.95, c, ha="left", **text)
    for j, o in enumerate(outcomes):
        ax.text(x_out0 + w_out * (j + 0.5), -0.95, o, ha="center", **text)
    ax.plot([0, x_out0 + w_out * len(outcomes)], [-0.5, -0.5], color="black", lw=0.6)
    cells = d.set_index(["study_key", "outcome"])
    for i, s in enumerate(studies.itertuples()):
        if i % 2 == 0:
            ax.add_patch(Rectangle((0, i - 0.5), x_out0, 1, color="#F4F4F4", lw=0, zorder=0))
        ax.text(x_label, i, s.label, ha="left", **text)
        ax.text(x_design, i, DESIGN_SHORT[s.design_class], ha="left", **text)
        ax.text(x_contrast, i, CONTRAST_SHORT[s.pay_contrast], ha="left", **text)
        for j, o in enumerate(outcomes):
            if (s.study_key, o) not in cells.index:
                continue
            c = cells.loc[(s.study_key, o)]
            x = x_out0 + w_out * j
            ax.add_patch(
                Rectangle(
                    (x + 0.02, i - 0.45),
                    w_out - 0.04,
                    0.9,
                    facecolor=HELPED_COLOURS[c["helped"]],
                    edgecolor="white",
                    lw=0.5,
                )
            )
            ax.text(x + w_out / 2, i, c["text"], ha="center", **text)
    handles = [
        Patch(facecolor=v, label=f"{k} for the requester" if k in ("better", "worse") else k)
        for k, v in HELPED_COLOURS.items()
        if k in set(d["helped"])
    ]
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 0.42 / (row_h * n + 1.3)),
        ncol=len(handles),
        fontsize=FONT_PT,
        frameon=False,
        handlelength=1.2,
    )
    fig.text(
        0.0,
        0.02,
        "Cell: the effect of higher pay on the outcome (attrition: lower means fewer quit).  "
        "* sign inferred, not stated;\n‡ an association, not the randomised contrast;  "
        "† recalled, not seen in a stored copy.  Experiment: pay varied by the researchers,\n"
        "randomisation not stated in the text seen.",
        fontsize=FONT_PT,
        ha="left",
        va="bottom",
    )
    return save(fig, out_stem)
