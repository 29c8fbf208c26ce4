"""Evidence synthesis: published studies that varied pay, counted as studies, pooled only where sound.

The curated tables (``data/curated/evidence_studies.csv``: one row per study;
``evidence_findings.csv``: one row per study and outcome; ``pay_experiments.csv``: the fact
sheet row by row) are written by ``data/curated/scripts/curate_pay_experiments.py``.

Pooling rule: a random-effects (DerSimonian-Laird) estimate with heterogeneity (tau², I², Q)
is reported for an outcome only where at least ``MIN_POOL_K`` comparable effects exist: odds
ratios with a 95% interval, from randomised experiments on crowd-work platforms that varied
pay level or bonus. Otherwise the study-level table is the result and the reason is returned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.meta_analysis import combine_effects

from ailabor import config

OUTCOMES = ("quality", "attrition", "participation", "effort", "speed")
DIRECTIONS = ("positive", "negative", "null", "mixed", "not applicable")
VERIFICATION = ("primary", "secondary", "self-reported", "unverified")
STUDY_VERIFICATION = ("full text", "abstract or excerpt", "secondary", "recalled")
DESIGN_CLASSES = (
    "randomised experiment",
    "experiment, randomisation not stated",
    "non-randomised comparison",
    "observational",
    "meta-analysis",
    "model test",
)
PAY_CONTRASTS = ("pay level", "bonus or piece rate", "payment scheme", "wage cut", "none")
POOLABLE_DESIGNS = ("randomised experiment",)
POOLABLE_CONTRASTS = ("pay level", "bonus or piece rate")
MIN_POOL_K = 3
NUMERIC_EFFECT_COLUMNS = ("effect_value", "effect_ci_low", "effect_ci_high", "risk_difference")
# Whether higher pay moving the outcome up is good for the requester (attrition: down is good).
GOOD_DIRECTION = {
    "quality": "positive",
    "attrition": "negative",
    "participation": "positive",
    "effort": "positive",
    "speed": "positive",
}


def _read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_pay_experiments() -> pd.DataFrame:
    """The fact sheet row by row (every row has a source and a verification level)."""
    df = _read(config.curated_dir() / "pay_experiments.csv")
    df["year"] = pd.to_numeric(df["year"].str[:4], errors="coerce").astype("Int64")
    return df


def load_studies() -> pd.DataFrame:
    """One row per study: design, pay contrast, platform, population, pay levels, n, verification."""
    df = _read(config.curated_dir() / "evidence_studies.csv")
    df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    df["fact_rows"] = df["fact_rows"].astype(int)
    return df


def load_findings() -> pd.DataFrame:
    """One row per study and outcome, joined to the study's design columns."""
    f = _read(config.curated_dir() / "evidence_findings.csv")
    for c in NUMERIC_EFFECT_COLUMNS:
        f[c] = pd.to_numeric(f[c].replace("", None))
    f["direction_inferred"] = f["direction_inferred"].eq("true")
    s = _read(config.curated_dir() / "evidence_studies.csv")[
        ["study_key", "label", "year", "design_class", "pay_contrast", "platform"]
    ]
    return f.merge(s, on="study_key", how="left", validate="many_to_one")


def is_randomised(studies: pd.DataFrame) -> pd.Series:
    """Randomised experiments: the text seen says pay was randomised.

    >>> is_randomised(pd.DataFrame({"design_class": ["randomised experiment", "observational"]})).tolist()
    [True, False]
    """
    return studies["design_class"].eq("randomised experiment")


def helped(findings: pd.DataFrame) -> pd.Series:
    """'better', 'worse', 'no effect', 'mixed' or '' for the requester, per finding.

    >>> f = pd.DataFrame({"outcome": ["attrition", "quality", "quality"],
    ...                   "finding_direction": ["negative", "negative", "null"]})
    >>> helped(f).tolist()
    ['better', 'worse', 'no effect']
    """
    good = findings["outcome"].map(GOOD_DIRECTION)
    d = findings["finding_direction"]
    out = pd.Series("", index=findings.index, dtype=object)
    out[d.isin(["positive", "negative"]) & d.eq(good)] = "better"
    out[d.isin(["positive", "negative"]) & d.ne(good)] = "worse"
    out[d.eq("null")] = "no effect"
    out[d.eq("mixed")] = "mixed"
    return out


