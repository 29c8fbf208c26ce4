"""What a source is: metadata, files, and where each file can be fetched from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ailabor import config


@dataclass(frozen=True)
class SourceFile:
    """One file of a source.

    ``name`` is the path under ``data/raw/<source_id>/``; ``url`` the canonical
    download address (for GitHub-hosted copies, the raw URL at a pinned commit);
    ``mirror_path`` the path of the same bytes inside a mirror directory.
    """

    name: str
    url: str
    mirror_path: str


@dataclass(frozen=True)
class Source:
    """A registered source, described once (after PUDL's SOURCES and OWID snapshots)."""

    source_id: str
    title: str
    publisher: str
    licence: str
    is_redistributable: bool
    publisher_url: str
    files: tuple[SourceFile, ...]
    description: str = ""
    citation: str = ""
    upstream: str = ""
    upstream_commit: str = ""
    vintage: str = ""  # publisher's release or last-update date, where known
    caveats: tuple[str, ...] = field(default_factory=tuple)

    @property
    def raw_dir(self) -> Path:
        return config.raw_dir() / self.source_id

    def path(self, name: str | None = None) -> Path:
        """Local path of a snapshot file (the first file when ``name`` is None)."""
        if name is None:
            if len(self.files) != 1:
                raise ValueError(f"{self.source_id} has {len(self.files)} files: name one")
            name = self.files[0].name
        return self.raw_dir / name


def github_files(
    repo: str,
    commit: str,
    paths: list[str],
    mirror_prefix: str,
    keep_dirs: bool = False,
    strip_prefix: str = "",
) -> tuple[SourceFile, ...]:
    """SourceFiles for files of a GitHub repo pinned at ``commit``.

    The local name is the file's base name, or its whole upstream path with
    ``keep_dirs`` (for sources whose mirror keeps the upstream sub-folders), less
    ``strip_prefix`` (for mirrors that drop a leading folder).

    >>> f = github_files("o/r", "abc", ["data/x.csv"], "m/")[0]
    >>> f.name, f.url, f.mirror_path
    ('x.csv', 'https://raw.githubusercontent.com/o/r/abc/data/x.csv', 'm/x.csv')
    """
    out = []
    for p in paths:
        name = p.removeprefix(strip_prefix) if keep_dirs else p.rsplit("/", 1)[-1]
        out.append(
            SourceFile(
                name=name,
                url=f"https://raw.githubusercontent.com/{repo}/{commit}/{p}",
                mirror_path=f"{mirror_prefix}{name}",
            )
        )
    return tuple(out)
