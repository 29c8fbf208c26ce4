"""Pinned content: the sha256 and size every file of every source must have.

``pins.csv`` beside this module holds one line per file, sorted, so that branches
that add sources merge without conflicts::

    source_id,name,sha256,bytes
    wdi_ppp_factor,ppp-gdp.csv,5f1c...,123456

A mirror copy or a download whose bytes differ from its pin is refused
(:class:`~ailabor.errors.PinMismatchError`, naming the file and both hashes) and
nothing is written, so nothing is built from it. A source with no pins yet is
fetched, with a warning that names it and the command that records its pins:
``ailabor pin SOURCE`` (or ``make pin``), which rewrites the lines of the named
sources from the mirror (or, for a live web page, from a fresh download with
``--refresh``) and keeps every other line.

>>> p = Pin("demo", "a.csv", "ab" * 32, 3)
>>> check_pin(p, "demo", "a.csv", "ab" * 32, 3, "https://x.org/a.csv")
>>> check_pin(p, "demo", "a.csv", "cd" * 32, 3, "https://x.org/a.csv")
Traceback (most recent call last):
...
ailabor.errors.PinMismatchError: [demo] https://x.org/a.csv: a.csv: sha256 cdcd... differs from the pinned abab...; ...
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ailabor.errors import AilaborError, PinMismatchError

PINS_FILE = Path(__file__).with_name("pins.csv")
PIN_COLUMNS = ("source_id", "name", "sha256", "bytes")


@dataclass(frozen=True)
class Pin:
    source_id: str
    name: str
    sha256: str
    bytes: int


def pins_path() -> Path:
    """``AILABOR_PINS`` (for tests) or the committed ``pins.csv``."""
    env = os.environ.get("AILABOR_PINS")
    return Path(env) if env else PINS_FILE


@cache
def _load(path: str, mtime_ns: int) -> dict[tuple[str, str], Pin]:
    out: dict[tuple[str, str], Pin] = {}
    text = Path(path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(rows[0]) != PIN_COLUMNS:
        raise AilaborError(f"{path}: expected the header {','.join(PIN_COLUMNS)}")
    for i, r in enumerate(rows[1:], start=2):
        if not r:
            continue
        if (
            len(r) != 4
            or not re.fullmatch(r"[0-9a-f]{64}", r[2])
            or not r[3].isdigit()
            or (r[0], r[1]) in out
        ):
            raise AilaborError(
                f"{path}, line {i}: expected source_id,name,sha256,bytes once per file"
            )
        out[(r[0], r[1])] = Pin(r[0], r[1], r[2], int(r[3]))
    return out


def load_pins() -> dict[tuple[str, str], Pin]:
    """Every pin, by ``(source_id, file name)``; empty when there is no pins file."""
    p = pins_path()
    if not p.is_file():
        return {}
    return _load(str(p), p.stat().st_mtime_ns)


def pin_for(source_id: str, name: str) -> Pin | None:
    return load_pins().get((source_id, name))


def unpinned_files(source) -> list[str]:
    """Names of the files of ``source`` that have no pin yet."""
    pins = load_pins()
    return [f.name for f in source.files if (source.source_id, f.name) not in pins]


def check_pin(
    pin: Pin | None, source_id: str, name: str, sha256: str, nbytes: int, url: str
) -> None:
    """Raise :class:`PinMismatchError` when the bytes differ from their pin (no pin: pass)."""
    if pin is not None and (pin.sha256 != sha256 or pin.bytes != nbytes):
        raise PinMismatchError(source_id, url, name, pin.sha256, sha256)


def write_pins(new: list[Pin], replace_sources: set[str]) -> Path:
    """Rewrite the pins file: lines of ``replace_sources`` are replaced by ``new``; every
    other line is kept. Lines are sorted so that branches merge cleanly."""
    keep = [p for p in load_pins().values() if p.source_id not in replace_sources]
    rows = sorted(keep + list(new), key=lambda p: (p.source_id, p.name))
    out = pins_path()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(PIN_COLUMNS)
    for p in rows:
        w.writerow([p.source_id, p.name, p.sha256, p.bytes])
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, out)
    return out
