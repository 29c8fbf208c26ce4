"""Evidence synthesis: published experiments that varied pay, and pooling where it is sound."""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.meta_analysis import combine_effects

from ailabor import config

OUTCOMES = ("quality", "attrition", "participation", "effort", "speed")
DIRECTIONS = ("positive", "negative", "null", "mixed", "not applicable")
# Columns the curation script adds to the fact sheet for pooling (the numeric ones first).
NUMERIC_EFFECT_COLUMNS = (
    "effect_value",
    "effect_ci_low",
    "effect_ci_high",
    "treat_events",
    "treat_n",
    "control_events",
    "control_n",
)
EFFECT_COLUMNS = ("effect_measure", *NUMERIC_EFFECT_COLUMNS, "is_poolable", "pooling_note")
VERIFICATION = ("primary", "secondary", "self-reported", "unverified")


def load_pay_experiments() -> pd.DataFrame:
    """The curated evidence table (every row has a source and a verification level)."""
    df = pd.read_csv(config.curated_dir() / "pay_experiments.csv", dtype=str, keep_default_na=False)
    for c in NUMERIC_EFFECT_COLUMNS:
        df[c] = pd.to_numeric(df[c].replace("", None))
    df["is_poolable"] = df["is_poolable"].eq("true")
    df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    return df


def log_odds_ratio(df: pd.DataFrame) -> pd.DataFrame:
    """Log odds ratio and its variance from a reported OR with a 95% CI, or from 2x2 counts.

    >>> d = pd.DataFrame({"effect_measure": ["odds ratio", "return counts"], "effect_value": [1.27, None],
    ...     "effect_ci_low": [1.12, None], "effect_ci_high": [1.44, None], "treat_events": [None, 25],
    ...     "treat_n": [None, 165], "control_events": [None, 22], "control_n": [None, 176]})
    >>> log_odds_ratio(d)[["log_or", "var_log_or"]].round(4).values.tolist()
    [[0.239, 0.0041], [0.2231, 0.0991]]
    """
    out = df.copy()
    ci = out["effect_measure"].eq("odds ratio")
    out.loc[ci, "log_or"] = np.log(out.loc[ci, "effect_value"].astype(float))
    se = (
        np.log(out.loc[ci, "effect_ci_high"].astype(float))
        - np.log(out.loc[ci, "effect_ci_low"].astype(float))
    ) / (2 * 1.959964)
    out.loc[ci, "var_log_or"] = se**2
    ct = out["effect_measure"].eq("return counts")
    a, n1 = out.loc[ct, "treat_events"].astype(float), out.loc[ct, "treat_n"].astype(float)
    c, n0 = out.loc[ct, "control_events"].astype(float), out.loc[ct, "control_n"].astype(float)
    out.loc[ct, "log_or"] = np.log(a * (n0 - c) / ((n1 - a) * c))
    out.loc[ct, "var_log_or"] = 1 / a + 1 / (n1 - a) + 1 / c + 1 / (n0 - c)
    return out


def pool(df: pd.DataFrame, outcome: str) -> dict:
    """Random-effects (DerSimonian-Laird) pooled odds ratio over poolable rows of ``outcome``,
    or the reason it is not pooled."""
    d = log_odds_ratio(df[(df["outcome"] == outcome) & df["is_poolable"]])
    d = d.dropna(subset=["log_or", "var_log_or"])
    if len(d) < 2:
        return {
            "outcome": outcome,
            "pooled": False,
            "k": len(d),
            "reason": f"{len(d)} comparable effect(s) with uncertainty; pooling needs at least 2",
        }
    res = combine_effects(d["log_or"].to_numpy(), d["var_log_or"].to_numpy(), method_re="dl")
    sf = res.summary_frame()
    row = sf.loc["random effect"]
    return {
        "outcome": outcome,
        "pooled": True,
        "k": len(d),
        "or": float(np.exp(row["eff"])),
        "ci_low": float(np.exp(row["ci_low"])),
        "ci_high": float(np.exp(row["ci_upp"])),
        "i2": float(res.i2),
        "studies": d["study_id"].tolist(),
    }


def evidence_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Rows by outcome and direction (the evidence map in numbers)."""
    return df.pivot_table(
        index="outcome",
        columns="finding_direction",
        values="study_id",
        aggfunc="count",
        fill_value=0,
    )
