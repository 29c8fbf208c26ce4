"""The label benchmark on the real mirror: parsers, the rte/snow2008 cross-check, the table."""

import json

import pandas as pd
import pytest

from ailabor import catalog
from ailabor.quality import MajorityVote
from ailabor.sources import snow2008, truth_inference

# Label counts from the mirror's SOURCES.csv description of truth_inference.
LABELS = {
    "bluebird": 4212,
    "rte": 8000,
    "trec": 88385,
    "web": 15567,
    "sentiment": 20000,
    "relevance": 98453,
    "adult_content": 92721,
    "fact_eval": 216725,
}


def _ti(mirror_dir, name):
    folder = mirror_dir / "truth_inference" / truth_inference.DATASETS[name]
    return truth_inference.parse_truth_inference(folder / "label.csv", folder / "truth.csv", name)


@pytest.mark.parametrize("name", list(LABELS))
def test_truth_inference_parsers(mirror_dir, name):
    d = _ti(mirror_dir, name)
    assert len(d) == LABELS[name]
    assert str(d["label"].dtype) == "Int64" and str(d["true_label"].dtype) == "Int64"
    assert d["dataset"].eq(f"ti_{name}").all()
    # Gold: every task with gold has exactly one gold value, and gold labels are label codes.
    assert set(d["true_label"].dropna().unique()) <= set(d["label"].unique())


def test_rte_and_snow2008_give_the_same_labels_for_the_same_items(mirror_dir):
    """truth_inference/rte numbers Snow's items and workers 0, 1, 2, ... in order of first
    appearance in Snow's file (item 0 = orig_id 266, worker 0 = its first worker). Under that
    correspondence all 8,000 labels and all 800 gold labels agree, one to one."""
    snow = snow2008.parse_snow_rte(mirror_dir / "snow2008" / "rte.standardized.tsv")
    rte = _ti(mirror_dir, "rte")
    item_of = {t: i for i, t in enumerate(pd.unique(snow["task"]))}
    worker_of = {w: i for i, w in enumerate(pd.unique(snow["worker"]))}
    assert (len(item_of), len(worker_of)) == (800, 164)
    assert snow["task"].iloc[0] == "266"
    mapped = pd.DataFrame(
        {
            "task": snow["task"].map(item_of).astype(str),
            "worker": snow["worker"].map(worker_of).astype(str),
            "snow_label": snow["label"],
            "snow_gold": snow["true_label"],
        }
    )
    both = mapped.merge(rte, on=["task", "worker"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all() and len(both) == 8000
    assert (both["snow_label"] == both["label"]).all()
    assert (both["snow_gold"] == both["true_label"]).all()
    # Same labels under the correspondence means the same aggregation, too.
    a = MajorityVote().fit_predict(rte)
    b = MajorityVote().fit_predict(snow).rename(index={t: str(i) for t, i in item_of.items()})
    assert (a.sort_index() == b.sort_index()).all()


@pytest.fixture(scope="module")
def bench(built_data):
    return catalog.load_table("label_benchmark")


def test_benchmark_covers_every_dataset_and_method(bench):
    assert bench["dataset"].nunique() >= 11
    assert set(bench["dataset"]) >= {f"ti_{n}" for n in LABELS} | {
        "zencrowd_us",
        "zencrowd_in",
        "snow2008_rte",
    }
    assert (bench.groupby("dataset")["method"].nunique() == 4).all()
    assert bench["label_accuracy"].between(0, 1).all()
    counts = bench.groupby("dataset")["n_labels_in_dataset"].first()
    for name, n in LABELS.items():
        assert counts[f"ti_{name}"] == n
    assert counts["zencrowd_us"] == 12190 and counts["snow2008_rte"] == 8000


def test_benchmark_agrees_across_the_two_rte_copies(bench):
    cols = ["method", "label_accuracy", "worker_rank_spearman", "n_iterations"]
    a = bench[bench["dataset"] == "ti_rte"][cols].reset_index(drop=True)
    b = bench[bench["dataset"] == "snow2008_rte"][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


def test_majority_vote_accuracy_recomputed_by_hand(mirror_dir, bench):
    """Majority vote with pandas only, ties to the smaller label, against the table."""
    for name in ("bluebird", "web"):
        d = _ti(mirror_dir, name)
        votes = d.groupby(["task", "label"]).size().rename("n").reset_index()
        votes = votes.sort_values(["task", "n", "label"], ascending=[True, False, True])
        mv = votes.drop_duplicates("task").set_index("task")["label"]
        gold = d.dropna(subset=["true_label"]).groupby("task")["true_label"].first()
        expected = (mv[gold.index] == gold).mean()
        row = bench[(bench["dataset"] == f"ti_{name}") & (bench["method"] == "majority_vote")]
        assert row["label_accuracy"].iloc[0] == pytest.approx(expected)


def test_release_carries_benchmark_without_w241(built_data, tmp_path):
    from ailabor.release import write_release

    res = write_release(tmp_path)
    pkg = json.loads((res["path"] / "datapackage.json").read_text())
    lb = next(r for r in pkg["resources"] if r["name"] == "label_benchmark")
    table = pd.read_csv(res["path"] / lb["path"])
    assert "w241" not in set(table["dataset"])
    assert table["dataset"].nunique() >= 11


def test_validate_labels_prints_the_table(built_data, capsys):
    from ailabor.cli import main

    assert main(["validate-labels"]) == 0
    out = capsys.readouterr().out
    assert "ti_fact_eval" in out and "zencrowd_in" in out and "mace" in out
    assert "Tie rule: ties go to the smallest label" in out
