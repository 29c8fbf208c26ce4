"""The ZenCrowd US-India error gap, set beside the two countries' pay context.

Same 2,040 tasks, labelled by MTurk workers located in the US and in India
(Demartini et al., 2012). Pay is not in the data, so this is a comparison of
countries, not an estimate of a pay effect.
"""

from __future__ import annotations

import warnings

import pandas as pd
import statsmodels.api as sm

from ailabor.clean.minwage import latest_min_wage
from ailabor.models.inference import Z


def error_gap(annotations: pd.DataFrame) -> dict:
    """Label error against gold in India minus the US, with a 95% interval clustered by worker."""
    d = annotations[annotations["dataset"].isin(["zencrowd_us", "zencrowd_in"])]
    d = d[d["true_label"].notna()]
    wrong = (d["label"] != d["true_label"]).astype(float).to_numpy()
    india = (d["dataset"] == "zencrowd_in").astype(float).to_numpy()
    X = sm.add_constant(india)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = sm.OLS(wrong, X).fit(
            cov_type="cluster", cov_kwds={"groups": pd.factorize(d["worker"])[0]}
        )
    err = pd.Series(wrong).groupby(d["dataset"].to_numpy()).mean()
    workers = d.groupby("dataset")["worker"].nunique()
    b, se = float(res.params[1]), float(res.bse[1])
    return {
        "error_us": float(err["zencrowd_us"]),
        "error_in": float(err["zencrowd_in"]),
        "gap_pp": 100 * b,
        "gap_ci_low_pp": 100 * (b - Z * se),
        "gap_ci_high_pp": 100 * (b + Z * se),
        "workers_us": int(workers["zencrowd_us"]),
        "workers_in": int(workers["zencrowd_in"]),
        "labels_us": int((d["dataset"] == "zencrowd_us").sum()),
        "labels_in": int((d["dataset"] == "zencrowd_in").sum()),
    }


def country_context(country_year: pd.DataFrame, countries=("USA", "IND")) -> pd.DataFrame:
    """Latest unflagged hourly minimum wage (US$ and PPP $) and GDP per capita PPP."""
    d = latest_min_wage(country_year[country_year["country_iso3"].isin(countries)])
    out = d[
        [
            "country_iso3",
            "country_name",
            "year",
            "min_wage_hourly_usd",
            "min_wage_hourly_ppp_usd",
            "fx_year_used",
            "ppp_year_used",
            "gdp_year",
            "gdp_pc_ppp_latest",
        ]
    ]
    out = out.rename(columns={"gdp_pc_ppp_latest": "gdp_pc_ppp_usd"})
    return out.set_index("country_iso3").loc[list(countries)].reset_index()
