"""Fuzz every parser and public loader with hypothesis; count foreign exceptions.

A *foreign* exception is any exception that is not the package's own
(:class:`ailabor.errors.AilaborError`): ``UnicodeDecodeError``, ``KeyError``,
``zipfile.BadZipFile``, pandas' ``ParserError`` and so on. The target is 0.

Inputs per entry point: fixed hostile cases (missing path, directory, empty,
``PK``, UTF-16, Latin-1, NUL), structured mutations of a small seed in the
source's layout (truncate, drop/duplicate/swap lines, add or remove a field,
stray quotes, bad numbers, new encodings, random bytes), and random bytes/text.

Used by ``make fuzz`` (``tests/fuzz/run_fuzz.py``, >= 10,000 inputs) and by a
seeded, smaller run in the suite (``tests/unit/test_fuzz_parsers.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hseed
from hypothesis import strategies as st

from ailabor.errors import AilaborError
from tests.fuzz import seeds as S


@dataclass
class EntryPoint:
    name: str
    call: Callable[[Path], object]  # takes the path of a file holding the input
    seeds: list[bytes]
    suffix: str = ".csv"
    owned: bool = True  # parsers of issue 11; read_annotations belongs to issue 13


@dataclass
class Tally:
    inputs: int = 0
    own_errors: int = 0
    ok: int = 0
    foreign: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)

    @property
    def n_foreign(self) -> int:
        return sum(self.foreign.values())


def _load_table_entry(path: Path) -> object:
    """``ailabor.load_table`` on a Parquet file with a sidecar that matches its bytes."""
    import ailabor
    from ailabor import storage

    data_dir = Path(os.environ["AILABOR_DATA"])
    paths = storage.table_paths("platform_scores", data_dir / "processed")
    paths["parquet"].parent.mkdir(parents=True, exist_ok=True)
    if paths["parquet"].is_dir():
        paths["parquet"].rmdir()
    if path.is_dir():  # the table's Parquet path is a directory
        paths["parquet"].unlink(missing_ok=True)
        paths["parquet"].mkdir()
        data = b""
    elif not path.exists():  # the table's Parquet file is missing
        paths["parquet"].unlink(missing_ok=True)
        data = b""
    else:
        data = path.read_bytes()
        paths["parquet"].write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    paths["meta"].write_text(json.dumps({"rows": 0, "outputs": {"parquet": digest}}))
    return ailabor.load_table("platform_scores")


def _load_by_name(path: Path) -> object:
    import ailabor

    name = path.read_bytes().decode("utf-8", "replace") if path.is_file() else path.name
    return ailabor.load(name)


def entry_points() -> list[EntryPoint]:
    import ailabor
    from ailabor.sources import dol_minwage, fed, ilostat, mturk_hitslist, w241, wdi

    return [
        EntryPoint("wdi.parse_wdi_bulk_csv", wdi.parse_wdi_bulk_csv, [S.WDI_BULK]),
        EntryPoint("wdi.parse_wdi_country_metadata", wdi.parse_wdi_country_metadata, [S.WDI_META]),
        EntryPoint("wdi.parse_ppp_factor", wdi.parse_ppp_factor, [S.PPP]),
        EntryPoint(
            "ilostat.parse_ilostat_minimum_wage", ilostat.parse_ilostat_minimum_wage, [S.ILO_MW]
        ),
        EntryPoint(
            "ilostat.parse_ilostat_minimum_wage_usd",
            ilostat.parse_ilostat_minimum_wage_usd,
            [S.ILO_MW_USD],
        ),
        EntryPoint("ilostat.parse_ilostat_earnings", ilostat.parse_ilostat_earnings, [S.ILO_EARN]),
        EntryPoint("fed.parse_fed_annual", fed.parse_fed_annual, [S.FED]),
        EntryPoint(
            "w241.parse_mturk_batch",
            w241.parse_mturk_batch,
            [S.fixture("mturk_batch.csv"), S.fixture("mturk_malformed.csv")],
        ),
        EntryPoint(
            "w241.parse_qualtrics", w241.parse_qualtrics, [S.fixture("qualtrics_3header.csv")]
        ),
        EntryPoint("w241.parse_gold", w241.parse_gold, [S.GOLD], suffix=".txt"),
        EntryPoint(
            "dol_minwage.parse_dol_minwage", dol_minwage.parse_dol_minwage, [S.DOL_HTML], ".html"
        ),
        EntryPoint(
            "mturk_hitslist.parse_hitslist", mturk_hitslist.parse_hitslist, [S.MTURK_HTML], ".html"
        ),
        EntryPoint("ailabor.load_table", _load_table_entry, [S.parquet_seed()], ".parquet"),
        EntryPoint(
            "ailabor.load (name)", _load_by_name, [b"platforms", b"no_such_table", b""], ".txt"
        ),
        EntryPoint(
            "ailabor.read_annotations",
            ailabor.read_annotations,
            [S.LONG_LABELS, S.fixture("long_labels.tsv")],
            owned=False,
        ),
    ]


# --- inputs ------------------------------------------------------------------------
BAD_CELLS = [b"abc", b"1e400", b"-", b"NaN", b"inf", b"2024.5", b"99999999999999999999", b"", b" "]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [data]


@st.composite
def mutated(draw, seed_list: list[bytes]) -> bytes:
    data = draw(st.sampled_from(seed_list))
    n_ops = draw(st.integers(0, 3))
    for _ in range(n_ops):
        op = draw(st.integers(0, 15))
        lines = _lines(data)
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        pos = draw(st.integers(0, len(data)))
        if op == 0:  # truncate
            data = data[:pos]
        elif op == 1:  # drop a line
            data = b"".join(lines[:i] + lines[i + 1 :])
        elif op == 2:  # duplicate a line
            data = b"".join(lines[: i + 1] + lines[i:])
        elif op == 3:  # swap two lines
            j = draw(st.integers(0, max(len(lines) - 1, 0)))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"".join(lines)
        elif op == 4:  # one field more on a line (the column-shift case)
            ln = lines[i].rstrip(b"\r\n")
            lines[i] = ln + b",x" + lines[i][len(ln) :]
            data = b"".join(lines)
        elif op == 5:  # one field fewer
            ln = lines[i]
            k = ln.rfind(b",")
            lines[i] = (
                ln[:k] + ln[ln.find(b"\n", k) if b"\n" in ln[k:] else len(ln) :] if k >= 0 else ln
            )
            data = b"".join(lines)
        elif op == 6:  # a stray or unclosed quote
            data = data[:pos] + b'"' + data[pos:]
        elif op == 7:  # random bytes in place
            data = data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos + 1 :]
        elif op == 8:  # a bad value in a cell
            cell = draw(st.sampled_from(BAD_CELLS))
            ln = lines[i]
            k = ln.find(b",")
            if k >= 0:
                m = ln.find(b",", k + 1)
                m = len(ln.rstrip(b"\r\n")) if m < 0 else m
                lines[i] = ln[: k + 1] + cell + ln[m:]
            data = b"".join(lines)
        elif op == 9:  # re-encode: UTF-16, or Latin-1 with an accented letter
            text = data.decode("utf-8", errors="replace") + "é"
            data = text.encode(draw(st.sampled_from(["utf-16", "latin-1", "utf-16-be"])), "replace")
        elif op == 10:  # BOM
            data = b"\xef\xbb\xbf" + data
        elif op == 11:  # NUL bytes
            data = data[:pos] + b"\x00" + data[pos:]
        elif op == 12:  # other line endings
            data = data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n"])))
        elif op == 13:  # zip or other magic in front
            data = draw(st.sampled_from([b"PK", b"PK\x03\x04", b"PAR1", b"\x1f\x8b"])) + data
        elif op == 14:  # a digit changed (numbers, dates, counts)
            digits = [k for k, c in enumerate(data) if 48 <= c <= 57]
            if digits:
                k = draw(st.sampled_from(digits))
                data = data[:k] + bytes([draw(st.integers(48, 57))]) + data[k + 1 :]
        else:  # a line replaced by random text
            lines[i] = draw(st.text(max_size=40)).encode("utf-8") + b"\n"
            data = b"".join(lines)
    return data


def inputs(seed_list: list[bytes]):
    return st.one_of(
        mutated(seed_list),
        mutated(seed_list),
        mutated(seed_list),
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    )


FIXED_CASES = ["missing", "directory", "empty", "pk", "utf16", "latin1", "nul", "seed"]


def _fixed_input(case: str, seed_bytes: bytes) -> bytes | None:
    return {
        "empty": b"",
        "pk": b"PK",
        "utf16": seed_bytes.decode("utf-8", "replace").encode("utf-16"),
        "latin1": (seed_bytes.decode("utf-8", "replace") + "Müller").encode("latin-1", "replace"),
        "nul": seed_bytes[:20] + b"\x00" + seed_bytes[20:],
        "seed": seed_bytes,
    }.get(case)


# --- running -------------------------------------------------------------------------
def _call(ep: EntryPoint, path: Path, tally: Tally, label: str) -> None:
    tally.inputs += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ep.call(path)
    except AilaborError:
        tally.own_errors += 1
    except Exception as exc:  # the thing being counted
        key = type(exc).__module__ + "." + type(exc).__qualname__
        tally.foreign[key] += 1
        if key not in tally.examples:
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            tally.examples[key] = (
                f"{label}: {str(exc)[:160]} at {Path(tb.filename).name}:{tb.lineno}"
            )
    else:
        tally.ok += 1


def fuzz_entry(ep: EntryPoint, n: int, seed: int, workdir: Path) -> Tally:
    tally = Tally()
    path = workdir / f"input{ep.suffix}"
    # Fixed hostile cases first.
    for case in FIXED_CASES:
        if case == "missing":
            _call(ep, workdir / f"absent{ep.suffix}", tally, case)
            continue
        if case == "directory":
            d = workdir / f"adir{ep.suffix}"
            d.mkdir(exist_ok=True)
            _call(ep, d, tally, case)
            continue
        path.write_bytes(_fixed_input(case, ep.seeds[0]))
        _call(ep, path, tally, case)

    @hseed(seed)
    @settings(
        max_examples=max(n - len(FIXED_CASES), 1),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[__import__("hypothesis").Phase.generate],
    )
    @given(inputs(ep.seeds))
    def run(data: bytes) -> None:
        path.write_bytes(data)
        _call(ep, path, tally, repr(data[:60]))

    run()
    return tally


def fuzz_all(
    n_per_entry: int, seed: int = 11, only_owned: bool = False, report=None
) -> dict[str, Tally]:
    """Run every entry point with ``n_per_entry`` inputs in a scratch AILABOR_DATA."""
    results: dict[str, Tally] = {}
    old = os.environ.get("AILABOR_DATA")
    with tempfile.TemporaryDirectory(prefix="ailabor-fuzz-") as tmp:
        os.environ["AILABOR_DATA"] = str(Path(tmp) / "data")
        try:
            for ep in entry_points():
                if only_owned and not ep.owned:
                    continue
                t0 = time.monotonic()
                work = Path(tmp) / ep.name.replace(" ", "_")
                work.mkdir()
                results[ep.name] = fuzz_entry(ep, n_per_entry, seed, work)
                if report:
                    report(ep.name, results[ep.name], time.monotonic() - t0)
        finally:
            if old is None:
                os.environ.pop("AILABOR_DATA", None)
            else:
                os.environ["AILABOR_DATA"] = old
    return results
