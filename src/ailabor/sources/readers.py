"""Strict reading of raw files: one mechanism for every parser.

Every parser reads its bytes through these helpers, so a file that is empty,
binary, a zip, UTF-16, not UTF-8, ragged (a row with more or fewer fields than the
header) or quoted wrong fails in one way: a :class:`~ailabor.errors.ParseError`
naming the source, the file, the line and what was expected. Nothing is dropped or
shifted silently (pandas' ``read_csv`` would take an extra field as an index and
move every column one place).

The API, smallest first:

- :func:`read_bytes` - the bytes of a file; missing, a directory, unreadable or
  empty are errors.
- :func:`decode_text` - UTF-8 text (a UTF-8 BOM is dropped); anything else is an
  error that says which byte on which line.
- :func:`read_text` - both of the above.
- :func:`iter_records` - ``(line, fields)`` for each CSV record, with strict quoting.
- :func:`records_to_frame` - header + records -> an all-text frame whose index is
  the line number of each record; every record must have the header's field count.
- :func:`read_csv_strict` - all of it for an ordinary CSV or TSV with one header row.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "ok.csv").write_text("task,worker,label\\nt1,w1,yes\\n")
>>> read_csv_strict(d / "ok.csv", "demo", required=["task"]).to_dict("index")
{2: {'task': 't1', 'worker': 'w1', 'label': 'yes'}}
>>> _ = (d / "shifted.csv").write_text("task,worker,label\\nt1,w1,yes,0.9\\n")
>>> read_csv_strict(d / "shifted.csv", "demo")
Traceback (most recent call last):
...
ailabor.errors.ParseError: [demo] .../shifted.csv, line 2: 4 fields, expected 3 as in the header (task, worker, label)
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from ailabor.errors import ParseError

#: Magic numbers of formats that are sometimes saved under a ``.csv`` name.
_MAGIC = {
    b"PK\x03\x04": "a zip archive",
    b"PAR1": "a Parquet file",
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "a gzip file",
    b"\xd0\xcf\x11\xe0": "an old Excel/OLE file",
}


def read_bytes(path: Path | str, source_id: str, *, allow_empty: bool = False) -> bytes:
    """The bytes of ``path``, or a :class:`ParseError` that says why not.

    >>> read_bytes("/no/such/file.csv", "demo")
    Traceback (most recent call last):
    ...
    ailabor.errors.ParseError: [demo] /no/such/file.csv: no such file
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ParseError(source_id, path, "no such file") from None
    except IsADirectoryError:
        raise ParseError(source_id, path, "is a directory, expected a file") from None
    except OSError as exc:
        raise ParseError(source_id, path, f"cannot be read: {exc.strerror or exc}") from None
    if not allow_empty and not data.strip():
        raise ParseError(source_id, path, "empty file (0 bytes or only white space)")
    return data


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode_text(data: bytes, path: Path | str, source_id: str) -> str:
    """UTF-8 text of ``data`` (a UTF-8 byte-order mark is dropped).

    UTF-16, binary data (a NUL byte), known binary formats and bytes that are not
    UTF-8 are errors that name the line.

    >>> decode_text(b"\\xef\\xbb\\xbfa,b\\n", "f.csv", "demo")
    'a,b\\n'
    >>> decode_text(b"a,b\\nM\\xfcller,1\\n", "f.csv", "demo")
    Traceback (most recent call last):
    ...
    ailabor.errors.ParseError: [demo] f.csv, line 2: byte 0xfc at column 2 is not UTF-8 (expected UTF-8 text; convert Latin-1/Windows-1252 files first)
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ParseError(source_id, path, "UTF-16 text (byte-order mark), expected UTF-8", line=1)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ParseError(source_id, path, f"{what}, expected text", line=1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise ParseError(
            source_id,
            path,
            f"binary data (a NUL byte at column {col}); expected UTF-8 text",
            line=line,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise ParseError(
            source_id,
            path,
            f"byte 0x{data[exc.start]:02x} at column {col} is not UTF-8 "
            "(expected UTF-8 text; convert Latin-1/Windows-1252 files first)",
            line=line,
        ) from None


def read_text(path: Path | str, source_id: str) -> str:
    """:func:`read_bytes` then :func:`decode_text`."""
    return decode_text(read_bytes(path, source_id), path, source_id)


def iter_records(
    text: str, source_id: str, path: Path | str, *, sep: str = ",", first_line: int = 1
) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` for every CSV record of ``text``; blank lines are skipped.

    ``line`` is the file line where the record starts (``first_line`` is the line of
    the first line of ``text``). An unclosed quote or a stray quote is an error.

    >>> list(iter_records('a,b\\n"x\\ny",2\\n', "demo", "f.csv"))
    [(1, ['a', 'b']), (2, ['x\\ny', '2'])]
    >>> list(iter_records('a,b\\n"x,2\\n', "demo", "f.csv"))
    Traceback (most recent call last):
    ...
    ailabor.errors.ParseError: [demo] f.csv, line 2: bad quoting (unexpected end of data); expected fields separated by ',' with "..." quotes closed on the same record
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ParseError(
                source_id,
                path,
                f"bad quoting ({exc}); expected fields separated by {sep!r} "
                'with "..." quotes closed on the same record',
                line=start + first_line - 1,
            ) from None
        line = start + first_line - 1
        start = reader.line_num + 1
        if fields:
            yield line, fields


def records_to_frame(
    records: Iterable[tuple[int, list[str]]],
    source_id: str,
    path: Path | str,
    *,
    required: Sequence[str] = (),
    optional_trailing: Sequence[str] = (),
    what: str = "file",
) -> pd.DataFrame:
    """The first record is the header; the rest become an all-text frame.

    The frame's index is the file line of each record, so a later check can name
    the line (``df.index[i]``). Every record must have as many fields as the
    header; header names must be unique; ``required`` columns must be present.
    Empty header names (a trailing separator, as in the World Bank's bulk CSVs)
    are allowed and kept as ``""``-named columns only if unique.

    ``optional_trailing`` names last columns that an exporter leaves off when they
    are empty (MTurk batch files end the header with ``Approve,Reject`` and the rows
    without them): a record may lack exactly those, and they read as ``""``. A
    record with more fields than the header is always an error.

    >>> recs = [(1, ["a", "Approve"]), (2, ["x"])]
    >>> records_to_frame(recs, "demo", "f.csv", optional_trailing=["Approve"]).to_dict("index")
    {2: {'a': 'x', 'Approve': ''}}
    """
    it = iter(records)
    first = next(it, None)
    if first is None:
        raise ParseError(source_id, path, f"no header row: the {what} has no records")
    header_line, header = first
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise ParseError(
            source_id, path, f"duplicate column names {dupes} in the header", line=header_line
        )
    if missing := [c for c in required if c not in header]:
        raise ParseError(
            source_id,
            path,
            f"missing columns {missing}; expected them in the header, found {header}",
            line=header_line,
        )
    n = len(header)
    k = len(optional_trailing)
    if k and list(header[n - k :]) != list(optional_trailing):
        raise ParseError(
            source_id,
            path,
            f"expected the header to end with {list(optional_trailing)}, found {header[n - k :]}",
            line=header_line,
        )
    lines, rows = [], []
    for line, fields in it:
        if n - k <= len(fields) < n:
            fields = fields + [""] * (n - len(fields))
        if len(fields) != n:
            shown = ", ".join(h for h in header[:8]) + (", ..." if n > 8 else "")
            raise ParseError(
                source_id,
                path,
                f"{len(fields)} fields, expected {n} as in the header ({shown})",
                line=line,
            )
        lines.append(line)
        rows.append(fields)
    df = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=object)
    if not rows:
        df = pd.DataFrame({h: pd.Series([], dtype=object) for h in header})
        df.index = pd.Index([], name="line", dtype="int64")
    return df


def read_csv_strict(
    path: Path | str,
    source_id: str,
    *,
    sep: str = ",",
    required: Sequence[str] = (),
    optional_trailing: Sequence[str] = (),
) -> pd.DataFrame:
    """Read a one-header CSV (or TSV with ``sep="\\t"``) strictly; all values are text.

    No value is read as missing (``"NA"`` stays ``"NA"``: it is Namibia in ISO 2).
    The index is the file line of each row (see :func:`records_to_frame`).
    """
    text = read_text(path, source_id)
    return records_to_frame(
        iter_records(text, source_id, path, sep=sep),
        source_id,
        path,
        required=required,
        optional_trailing=optional_trailing,
    )


def _as_line(label: object) -> int | None:
    """The index label as a line number, if it is one (see :func:`records_to_frame`)."""
    return int(label) if isinstance(label, numbers.Integral) else None


def to_number(df: pd.DataFrame, col: str, source_id: str, path: Path | str) -> pd.Series:
    """Float values of a text column; ``""`` is missing, anything else unparseable an error.

    >>> df = pd.DataFrame({"x": ["1.5", "", "n/a"]}, index=[2, 3, 4])
    >>> to_number(df.iloc[:2], "x", "demo", "f.csv").tolist()
    [1.5, nan]
    >>> to_number(df, "x", "demo", "f.csv")
    Traceback (most recent call last):
    ...
    ailabor.errors.ParseError: [demo] f.csv, line 4: x: expected a number or an empty cell, found 'n/a'
    """
    text = df[col].astype(str).str.strip()
    num = pd.to_numeric(text.replace("", None), errors="coerce").astype("float64")
    bad = text.ne("") & num.isna()
    if bad.any():
        line = bad.idxmax()
        raise ParseError(
            source_id,
            path,
            f"{col}: expected a number or an empty cell, found {df.at[line, col]!r}",
            line=_as_line(line),
        )
    return num


def to_integer(df: pd.DataFrame, col: str, source_id: str, path: Path | str) -> pd.Series:
    """Whole-number values (nullable ``Int64``) of a text column; ``2024.5`` is an error.

    >>> to_integer(pd.DataFrame({"y": ["2024", ""]}), "y", "demo", "f.csv").tolist()
    [2024, <NA>]
    """
    num = to_number(df, col, source_id, path)
    bad = num.notna() & ((num % 1 != 0) | (num.abs() > 2**53))
    if bad.any():
        line = bad.idxmax()
        raise ParseError(
            source_id,
            path,
            f"{col}: expected a whole number, found {df.at[line, col]!r}",
            line=_as_line(line),
        )
    return num.astype("Int64")
