"""The ZenCrowd US-India error gap, set beside the two countries' pay context.

Same 2,040 tasks, labelled by MTurk workers located in the US and in India
(Demartini et al., 2012). Pay is not in the data, so this is a comparison of
countries, not an estimate of a pay effect.
"""

from __future__ import annotations

import warnings

import pandas as pd
import statsmodels.api as sm

from ailabor.clean.minwage import floor_in_force
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
    per_worker = per_worker_errors(d)
    # The gap between worker means, each worker counted once (Welch normal interval).
    w_err = (
        (d["label"] != d["true_label"]).astype(float).groupby([d["dataset"], d["worker"]]).mean()
    )
    us, ind = w_err.loc["zencrowd_us"], w_err.loc["zencrowd_in"]
    wg = float(ind.mean() - us.mean())
    wse = float((us.var(ddof=1) / len(us) + ind.var(ddof=1) / len(ind)) ** 0.5)
    for tag, x in (("us", us), ("in", ind)):
        se = float(x.std(ddof=1) / len(x) ** 0.5)
        per_worker[f"worker_mean_error_{tag}_ci_low"] = float(x.mean()) - Z * se
        per_worker[f"worker_mean_error_{tag}_ci_high"] = float(x.mean()) + Z * se
    per_worker.update(
        worker_gap_pp=100 * wg,
        worker_gap_ci_low_pp=100 * (wg - Z * wse),
        worker_gap_ci_high_pp=100 * (wg + Z * wse),
    )
    top = d.groupby(["dataset", "worker"]).size().sort_values(ascending=False)
    return {
        **per_worker,
        "top_worker_dataset": str(top.index[0][0]),
        "top_worker_labels": int(top.iloc[0]),
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


def per_worker_errors(d: pd.DataFrame) -> dict:
    """Mean over workers of each worker's error rate, by location, so that a prolific worker
    counts once (the per-label error weights workers by how many labels they gave).

    >>> d = pd.DataFrame({"dataset": ["zencrowd_us"] * 3 + ["zencrowd_in"],
    ...     "worker": ["a", "a", "b", "c"], "label": [1, 1, 0, 0], "true_label": [1, 1, 1, 1]})
    >>> per_worker_errors(d)
    {'worker_mean_error_us': 0.5, 'worker_mean_error_in': 1.0}
    """
    wrong = (d["label"] != d["true_label"]).astype(float)
    per = wrong.groupby([d["dataset"], d["worker"]]).mean().groupby(level=0).mean()
    return {
        "worker_mean_error_us": float(per.get("zencrowd_us", float("nan"))),
        "worker_mean_error_in": float(per.get("zencrowd_in", float("nan"))),
    }


# ZenCrowd's judgements were collected for Demartini et al. (WWW 2012): c. 2011.
DATA_YEAR = 2011


def country_context(
    country_year: pd.DataFrame, countries=("USA", "IND"), year: int = DATA_YEAR
) -> pd.DataFrame:
    """Hourly minimum wage (US$ and PPP $) in force in ``year`` (that year, else the nearest
    earlier within MAX_FLOOR_LAG_YEARS, never later) and GDP per capita PPP of the same year."""
    rows = []
    for iso3 in countries:
        mw, mw_year, lag, note = floor_in_force(
            country_year, iso3, year, "min_wage_hourly_usd", flag_column="is_min_wage_suspect"
        )
        r = country_year[(country_year["country_iso3"] == iso3)]
        at = r[r["year"] == mw_year].iloc[0] if mw_year is not None else None
        gdp = r.loc[r["year"] == year, "gdp_pc_ppp_usd"]
        rows.append(
            {
                "country_iso3": iso3,
                "country_name": r["country_name"].iloc[0],
                "data_year": year,
                "year": mw_year,
                "min_wage_lag_years": lag,
                "min_wage_hourly_usd": mw,
                "min_wage_hourly_ppp_usd": at["min_wage_hourly_ppp_usd"]
                if at is not None
                else None,
                "min_wage_status": at["min_wage_status"] if at is not None else None,
                "fx_year_used": at["fx_year_used"] if at is not None else None,
                "ppp_year_used": at["ppp_year_used"] if at is not None else None,
                "gdp_year": year,
                "gdp_pc_ppp_usd": float(gdp.iloc[0]) if len(gdp) else None,
                "note": note,
            }
        )
    return pd.DataFrame(rows)
