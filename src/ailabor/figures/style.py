"""What every figure shares: theme, palettes, markers, and a reproducible save.

Figures are read at print size: no text under ``MIN_FONT_PT`` points at the size the figure
is printed, colour-blind-safe palettes (Okabe & Ito 2008), intervals and n where estimates
are shown.
"""

from __future__ import annotations

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


def save(fig: plt.Figure, out_stem: Path) -> list[Path]:
    """Save ``fig`` as ``<stem>.png`` and ``<stem>.pdf`` with fixed metadata (reproducible PDFs)."""
    out_stem = Path(out_stem)
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [out_stem.with_suffix(".png"), out_stem.with_suffix(".pdf")]
    fig.savefig(paths[0], dpi=200, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(
        paths[1],
        bbox_inches="tight",
        metadata={"Creator": None, "Producer": None, "CreationDate": None},
    )
    plt.close(fig)
    return paths
