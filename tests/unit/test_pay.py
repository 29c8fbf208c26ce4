"""Curated pay data, its normalisation, and the two HTML scrapers."""

import re

import numpy as np
import pandas as pd
import pytest

from ailabor import config
from ailabor.clean.minwage import floor_in_force
from ailabor.clean.pay_normalise import hours_for_unit, to_usd
from ailabor.errors import ParseError
from ailabor.schemas.vocabularies import (
    CURRENCIES,
    PAY_BASES,
    PAY_UNITS,
    SOURCE_TYPES,
    VERIFICATION_LEVELS,
)
from ailabor.sources.dol_minwage import parse_cell, parse_dol_minwage
from ailabor.sources.mturk_hitslist import parse_hitslist
from ailabor.tables.pay import normalise, us_federal_minimum
from tests.conftest import HTML_DIR, REPO_ROOT, needs_html

FACTS = REPO_ROOT.parent / "shared" / "facts" / "published_pay_figures.csv"


@pytest.fixture(scope="module")
def curated():
    return pd.read_csv(
        config.curated_dir() / "pay_observations.csv", dtype=str, keep_default_na=False
    )


def test_every_curated_row_has_a_source_and_a_verification_level(curated):
    assert len(curated) > 0
    assert curated["obs_id"].is_unique
    for col in ("source_title", "publisher", "fact_id", "verification", "source_type"):
        assert curated[col].str.strip().ne("").all(), col
    # A row without a URL must be a seed document named in the fact sheet, and say how it was seen.
    no_url = curated["url"].eq("")
    assert curated.loc[no_url, "fact_id"].str.startswith("seed_").all()
    assert curated.loc[no_url, "quote"].ne("").all()
    assert curated["verification"].isin(VERIFICATION_LEVELS).all()
    assert curated["source_type"].isin(SOURCE_TYPES).all()


def test_units_currencies_and_bases_are_from_closed_lists(curated):
    assert curated["currency"].isin(CURRENCIES).all()
    assert curated["unit"].isin(PAY_UNITS).all()
    assert curated["basis"].isin(PAY_BASES).all()
    assert curated["country_iso3"].str.fullmatch(r"[A-Z]{3}|GLOBAL|MULTI").all()
    values = pd.concat([curated["value_low"], curated["value_high"]])
    assert values[values != ""].map(lambda v: re.fullmatch(r"\d+(\.\d+)?", v) is not None).all()


def test_seed_figures_keep_their_own_verification(curated):
    c = curated.set_index("obs_id")
    assert c.loc["sama_kenya_take_home", "source_type"] == "investigative journalism"
    assert c.loc["seed_opinion_dollar_an_hour", "source_type"] == "opinion piece"
    assert c.loc["seed_opinion_dollar_an_hour", "is_approximate"] == "true"
    for oid in ("seed_airtm_expert_hourly", "seed_airtm_entry_hourly"):
        assert c.loc[oid, "verification"] == "self-reported"


@pytest.mark.skipif(not FACTS.is_file(), reason="shared/facts not beside the checkout")
def test_every_value_appears_verbatim_in_its_fact_row(curated):
    facts = pd.read_csv(FACTS, dtype=str, keep_default_na=False).set_index("id")
    for r in curated.itertuples():
        text = " ".join(
            facts.loc[f, "value"] + " " + facts.loc[f, "unit"] for f in r.fact_id.split(";")
        )
        for v in (r.value_low, r.value_high):
            if v:
                assert re.search(rf"(?<![\d.]){re.escape(v)}(?!\d)", text), (r.obs_id, v, text)


def test_hours_conventions():
    assert hours_for_unit("day", None) == (8.0, "convention: 8 h per day")
    assert hours_for_unit("day", 10.0)[0] == 10.0
    assert hours_for_unit("month", None)[0] == pytest.approx(173.3333, abs=1e-4)


CY = pd.DataFrame(
    {
        "country_iso3": ["KEN", "KEN", "GBR", "USA"],
        "year": [2022, 2024, 2023, 2023],
        "fx_lcu_per_usd": [117.87, 134.82, 0.8043, 1.0],
        "ppp_lcu_per_intl_usd": [40.0, 43.27, 0.66, 1.0],
        "min_wage_hourly_usd": [np.nan, 0.686, np.nan, 7.25],
        "min_wage_hourly_ppp_usd": [np.nan, 2.14, np.nan, 7.25],
        "min_wage_status": ["not in ILOSTAT", "statutory", "not in ILOSTAT", "statutory"],
        "is_min_wage_suspect": [pd.NA, False, pd.NA, False],
        "avg_earnings_hourly_ppp_usd": [np.nan, np.nan, np.nan, np.nan],
    }
)
CY["fx_year_used"] = CY["year"]


def _obs(**kw):
    base = dict(
        obs_id="x",
        value_low=np.nan,
        value_high=np.nan,
        currency="USD",
        unit="hour",
        hours_per_unit_stated=np.nan,
        country_iso3="KEN",
        year=2022,
        paid_to="worker",
    )
    base.update(kw)
    return pd.DataFrame([base])


