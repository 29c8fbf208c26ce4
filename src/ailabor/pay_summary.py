"""The two headline comparisons of the pay data, as text (``ailabor pay-summary``)."""

from __future__ import annotations

from ailabor import catalog
from ailabor.clean.minwage import us_federal_minimum_for


def summary_lines() -> list[str]:
    pay = catalog.load("pay_observations").set_index("obs_id")
    dol = catalog.load("us_state_min_wage")
    lines = []
    cy = catalog.load("country_year").set_index(["country_iso3", "year"])
    s = pay.loc["sama_kenya_take_home"].copy()
    s["_mw_lcu"] = cy.loc[("KEN", s["min_wage_year_used"]), "min_wage_monthly_lcu"]
    s["_fx"] = cy.loc[("KEN", s["min_wage_fx_year_used"]), "fx_lcu_per_usd"]
    lines.append(
        f"Sama (for OpenAI), Kenya, {s['period']}: take-home ${s['hourly_pay_low_usd']:.2f}-${s['hourly_pay_high_usd']:.2f} an hour "
        f"({s['verification']}; {s['publisher']}) = {s['ratio_low_to_min_wage']:.2f}x to {s['ratio_high_to_min_wage']:.2f}x "
        f"Kenya's hourly minimum wage in force in {s['year']} (${s['min_wage_hourly_usd']:.3f}/h: "
        f"{s['min_wage_source']} {s['min_wage_year_used']}, KES {s['_mw_lcu']:,.2f} a month at "
        f"{s['_fx']:.1f} KES/$ of {s['min_wage_fx_year_used']}); "
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