def direction_counts(findings: pd.DataFrame) -> pd.DataFrame:
    """Studies per outcome and direction (each study counted once per outcome).

    >>> f = pd.DataFrame({"study_key": ["a", "b", "b"], "outcome": ["quality", "quality", "attrition"],
    ...                   "finding_direction": ["null", "positive", "negative"]})
    >>> direction_counts(f).loc["quality"].to_dict()
    {'negative': 0, 'null': 1, 'positive': 1}
    """
    d = findings[findings["finding_direction"] != "not applicable"]
    if d.duplicated(["study_key", "outcome"]).any():
        raise ValueError("findings must have one row per study and outcome")
    return d.pivot_table(
        index="outcome",
        columns="finding_direction",
        values="study_key",
        aggfunc="count",
        fill_value=0,
    )


def log_odds_ratio(df: pd.DataFrame) -> pd.DataFrame:
    """Log odds ratio and its variance from a reported odds ratio with a 95% CI.

    >>> d = pd.DataFrame({"effect_value": [1.27], "effect_ci_low": [1.12], "effect_ci_high": [1.44]})
    >>> log_odds_ratio(d)[["log_or", "var_log_or"]].round(4).values.tolist()
    [[0.239, 0.0041]]
    """
    out = df.copy()
    out["log_or"] = np.log(out["effect_value"].astype(float))
    se = (
        np.log(out["effect_ci_high"].astype(float)) - np.log(out["effect_ci_low"].astype(float))
    ) / (2 * 1.959964)
    out["var_log_or"] = se**2
    return out


def comparable_effects(findings: pd.DataFrame, outcome: str) -> tuple[pd.DataFrame, list[str]]:
    """Findings of ``outcome`` that may be pooled, and why each other effect size was left out."""
    d = findings[findings["outcome"] == outcome]
    has = d[d["effect_measure"].eq("odds ratio")]
    excluded = []
    keep = []
    for i, r in has.iterrows():
        if pd.isna(r["effect_ci_low"]) or pd.isna(r["effect_ci_high"]):
            excluded.append(f"{r['study_key']}: no interval reported")
        elif r["design_class"] not in POOLABLE_DESIGNS:
            excluded.append(f"{r['study_key']}: {r['design_class']}, not a randomised experiment")
        elif r["pay_contrast"] not in POOLABLE_CONTRASTS:
            excluded.append(f"{r['study_key']}: contrast is {r['pay_contrast']}")
        else:
            keep.append(i)
    return has.loc[keep], excluded


def pool(findings: pd.DataFrame, outcome: str, min_k: int = MIN_POOL_K) -> dict:
    """Random-effects (DerSimonian-Laird) pooled odds ratio for ``outcome``, or why not pooled.

    Heterogeneity is reported as tau², I² and Cochran's Q (statsmodels ``combine_effects``).
    """
    d, excluded = comparable_effects(findings, outcome)
    base = {
        "outcome": outcome,
        "k": len(d),
        "excluded": excluded,
        "studies": d["study_key"].tolist(),
    }
    if len(d) < min_k:
        return {
            **base,
            "pooled": False,
            "reason": f"{len(d)} comparable effect(s) with an interval; pooling needs at least {min_k}",
        }
    d = log_odds_ratio(d)
    res = combine_effects(d["log_or"].to_numpy(), d["var_log_or"].to_numpy(), method_re="dl")
    row = res.summary_frame().loc["random effect"]
    return {
        **base,
        "pooled": True,
        "or": float(np.exp(row["eff"])),
        "ci_low": float(np.exp(row["ci_low"])),
        "ci_high": float(np.exp(row["ci_upp"])),
        "tau2": float(res.tau2),
        "i2": float(res.i2),
        "q": float(res.q),
    }


def evidence_counts(findings: pd.DataFrame) -> pd.DataFrame:
    """Studies by outcome and direction (kept for callers of the earlier name)."""
    return direction_counts(findings)
