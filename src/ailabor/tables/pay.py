"""Build ``pay_observations``, ``platforms`` and ``platform_scores`` from the curated tables,
normalised against ``country_year`` (and the US federal minimum from DOL) where those exist."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor import config, storage
from ailabor.clean.minwage import MAX_FLOOR_LAG_YEARS, floor_in_force, us_federal_minimum
from ailabor.clean.pay_normalise import CURRENCY_COUNTRY, below_floor, hours_for_unit

PRODUCES = ("pay_observations", "platforms", "platform_scores")
# Ratios use the floor in force: the pay figure's year, else the nearest earlier year within
# MAX_FLOOR_LAG_YEARS (ailabor.clean.minwage.floor_in_force), never a later year.


def _load_context(name: str) -> pd.DataFrame | None:
    """A context table when it has been built (its declaration lists it under ``uses``)."""
    return storage.read_table(name) if storage.table_paths(name)["parquet"].exists() else None


def _lookup(cy, iso3, year, column, flag_column=None):
    if cy is None:
        return np.nan, None, None, "country_year not built"
    return floor_in_force(cy, iso3, year, column, MAX_FLOOR_LAG_YEARS, flag_column)


def normalise(obs: pd.DataFrame, cy: pd.DataFrame | None, federal: pd.DataFrame) -> pd.DataFrame:
    """Hourly US$ and PPP $ for each observation, with ratios to the hourly minimum wage
    and to average earnings IN FORCE in the observation's year (that year, else the nearest
    earlier year within MAX_FLOOR_LAG_YEARS; never a later year). The years used and the lags
    are in the row; every NA carries its reason in ``context_note``."""
    out = []
    for r in obs.to_dict("records"):
        notes = []
        hours, convention = hours_for_unit(r["unit"], r["hours_per_unit_stated"])
        res = {"hours_per_unit_used": hours, "hours_convention": convention}
        iso3, year = r["country_iso3"], int(r["year"])
        # Exchange rate of the pay figure's currency, in force in its year.
        if r["currency"] == "USD":
            fx_pay, fx_year, fx_note = 1.0, None, "already US$"
        elif (fx_iso3 := CURRENCY_COUNTRY.get(r["currency"])) is None:
            fx_pay, fx_year, fx_note = np.nan, None, f"no exchange-rate country for {r['currency']}"
        else:
            fx_pay, fx_year, _lag, fx_note = _lookup(cy, fx_iso3, year, "fx_lcu_per_usd")
        res["fx_year_used"] = fx_year
        vals = {}
        for side in ("low", "high"):
            v = r[f"value_{side}"]
            vals[side] = float(v) / hours / fx_pay if pd.notna(v) and hours is not None else np.nan
        if np.isnan(fx_pay):
            notes.append(f"US$: {fx_note}")
        res["hourly_pay_low_usd"], res["hourly_pay_high_usd"] = vals["low"], vals["high"]
        # PPP: US$ -> local currency at the official rate -> international $ at the PPP factor,
        # both in force in the pay figure's year.
        fx, _, _, fx_note = _lookup(cy, iso3, year, "fx_lcu_per_usd")
        ppp, ppp_year, _, ppp_note = _lookup(cy, iso3, year, "ppp_lcu_per_intl_usd")
        if np.isnan(fx):
            ppp_note = fx_note
        res["ppp_year_used"] = ppp_year
        for side in ("low", "high"):
            res[f"hourly_pay_{side}_ppp_usd"] = (
                vals[side] * fx / ppp if not (np.isnan(ppp) or np.isnan(fx)) else np.nan
            )
        if np.isnan(ppp) or np.isnan(fx):
            notes.append(f"PPP: {ppp_note}")
        # The hourly minimum wage in force (US: the federal minimum from DOL when built).
        mw_ppp, mw_fx_year = np.nan, None
        if iso3 == "USA" and not federal.empty:
            mw, mw_year, mw_lag, mw_note = floor_in_force(
                federal, "USA", year, "min_wage_hourly_usd", max_lag=200
            )
            mw_source = "US DOL federal (FLSA)"
            mw_ppp = mw
        else:
            mw, mw_year, mw_lag, mw_note = _lookup(
                cy, iso3, year, "min_wage_hourly_usd", flag_column="is_min_wage_suspect"
            )
            mw_source = "ILOSTAT statutory" if cy is not None else None
            if mw_year is not None:
                row = cy[(cy["country_iso3"] == iso3) & (cy["year"] == mw_year)].iloc[0]
                mw_ppp, mw_fx_year = row["min_wage_hourly_ppp_usd"], row["fx_year_used"]
                if row["min_wage_status"] == "national floor level":
                    mw_source = "ILOSTAT national floor level (non-binding)"
        res.update(
            min_wage_hourly_usd=mw,
            min_wage_hourly_ppp_usd=mw_ppp,
            min_wage_year_used=mw_year,
            min_wage_lag_years=mw_lag,
            min_wage_fx_year_used=mw_fx_year,
            min_wage_source=mw_source if mw_year else None,
        )
        is_pay = r["paid_to"] == "worker"  # a client's billing rate is not pay: no ratios
        for side in ("low", "high"):
            res[f"ratio_{side}_to_min_wage"] = (
                vals[side] / mw if is_pay and not np.isnan(mw) else np.nan
            )
        res["is_below_min_wage"] = below_floor(vals["low"], vals["high"], mw) if is_pay else pd.NA
        if not is_pay:
            notes.append("client billing rate (paid to a vendor): not pay, no ratios")
        if np.isnan(mw):
            notes.append(f"minimum wage: {mw_note}")
        earn, earn_year, earn_lag, earn_note = _lookup(
            cy, iso3, year, "avg_earnings_hourly_ppp_usd"
        )
        res["avg_earnings_hourly_ppp_usd"] = earn
        res["avg_earnings_year_used"] = earn_year
        res["avg_earnings_lag_years"] = earn_lag
        for side in ("low", "high"):
            res[f"ratio_{side}_to_avg_earnings"] = (
                res[f"hourly_pay_{side}_ppp_usd"] / earn
                if is_pay and not np.isnan(earn)
                else np.nan
            )
        if np.isnan(earn):
            notes.append(f"average earnings: {earn_note}")
        res["context_note"] = "; ".join(notes) if notes else None
        out.append({**r, **res})
    return pd.DataFrame(out)


def worker_pay(pay: pd.DataFrame) -> pd.DataFrame:
    """Worker pay only (no client billing rates), one row per observation group (the same
    worker's or report's pay in two units counts once: the first row, hourly units first).

    >>> pay = pd.DataFrame({"obs_id": ["a", "b", "c"], "observation_group": ["g", "g", "c"],
    ...     "paid_to": ["worker", "worker", "vendor"], "unit": ["day", "hour", "hour"]})
    >>> worker_pay(pay)["obs_id"].tolist()
    ['b']
    """
    d = pay[pay["paid_to"] == "worker"].copy()
    d["_hourly_first"] = (d["unit"] != "hour").astype(int)
    d = d.sort_values(["observation_group", "_hourly_first"], kind="stable")
    d = d.drop_duplicates("observation_group").drop(columns="_hourly_first")
    return d.sort_index()


def build() -> tuple[dict[str, pd.DataFrame], dict]:
    # Load inputs.
    cur = config.curated_dir()
    obs = pd.read_csv(cur / "pay_observations.csv", dtype=str, keep_default_na=False)
    platforms = pd.read_csv(cur / "platforms.csv", dtype=str, keep_default_na=False)
    scores = pd.read_csv(cur / "platform_scores.csv", dtype=str, keep_default_na=False)
    cy = _load_context("country_year")
    federal = us_federal_minimum(_load_context("us_state_min_wage"))

    # Process data.
    obs = obs.replace("", np.nan)
    for c in ("value_low", "value_high", "hours_per_unit_stated"):
        obs[c] = pd.to_numeric(obs[c])
    obs["year"] = obs["year"].astype(int)
    obs["is_approximate"] = obs["is_approximate"].eq("true")
    pay = normalise(obs, cy, federal)
    platforms = platforms.replace("", np.nan)
    platforms["hq_country_iso3"] = pd.NA  # not sourced yet: left empty rather than guessed
    platforms["founding_year"] = pd.NA
    scores["year"] = scores["year"].astype(int)
    scores["fairwork_score"] = scores["fairwork_score"].astype(int)
    scores["score_max"] = scores["score_max"].astype(int)
    later = pay["min_wage_year_used"].notna() & (pay["min_wage_year_used"] > pay["year"])
    if later.any():  # the floor in force can never come from a later year
        raise ValueError(f"floor from a later year: {pay.loc[later, 'obs_id'].tolist()}")
    report = {
        "pay_observations": {
            "rows": len(pay),
            "observation_groups": int(pay["observation_group"].nunique()),
            "worker_pay_observations": len(worker_pay(pay)),
            "with_context_gaps": int(pay["context_note"].notna().sum()),
            "country_year_used": cy is not None,
            "dol_federal_used": not federal.empty,
        }
    }
    return {"pay_observations": pay, "platforms": platforms, "platform_scores": scores}, report
