"""Amazon Mechanical Turk "All HITs" listing pages: what crowd work paid, per task.

Two saved pages (2010-11-12 and 2011-06-24) kept by the Mturk-Tracker project;
the live page needs a login today. Each page lists 10 HIT groups ("capsules") as
label/value table cells. "Time Allotted" is the most a worker may take, so reward
divided by time allotted is a floor on the hourly rate, not a wage.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup

from ailabor.errors import ParseError
from ailabor.sources.base import Source, github_files
from ailabor.sources.readers import read_text

REPO = "faridani/Mturk-Tracker"
COMMIT = "c96ec77cbe4675691f2908cc0b6c88a772b67045"
_DIR = "src/mturk/main/management/commands/crawler/tests/"

SOURCE = Source(
    source_id="mturk_hitslist",
    title='Amazon Mechanical Turk "All HITs" listing pages (2010, 2011)',
    publisher="Amazon.com (pages saved by the Mturk-Tracker project)",
    licence="page content (c) Amazon.com and the requesters; no open licence (test and research use)",
    is_redistributable=False,
    publisher_url="https://www.mturk.com/mturk/findhits",
    files=github_files(
        REPO, COMMIT, [_DIR + "hitslist.html", _DIR + "hitslist_new.html"], "mturk-hitslist/"
    ),
    description="10 HIT groups per page: title, requester, expiry, time allotted, reward, HITs available.",
    citation=f"Mturk-Tracker, github.com/{REPO} @ {COMMIT[:7]}.",
    upstream=f"github {REPO}",
    upstream_commit=COMMIT,
)
SOURCES = (SOURCE,)

REQUIRED_FIELDS = ("Requester", "HIT Expiration Date", "Time Allotted", "Reward", "HITs Available")
# Title keywords -> task type, checked in this order (first match wins).
TASK_TYPES = (
    ("moderation", r"moderat|adult|inappropriate|offensive|explicit|filter|flag"),
    ("image annotation", r"image|photo|picture|bounding box|draw|tag one|video"),
    ("transcription", r"transcri|business card|receipt|audio|type the|handwrit"),
    ("survey", r"survey|questionnaire|questions on|opinion|study"),
    ("data collection", r"find|search|email|website|url|address|collect|lookup|look up"),
    ("categorisation", r"categori|classif|sort|match|relevan|judge|rate|compare"),
    ("writing", r"write|article|rewrite|translat|blog"),
)


def classify_task(title: str) -> str:
    """Task type from a HIT title (keyword rules in ``TASK_TYPES``).

    >>> classify_task("Draw bounding boxes around objects in images"), classify_task("Transcribe a business card")
    ('image annotation', 'transcription')
    >>> classify_task("Questions on Fishing Reels"), classify_task("Something else")
    ('survey', 'other')
    >>> classify_task("Tell me what foods are in this picture - (WARNING: This HIT may contain offensive content.)")
    'image annotation'

    """
    # Content warnings say what a worker may see, not what the task is.
    t = re.sub(r"\((?:warning|may contain)[^)]*\)", "", title, flags=re.IGNORECASE).lower()
    for name, pattern in TASK_TYPES:
        if re.search(pattern, t):
            return name
    return "other"


def parse_time_allotted(text: str) -> float:
    """'30 minutes', '1 hour', '2 hours 30 minutes', '45 seconds' -> seconds.

    >>> parse_time_allotted("30 minutes"), parse_time_allotted("1 hour 30 minutes"), parse_time_allotted("2 days")
    (1800.0, 5400.0, 172800.0)
    """
    units = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
    parts = re.findall(r"(\d+)\s*(second|minute|hour|day|week)s?", text.lower())
    rest = re.sub(r"(\d+)\s*(second|minute|hour|day|week)s?", "", text.lower()).strip(" ,")
    if not parts or rest:
        raise ValueError(f"time allotted {text!r} not understood")
    return float(sum(int(n) * units[u] for n, u in parts))


def page_timestamp(html: str) -> pd.Timestamp | None:
    """When the page was served, from the session token in its links (base64 '...=YYYYMMDDhhmmUser...').

    >>> page_timestamp('href="/x?state=K0lVUFZGaFNERm12UVBub0IxZEF0MzZwS29zPTIwMTAxMTEyMDMxMlVzZXIudHVya1NlY3VyZX50cnVlJQ--"')
    Timestamp('2010-11-12 03:12:00')
    """
    for token in re.findall(r"state=([A-Za-z0-9+/=_-]{20,})", html):
        try:
            raw = base64.b64decode(token.replace("-", "=") + "==").decode("latin-1")
        except (ValueError, UnicodeDecodeError):
            continue
        m = re.search(r"=(\d{12})User", raw)
        if m:
            served = pd.to_datetime(m.group(1), format="%Y%m%d%H%M", errors="coerce")
            if pd.notna(served):
                return served
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def parse_hitslist(path: Path) -> pd.DataFrame:
    """One row per HIT group on a saved "All HITs" page.

    Raises :class:`ParseError` naming the file, the capsule and the field when the
    page does not have the layout this parser knows.
    """
    sid = SOURCE.source_id
    html = read_text(path, sid)
    soup = BeautifulSoup(html, "lxml")
    titles = [_clean(a.get_text()) for a in soup.select("a.capsulelink")]
    if not titles:
        raise ParseError(
            sid, path, "no HIT titles (a.capsulelink): not an 'All HITs' page or the markup changed"
        )
    fields: dict[int, dict[str, str]] = {}
    for td in soup.select("td.capsule_field_title"):
        anchor = td.find("a", id=True)
        m = re.search(r"--(\d+)$", anchor["id"]) if anchor else None
        if not m:
            continue
        label = _clean(td.get_text()).rstrip(":").strip()
        if label not in REQUIRED_FIELDS:
            continue  # description, keywords, qualifications: not used
        value_td = td.find_next_sibling("td", class_="capsule_field_text")
        if value_td is None:
            raise ParseError(sid, path, f"capsule {m.group(1)}: field {label!r} has no value cell")
        fields.setdefault(int(m.group(1)), {})[label] = _clean(value_td.get_text(" "))
    if len(fields) != len(titles):
        raise ParseError(sid, path, f"{len(titles)} titles but {len(fields)} capsules of fields")
    served = page_timestamp(html)
    m = re.search(r"([\d,]+)\s*HITs\s*</b>\s*available now", html)
    hits_now = int(m.group(1).replace(",", "")) if m else None
    rows = []
    for i, title in enumerate(titles):
        f = fields.get(i, {})
        for name in REQUIRED_FIELDS:
            if name not in f:
                raise ParseError(sid, path, f"capsule {i} ({title!r}): field {name!r} missing")
        try:
            reward = float(re.fullmatch(r"\$(\d+(?:\.\d+)?)", f["Reward"]).group(1))
        except AttributeError:
            raise ParseError(
                sid, path, f"capsule {i}: field 'Reward' value {f['Reward']!r} is not like '$0.05'"
            ) from None
        try:
            allotted = parse_time_allotted(f["Time Allotted"])
        except ValueError as exc:
            raise ParseError(sid, path, f"capsule {i}: field 'Time Allotted': {exc}") from None
        if allotted <= 0:
            raise ParseError(
                sid,
                path,
                f"capsule {i}: field 'Time Allotted' {f['Time Allotted']!r} is not positive",
            )
        exp = re.match(r"([A-Z][a-z]{2} \d{1,2}, \d{4})", f["HIT Expiration Date"])
        expires = pd.to_datetime(exp.group(1), format="%b %d, %Y", errors="coerce") if exp else None
        if expires is None or pd.isna(expires) or not re.fullmatch(r"[\d,]+", f["HITs Available"]):
            raise ParseError(
                sid,
                path,
                f"capsule {i}: field 'HIT Expiration Date' or 'HITs Available' not understood",
            )
        rows.append(
            {
                "page": Path(path).name,
                "page_served_at": served,
                "hits_available_site_wide": hits_now,
                "title": title,
                "task_type": classify_task(title),
                "requester": f["Requester"],
                "reward_usd": reward,
                "time_allotted_s": allotted,
                "reward_per_allotted_hour_usd_floor": reward / (allotted / 3600.0),
                "hits_available": int(f["HITs Available"].replace(",", "")),
                "expires_on": pd.Timestamp(expires),
            }
        )
    return pd.DataFrame(rows)
