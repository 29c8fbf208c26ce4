"""One function per figure; each writes PNG and PDF and returns the paths."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from ailabor.clean import minwage  # noqa: E402
from ailabor.clean.pay_units import HOURS_PER_MONTH  # noqa: E402

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


PAY_PALETTE = {0.10: "#d7301f", 0.25: "#fc8d59", 0.40: "#6baed6", 0.55: "#08519c"}


def accuracy_completion_by_pay(postings: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Per posting: accuracy and completion rate against pay per HIT, one line per replication."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.2), sharex=True)
    for ax, col, label in (
        (axes[0], "accuracy", "Accuracy on answered questions"),
        (axes[1], "completion_rate", "Share who finished the HIT"),
    ):
        sns.lineplot(
            data=postings,
            x="pay_per_task_usd",
            y=col,
            hue="replication",
            style="replication",
            markers=True,
            dashes=False,
            ax=ax,
            markersize=7,
        )
        ax.set(xlabel="Pay per HIT (US$, randomised per posting)", ylabel=label, ylim=(0, 1))
        ax.set_xticks([0.10, 0.25, 0.40, 0.55])
        ax.legend(title=None, fontsize=7)
    fig.text(
        0.01,
        -0.05,
        "Each point is one MTurk posting (W241 experiment, Nov 2017); 8 postings in all.",
        fontsize=7,
    )
    fig.tight_layout()
    return save(fig, out_stem)


def survival_by_pay(km: pd.DataFrame, out_stem: Path) -> list[Path]:
    """Kaplan-Meier share still working by survey progress, one step curve per pay level."""
    sns.set_theme(style="whitegrid", context="paper")
    fig, ax = plt.subplots(figsize=(5.5, 3.5))
    for pay, g in km.groupby("pay_per_task_usd"):
        ax.step(
            g["progress_pct"],
            g["share_still_working"],
            where="post",
            label=f"${pay:.2f} per HIT",
            color=PAY_PALETTE.get(round(pay, 2)),
        )
    ax.set(
        xlabel="Survey progress reached (%)",
        ylabel="Share still working",
        ylim=(0, 1.02),
        xlim=(0, 100),
    )
    ax.legend(fontsize=7)
    fig.text(
        0.01,
        -0.04,
        "Kaplan-Meier, both replications pooled; finishers censored at 100%.",
        fontsize=7,
    )
    return save(fig, out_stem)


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


VERIFICATION_MARKERS = {"primary": "o", "secondary": "s", "self-reported": "D", "unverified": "X"}


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
