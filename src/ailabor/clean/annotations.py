"""Pure helpers for raw labelling exports: rewards, timestamps, labels, postings."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pandas as pd

MTURK_TZ = {"PST": timezone(timedelta(hours=-8)), "PDT": timezone(timedelta(hours=-7))}
_REWARD = re.compile(r"^\s*\$\s*(\d+(?:\.\d+)?)\s*$")


def parse_reward_usd(text: object) -> float:
    """``'$0.10'`` -> 0.1. Raises ValueError on anything else.

    >>> parse_reward_usd("$0.55"), parse_reward_usd(" $1 ")
    (0.55, 1.0)
    """
    m = _REWARD.match(str(text))
    if not m:
        raise ValueError(f"reward {text!r} is not like '$0.10'")
    return float(m.group(1))


def parse_mturk_time(text: object) -> pd.Timestamp:
    """``'Sat Nov 11 02:44:07 PST 2017'`` -> UTC timestamp. Raises ValueError otherwise.

    >>> parse_mturk_time("Sat Nov 11 02:44:07 PST 2017")
    Timestamp('2017-11-11 10:44:07+0000', tz='UTC')
    """
    parts = str(text).split()
    if len(parts) != 6 or parts[4] not in MTURK_TZ:
        raise ValueError(f"time {text!r} is not like 'Sat Nov 11 02:44:07 PST 2017'")
    naive = datetime.strptime(" ".join(parts[:4] + parts[5:]), "%a %b %d %H:%M:%S %Y")
    return pd.Timestamp(naive.replace(tzinfo=MTURK_TZ[parts[4]])).tz_convert("UTC")


def parse_qualtrics_time(text: pd.Series, tz: str) -> pd.Series:
    """Qualtrics local times in either export format (``11/11/2017 2:48`` or
    ``2017-11-26 07:21:10``) in zone ``tz`` -> UTC.

    >>> parse_qualtrics_time(pd.Series(["11/11/2017 2:48", "2017-11-26 07:21:10"]), "America/Los_Angeles").tolist()
    [Timestamp('2017-11-11 10:48:00+0000', tz='UTC'), Timestamp('2017-11-26 15:21:10+0000', tz='UTC')]
    """
    us = pd.to_datetime(text, format="%m/%d/%Y %H:%M", errors="coerce")
    iso = pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S", errors="coerce")
    local = us.fillna(iso)
    bad = local.isna() & text.notna() & text.astype(str).str.strip().ne("")
    if bad.any():
        raise ValueError(
            f"unrecognised time {text[bad].iloc[0]!r} at position {int(bad.to_numpy().nonzero()[0][0])}"
        )
    return local.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")


def parse_bool_text(s: pd.Series) -> pd.Series:
    """``TRUE``/``True``/``FALSE``/``False`` -> boolean; other values raise.

    >>> parse_bool_text(pd.Series(["TRUE", "False"])).tolist()
    [True, False]
    """
    m = s.astype(str).str.strip().str.lower().map({"true": True, "false": False})
    if m.isna().any():
        raise ValueError(f"not a boolean: {s[m.isna()].iloc[0]!r}")
    return m.astype("boolean")


def normalise_label(text: object) -> object:
    """One spelling for a category: lower case, underscores as spaces, single spaces.

    >>> normalise_label("Golden_Retriever"), normalise_label(" Golden retriever"), normalise_label("Not A Dog")
    ('golden retriever', 'golden retriever', 'not a dog')
    >>> normalise_label("") is None
    True
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return None
    out = re.sub(r"\s+", " ", str(text).replace("_", " ")).strip().lower()
    return out or None


_POSTING = re.compile(
    r"^(?P<date>\d{8})_(?P<kind>mturk|qualtric)_results_(?P<design>pilot|order1|order2|design2)_"
    r"(?P<level>\d\.\d\d|pilot|main)(?P<suffix>_raw|_supplementary)?\.csv$"
)


def posting_from_filename(name: str) -> dict:
    """Design, posting and pay read from a W241 file name.

    >>> posting_from_filename("20171112_mturk_results_order1_0.40_supplementary.csv")
    {'date': '20171112', 'kind': 'mturk', 'design': 'order1', 'level': '0.40', 'suffix': 'supplementary'}
    """
    m = _POSTING.match(name.rsplit("/", 1)[-1])
    if not m:
        raise ValueError(
            f"file name {name!r} does not follow <date>_<kind>_results_<design>_<level>.csv"
        )
    d = m.groupdict()
    d["suffix"] = (d["suffix"] or "").lstrip("_") or None
    return d
