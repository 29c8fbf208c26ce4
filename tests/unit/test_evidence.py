"""Evidence synthesis: curated study-level tables, pooling rule, figure and bibliography."""

import importlib.util
import json
import math

import numpy as np
import pandas as pd
import pytest

from ailabor import bibliography, config
from ailabor.figures.evidence import evidence_map
from ailabor.models.evidence import (
    DESIGN_CLASSES,
    PAY_CONTRASTS,
    STUDY_VERIFICATION,
    direction_counts,
    helped,
    is_randomised,
    load_findings,
    load_pay_experiments,
    load_studies,
    log_odds_ratio,
    pool,
)

FACTS = config.project_root().parent / "shared" / "facts" / "pay_experiments_evidence.csv"


def _curation():
    path = config.curated_dir() / "scripts" / "curate_pay_experiments.py"
    spec = importlib.util.spec_from_file_location("curate_pay_experiments", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_curated_evidence_rows_all_have_source_and_verification():
    ev = load_pay_experiments()
    assert len(ev) == 67
    assert ev["verification"].isin(["primary", "secondary", "self-reported", "unverified"]).all()
    assert (
        ev["finding_direction"]
        .isin(["positive", "negative", "null", "mixed", "not applicable"])
        .all()
    )
    # A row without a source URL must say it is unverified (recalled, no copy seen).
    assert (ev.loc[ev["source_url"].eq(""), "verification"] == "unverified").all()
    assert ev["outcome"].isin(["quality", "attrition", "participation", "effort", "speed"]).all()


def test_one_row_per_study_with_closed_codings():
    s = load_studies()
    assert s["study_key"].is_unique and len(s) == 42  # the fact sheet's NOTES count 42 studies
    assert s["design_class"].isin(DESIGN_CLASSES).all()
    assert s["pay_contrast"].isin(PAY_CONTRASTS).all()
    assert s["verification"].isin(STUDY_VERIFICATION).all()
    assert s["label"].is_unique and not s["label"].str.contains("_").any()
    assert s["fact_rows"].sum() == len(load_pay_experiments())
    assert is_randomised(s).sum() == 10


def test_findings_fold_restatements_and_flag_inferred_signs():
    f = load_findings().set_index(["study_key", "outcome"])
    # Litman: the company blog conflicts with the abstract; the abstract wins.
    assert f.loc[("litman_2015", "quality"), "finding_direction"] == "positive"
    assert "litman_2015_blog_characterisation" in f.loc[("litman_2015", "quality"), "folded_rows"]
    # Shaw: the co-author blog is folded into the study, not counted again.
    assert "shaw_2011_effect_size_blog" in f.loc[("shaw_2011", "quality"), "folded_rows"]
    # Auer: sign inferred, and marked so.
    assert f.loc[("auer_2021", "attrition"), "direction_inferred"]
    assert f["direction_inferred"].sum() == 4
    assert not f.index.duplicated().any()


def test_effects_are_transcribed_or_converted_from_reported_counts():
    f = load_findings().set_index(["study_key", "outcome"])
    g = f.loc[("goritz_2006", "attrition")]
    assert (g["effect_value"], g["effect_ci_low"], g["effect_ci_high"]) == (1.27, 1.12, 1.44)
    y = f.loc[("yu_2014", "attrition")]
    assert y["effect_value"] == pytest.approx((25 * 154) / (140 * 22), abs=1e-4)
    assert "25/165 vs 22/176" in y["effect_conversion"]


def test_effect_from_counts_matches_woolf_interval():
    or_, lo, hi, rd = _curation().effect_from_counts(25, 165, 22, 176)
    se = math.sqrt(1 / 25 + 1 / 140 + 1 / 22 + 1 / 154)
    assert lo == pytest.approx(or_ * math.exp(-1.959964 * se))
    assert hi == pytest.approx(or_ * math.exp(1.959964 * se))
    assert rd == pytest.approx(25 / 165 - 22 / 176)


@pytest.mark.skipif(not FACTS.exists(), reason="../shared/facts not beside the checkout")
def test_curation_script_reproduces_the_committed_tables(tmp_path):
    _curation().main(FACTS, tmp_path)
    for name in ("pay_experiments.csv", "evidence_studies.csv", "evidence_findings.csv"):
        assert (tmp_path / name).read_text() == (config.curated_dir() / name).read_text(), name


def _finding(key, value, lo, hi, design="randomised experiment", contrast="pay level"):
    return dict(
        study_key=key,
        outcome="attrition",
        effect_measure="odds ratio",
        effect_value=value,
        effect_ci_low=lo,
        effect_ci_high=hi,
        design_class=design,
        pay_contrast=contrast,
    )


def test_pooling_needs_three_comparable_randomised_effects():
    two = pd.DataFrame([_finding("a", 1.3, 1.1, 1.5), _finding("b", 1.2, 1.0, 1.44)])
    res = pool(two, "attrition")
    assert res["pooled"] is False and res["k"] == 2 and "at least 3" in res["reason"]
    meta = pd.DataFrame(
        [*two.to_dict("records"), _finding("m", 1.27, 1.12, 1.44, design="meta-analysis")]
    )
    res = pool(meta, "attrition")
    assert res["pooled"] is False and res["excluded"] == [
        "m: meta-analysis, not a randomised experiment"
    ]


def test_random_effects_pool_with_heterogeneity():
    d = pd.DataFrame(
        [_finding("a", 1.3, 1.1, 1.5), _finding("b", 1.2, 1.0, 1.44), _finding("c", 2.0, 1.6, 2.5)]
    )
    res = pool(d, "attrition")
    assert res["pooled"] and res["k"] == 3
    lo = log_odds_ratio(d)
    w = 1 / lo["var_log_or"]
    fixed = (w * lo["log_or"]).sum() / w.sum()
    q = (w * (lo["log_or"] - fixed) ** 2).sum()
    assert res["q"] == pytest.approx(q)
    tau2 = max(0.0, (q - 2) / (w.sum() - (w**2).sum() / w.sum()))
    assert res["tau2"] == pytest.approx(tau2)
    wr = 1 / (lo["var_log_or"] + tau2)
    assert res["or"] == pytest.approx(np.exp((wr * lo["log_or"]).sum() / wr.sum()))
    assert res["i2"] == pytest.approx(max(0.0, (q - 2) / q))


def test_the_curated_evidence_does_not_pool():
    f = load_findings()
    assert [pool(f, o)["pooled"] for o in ("quality", "attrition")] == [False, False]
    assert pool(f, "attrition")["studies"] == ["yu_2014"]


def test_direction_counts_count_studies_and_helped_reads_attrition_downwards():
    f = load_findings()
    c = direction_counts(f)
    assert c.loc["attrition", "negative"] == 6
    assert helped(
        pd.DataFrame({"outcome": ["attrition"], "finding_direction": ["negative"]})
    ).tolist() == ["better"]


def test_evidence_map_prints_text_at_least_7pt(tmp_path):
    evidence_map(load_findings(), tmp_path / "map")
    side = json.loads((tmp_path / "map.json").read_text())
    assert side["min_font_pt"] >= 7.0
    # printed at the full text width (about 6.5 in), the figure is not shrunk below 7 pt
    assert side["min_font_pt"] * 6.535 / side["saved_size_in"][0] >= 7.0


def test_bibliography_has_every_study_and_dataset(tmp_path):
    from ailabor.sources import registry

    entries = bibliography.study_entries(load_studies())
    entries.update(bibliography.dataset_entries(registry().values()))
    assert set(load_studies()["study_key"]) <= set(entries)
    assert set(registry()) <= set(entries)
    assert entries["mason_watts_2009"]["author"] == ["Mason, Winter A.", "Watts, Duncan J."]
    assert "author" not in entries["icis_2020"]  # authors not shown: none invented
    bibliography.write_hayagriva(entries, tmp_path / "r.yml")
    assert json.loads((tmp_path / "r.yml").read_text()) == bibliography.escape(entries)


def test_pay_sources_map_to_studies_or_own_entries():
    rows = pd.DataFrame(
        {
            "obs_id": ["a", "b", "c"],
            "source_title": ["Hara et al. 2018", "Exclusive (TIME)", "Exclusive (TIME)"],
            "author": ["", "Billy Perrigo", "Billy Perrigo"],
            "publisher": ["CHI 2018 (ACM)", "TIME", "TIME"],
            "year": ["2018", "2023", "2023"],
            "url": ["", "https://time.com/x", "https://time.com/x"],
        }
    )
    entries, keys = bibliography.source_entries(rows, load_studies(), "pay", "obs_id")
    assert keys == {"a": "hara_2018", "b": "perrigo_2023", "c": "perrigo_2023"}
    assert list(entries) == ["perrigo_2023"]
