"""Read any long-format label file (one row per label) into crowd-kit's layout.

``read_annotations`` is the generic reader every label source goes through (ZenCrowd,
Snow et al. 2008, the truth-inference benchmarks) and the one a notebook user points at
their own file. It is strict: a row with more or fewer fields than the header, an
unclosed quote, a file that is empty, binary or not UTF-8, a Parquet file that is not
Parquet, a missing path or a directory each raise a :class:`~ailabor.errors.ParseError`
that names the file and, where it applies, the line. Nothing is dropped silently.

Output columns: ``task``, ``worker``, ``label``, ``true_label`` (when a gold column is
named; blank gold is missing, not a wrong answer), ``source_row`` (1-based line of the
file, counting the header), ``dataset`` (when given) and any ``keep_columns``.

Types: labels (and gold) are integers (``Int64``) when every non-blank value in the file
is an integer, else strings; ``label_dtype=`` declares them instead. Task IDs are strings.

Duplicates: a worker labelling the same task more than once is counted and reported
(``df.attrs["duplicates"]``); ``duplicates=`` chooses what happens to the repeats.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ailabor.clean.privacy import pseudonymise as _pseudonymise
from ailabor.errors import ParseError

DUPLICATE_POLICIES = ("warn", "keep", "first", "last", "error")
_INT = re.compile(r"^[+-]?\d+$")
_PARQUET_MAGIC = b"PAR1"


class DuplicateLabelsWarning(UserWarning):
    """A worker labelled the same task more than once."""


def infer_label_dtype(values) -> str:
    """``"Int64"`` when every non-blank value is an integer, else ``"str"``.

    >>> infer_label_dtype(["2", "10", ""]), infer_label_dtype(["yes", "1"]), infer_label_dtype([])
    ('Int64', 'str', 'str')
    """
    s = pd.Series(values, dtype=str)
    s = s[s.notna() & (s != "")]
    return "Int64" if len(s) and bool(s.str.fullmatch(_INT.pattern).all()) else "str"


def cast_labels(values: pd.Series, dtype: str) -> pd.Series:
    """Stripped text to ``dtype`` (``"Int64"``, ``"str"``, or any pandas dtype); blank -> NA.

    >>> cast_labels(pd.Series(["1", " 0", ""]), "Int64").tolist()
    [1, 0, <NA>]
    >>> cast_labels(pd.Series(["a", ""]), "str").isna().tolist()
    [False, True]
    """
    s = values.str.strip()
    s = s.mask(s == "")
    if dtype in ("int", "Int64"):
        return pd.to_numeric(s).astype("Int64")
    return s.astype(dtype)


def _read_bytes(path: Path, source_id: str) -> bytes:
    if not path.exists():
        raise ParseError(source_id, path, "no such file")
    if path.is_dir():
        raise ParseError(source_id, path, "is a directory, not a label file")
    data = path.read_bytes()
    if not data:
        raise ParseError(source_id, path, "empty file (0 bytes)")
    return data


def _decode(data: bytes, path: Path, source_id: str, encoding: str) -> str:
    if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig"):
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise ParseError(
                source_id,
                path,
                "UTF-16 text (byte-order mark found); re-save as UTF-8 or pass encoding='utf-16'",
                row=1,
            )
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            source_id,
            path,
            f"not valid {encoding} (byte {data[exc.start : exc.start + 1]!r} at offset {exc.start}); "
            "pass encoding= (e.g. 'latin-1') if the file is in another encoding",
            row=line,
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ParseError(
            source_id, path, "binary content (NUL byte): not a text label file", row=line
        )
    if not text.strip():
        raise ParseError(source_id, path, "no rows (only whitespace)")
    return text


def _rows_csv_module(text: str, path: Path, source_id: str, sep: str):
    """Rows and their start lines, by the csv module (handles quoted fields over lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows, lines = [], []
    start = 1
    try:
        for row in reader:
            if row and not (len(row) == 1 and row[0].strip() == ""):
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ParseError(source_id, path, f"malformed CSV: {exc}", row=start) from None
    return rows, np.asarray(lines, dtype="int64")


def _split_rows(
    text: str, path: Path, source_id: str, sep: str, header: int | None
) -> tuple[list[str], dict[str, pd.Series], np.ndarray]:
    """Column names, stripped text columns, and the 1-based line where each row starts.

    A row with more or fewer fields than the header (or, without a header, than the first
    row) raises. Files without quote characters take a vectorised path (one row per
    non-blank line); files with quotes go through the csv module.
    """
    if header not in (0, None):
        raise ValueError("header must be 0 (first line) or None (no header line)")
    if '"' in text:
        rows, lines = _rows_csv_module(text, path, source_id, sep)
        if not rows:
            raise ParseError(source_id, path, "no rows")
        counts = np.fromiter((len(r) for r in rows), dtype="int64", count=len(rows))
    else:
        # One line ending everywhere (CRLF and old Mac CR too, as pandas' parser reads them),
        # so the field count per line checked here is the one the parser below sees.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        phys = pd.Series(text.split("\n"), dtype=str)
        if text.endswith("\n"):
            phys = phys.iloc[:-1]
        keep = phys.str.strip().ne("").to_numpy()
        # Blank lines that are truly empty are skipped by pandas' parser too; whitespace-only
        # lines are not, so then the kept lines are re-joined before parsing.
        only_empty_skipped = bool(phys[~keep].eq("").all())
        lines = np.flatnonzero(keep).astype("int64") + 1
        phys = phys[keep].reset_index(drop=True)
        if not len(phys):
            raise ParseError(source_id, path, "no rows")
        counts = phys.str.count(re.escape(sep)).to_numpy() + 1
        rows = None
    n = int(counts[0])
    what = "the first row has" if header is None else "header has"
    bad = np.flatnonzero(counts != n)
    if len(bad):
        i = int(bad[0])
        raise ParseError(
            source_id,
            path,
            f"{int(counts[i])} fields, {what} {n} (sep={sep!r}); a row must not shift columns",
            row=int(lines[i]),
        )
    if rows is None:
        # Field counts are checked, so pandas' C parser can split the kept lines one to one.
        split = pd.read_csv(
            io.StringIO(text if only_empty_skipped else "\n".join(phys)),
            sep=sep,
            header=None,
            dtype=str,
            na_filter=False,
            quoting=csv.QUOTE_NONE,
            skip_blank_lines=True,
            engine="c" if len(sep) == 1 else "python",
        )
        if len(split) != len(phys):  # pragma: no cover - a guard, not a path
            raise ParseError(source_id, path, "rows and lines disagree; please report")
        cols = [split[j].astype(str).str.strip() for j in range(n)]
    else:
        cols = [pd.Series([r[j] for r in rows], dtype=str).str.strip() for j in range(n)]
    if header is None:
        names = [str(i) for i in range(n)]
    else:
        names = [str(c.iloc[0]) for c in cols]
        cols = [c.iloc[1:].reset_index(drop=True) for c in cols]
        lines = lines[1:]
        if dup := sorted({c for c in names if names.count(c) > 1}):
            raise ParseError(source_id, path, f"header repeats column name(s) {dup}", row=1)
    return names, dict(zip(names, cols, strict=True)), lines


def _read_parquet(path: Path, data: bytes, source_id: str) -> pd.DataFrame:
    if len(data) < 12 or data[:4] != _PARQUET_MAGIC or data[-4:] != _PARQUET_MAGIC:
        raise ParseError(source_id, path, "not a Parquet file (no PAR1 magic bytes)")
    try:
        df = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise ParseError(source_id, path, f"unreadable Parquet: {exc}") from None
    return df


def _column_ref(df_cols: list, ref, header: int | None):
    """The frame column a user reference names (positions count from 0)."""
    if ref in df_cols:
        return ref
    if header is None and isinstance(ref, int | np.integer) and str(ref) in df_cols:
        return str(ref)
    return None


def read_annotations(
    path: str | Path,
    task: str | int = "task",
    worker: str | int = "worker",
    label: str | int = "label",
    true_label: str | int | None = None,
    *,
    gold: str | int | None = None,
    sep: str = ",",
    header: int | None = 0,
    dataset: str | None = None,
    label_dtype: str | None = None,
    pseudonymise: bool = True,
    keep_columns: Sequence[str | int] | Mapping[str, str | int] = (),
    duplicates: str = "warn",
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a long-format label file (CSV/TSV, or Parquet) into ``task``, ``worker``, ``label``.

    Column arguments are names, or 0-based positions when ``header=None``. ``true_label=``
    names the gold column (``gold=`` is an alias). ``label_dtype`` declares the label type
    (``"Int64"`` or ``"str"``); by default labels are integers when every value is one.
    ``pseudonymise=False`` keeps worker IDs as they are (only for IDs that are already
    public); ``keep_columns`` keeps side columns (time, pay, ...) for joining, renamed when
    given as a mapping ``{output name: column}``. ``duplicates`` (repeated worker x task
    pairs): ``"warn"`` keeps them all and warns, ``"keep"`` keeps them silently,
    ``"first"``/``"last"`` keep one, ``"error"`` raises; the counts are always in
    ``df.attrs["duplicates"]``.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "l.csv")
    >>> _ = open(p, "w").write("item,annotator,answer,gold\\nt1,a,2,2\\nt1,b,10,2\\nt2,a,1,\\n")
    >>> d = read_annotations(p, task="item", worker="annotator", label="answer", true_label="gold", pseudonymise=False)
    >>> d[["task", "worker", "label"]].to_dict("list")
    {'task': ['t1', 't1', 't2'], 'worker': ['a', 'b', 'a'], 'label': [2, 10, 1]}
    >>> d["true_label"].isna().tolist(), str(d["label"].dtype)
    ([False, False, True], 'Int64')
    """
    path = Path(path)
    source_id = dataset or "annotations"
    if gold is not None:
        if true_label is not None and true_label != gold:
            raise TypeError("give the gold column once: true_label= (gold= is an alias)")
        true_label = gold
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_POLICIES}, not {duplicates!r}")
    data = _read_bytes(path, source_id)
    is_parquet = path.suffix.lower() in (".parquet", ".pq") or data[:4] == _PARQUET_MAGIC
    if is_parquet:
        raw = _read_parquet(path, data, source_id)
        if header is None:
            raw.columns = [str(i) for i in range(raw.shape[1])]
        raw_cols = list(raw.columns)
        lines = np.arange(len(raw)) + 1
        cols_text = {
            c: raw[c].astype("string").fillna("").astype(str).str.strip() for c in raw_cols
        }
        if not len(raw):
            raise ParseError(source_id, path, "no rows")
    else:
        text = _decode(data, path, source_id, encoding)
        raw_cols, cols_text, lines = _split_rows(text, path, source_id, sep, header)
        if not len(lines):
            raise ParseError(source_id, path, "header only, no label rows", row=1)

    wanted = {"task": task, "worker": worker, "label": label}
    if true_label is not None:
        wanted["true_label"] = true_label
    extra = (
        dict(keep_columns)
        if isinstance(keep_columns, Mapping)
        else {(f"column_{c}" if isinstance(c, int) else str(c)): c for c in keep_columns}
    )
    resolved, missing = {}, []
    for out_name, ref in {**wanted, **extra}.items():
        col = _column_ref(raw_cols, ref, header)
        if col is None:
            missing.append(ref)
        resolved[out_name] = col
    if missing:
        shown = (
            raw_cols
            if header is not None
            else f"{len(raw_cols)} positional columns 0-{len(raw_cols) - 1}"
        )
        hints = []
        if header is not None and len(raw_cols) == 1 and any(s in raw_cols[0] for s in "\t;|"):
            hints.append("one column whose name contains a separator: try sep='\\t' (or ';', '|')")
        if header is not None and all(isinstance(m, int) for m in missing):
            hints.append("positions need header=None (a file without a header line)")
        if header is not None and not hints:
            hints.append("if the file has no header line, pass header=None and column positions")
        raise ParseError(
            source_id,
            path,
            f"missing columns {missing}; found {shown}"
            + (f" ({'; '.join(hints)})" if hints else ""),
            row=1,
        )

    out = pd.DataFrame({k: cols_text[c].to_numpy() for k, c in resolved.items() if k in wanted})
    blank = out[["task", "worker", "label"]].eq("").any(axis=1).to_numpy()
    if blank.any():
        i = int(blank.nonzero()[0][0])
        which = [c for c in ("task", "worker", "label") if out.at[i, c] == ""]
        raise ParseError(source_id, path, f"blank {', '.join(which)}", row=int(lines[i]))

    values = out["label"]
    if "true_label" in out:
        values = pd.concat([values, out["true_label"]], ignore_index=True)
    dtype = label_dtype or infer_label_dtype(values)
    for c in ("label", "true_label"):
        if c in out:
            try:
                out[c] = cast_labels(out[c].astype(str), dtype)
            except (ValueError, TypeError) as exc:
                raise ParseError(source_id, path, f"{c} is not {dtype}: {exc}") from None
    out["task"] = out["task"].astype(str)
    if pseudonymise:  # one keyed hash per distinct ID, not per label
        codes, uniques = pd.factorize(out["worker"])
        out["worker"] = np.asarray([_pseudonymise(u) for u in uniques], dtype=object)[codes]
    out["worker"] = out["worker"].astype(str)
    out["source_row"] = lines.astype("int64")  # file line (Parquet: row number from 1)
    if dataset:
        out["dataset"] = dataset
    for name in extra:
        s = cols_text[resolved[name]]
        num = pd.to_numeric(s.mask(s == ""), errors="coerce")
        ok = num.notna() | (s == "")
        out[name] = num.to_numpy() if ok.all() else s.mask(s == "").to_numpy()

    out, report = apply_duplicate_policy(out, duplicates, path=path, source_id=source_id)
    out.attrs["duplicates"] = report
    out.attrs["path"] = str(path)
    return out


def apply_duplicate_policy(
    df: pd.DataFrame, policy: str = "warn", path: object = "", source_id: str = "annotations"
) -> tuple[pd.DataFrame, dict]:
    """Count repeated (worker, task) pairs and apply ``policy``; return the frame and counts.

    >>> d = pd.DataFrame({"task": ["t", "t", "u"], "worker": ["a", "a", "a"], "label": [1, 0, 1]})
    >>> out, rep = apply_duplicate_policy(d, "last")
    >>> out["label"].tolist(), rep
    ([0, 1], {'pairs': 1, 'extra_rows': 1, 'conflicting_pairs': 1, 'policy': 'last', 'rows_dropped': 1})
    """
    dup_any = df.duplicated(["worker", "task"], keep=False)
    extra = int(df.duplicated(["worker", "task"]).sum())
    pairs = df[dup_any]
    n_pairs = int(pairs.groupby(["worker", "task"]).ngroups) if len(pairs) else 0
    conflicting = (
        int((pairs.groupby(["worker", "task"])["label"].nunique() > 1).sum()) if len(pairs) else 0
    )
    report = {
        "pairs": n_pairs,
        "extra_rows": extra,
        "conflicting_pairs": conflicting,
        "policy": policy,
        "rows_dropped": 0,
    }
    if not n_pairs:
        return df, report
    msg = (
        f"[{source_id}] {path}: {n_pairs} (worker, task) pairs labelled more than once "
        f"({extra} extra rows, {conflicting} pairs with different labels)"
    )
    if policy == "error":
        first = df[dup_any].iloc[0]
        row = first["source_row"] if "source_row" in df else None
        raise ParseError(source_id, path, msg.split(": ", 1)[1] + "; choose duplicates=", row=row)
    if policy == "warn":
        warnings.warn(
            msg + "; all kept (pass duplicates='keep', 'first', 'last' or 'error')",
            DuplicateLabelsWarning,
            stacklevel=3,
        )
    if policy in ("first", "last"):
        df = df[~df.duplicated(["worker", "task"], keep=policy)].reset_index(drop=True)
        report["rows_dropped"] = extra
    return df, report


def read_gold(
    path: str | Path,
    task: str | int = "task",
    true_label: str | int = "true_label",
    *,
    sep: str = ",",
    header: int | None = 0,
    dataset: str | None = None,
    label_dtype: str | None = None,
    encoding: str = "utf-8",
) -> pd.Series:
    """A gold file (one row per task) as a Series ``true_label`` indexed by ``task``.

    Same strictness as :func:`read_annotations`; a task listed twice raises.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "truth.csv")
    >>> _ = open(p, "w").write("item,truth\\n3,1\\n4,0\\n")
    >>> read_gold(p, task="item", true_label="truth").to_dict()
    {'3': 1, '4': 0}
    """
    path = Path(path)
    source_id = dataset or "annotations"
    text = _decode(_read_bytes(path, source_id), path, source_id, encoding)
    names, text_cols, lines = _split_rows(text, path, source_id, sep, header)
    cols = {}
    for name, ref in (("task", task), ("true_label", true_label)):
        col = _column_ref(names, ref, header)
        if col is None:
            raise ParseError(source_id, path, f"missing column {ref!r}; found {names}", row=1)
        cols[name] = text_cols[col]
    t, g = cols["task"], cols["true_label"]
    if (blank := t.eq("")).any():
        raise ParseError(source_id, path, "blank task", row=lines[int(blank.idxmax())])
    if (dup := t.duplicated()).any():
        i = int(dup.idxmax())
        raise ParseError(source_id, path, f"task {t[i]!r} has two gold rows", row=lines[i])
    g = cast_labels(g, label_dtype or infer_label_dtype(g))
    return pd.Series(g.to_numpy(), index=pd.Index(t.to_numpy(), name="task"), name="true_label")
