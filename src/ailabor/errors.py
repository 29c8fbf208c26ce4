"""Exceptions that name what went wrong and where."""

from __future__ import annotations


class AilaborError(Exception):
    """Base class for every error the package raises on purpose."""


class FetchError(AilaborError):
    """A source file could not be fetched (network fault, bad status, truncated body)."""

    def __init__(self, source_id: str, url: str, reason: str, status: int | None = None):
        self.source_id = source_id
        self.url = url
        self.status = status
        self.reason = reason
        status_txt = f" (HTTP {status})" if status is not None else ""
        super().__init__(f"[{source_id}] {url}{status_txt}: {reason}")


class OfflineError(FetchError):
    """Network access is forbidden or unreachable, and no mirror holds the file."""


class ParseError(AilaborError):
    """A raw file does not have the layout its parser expects.

    Always names the source, the file and, where it applies, the line, row or field.

    ``row`` is a data row (1-based, as a spreadsheet counts them) or any label such
    as ``"capsule 3"``; ``line`` is the physical line of the file (1-based).

    >>> str(ParseError("wdi", "x.csv", "5 fields, header has 4", line=7))
    '[wdi] x.csv, line 7: 5 fields, header has 4'
    """

    def __init__(
        self,
        source_id: str,
        path: object,
        reason: str,
        row: object = None,
        line: int | None = None,
    ):
        self.source_id = source_id
        self.path = path
        self.row = row
        self.line = line
        self.reason = reason
        where = ""
        if line is not None:
            where += f", line {line}"
        if row is not None:
            where += f", row {row}"
        super().__init__(f"[{source_id}] {path}{where}: {reason}")


class SchemaError(AilaborError):
    """A table does not match its schema."""


class MissingSourceError(AilaborError):
    """A table cannot be built because a raw snapshot is missing."""


class PinMismatchError(FetchError):
    """A file's bytes differ from the sha256 pinned for it in ``sources/pins.csv``.

    Nothing is written: the snapshot keeps its previous (pinned) bytes, if any.
    """

    def __init__(self, source_id: str, url: str, name: str, expected: str, actual: str):
        self.name = name
        self.expected = expected
        self.actual = actual
        super().__init__(
            source_id,
            url,
            f"{name}: sha256 {actual} differs from the pinned {expected}; refused, nothing "
            f"written. If the source was deliberately re-vintaged, run `ailabor pin {source_id}` "
            "(or `make pin`) and commit src/ailabor/sources/pins.csv",
        )


class StaleTableError(AilaborError):
    """A built table can no longer be trusted (its inputs went missing or corrupt)."""


class UnknownTableError(AilaborError, KeyError):
    """``ailabor.load`` was given a name that is not a published table (the message lists
    the known ones); a ``KeyError`` too, as a lookup by name."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else ""
