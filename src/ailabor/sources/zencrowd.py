"""ZenCrowd entity-linking judgements by US and Indian MTurk workers (Demartini et al., 2012)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ailabor.sources.annotations_reader import read_annotations
from ailabor.sources.base import Source, github_files

SOURCE = Source(
    source_id="zencrowd",
    title="ZenCrowd entity-linking judgements, US and India workers",
    publisher="Demartini, Difallah & Cudré-Mauroux (WWW 2012), via orchidproject/active-crowd-toolkit",
    licence="Apache-2.0",
    is_redistributable=True,
    publisher_url="https://github.com/orchidproject/active-crowd-toolkit",
    files=github_files(
        "orchidproject/active-crowd-toolkit",
        "2c0c194e85ca126545bd830d811ec39151bdd448",
        ["Data/ZenCrowd_us.csv", "Data/ZenCrowd_in.csv", "LICENSE"],
        "zencrowd/",
    ),
    description="No header: worker id, task id, worker label (0/1), gold label (0/1), fifth column undocumented.",
    citation=(
        "Demartini, G., Difallah, D. E., & Cudré-Mauroux, P. (2012). ZenCrowd: leveraging "
        "probabilistic reasoning and crowdsourcing techniques for large-scale entity linking. WWW 2012."
    ),
    upstream="github orchidproject/active-crowd-toolkit",
    upstream_commit="2c0c194e85ca126545bd830d811ec39151bdd448",
)

SOURCES = (SOURCE,)

COUNTRIES = {"us": "USA", "in": "IND"}


def parse_zencrowd(path: Path, country: str, duplicates: str = "keep") -> pd.DataFrame:
    """One ZenCrowd file (no header: worker, task, label, gold, fifth column) in the long layout.

    Labels and gold are 0/1 integers; ``work_s`` keeps the undocumented fifth column (likely
    seconds spent). Repeated (worker, task) pairs are kept by default (both files have
    them) and counted in ``attrs["duplicates"]``.
    """
    d = read_annotations(
        path,
        task=1,
        worker=0,
        label=2,
        true_label=3,
        header=None,
        dataset=f"zencrowd_{country}",
        keep_columns={"work_s": 4},
        duplicates=duplicates,
    )
    d["country_iso3"] = COUNTRIES[country]
    d["posting_id"] = f"zencrowd_{country}"
    return d
