"""MTurk Tracker survey: parsers, bands, and bounds on hourly earnings from two marginals."""

import numpy as np
import pandas as pd
import pytest

from ailabor.clean import mturk_bands as mb
from ailabor.errors import ParseError
from ailabor.sources import mturk_surveys as src
from ailabor.tables.mturk_surveys import band_table, earnings_by_year, partial_years


def test_band_parser_keeps_not_asked_rows_and_rejects_repeats(tmp_path):
    p = tmp_path / "inc.csv"
    p.write_text("y,v,n\n2016,,10\n2017,$1-$5 per week,3\n2017,Less than $1 per week,2\n")
    df = src.parse_band_counts(p)
    assert df["n_answers"].sum() == 15 and df["band"].isna().sum() == 1
    p.write_text("y,v,n\n2017,$1-$5 per week,3\n2017,$1-$5 per week,3\n")
    with pytest.raises(ParseError, match="row 3"):
        src.parse_band_counts(p)
    p.write_text("y,band,n\n2017,x,3\n")
    with pytest.raises(ParseError, match="missing columns"):
        src.parse_band_counts(p)


def test_return_parser_goes_long_and_drops_empty_cells(tmp_path):
    p = tmp_path / "ret.csv"
    p.write_text("gap,A,B\n2,0.2,0.3\n3,0.1,\n")
    df = src.parse_return(p)
    assert len(df) == 3 and df["share_seen_again"].sum() == pytest.approx(0.6)


def test_band_edges_of_every_survey_label():
    assert mb.band_edges("$200-$500 per week") == (200.0, 500.0)
    assert mb.band_edges("More than $500 per week") == (500.0, float("inf"))
    assert mb.band_edges("Less than 1 hour per week") == (0.0, 1.0)
    with pytest.raises(ValueError):
        mb.band_edges("a lot")


def _random_joint_check(seed):
    """Draw a joint distribution with known banded marginals; the true share below x must lie
    inside the assumption-free bounds, whatever the dependence."""
    rng = np.random.default_rng(seed)
    n = 4000
    hours = rng.choice([0.5, 1.5, 3, 6, 14, 30, 50], size=n)
    dep = rng.uniform(-1, 1)
    income = np.exp(0.8 * dep * np.log(hours) + rng.normal(2.5, 1.2, n))
    ie = [0, 1, 5, 10, 20, 50, 100, 200, 500, np.inf]
    he = [0, 1, 2, 4, 8, 20, 40, np.inf]
    ib = pd.cut(income, ie, right=False).value_counts().sort_index()
    hb = pd.cut(hours, he, right=False).value_counts().sort_index()
    ci = mb.cdf_at_edges(pd.Series(ie[:-1]), pd.Series(ie[1:]), pd.Series(ib.to_numpy()))
    ch = mb.cdf_at_edges(pd.Series(he[:-1]), pd.Series(he[1:]), pd.Series(hb.to_numpy()))
    for x in (0.5, 2.0, 7.25, 20.0):
        lo, hi = mb.share_below_bounds(ci, ch, x)
        true = float(np.mean(income / hours < x))
        assert lo - 1e-12 <= true <= hi + 1e-12, (seed, x, lo, true, hi)


@pytest.mark.parametrize("seed", range(8))
def test_bounds_contain_the_truth_for_random_joint_distributions(seed):
    _random_joint_check(seed)


def test_comonotone_estimate_lies_within_the_bounds():
    inc = pd.DataFrame({"low": [0.0, 10.0, 50.0], "high": [10.0, 50.0, np.inf], "n": [3, 5, 2]})
    hrs = pd.DataFrame({"low": [0.0, 4.0, 20.0], "high": [4.0, 20.0, np.inf], "n": [2, 6, 2]})
    ci = mb.cdf_at_edges(inc["low"], inc["high"], inc["n"])
    ch = mb.cdf_at_edges(hrs["low"], hrs["high"], hrs["n"])
    como = mb.comonotone_hourly(inc, hrs)
    for x in (1.0, 2.5, 7.25):
        lo, hi = mb.share_below_bounds(ci, ch, x)
        assert lo <= float((como < x).mean()) <= hi


def test_band_table_and_earnings_by_year_on_a_tiny_survey():
    inc = band_table(
        pd.DataFrame(
            {
                "year": [2016, 2017, 2017],
                "band": [None, "Less than $20 per week", "$20-$100 per week"],
                "n_answers": [9, 1, 3],
            }
        ),
        {2016},
    )
    hrs = band_table(
        pd.DataFrame(
            {
                "year": [2016, 2017, 2017],
                "band": [None, "1-2 hours per week", "2-4 hours per week"],
                "n_answers": [9, 2, 2],
            }
        ),
        {2016},
    )
    assert inc.loc[inc["band"] == "not asked", "n_answers"].item() == 9
    e = earnings_by_year(inc, hrs, {2016}).iloc[0]
    assert e["year"] == 2017 and e["share_weekly_income_under_20_usd"] == 0.25
    assert (
        e["share_hourly_below_2_lower"]
        <= e["share_hourly_below_2_comonotone"]
        <= e["share_hourly_below_2_upper"]
    )
    assert partial_years("2015-01-01", "2026-12-31") == set()
