"""Every path and setting in one place.

Settings come from environment variables so that the Makefile, CI and a notebook
user can all steer the same code:

``AILABOR_DATA``
    Root of the data directory (default: ``data/`` of the source checkout, or
    ``./data`` when the package is installed elsewhere).
``AILABOR_MIRROR``
    One or more local mirror directories, separated by ``os.pathsep``. When set,
    sources are read from the mirror instead of the network.
``AILABOR_OFFLINE``
    ``1`` forbids network access; fetching a file that is not in a mirror fails
    at once with a message that explains how to use one.
``AILABOR_CONNECT_TIMEOUT``, ``AILABOR_READ_TIMEOUT``, ``AILABOR_FETCH_DEADLINE``
    Seconds: to open a connection, to wait for any byte of an answer, and for the
    network part of a whole ``ailabor fetch`` run (defaults 10, 20, 300).
``AILABOR_PSEUDONYM_KEY``
    Secret key for the keyed hash that pseudonymises worker IDs. Never written
    beside the data.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = PACKAGE_DIR.parent.parent


def project_root() -> Path:
    """The checkout root when running from source, else the current directory."""
    if (_CHECKOUT_ROOT / "pyproject.toml").exists():
        return _CHECKOUT_ROOT
    return Path.cwd()


def data_dir() -> Path:
    """Root of ``data/`` (``AILABOR_DATA`` overrides)."""
    env = os.environ.get("AILABOR_DATA")
    return Path(env).resolve() if env else project_root() / "data"


def raw_dir() -> Path:
    """Fetched snapshots, one folder per source (never committed)."""
    return data_dir() / "raw"


def processed_dir() -> Path:
    """Built tables, Parquet + CSV with a provenance sidecar (never committed)."""
    return data_dir() / "processed"


def curated_dir() -> Path:
    """Hand-curated, citation-backed tables (committed)."""
    env = os.environ.get("AILABOR_CURATED")
    return Path(env).resolve() if env else project_root() / "data" / "curated"


def paper_dir() -> Path:
    return project_root() / "paper"


def mirror_dirs() -> list[Path]:
    """Mirror directories from ``AILABOR_MIRROR`` that exist, in order."""
    env = os.environ.get("AILABOR_MIRROR", "")
    return [Path(p).resolve() for p in env.split(os.pathsep) if p.strip()]


def is_offline() -> bool:
    return os.environ.get("AILABOR_OFFLINE", "").strip().lower() in {"1", "true", "yes"}


def pseudonym_key() -> bytes:
    """Key for worker-ID pseudonyms.

        Taken from ``AILABOR_CONNECT_TIMEOUT``, ``AILABOR_READ_TIMEOUT``, ``AILABOR_FETCH_DEADLINE``
        Seconds: to open a connection, to wait for any byte of an answer, and for the
        network part of a whole ``ailabor fetch`` run (defaults 10, 20, 300).
    ``AILABOR_PSEUDONYM_KEY``. Without it a fixed, public default is
        used and the pseudonyms are then only as strong as the upstream ones (the
        mirror's IDs are already pseudonymised); set a secret key when building from
        raw, un-pseudonymised data.
    """
    return os.environ.get("AILABOR_PSEUDONYM_KEY", "ailabor-public-default-key").encode()


# HTTP politeness
USER_AGENT = "ailabor/{version} (research dataset; +https://github.com/ailabor/ailabor)"
# A host (or proxy) that accepts a connection and then says nothing is given up on after
# the read timeout, once: the rest of the run does not try it again (see ailabor.fetch).
CONNECT_TIMEOUT_S = float(os.environ.get("AILABOR_CONNECT_TIMEOUT", "10"))
READ_TIMEOUT_S = float(os.environ.get("AILABOR_READ_TIMEOUT", "20"))
# Wall-clock budget for the network part of one `ailabor fetch` run; files not reached
# by then are reported as not tried (mirror copies are still used).
FETCH_DEADLINE_S = float(os.environ.get("AILABOR_FETCH_DEADLINE", "300"))
PER_HOST_DELAY_S = float(os.environ.get("AILABOR_PER_HOST_DELAY", "1.0"))
MAX_RETRIES = int(os.environ.get("AILABOR_MAX_RETRIES", "4"))


# Licences of ailabor's own work (the sources keep theirs: see ailabor.sources.registry()).
CODE_LICENCE = "MIT"
CURATED_LICENCE = "CC BY 4.0"
