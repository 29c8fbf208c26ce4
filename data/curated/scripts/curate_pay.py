"""Rebuild data/curated/pay_observations.csv, platform_scores.csv and platforms.csv
from the project's fact sheet of published pay figures and ailabor's transcriptions.

The transcriptions are data, not code: ``data/curated/transcriptions/``

- ``pay_transcriptions.csv``: one row per pay observation, coded from one or more fact
  rows (``fact_id``, ';'-separated): value, currency, unit, year, what the figure
  measures (``pay_kind``) and who is paid (``paid_to``), and ``observation_group``
  (the same worker's or report's pay in two units is one observation);
- ``fact_status.csv``: every fact not transcribed, as ``excluded`` (not pay, with the
  reason) or ``pending`` (a pay figure not yet transcribed);
- ``platform_score_facts.csv``: the Fairwork score rows and ailabor's verification level;
- ``platform_coding.csv``: ailabor's business-model coding of each platform.

This script only checks and joins: every fact is accounted for exactly once; every
number transcribed appears verbatim in its own fact row's value or unit text; title,
author, URL, quote and the fact sheet's verification note are taken from the fact row.
Run from the repository root:

    python data/curated/scripts/curate_pay.py ../shared/facts/published_pay_figures.csv
"""

import re
import sys
from pathlib import Path

import pandas as pd

from ailabor.schemas.vocabularies import PAID_TO, PAY_KINDS, VERIFICATION_LEVELS

TRANSCRIPTIONS = Path("data/curated/transcriptions")
OUT = Path("data/curated")
# Expected columns of each transcription file (checked before anything is written).
TRANSCRIPTION_COLUMNS = {
    "pay_transcriptions.csv": [
        "obs_id",
        "fact_id",
        "observation_group",
        "pay_kind",
        "paid_to",
        "platform",
        "client",
        "country_iso3",
        "period",
        "year",
        "value_low",
        "value_high",
        "is_approximate",
        "currency",
        "unit",
        "hours_per_unit_stated",
        "basis",
        "measure",
        "sample_size",
        "publisher",
        "publication_date",
        "source_type",
        "verification",
        "notes",
    ],
    "fact_status.csv": ["fact_id", "status", "reason"],
    "platform_score_facts.csv": ["fact_id", "verification"],
    "platform_coding.csv": ["platform", "owner", "owner_source", "business_model"],
}
# Columns that may be left blank (every other transcription column must be filled).
OPTIONAL = {
    "pay_transcriptions.csv": {
        "client",
        "value_low",
        "value_high",
        "is_approximate",
        "hours_per_unit_stated",
        "sample_size",
        "publication_date",
        "notes",
    },
    "platform_coding.csv": {"owner", "owner_source"},
}
VERIFY = set(VERIFICATION_LEVELS)
STATUS = {"excluded", "pending"}


def read_transcription(name: str) -> pd.DataFrame:
    """Read one transcription file and check its columns and required cells."""
    df = pd.read_csv(TRANSCRIPTIONS / name, dtype=str, keep_default_na=False)
    want = TRANSCRIPTION_COLUMNS[name]
    if list(df.columns) != want:
        raise SystemExit(f"{name}: columns {list(df.columns)}, expected {want}")
    for c in [c for c in want if c not in OPTIONAL.get(name, set())]:
        if (empty := df[c].str.strip().eq("")).any():
            raise SystemExit(f"{name}: row {int(empty.idxmax()) + 2}: {c} is empty")
    return df


def number_in_text(number: str, text: str) -> bool:
    """True when ``number`` appears verbatim (not as part of a longer number) in ``text``.

    >>> number_in_text("2.00", "USD 2.00 per hour"), number_in_text("2", "12.50")
    (True, False)
    """
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None


def resolve_urls(facts: pd.DataFrame) -> list[str]:
    """'same as above' style URL cells take the previous row's URL."""
    urls, last = [], ""
    for u in facts["source_url_seen"]:
        u = u.strip()
        if u.lower().startswith("same") or u == "seen":
            u = last
        urls.append(u)
        last = u or last
    return urls


def check_coverage(facts: pd.DataFrame, tr, status, score_facts) -> None:
    """Every fact is transcribed, a score, excluded or pending: exactly once."""
    used = [f for ids in tr["fact_id"] for f in ids.split(";")]
    claimed = set(used) | set(score_facts["fact_id"])
    both = claimed & set(status["fact_id"])
    if both:
        raise SystemExit(f"facts both used and listed in fact_status.csv: {sorted(both)}")
    covered = claimed | set(status["fact_id"])
    if covered != set(facts.index):
        raise SystemExit(
            f"facts not accounted for (or unknown): {sorted(covered ^ set(facts.index))}"
        )
    if bad := set(status["status"]) - STATUS:
        raise SystemExit(f"fact_status.csv: unknown status {bad}")


