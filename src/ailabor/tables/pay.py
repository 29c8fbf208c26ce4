"""Build ``pay_observations``, ``platforms`` and ``platform_scores`` from the curated tables,
normalised against ``country_year`` (and the US federal minimum from DOL) where those exist."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor import config, storage
from ailabor.clean.pay_normalise import hours_for_unit, nearest_context, to_usd

PRODUCES = ("pay_observations", "platforms", "platform_scores")


def _load_context(name: str) -> pd.DataFrame | None:
    """A context table when it has been built (its declaration lists it under ``uses``)."""
    return storage.read_table(name) if storage.table_paths(name)["parquet"].exists() else None


def us_federal_minimum(dol: pd.DataFrame | None) -> pd.DataFrame:
    """Federal (FLSA) hourly minimum by year from the DOL table (single rates only)."""
    if dol is None:
        return pd.DataFrame(
            columns=["country_iso3", "year", "min_wage_hourly_usd", "is_min_wage_suspect"]
        )
    f = dol[
        dol["is_federal"].astype(bool) & (dol["rate_kind"] == "single") & (dol["unit"] == "hour")
    ]
    return pd.DataFrame(
        {
            "country_iso3": "USA",
            "year": f["year"].astype(int),
            "min_wage_hourly_usd": f["min_wage_high"],
            "is_min_wage_suspect": False,
        }
    )


def normalise(obs: pd.DataFrame, cy: pd.DataFrame | None, federal: pd.DataFrame) -> pd.DataFrame:
    """Hourly US$ and PPP $ for each observation, with ratios to the local hourly minimum
    wage and to average hourly earnings; every NA carries its reason in ``context_note``."""
    out = []
    for r in obs.to_dict("records"):
        notes = []
        hours, convention = hours_for_unit(r["unit"], r["hours_per_unit_stated"])
        res = {"hours_per_unit_used": hours, "hours_convention": convention}
        vals = {}
        for side in ("low", "high"):
            v = r[f"value_{side}"]
            if pd.isna(v) or hours is None:
                vals[side] = np.nan
                continue
            hourly = float(v) / hours
            if cy is None:
                usd, fx_year, note = (
                    (hourly, None, "already US$")
                    if r["currency"] == "USD"
                    else (np.nan, None, "country_year not built")
                )
            else:
                usd, fx_year, note = to_usd(hourly, r["currency"], int(r["year"]), cy)
            vals[side] = usd
            res["fx_year_used"] = fx_year
            if np.isnan(usd):
                notes.append(f"US$: {note}")
        res["hourly_pay_low_usd"], res["hourly_pay_high_usd"] = vals["low"], vals["high"]
        iso3, year = r["country_iso3"], int(r["year"])
        # PPP: US$ -> local currency at the official rate -> international $ at the PPP factor.
        if cy is None:
            fx = ppp = np.nan
            ppp_note = "country_year not built"
            ppp_year = None
        else:
            fx, _, fx_note = nearest_context(cy, iso3, year, "fx_lcu_per_usd")
            ppp, ppp_year, ppp_note = nearest_context(cy, iso3, year, "ppp_lcu_per_intl_usd")
            if np.isnan(fx):
                ppp_note = fx_note
        res["ppp_year_used"] = ppp_year
        for side in ("low", "high"):
            res[f"hourly_pay_{side}_ppp_usd"] = (
                vals[side] * fx / ppp if not np.isnan(ppp) else np.nan
            )
        if np.isnan(ppp):
            notes.append(f"PPP: {ppp_note}")
        # Local hourly minimum wage (US: federal minimum from DOL when built).
        if iso3 == "USA" and not federal.empty:
            mw, mw_year, mw_note = nearest_context(federal, "USA", year, "min_wage_hourly_usd")
            mw_source = "US DOL federal (FLSA)"
        elif cy is not None:
            mw, mw_year, mw_note = nearest_context(
                cy, iso3, year, "min_wage_hourly_usd", flag_column="is_min_wage_suspect"
            )
            mw_source = "ILOSTAT statutory"
        else:
            mw, mw_year, mw_note, mw_source = np.nan, None, "country_year not built", None
        res.update(
            min_wage_hourly_usd=mw,
            min_wage_year_used=mw_year,
            min_wage_source=mw_source if mw_year else None,
        )
        for side in ("low", "high"):
            res[f"ratio_{side}_to_min_wage"] = vals[side] / mw if not np.isnan(mw) else np.nan
        if np.isnan(mw):
            notes.append(f"minimum wage: {mw_note}")
        if cy is not None:
            earn, earn_year, earn_note = nearest_context(
                cy, iso3, year, "avg_earnings_hourly_ppp_usd"
            )
        else:
            earn, earn_year, earn_note = np.nan, None, "country_year not built"
        res["avg_earnings_hourly_ppp_usd"] = earn
        res["avg_earnings_year_used"] = earn_year
        for side in ("low", "high"):
            res[f"ratio_{side}_to_avg_earnings"] = (
                res[f"hourly_pay_{side}_ppp_usd"] / earn if not np.isnan(earn) else np.nan
            )
        if np.isnan(earn):
            notes.append(f"average earnings: {earn_note}")
        res["context_note"] = "; ".join(notes) if notes else None
        out.append({**r, **res})
    return pd.DataFrame(out)


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
    report = {
        "pay_observations": {
            "rows": len(pay),
            "with_context_gaps": int(pay["context_note"].notna().sum()),
            "country_year_used": cy is not None,
            "dol_federal_used": not federal.empty,
        }
    }
    return {"pay_observations": pay, "platforms": platforms, "platform_scores": scores}, report
