"""What every figure shares: theme, palettes, markers, and a reproducible save.

Figures are read at print size: no text under ``MIN_FONT_PT`` points at the size the figure
is printed, colour-blind-safe palettes (Okabe & Ito 2008), intervals and n where estimates
are shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MIN_FONT_PT = 7.0  # smallest text allowed at print size
# Okabe-Ito colour-blind-safe palette.
OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
PAY_PALETTE = {0.10: "#d7301f", 0.25: "#fc8d59", 0.40: "#6baed6", 0.55: "#08519c"}
VERIFICATION_MARKERS = {"primary": "o", "secondary": "s", "self-reported": "D", "unverified": "X"}


def text_sizes(fig: plt.Figure) -> list[tuple[float, str]]:
    """Font size (pt, at the figure's own size) and content of every visible, non-empty text.

    Walks every artist of the figure (titles, tick labels, legends, annotations, table cells).

    >>> fig, ax = plt.subplots(); _ = ax.set_title("t", fontsize=9); _ = ax.text(0, 0, "x", fontsize=6.5)
    >>> min(text_sizes(fig))
    (6.5, 'x')
    >>> plt.close(fig)
    """
    fig.canvas.draw()  # tick labels exist only once drawn
    out = []
    for t in fig.findobj(matplotlib.text.Text):
        if t.get_visible() and t.get_text().strip() and t.get_figure() is not None:
            out.append((float(t.get_fontsize()), t.get_text()))
    return out


def print_metrics(fig: plt.Figure) -> dict:
    """What the paper check needs to judge print size: the saved size and the smallest text.

    The saved size is the tight bounding box ``save`` writes (inches); the check compares it with
    the width the paper prints the figure at, and scales the smallest font size accordingly.
    """
    sizes = text_sizes(fig)
    bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(0.1)  # savefig's pad_inches
    smallest = min(sizes) if sizes else (None, "")
    return {
        "figure_size_in": [round(float(x), 4) for x in fig.get_size_inches()],
        "saved_size_in": [round(float(bbox.width), 4), round(float(bbox.height), 4)],
        "min_font_pt": smallest[0],
        "min_font_text": smallest[1][:60],
        "n_texts": len(sizes),
        "min_font_pt_required": MIN_FONT_PT,
    }


def save(fig: plt.Figure, out_stem: Path) -> list[Path]:
    """Save ``fig`` as ``<stem>.png`` and ``<stem>.pdf`` with fixed metadata (reproducible PDFs).

    Also writes ``<stem>.json``: the saved size in inches and the smallest font size used, which
    ``make paper-check`` reads to measure text at the size the paper prints the figure.
    """
    out_stem = Path(out_stem)
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [out_stem.with_suffix(".png"), out_stem.with_suffix(".pdf")]
    metrics = print_metrics(fig)
    fig.savefig(paths[0], dpi=200, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(
        paths[1],
        bbox_inches="tight",
        metadata={"Creator": None, "Producer": None, "CreationDate": None},
    )
    plt.close(fig)
    out_stem.with_suffix(".json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    return paths
