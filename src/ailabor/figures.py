"""One function per figure; each writes PNG and PDF and returns the paths."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

# Countries named in the seed stories about AI data work.
SEED_COUNTRIES = ("KEN", "UGA", "PHL", "IND", "VEN", "USA", "GBR")


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


def latest_min_wage(cy: pd.DataFrame) -> pd.DataFrame:
    """The latest unflagged minimum-wage row per country with PPP and GDP context."""
    d = cy[
        cy["min_wage_hourly_ppp_usd"].notna() & ~cy["is_min_wage_suspect"].fillna(True).astype(bool)
    ]
    d = d.sort_values("year").groupby("country_iso3", as_index=False).tail(1)
    gdp = (
        cy.dropna(subset=["gdp_pc_ppp_usd"])
        .sort_values("year")
        .groupby("country_iso3")
        .tail(1)
        .set_index("country_iso3")["gdp_pc_ppp_usd"]
    )
    d = d.assign(gdp_pc_ppp_latest=d["country_iso3"].map(gdp))
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
        f"{note}Monthly minimum wage / 173.3 h; flagged values excluded. "
        "Sources: ILOSTAT, World Bank WDI.",
        fontsize=7,
    )
    ax.legend(fontsize=6, title=None, loc="upper left")
    return save(fig, out_stem)
