"""ZenCrowd entity-linking judgements by US and Indian MTurk workers (Demartini et al., 2012)."""

from __future__ import annotations

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