def test_per_day_to_per_hour_uses_stated_hours():
    out = normalise(
        _obs(value_low=400.0, unit="day", hours_per_unit_stated=10.0, year=2024),
        CY,
        us_federal_minimum(None),
    )
    assert out["hourly_pay_low_usd"].item() == 40.0
    assert out["hours_convention"].item() == "stated by source: 10 h per day"


def test_gbp_to_usd_at_the_same_years_rate():
    usd, fx_year, note = to_usd(6.0, "GBP", 2023, CY)
    assert usd == pytest.approx(6.0 / 0.8043) and fx_year == 2023 and note == "same year"


def test_kes_per_month_to_usd_per_hour_and_minimum_wage_ratio():
    out = normalise(
        _obs(value_low=26600.0, currency="KES", unit="month", year=2024),
        CY,
        us_federal_minimum(None),
    ).iloc[0]
    hourly_kes = 26600.0 / (40 * 52 / 12)
    assert out["hourly_pay_low_usd"] == pytest.approx(hourly_kes / 134.82)
    assert out["hourly_pay_low_ppp_usd"] == pytest.approx(hourly_kes / 43.27)
    assert out["ratio_low_to_min_wage"] == pytest.approx(out["hourly_pay_low_usd"] / 0.686)
    assert out["min_wage_year_used"] == 2024


def test_usd_figure_in_a_country_gets_ppp_through_local_currency():
    out = normalise(
        _obs(value_low=1.32, value_high=2.0, year=2022), CY, us_federal_minimum(None)
    ).iloc[0]
    assert out["hourly_pay_low_ppp_usd"] == pytest.approx(1.32 * 117.87 / 40.0)
    # The minimum wage exists only for 2024, a LATER year: never used; the row says why.
    assert pd.isna(out["min_wage_year_used"]) and np.isnan(out["ratio_high_to_min_wage"])
    assert "in 2022 or up to 3 years before" in out["context_note"]


def test_a_floor_from_an_earlier_year_is_used_with_its_lag():
    out = normalise(_obs(value_low=1.0, value_high=2.0, year=2026), CY, us_federal_minimum(None))
    r = out.iloc[0]
    assert r["min_wage_year_used"] == 2024 and r["min_wage_lag_years"] == 2
    assert r["min_wage_fx_year_used"] == 2024
    assert r["ratio_high_to_min_wage"] == pytest.approx(2.0 / 0.686)
    assert r["is_below_min_wage"] is False or r["is_below_min_wage"] == False  # noqa: E712


def test_client_billing_rate_gets_no_ratio():
    out = normalise(
        _obs(value_low=12.5, year=2024, paid_to="vendor"), CY, us_federal_minimum(None)
    ).iloc[0]
    assert np.isnan(out["ratio_low_to_min_wage"]) and pd.isna(out["is_below_min_wage"])
    assert "client billing rate" in out["context_note"]


def test_missing_context_is_na_with_a_reason():
    out = normalise(
        _obs(value_low=5.0, country_iso3="GLOBAL", year=2023), CY, us_federal_minimum(None)
    ).iloc[0]
    assert np.isnan(out["hourly_pay_low_ppp_usd"]) and np.isnan(out["ratio_low_to_min_wage"])
    assert "no fx_lcu_per_usd for GLOBAL" in out["context_note"]
    no_cy = normalise(_obs(value_low=5.0, currency="KES"), None, us_federal_minimum(None)).iloc[0]
    assert (
        np.isnan(no_cy["hourly_pay_low_usd"]) and "country_year not built" in no_cy["context_note"]
    )


def test_floor_in_force_skips_flagged_minimum_wages():
    cy = pd.DataFrame({"country_iso3": ["HKG"], "year": [2024], "x": [0.03], "flag": [True]})
    v, year, lag, note = floor_in_force(cy, "HKG", 2024, "x", flag_column="flag")
    assert np.isnan(v) and year is None and lag is None


# --- scrapers -----------------------------------------------------------------------
@needs_html
def test_mturk_pages_of_both_years_parse():
    old = parse_hitslist(HTML_DIR / "mturk-hitslist" / "hitslist.html")
    new = parse_hitslist(HTML_DIR / "mturk-hitslist" / "hitslist_new.html")
    assert len(old) == len(new) == 10
    first = old.iloc[0]
    assert (first["reward_usd"], first["time_allotted_s"], first["hits_available"]) == (
        0.01,
        1800.0,
        27894,
    )
    assert first["reward_per_allotted_hour_usd_floor"] == pytest.approx(0.02)
    assert old["page_served_at"].iloc[0] == pd.Timestamp("2010-11-12 03:12")
    assert old["hits_available_site_wide"].iloc[0] == 99367
    # 2011 markup wraps the reward in <span class="reward">.
    assert new["reward_usd"].iloc[0] == 0.15
    assert (
        new.loc[new["title"].str.startswith("Draw bounding boxes"), "task_type"].item()
        == "image annotation"
    )
    assert new["hits_available_site_wide"].iloc[0] == 180436