def pay_rows(facts: pd.DataFrame, tr: pd.DataFrame) -> list[dict]:
    rows = []
    for o in tr.to_dict("records"):
        ids = o["fact_id"].split(";")
        fr = facts.loc[ids]
        if o["verification"] not in VERIFY:
            raise SystemExit(f"{o['obs_id']}: verification {o['verification']!r}")
        if o["pay_kind"] not in PAY_KINDS or o["paid_to"] not in PAID_TO:
            raise SystemExit(f"{o['obs_id']}: pay_kind/paid_to {o['pay_kind']!r}/{o['paid_to']!r}")
        text = " ".join(fr["value"]) + " " + " ".join(fr["unit"])
        for k in ("value_low", "value_high", "hours_per_unit_stated"):
            if o[k] and not number_in_text(o[k], text + " " + " ".join(fr["quote"])):
                raise SystemExit(f"{o['obs_id']}: {k}={o[k]} not verbatim in fact(s) {ids}: {text}")
        quote = " | ".join(q for q in dict.fromkeys(fr["quote"]) if q)
        if not quote:  # older fact rows keep the quote inside the verification note
            for v in fr["verification"]:
                if m := re.search(r"quote: '(.+)'", v) or re.search(r'seen \("(.+)"\)', v):
                    quote = m.group(1)
        rows.append(
            {
                **{k: o[k] for k in TRANSCRIPTION_COLUMNS["pay_transcriptions.csv"]},
                "source_title": max(fr["source_title"], key=len),
                "author": "; ".join(a for a in dict.fromkeys(fr["source_author"]) if a),
                "url": " ; ".join(u for u in dict.fromkeys(fr["url"]) if u),
                "quote": quote,
                "fact_sheet_verification": " | ".join(fr["verification"]),
            }
        )
    return rows


def score_rows(facts: pd.DataFrame, score_facts: pd.DataFrame) -> list[dict]:
    scores = []
    for fid, ver in zip(score_facts["fact_id"], score_facts["verification"], strict=True):
        f = facts.loc[fid]
        value = f["value"]
        if re.fullmatch(r"\d+", value):
            pairs = [("Remotasks" if "Remotasks" in f["platform"] else f["platform"], value)]
        else:
            pairs = re.findall(r"([A-Z][A-Za-z .]+?) (\d+)(?=;|$| \()", value)
        for name, score in pairs:
            scores.append(
                {
                    "platform": name.strip(),
                    "year": int(f["year"]),
                    "fairwork_score": int(score),
                    "score_max": 10,
                    "fact_id": fid,
                    "source_title": f["source_title"],
                    "author": f["source_author"],
                    "url": f["url"],
                    "verification": ver,
                }
            )
    return scores


def main(fact_sheet: str) -> None:
    facts = pd.read_csv(fact_sheet, dtype=str, keep_default_na=False)
    facts["url"] = resolve_urls(facts)
    facts = facts.set_index("id")
    tr = read_transcription("pay_transcriptions.csv")
    status = read_transcription("fact_status.csv")
    score_facts = read_transcription("platform_score_facts.csv")
    coding = read_transcription("platform_coding.csv")
    check_coverage(facts, tr, status, score_facts)
    if tr["obs_id"].duplicated().any():
        raise SystemExit(
            f"duplicate obs_id: {tr.loc[tr['obs_id'].duplicated(), 'obs_id'].tolist()}"
        )
    rows = pay_rows(facts, tr)
    pd.DataFrame(rows).to_csv(OUT / "pay_observations.csv", index=False)
    scores = score_rows(facts, score_facts)
    pd.DataFrame(scores).to_csv(OUT / "platform_scores.csv", index=False)
    plat = coding.assign(business_model_source="ailabor coding")
    plat.to_csv(OUT / "platforms.csv", index=False)
    n_pending = int((status["status"] == "pending").sum())
    print(
        f"wrote {len(rows)} pay observations ({tr['observation_group'].nunique()} distinct), "
        f"{len(scores)} platform scores, {len(plat)} platforms; "
        f"{n_pending} facts pending transcription, {len(status) - n_pending} excluded"
    )


if __name__ == "__main__":
    main(sys.argv[1])
