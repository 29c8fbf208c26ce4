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

    Always names the source, the file and, where it applies, the row or field.
    """

    def __init__(self, source_id: str, path: object, reason: str, row: object = None):
        self.source_id = source_id
        self.path = path
        self.row = row
        row_txt = f", row {row}" if row is not None else ""
        super().__init__(f"[{source_id}] {path}{row_txt}: {reason}")


class SchemaError(AilaborError):
    """A table does not match its schema."""


class MissingSourceError(AilaborError):
    """A table cannot be built because a raw snapshot is missing."""
