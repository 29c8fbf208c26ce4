"""The paper's reference list, generated from the curated data and the source registry.

Every source behind a pay figure (``pay_observations.csv``), a platform score
(``platform_scores.csv``), a study (``evidence_studies.csv``) or a dataset (the source registry)
becomes one Hayagriva entry (the bibliography format typst reads natively). Keys:

- studies: the study key of ``evidence_studies.csv`` (``mason_watts_2009``);
- datasets: the registry's ``source_id`` (``wdi_gdp_pc_ppp``);
- pay and platform-score sources: first author's surname (or the publisher) and year
  (``perrigo_2023``), with a letter where one name-year has several pages.

The file is written as JSON, which is valid YAML, so no YAML library is needed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

SUFFIXES = {"jr.", "jr", "sr.", "ii", "iii"}


def slug(text: str) -> str:
    """Lower-case ASCII words joined by underscores.

    >>> slug("Göritz, Anja"), slug("TIME (via summaries)"), slug("d'Eon")
    ('goritz_anja', 'time_via_summaries', 'deon')
    """
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"['’]", "", t.lower())
    return "_".join(re.findall(r"[a-z0-9]+", t))


def person(name: str) -> str:
    """'First Middle Last' as Hayagriva's 'Last, First Middle'.

    A parenthetical note after the name ("WeeTracker (citing CBS 60 Minutes)", "Casey Newton
    (quoted)") is dropped; it stays in the entry's publisher.

    >>> person("Winter A. Mason"), person("Lionel P. Robert Jr."), person("Mason")
    ('Mason, Winter A.', 'Robert, Lionel P., Jr.', 'Mason')
    >>> person("WeeTracker (citing CBS 60 Minutes)"), person("Casey Newton (quoted)")
    ('WeeTracker', 'Newton, Casey')
    """
    parts = name.split(" (")[0].split()
    suffix = ""
    if len(parts) > 2 and parts[-1].lower() in SUFFIXES:
        suffix = parts.pop()
    if len(parts) == 1:
        return parts[0]
    out = f"{parts[-1]}, {' '.join(parts[:-1])}"
    return f"{out}, {suffix}" if suffix else out


def study_authors(authors: str) -> list[str]:
    """Authors of a fact-sheet row as Hayagriva names ([] when the page did not show them).

    >>> study_authors("Winter A. Mason; Duncan J. Watts")
    ['Mason, Winter A.', 'Watts, Duncan J.']
    >>> study_authors("(authors not shown on page seen)")
    []
    >>> study_authors("Jason T. Jacques (supervised by Per Ola Kristensson)")
    ['Jacques, Jason T.']
    >>> study_authors("TurkPrime blog (Litman et al.'s company; post author not shown)")
    ['TurkPrime']
    """
    if authors.startswith("("):
        return []
    if authors.startswith("TurkPrime"):
        return ["TurkPrime"]
    if authors.startswith("Panizza F."):
        return ["Panizza, F."]
    names = [re.sub(r"\s*\(.*\)$", "", a).strip() for a in authors.split(";")]
    return [person(a) for a in names if a]


def year_of(text: str) -> str:
    """A four-digit year at the start of a date string, else ''.

    >>> year_of("2023-01-18"), year_of("n.d. (slides)")
    ('2023', '')
    """
    m = re.match(r"(\d{4})", str(text))
    return m.group(1) if m else ""


def first_url(text: str) -> str:
    """The first http(s) URL in a field that may list several.

    >>> first_url("https://a.org/x ; https://b.org/y"), first_url("github b12io/reading-group")
    ('https://a.org/x', '')
    """
    m = re.search(r"https?://\S+", str(text))
    return m.group(0) if m else ""


def _as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell as a string, missing values as ''."""
    return df.astype(object).where(df.notna(), "").astype(str)


def study_entries(studies: pd.DataFrame) -> dict[str, dict]:
    """One entry per study of ``evidence_studies.csv``."""
    studies = _as_text(studies)
    out = {}
    for r in studies.itertuples():
        e = {
            "type": "article",
            "title": r.title,
            "parent": {"type": "periodical", "title": r.venue},
        }
        names = study_authors(r.authors)
        if names:
            e["author"] = names
        if r.year:
            e["date"] = str(r.year)
        url = first_url(r.source_url)
        if url:
            e["url"] = url
        if r.verification in ("secondary", "recalled"):
            e["note"] = f"{r.verification}, not verified against a stored copy"
        out[r.study_key] = e
    return out


def dataset_entries(sources) -> dict[str, dict]:
    """One entry per registered source (``ailabor.sources.registry().values()``)."""
    out = {}
    for s in sources:
        who = re.split(r",? via |\s\(|;", s.publisher)[0].removeprefix("Collected by ").strip()
        e = {
            "type": "misc",
            "title": f"{s.title} [Data set]",
            # an organisation or a list of names in one string: Hayagriva's {name: ...} form
            "author": [{"name": who}],
            "url": s.publisher_url,
        }
        if year_of(s.vintage):
            e["date"] = year_of(s.vintage)
        if s.citation:
            e["note"] = s.citation
        out[s.source_id] = e
    return out


def _name_key(author: str, publisher: str) -> str:
    """Surname of the first author, else the publisher, as a key stem.

    >>> _name_key("Billy Perrigo", "TIME"), _name_key("Hara et al.", ""), _name_key("", "TIME (via summaries)")
    ('perrigo', 'hara', 'time')
    >>> _name_key("Berg; Furrer; Harmon", "ILO"), _name_key("", "Hara et al. 2018")
    ('berg', 'hara')
    >>> _name_key("WeeTracker (citing CBS 60 Minutes)", "")
    'weetracker'
    """
    a = author.split(";")[0].replace("et al.", "").strip()
    m = re.match(r"^(\S+) et al\.? \d{4}$", publisher)
    if not a and m:  # a title such as "Hara et al. 2018" names the author
        a = m.group(1)
    if a:
        return slug(a.split(" (")[0].split()[-1])
    return slug(publisher.split(" (")[0])


def source_entries(
    rows: pd.DataFrame, studies: pd.DataFrame, kind: str, id_col: str
) -> tuple[dict[str, dict], dict[str, str]]:
    """Entries for the pay or platform-score sources, and each row's id -> citation key.

    ``rows`` needs ``source_title``, ``author``, ``publisher``, ``year`` and ``url``. A row whose
    title (before any parenthesis) is a study's title, or whose author-year names a study
    ("Hara et al." 2018), cites that study's entry.
    """
    studies, rows = _as_text(studies), _as_text(rows)
    titles = {slug(t): k for t, k in zip(studies["title"], studies["study_key"], strict=True)}
    stems = {}
    for r in studies.itertuples():
        names = study_authors(r.authors)
        if names and r.year:
            stems.setdefault(f"{slug(names[0].split(',')[0])}_{r.year}", r.study_key)
    groups: dict[tuple[str, str], dict] = {}
    keys_of_rows: dict[str, tuple[str, str] | str] = {}
    for r in rows.itertuples():
        title = str(r.source_title)
        hit = titles.get(slug(title.split(" (")[0]))
        stem = f"{_name_key(r.author, r.publisher or title)}_{r.year}".strip("_")
        if re.match(r"^(\S+) et al\.? \d{4}$", title) and not r.author:
            stem = f"{_name_key('', title)}_{r.year}"
        if hit is None and stem in stems:
            hit = stems[stem]
        if hit is not None:
            keys_of_rows[getattr(r, id_col)] = hit
            continue
        url = first_url(r.url)
        g = groups.setdefault(
            (stem, url),
            {
                "title": title,
                "author": r.author,
                "publisher": r.publisher,
                "year": r.year,
                "url": url,
                "kind": kind,
            },
        )
        if len(title) > len(g["title"]):
            g["title"] = title
        keys_of_rows[getattr(r, id_col)] = (stem, url)
    by_stem: dict[str, list[tuple[str, str]]] = {}
    for stem, url in groups:
        by_stem.setdefault(stem, []).append((stem, url))
    final: dict[tuple[str, str], str] = {}
    for stem, members in by_stem.items():
        for i, m in enumerate(members):
            final[m] = stem if len(members) == 1 else f"{stem}{'abcdefghijklmnopqrstuvwxyz'[i]}"
    entries = {}
    for g_key, g in groups.items():
        e = {"type": "article" if g["author"] else "web", "title": g["title"]}
        if g["author"]:
            names = [a.replace("et al.", "").strip() for a in str(g["author"]).split(";")]
            e["author"] = [person(a) for a in names if a]
        if g["publisher"]:
            e["publisher"] = g["publisher"]
        if g["year"]:
            e["date"] = str(g["year"])
        if g["url"]:
            e["url"] = g["url"]
        entries[final[g_key]] = e
    row_keys = {k: (v if isinstance(v, str) else final[v]) for k, v in keys_of_rows.items()}
    return entries, row_keys


def escape(value):
    """Hayagriva strings read ``$...$`` as maths: escape dollar signs (in nested values too).

    >>> escape({"title": "Less Than $2", "n": ["a$"]})
    {'title': 'Less Than \\\\$2', 'n': ['a\\\\$']}
    """
    if isinstance(value, str):
        return value.replace("$", "\\$")
    if isinstance(value, dict):
        return {k: v if k == "url" else escape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape(v) for v in value]
    return value


def write_hayagriva(entries: dict[str, dict], path: Path) -> None:
    """Write the entries as Hayagriva (JSON is valid YAML; typst reads ``.yml``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(escape(entries), indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
