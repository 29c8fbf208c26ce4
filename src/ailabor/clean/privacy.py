"""Worker privacy: keyed pseudonyms and removal of direct identifiers.

Raw worker IDs, IP addresses, names, e-mails and coordinates never reach a
processed table. Pseudonyms are an HMAC-SHA256 of the normalised ID under a key
from configuration (``AILABOR_PSEUDONYM_KEY``), which is never written beside the data.
"""

from __future__ import annotations

import hashlib
import hmac
import re

import pandas as pd

from ailabor import config

# Columns that identify or locate a person, in the exports ailabor reads.
IDENTIFYING_COLUMNS = (
    "IPAddress",
    "ip_address",
    "LocationLatitude",
    "LocationLongitude",
    "latitude",
    "longitude",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "email",
    "name",
    "ExternalReference",
)
ID_LIKE = re.compile(
    r"^(A[0-9A-Z]{11,20}|W[0-9A-F]{12})$"
)  # MTurk worker IDs; the mirror's pseudonyms
IP_LIKE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
COORD_LIKE = re.compile(r"^-?\d{1,3}\.\d{3,}$")


def pseudonymise(raw_id: object, key: bytes | None = None) -> str | None:
    """Keyed pseudonym of a worker ID (case- and whitespace-insensitive); None for a blank ID.

    >>> pseudonymise(" a1b2c3 ", key=b"k") == pseudonymise("A1B2C3", key=b"k")
    True
    >>> pseudonymise("A1B2C3", key=b"k")
    'w_d0df1f20062fa5e3'
    """
    if raw_id is None or (not isinstance(raw_id, str) and pd.isna(raw_id)):
        return None
    norm = str(raw_id).strip().upper()
    if not norm:
        return None
    key = config.pseudonym_key() if key is None else key
    return "w_" + hmac.new(key, norm.encode(), hashlib.sha256).hexdigest()[:16]


def drop_identifying_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Remove IP, name, e-mail and coordinate columns.

    >>> drop_identifying_columns(pd.DataFrame({"IPAddress": ["1.2.3.4"], "Progress": [100]})).columns.tolist()
    ['Progress']
    """
    return df.drop(columns=[c for c in df.columns if c in IDENTIFYING_COLUMNS])


def find_identifiers(df: pd.DataFrame) -> list[str]:
    """Describe every cell that looks like a raw worker ID, an IP address or a precise coordinate.

    >>> find_identifiers(pd.DataFrame({"worker": ["w_0123456789abcdef", "A1B2C3D4E5F6G7"]}))
    ['worker: ID-like value in row 1']
    """
    found = []
    for col in df.columns:
        s = df[col]
        if not (pd.api.types.is_string_dtype(s) or s.dtype == object):
            if pd.api.types.is_float_dtype(s) and col.lower() in {
                "lat",
                "latitude",
                "lon",
                "longitude",
            }:
                found.append(f"{col}: coordinate column")
            continue
        vals = s.dropna().astype(str)
        for label, pat, fn in (
            ("ID-like", ID_LIKE, "fullmatch"),
            ("IP-like", IP_LIKE, "search"),
            ("coordinate-like", COORD_LIKE, "fullmatch"),
        ):
            hit = vals[vals.map(lambda v, p=pat, f=fn: bool(getattr(p, f)(v)))]
            if len(hit):
                found.append(f"{col}: {label} value in row {hit.index[0]}")
    return found
