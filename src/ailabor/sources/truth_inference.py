"""Eight public crowd-labelling benchmarks with gold (collected by yuan-li/truth-inference-at-scale).

Each dataset has ``label.csv`` (item, worker, label; integer codes) and ``truth.csv``
(item, truth). ``SpectralMethodsMeetEM/rte`` is Snow et al. (2008) RTE again, in another layout.
"""

from __future__ import annotations

from ailabor.sources.base import Source, github_files

REPO = "yuan-li/truth-inference-at-scale"
COMMIT = "ff6d32971fb3ca17e2f0c784a126d8b26495dbce"
# dataset name -> folder under data/ upstream (and under truth_inference/ in the mirror)
DATASETS = {
    "bluebird": "SpectralMethodsMeetEM/bluebird",
    "rte": "SpectralMethodsMeetEM/rte",
    "trec": "SpectralMethodsMeetEM/trec",
    "web": "SpectralMethodsMeetEM/web",
    "sentiment": "crowd_truth_inference/d_sentiment",
    "relevance": "crowd_truth_inference/s4_Relevance",
    "adult_content": "crowd_truth_inference/s5_AdultContent",
    "fact_eval": "crowdscale2013/fact_eval",
}

SOURCE = Source(
    source_id="truth_inference",
    title="Crowd-labelling benchmarks with gold (bluebird, rte, trec, web, sentiment, Relevance, AdultContent, fact_eval)",
    publisher="Collected by yuan-li/truth-inference-at-scale; datasets released publicly by their original authors",
    licence="MIT (repository LICENSE); the collected datasets were released publicly by their original authors",
    is_redistributable=True,
    publisher_url=f"https://github.com/{REPO}",
    files=tuple(
        f
        for folder in DATASETS.values()
        for f in github_files(
            REPO,
            COMMIT,
            [f"data/{folder}/label.csv", f"data/{folder}/truth.csv"],
            "truth_inference/",
            keep_dirs=True,
            strip_prefix="data/",
        )
    )
    + github_files(REPO, COMMIT, ["LICENSE"], "truth_inference/"),
    description="label.csv (item, worker, label) and truth.csv (item, truth) per dataset; 4,212 to 216,725 labels.",
    citation=f"truth-inference-at-scale, github.com/{REPO} @ {COMMIT[:7]}.",
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
    caveats=(
        "Ids are integers local to each dataset; gold covers a subset of items in some sets.",
        "rte is Snow et al. (2008) RTE again.",
    ),
)

SOURCES = (SOURCE,)
