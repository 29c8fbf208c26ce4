"""Rebuild the curated evidence tables from the project's fact sheet.

The fact sheet (shared/facts/pay_experiments_evidence.csv, 67 rows; its NOTES file) was
compiled by hand from the papers. This script writes three tables, and types no value that
is not in the fact sheet (every transcribed number is asserted to appear in its row's
``effect_reported`` text):

``pay_experiments.csv``
    The fact sheet row by row, with verification renamed to ailabor's closed list and a
    ``study_key`` linking each row to its study.
``evidence_studies.csv``
    One row per study (42; the NOTES count 42 distinct studies/sources): design, pay contrast,
    platform, population, pay levels, n, verification, a curated author-year label, and what
    was folded or resolved, with the reason.
``evidence_findings.csv``
    One row per study and outcome: the direction of the effect of higher pay after folding
    (blog restatements folded into the study they restate; conflicts resolved for the primary
    text; recalled rows set aside where a seen row exists), how the direction is known, and the
    effect size with its interval where the primary reports one (as an odds ratio where it can
    be standardised, with the conversion recorded).

Codings that are ailabor's (design class, pay contrast, labels) are rules stated below, applied
to the fact sheet's own ``design`` text; they are not facts about the studies. Run from the
repository root:

    python data/curated/scripts/curate_pay_experiments.py ../shared/facts/pay_experiments_evidence.csv
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pandas as pd

VERIFICATION = {"seen_primary": "primary", "seen_secondary": "secondary", "recalled": "unverified"}
OUTCOMES = ("quality", "attrition", "participation", "effort", "speed")

# ---- Study-level coding (ailabor's, from each row's `design` text) --------------------------
# design_class:
#   randomised experiment       the text seen says the pay conditions were randomised
#   experiment, randomisation not stated   pay varied by the researchers; random assignment not
#                               stated in the text seen (many are probably randomised; we do not guess)
#   non-randomised comparison   pay differed between postings, times or self-selected contracts
#   observational               pay not manipulated (field data, earnings, base rates)
#   meta-analysis               pools other studies (not pooled again here)
#   model test                  a survey-based model of promised pay (design not stated)
# pay_contrast:
#   pay level                   base pay per task or per hour varied (incl. pay vs no pay)
#   bonus or piece rate         bonuses or performance-contingent pay varied
#   payment scheme              structure of pay (bulk, milestones, all-or-nothing, fair division)
#   wage cut                    proposed cuts to an agreed wage
#   none                        no pay contrast (context only)
STUDIES: dict[str, dict] = {
    # key: (first fact-sheet study_id prefix shared by its rows), label, design_class, pay_contrast
    "mason_watts_2009": dict(
        rows="mason_watts_2009_",
        label="Mason & Watts 2009",
        design_class="randomised experiment",
        pay_contrast="pay level",
    ),
    "rogstadius_2011": dict(
        rows="rogstadius_2011_",
        label="Rogstadius et al. 2011",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "buhrmester_2011": dict(
        rows="buhrmester_2011_",
        label="Buhrmester et al. 2011",
        design_class="randomised experiment",
        pay_contrast="pay level",
    ),
    "litman_2015": dict(
        rows="litman_2015_",
        label="Litman et al. 2015",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "turkprime_2015": dict(
        rows="turkprime_2015_",
        label="TurkPrime blog 2015",
        design_class="observational",
        pay_contrast="pay level",
    ),
    "kazai_2013": dict(
        rows="kazai_2013_",
        label="Kazai et al. 2013",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "shaw_2011": dict(
        rows="shaw_2011_",
        label="Shaw et al. 2011",
        design_class="randomised experiment",
        pay_contrast="bonus or piece rate",
    ),
    "ho_2015": dict(
        rows="ho_2015_",
        label="Ho et al. 2015",
        design_class="randomised experiment",
        pay_contrast="bonus or piece rate",
    ),
    "ye_2017": dict(
        rows="ye_2017_",
        label="Ye et al. 2017",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "auer_2021": dict(
        rows="auer_2021_",
        label="Auer et al. 2021",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "ritchey_2023": dict(
        rows="ritchey_2023_",
        label="Ritchey et al. 2023",
        design_class="randomised experiment",
        pay_contrast="pay level",
    ),
    "andersen_lau_2018": dict(
        rows="andersen_lau_2018_",
        label="Andersen & Lau 2018",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "dellavigna_pope_2018": dict(
        rows="dellavigna_pope_2018_",
        label="DellaVigna & Pope 2018",
        design_class="randomised experiment",
        pay_contrast="bonus or piece rate",
    ),
    "gilchrist_2016": dict(
        rows="gilchrist_2016_",
        label="Gilchrist et al. 2016",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "zhou_fishbach_2016": dict(
        rows="zhou_fishbach_2016_",
        label="Zhou & Fishbach 2016",
        design_class="observational",
        pay_contrast="none",
    ),
    "crump_2013": dict(
        rows="crump_2013_",
        label="Crump et al. 2013",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "finnerty_2013": dict(
        rows="finnerty_2013_",
        label="Finnerty et al. 2013",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "horton_chilton_2010": dict(
        rows="horton_chilton_2010_",
        label="Horton & Chilton 2010",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "hornuf_vrankar_2022": dict(
        rows="hornuf_vrankar_2022_",
        label="Hornuf & Vrankar 2022",
        design_class="meta-analysis",
        pay_contrast="none",
    ),
    "chen_horton_2016": dict(
        rows="chen_horton_2016_",
        label="Chen & Horton 2016",
        design_class="experiment, randomisation not stated",
        pay_contrast="wage cut",
    ),
    "yin_chen_sun_2013": dict(
        rows="yin_chen_sun_2013_",
        label="Yin et al. 2013",
        design_class="experiment, randomisation not stated",
        pay_contrast="bonus or piece rate",
    ),
    "marge_2010": dict(
        rows="marge_2010_",
        label="Marge et al. 2010",
        design_class="non-randomised comparison",
        pay_contrast="pay level",
    ),
    "difallah_2014": dict(
        rows="difallah_2014_",
        label="Difallah et al. 2014",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "mao_2013": dict(
        rows="mao_2013_",
        label="Mao et al. 2013",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "dube_2018": dict(
        rows="dube_2018_",
        label="Dube et al. 2018",
        design_class="observational",
        pay_contrast="pay level",
    ),
    "goritz_2006": dict(
        rows="goritz_2006_",
        label="Göritz 2006",
        design_class="meta-analysis",
        pay_contrast="pay level",
    ),
    "goritz_wolff_goldstein_2008": dict(
        rows="goritz_wolff_goldstein_2008_",
        label="Göritz et al. 2008",
        design_class="randomised experiment",
        pay_contrast="pay level",
    ),
    "psyarxiv_intervals": dict(
        rows="prolific_intervals_",
        label="Anon. (PsyArXiv) n.d.",
        design_class="randomised experiment",
        pay_contrast="pay level",
    ),
    "incekara_hafalir_2024": dict(
        rows="incekara_hafalir_2024_",
        label="Incekara-Hafalir et al. 2024",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "ronzani_2024": dict(
        rows="ronzani_2024_",
        label="Ronzani et al. 2024",
        design_class="randomised experiment",
        pay_contrast="bonus or piece rate",
    ),
    "panizza_2022": dict(
        rows="panizza_2022_",
        label="Panizza et al. 2022",
        design_class="experiment, randomisation not stated",
        pay_contrast="bonus or piece rate",
    ),
    "nyu_2025": dict(
        rows="nyu_2025_",
        label="Anon. (NYU) 2025",
        design_class="experiment, randomisation not stated",
        pay_contrast="bonus or piece rate",
    ),
    "horton_dot_guessing": dict(
        rows="horton_dot_guessing_",
        label="Horton n.d.",
        design_class="non-randomised comparison",
        pay_contrast="payment scheme",
    ),
    "deon_2019": dict(
        rows="deon_2019_",
        label="d’Eon et al. 2019",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "icis_2020": dict(
        rows="icis_2020_",
        label="Anon. (ICIS) 2020",
        design_class="model test",
        pay_contrast="pay level",
    ),
    "portner_hassairi_2015": dict(
        rows="portner_hassairi_2015_",
        label="Pörtner & Hassairi 2015",
        design_class="experiment, randomisation not stated",
        pay_contrast="pay level",
    ),
    "jacques_kristensson": dict(
        rows="jacques_kristensson_",
        label="Jacques n.d.",
        design_class="non-randomised comparison",
        pay_contrast="pay level",
    ),
    "hara_2018": dict(
        rows="hara_2018_",
        label="Hara et al. 2018",
        design_class="observational",
        pay_contrast="none",
    ),
    "mason_suri_2012": dict(
        rows="mason_suri_2012_",
        label="Mason & Suri 2012",
        design_class="non-randomised comparison",
        pay_contrast="pay level",
    ),
    "yu_2014": dict(
        rows="yu_2014_",
        label="Yu et al. 2014",
        design_class="randomised experiment",
        pay_contrast="bonus or piece rate",
    ),
    "ikeda_bernstein_2016": dict(
        rows="ikeda_bernstein_2016_",
        label="Ikeda & Bernstein 2016",
        design_class="experiment, randomisation not stated",
        pay_contrast="payment scheme",
    ),
    "heer_bostock_2010": dict(
        rows="heer_bostock_2010_",
        label="Heer & Bostock 2010",
        design_class="non-randomised comparison",
        pay_contrast="pay level",
    ),
}

# Rows whose direction the fact sheet's NOTES say was inferred, not seen stated.
INFERRED = {
    "auer_2021_attrition": "sign inferred: the abstract says pay predicted attrition, not which way",
    "ye_2017_bc_task": "sign inferred from the mediation wording and the title",
    "kazai_2013_quality": "direction from the abstract's 'complex interaction' wording only",
    "rogstadius_2011_quality": "direction from the abstract's 'synergistic interaction' wording only",
}
# Rows whose direction is an association, not the randomised contrast.
CORRELATIONAL = {"ritchey_2023_accuracy": "pay-accuracy association reported as a correlation"}
# Rows set aside in favour of another row of the same study, with the reason (NOTES).
FOLDED = {
    "litman_2015_blog_characterisation": "authors' company blog restating the study; it conflicts "
    "with the published abstract (India-based data quality is directly affected by compensation "
    "rates), so the primary text is used",
    "shaw_2011_effect_size_blog": "co-author blog restating the same study (seen secondary); its "
    "effect size is kept as text only",
    "rogstadius_2011_pay_quantity_vs_accuracy": "recalled, not seen; the seen abstract row is used",
}
# Full texts read by the fact sheet's authors (NOTES, 'Files'): every other primary row rests
# on an abstract or a page excerpt.
FULL_TEXT_URL_MARK = "crowdsourcing-class/crowdsourcing-class.github.io"

# Effect sizes: each number is transcribed from that row's effect_reported (asserted below).
# "odds ratio" rows carry a reported 95% CI; "counts" rows give events/n per arm, from which the
# odds ratio and Woolf 95% CI are computed (the conversion is recorded in the output).
EFFECTS = {
    "goritz_2006_retention_meta": dict(
        measure="odds ratio",
        value="1.27",
        ci_low="1.12",
        ci_high="1.44",
        contrast="odds of finishing a started web survey, incentive vs none",
    ),
    "goritz_2006_response_meta": dict(
        measure="odds ratio",
        value="1.19",
        ci_low="1.13",
        ci_high="1.25",
        contrast="odds of starting a web survey, incentive vs none",
    ),
    "yu_2014_financial_retention": dict(
        measure="counts",
        treat_events="25",
        treat_n="165",
        control_events="22",
        control_n="176",
        contrast="odds of returning for the next task, financial strategy vs control invitation",
    ),
    "jacques_kristensson_uptake": dict(
        measure="counts",
        treat_events="200",
        treat_n="821",
        control_events="100",
        control_n="388",
        contrast="odds of taking up the task after a preview, 12 cents (Outline) vs 10 cents (Color), two separate postings",
    ),
    "ikeda_bernstein_2016_bulk_pay": dict(
        measure="odds ratio (no interval reported)",
        value="1.4",
        contrast="odds of a response, bulk vs per-task payment",
    ),
}
EFFECT_ROW_COLUMNS = ("measure", "value", "ci_low", "ci_high")
Z95 = 1.959964


def effect_from_counts(a: int, n1: int, c: int, n0: int) -> tuple[float, float, float, float]:
    """Odds ratio, Woolf 95% CI and difference in proportions from two arms' counts.

    >>> [round(x, 3) for x in effect_from_counts(25, 165, 22, 176)]
    [1.25, 0.674, 2.318, 0.027]
    """
    log_or = math.log(a * (n0 - c) / ((n1 - a) * c))
    se = math.sqrt(1 / a + 1 / (n1 - a) + 1 / c + 1 / (n0 - c))
    return (
        math.exp(log_or),
        math.exp(log_or - Z95 * se),
        math.exp(log_or + Z95 * se),
        a / n1 - c / n0,
    )


def author_year(year: str) -> str:
    """The publication year where the fact sheet gives one, else ''.

    >>> author_year("2025 (accepted/in press)"), author_year("n.d. (slides)")
    ('2025', '')
    """
    return year[:4] if year[:4].isdigit() else ""


def study_key_of(study_id: str) -> str:
    """The study a fact-sheet row belongs to (by its study_id prefix)."""
    hits = [k for k, s in STUDIES.items() if study_id.startswith(s["rows"])]
    if len(hits) != 1:
        raise ValueError(f"fact row {study_id!r} matches {len(hits)} studies: {hits}")
    return hits[0]


def distinct(values) -> str:
    """Distinct non-empty values in order, joined with ' | ' (verbatim from the fact sheet)."""
    out: list[str] = []
    for v in values:
        v = str(v).strip()
        if v and v not in out and v.lower() not in {"not seen", "same", "as above"}:
            out.append(v)
    return " | ".join(out)


def row_verification(row: pd.Series) -> str:
    """full text / abstract or excerpt / secondary / recalled, from the fact sheet and its NOTES."""
    if row["verification"] == "seen_secondary":
        return "secondary"
    if row["verification"] == "recalled":
        return "recalled"
    return "full text" if FULL_TEXT_URL_MARK in row["source_url"] else "abstract or excerpt"


def effect_columns(row: pd.Series) -> dict:
    """Effect-size columns for one fact row (empty when the row reports none that converts)."""
    spec = EFFECTS.get(row["study_id"])
    if spec is None:
        return {}
    text = row["effect_reported"] + " " + row["quote"] + " " + row["n"]
    for k, v in spec.items():
        if k not in ("measure", "contrast") and v not in text:
            raise ValueError(f"{row['study_id']}: {k}={v} is not in the row's reported text")
    if spec["measure"] == "counts":
        a, n1, c, n0 = (
            int(spec[k]) for k in ("treat_events", "treat_n", "control_events", "control_n")
        )
        or_, lo, hi, rd = effect_from_counts(a, n1, c, n0)
        return dict(
            effect_measure="odds ratio",
            effect_value=f"{or_:.4f}",
            effect_ci_low=f"{lo:.4f}",
            effect_ci_high=f"{hi:.4f}",
            risk_difference=f"{rd:.4f}",
            effect_contrast=spec["contrast"],
            effect_conversion=f"computed from counts {a}/{n1} vs {c}/{n0}: odds ratio with Woolf "
            "(log-scale normal) 95% CI; risk_difference = difference in proportions",
        )
    return dict(
        effect_measure=spec["measure"],
        effect_value=spec.get("value", ""),
        effect_ci_low=spec.get("ci_low", ""),
        effect_ci_high=spec.get("ci_high", ""),
        risk_difference="",
        effect_contrast=spec["contrast"],
        effect_conversion="as reported",
    )


def findings(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per study and outcome, after folding (see the module docstring)."""
    out = []
    for (key, outcome), g in facts.groupby(["study_key", "outcome"], sort=False):
        directed = g[g["finding_direction"] != ""]
        folded = directed[directed["study_id"].isin(FOLDED)]
        used = directed[~directed["study_id"].isin(FOLDED)]
        dirs = list(dict.fromkeys(used["finding_direction"]))
        direction = dirs[0] if len(dirs) == 1 else ("mixed" if len(dirs) > 1 else "not applicable")
        verif = [row_verification(r) for _, r in (used if len(used) else g).iterrows()]
        basis = []
        for sid in used["study_id"]:
            if sid in INFERRED:
                basis.append(f"inferred ({sid}: {INFERRED[sid]})")
            if sid in CORRELATIONAL:
                basis.append(f"correlational ({sid}: {CORRELATIONAL[sid]})")
        eff = {}
        for _, r in g.iterrows():
            eff = effect_columns(r) or eff
        out.append(
            dict(
                study_key=key,
                outcome=outcome,
                finding_direction=direction,
                direction_inferred=str(any(s in INFERRED for s in used["study_id"])).lower(),
                direction_basis="; ".join(basis) or ("stated" if len(used) else ""),
                direction_detail="; ".join(
                    f"{r.study_id}: {r.finding_direction or 'not applicable'}"
                    for r in g.itertuples()
                ),
                verification=min(verif, key=VERIF_ORDER.index),
                effect_reported=" || ".join(
                    f"{r.study_id}: {r.effect_reported}"
                    + (" [secondary]" if r.verification == "seen_secondary" else "")
                    for r in g.itertuples()
                    if r.effect_reported
                ),
                **{c: eff.get(c, "") for c in EFFECT_OUT},
                fact_rows="; ".join(g["study_id"]),
                folded_rows="; ".join(f"{s} ({FOLDED[s]})" for s in folded["study_id"]),
            )
        )
    return pd.DataFrame(out)


