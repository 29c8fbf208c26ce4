"""The two headline comparisons of the pay data, as text (``ailabor pay-summary``)."""

from __future__ import annotations

import pandas as pd

from ailabor import catalog


def us_federal_minimum_for(year: int, dol: pd.DataFrame) -> tuple[float, int]:
    """The federal (FLSA) hourly minimum in force in ``year`` (latest DOL year <= year)."""
    f = dol[dol["is_federal"].astype(bool) & (dol["rate_kind"] == "single") & (dol["year"] <= year)]
    row = f.sort_values("year").iloc[-1]
    return float(row["min_wage_high"]), int(row["year"])


def summary_lines() -> list[str]:
    pay = catalog.load("pay_observations").set_index("obs_id")
    dol = catalog.load("us_state_min_wage")
    lines = []
    s = pay.loc["sama_kenya_take_home"]
    lines.append(
        f"Sama (for OpenAI), Kenya, {s['period']}: take-home ${s['hourly_pay_low_usd']:.2f}-${s['hourly_pay_high_usd']:.2f} an hour "
        f"({s['verification']}; {s['publisher']}) = {s['ratio_low_to_min_wage']:.2f}x to {s['ratio_high_to_min_wage']:.2f}x "
        f"Kenya's hourly minimum wage (${s['min_wage_hourly_usd']:.3f}/h, {s['min_wage_source']} {s['min_wage_year_used']}); "
        f"in PPP: ${s['hourly_pay_low_ppp_usd']:.2f}-${s['hourly_pay_high_ppp_usd']:.2f} international $ an hour."
    )
    h = pay.loc["hara_mturk_median"]
    fed, fed_year = us_federal_minimum_for(int(h["year"]), dol)
    lines.append(
        f"Hara et al., Amazon Mechanical Turk, {h['period']}: median ${h['hourly_pay_low_usd']:.2f} an hour "
        f"({h['verification']}) = {h['hourly_pay_low_usd'] / fed:.2f}x the US federal minimum of ${fed:.2f} "
        f"(DOL, in force in {fed_year}); workers were mostly, not only, in the US."
    )
    return lines