@needs_html
def test_mturk_markup_drift_fails_naming_the_field(tmp_path):
    html = (HTML_DIR / "mturk-hitslist" / "hitslist_new.html").read_text(
        encoding="utf-8", errors="replace"
    )
    drifted = tmp_path / "drift.html"
    drifted.write_text(html.replace("Reward:&nbsp;", "Payment:&nbsp;", 1), encoding="utf-8")
    with pytest.raises(ParseError, match=r"drift.html: capsule 0 .*field 'Reward' missing"):
        parse_hitslist(drifted)
    bad_value = tmp_path / "bad.html"
    bad_value.write_text(
        html.replace(
            '<span class="reward">$0.15</span>', '<span class="reward">15 cents</span>', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="field 'Reward' value '15 cents'"):
        parse_hitslist(bad_value)


def test_mturk_not_a_listing_page(tmp_path):
    p = tmp_path / "login.html"
    p.write_text("<html><body><form>Sign in</form></body></html>")
    with pytest.raises(ParseError, match="no HIT titles"):
        parse_hitslist(p)


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("$1.15 & $1.60", (1.15, 1.60, "dual", "hour", None)),
        ("9.50/10.50", (9.50, 10.50, "dual", "hour", None)),
        ("2.00-7.25(g)", (2.00, 7.25, "range", "hour", "g")),
        ("5.08 – 7.25 (i2)", (5.08, 7.25, "range", "hour", "i2")),
        ("17.00 - 20.00/wk", (17.0, 20.0, "range", "week", None)),
        ("1.25/day(b)", (1.25, 1.25, "single", "day", "b")),
        ("4.25[c]", (4.25, 4.25, "single", "hour", "c")),
        ("5.15 [c]", (5.15, 5.15, "single", "hour", "c")),
        ("4.65(g, j)", (4.65, 4.65, "single", "hour", "g,j")),
        (".65 - .75(b)", (0.65, 0.75, "range", "hour", "b")),
        ("$12.00", (12.0, 12.0, "single", "hour", None)),
    ],
)
def test_dol_cells(cell, expected):
    c = parse_cell(cell)
    assert (c["rate_low"], c["rate_high"], c["rate_kind"], c["unit"], c["footnotes"]) == expected


def test_dol_placeholders_typos_and_unparseable():
    assert parse_cell("...")["placeholder"] == "not applicable"
    assert parse_cell("NA")["placeholder"] == "not available"
    t = parse_cell("1.25`")
    assert t["rate_low"] == 1.25 and t["typo_fixed"] and t["cell_text"] == "1.25`"
    with pytest.raises(ValueError, match="not understood"):
        parse_cell("varies by county")


def test_dol_unparseable_cell_is_reported_not_dropped(tmp_path):
    page = tmp_path / "dol.html"
    page.write_text(
        '<table class="minwage"><thead><tr><th>State or other<br/>jurisdiction</th><th>2023</th><th>2024</th></tr></thead>'
        '<tbody><tr class="federal"><td>Federal (FLSA)</td><td>$7.25</td><td><strong>$7.25</strong></td></tr>'
        "<tr><td>Atlantis</td><td>varies</td><td>8.00</td></tr></tbody></table>"
    )
    rows, problems = parse_dol_minwage(page)
    assert len(rows) == 3
    assert problems == [
        {
            "table": 1,
            "row": 2,
            "jurisdiction": "Atlantis",
            "year": 2023,
            "problem": "cell 'varies' not understood",
        }
    ]
    assert rows.loc[rows["year"] == 2024, "is_increase"].tolist() == [True, False]


@needs_html
def test_dol_whole_page():
    rows, problems = parse_dol_minwage(HTML_DIR / "dol-state-minwage-history" / "raw_data.html")
    assert problems == []
    assert rows["jurisdiction"].nunique() == 55 and rows["year"].nunique() == 39
    assert len(rows) == 55 * 39
    fed = rows[rows["is_federal"]].set_index("year")
    assert fed.loc[2024, "rate_low"] == 7.25 and fed.loc[1968, "rate_kind"] == "dual"
    az = rows[(rows["jurisdiction"] == "Arizona") & (rows["year"] == 1968)].iloc[0]
    assert (az["rate_low"], az["rate_high"], az["unit"], az["footnotes"]) == (
        18.72,
        26.40,
        "week",
        "b",
    )
    fl = rows[(rows["jurisdiction"] == "Florida") & (rows["year"] == 1981)].iloc[0]
    assert fl["is_suspect"] and fl["is_increase"]
    assert rows["typo_fixed"].sum() >= 2
    assert set(rows.loc[rows["rate_kind"] == "placeholder", "placeholder"]) == {
        "not applicable",
        "not available",
    }