VERIF_ORDER = ["full text", "abstract or excerpt", "secondary", "recalled"]
EFFECT_OUT = (
    "effect_measure",
    "effect_value",
    "effect_ci_low",
    "effect_ci_high",
    "risk_difference",
    "effect_contrast",
    "effect_conversion",
)


def studies(facts: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """One row per study."""
    out = []
    for key, spec in STUDIES.items():
        g = facts[facts["study_key"] == key]
        if g.empty:
            raise ValueError(f"study {key} has no rows in the fact sheet")
        first = g.iloc[0]
        f = found[found["study_key"] == key]
        directed = f[f["finding_direction"] != "not applicable"]
        out.append(
            dict(
                study_key=key,
                label=spec["label"],
                authors=first["authors"],
                year=author_year(first["year"]),
                year_as_given=first["year"],
                title=first["title"],
                venue=first["venue"],
                source_url=distinct(g["source_url"]),
                design_class=spec["design_class"],
                pay_contrast=spec["pay_contrast"],
                design=distinct(g["design"]),
                platform=distinct(g["platform"]),
                population=distinct(g["worker_country"]),
                task=distinct(g["task"]),
                pay_levels=distinct(g["pay_levels"]),
                n=distinct(g["n"]),
                outcomes=", ".join(directed["outcome"]) or "none (context or scheme only)",
                # the direction of the effect of higher pay per outcome (details in the findings table)
                findings="; ".join(
                    f"{r.outcome}: {r.finding_direction}"
                    + (" (inferred)" if r.direction_inferred == "true" else "")
                    for r in directed.itertuples()
                ),
                effects="; ".join(
                    f"{r.outcome}: {r.effect_measure} {r.effect_value}"
                    + (f" [{r.effect_ci_low}, {r.effect_ci_high}]" if r.effect_ci_low else "")
                    + f" ({r.effect_contrast}; {r.effect_conversion})"
                    for r in f.itertuples()
                    if r.effect_measure
                ),
                verification=min(f["verification"], key=VERIF_ORDER.index),
                fact_rows=len(g),
                folded_rows="; ".join(x for x in f["folded_rows"] if x),
            )
        )
    return pd.DataFrame(out)


def main(fact_sheet: Path, out_dir: Path) -> None:
    facts = pd.read_csv(fact_sheet, dtype=str, keep_default_na=False)
    facts["study_key"] = facts["study_id"].map(study_key_of)
    unknown = set(facts["verification"]) - set(VERIFICATION)
    if unknown:
        raise ValueError(f"{fact_sheet}: unknown verification level(s) {unknown}")
    for sid in [*INFERRED, *CORRELATIONAL, *FOLDED, *EFFECTS]:
        if sid not in set(facts["study_id"]):
            raise ValueError(f"{fact_sheet}: no row {sid!r} (named in this script)")
    found = findings(facts)
    table = studies(facts, found)

    rows = facts.copy()
    rows["verification"] = rows["verification"].map(VERIFICATION)
    rows["finding_direction"] = rows["finding_direction"].replace("", "not applicable")
    rows.insert(0, "source_file", "shared/facts/pay_experiments_evidence.csv")
    rows.to_csv(out_dir / "pay_experiments.csv", index=False)
    table.to_csv(out_dir / "evidence_studies.csv", index=False)
    found.to_csv(out_dir / "evidence_findings.csv", index=False)
    print(f"wrote {len(rows)} rows, {len(table)} studies, {len(found)} study-outcome findings")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path("data/curated"))
