"""The source registry: every source ailabor reads, described once.

>>> "zencrowd" in registry()
True
"""

from __future__ import annotations

from ailabor.sources import (
    dol_minwage,
    fed,
    ilostat,
    mturk_hitslist,
    mturk_surveys,
    snow2008,
    truth_inference,
    w241,
    wdi,
    zencrowd,
)
from ailabor.sources.base import Source, SourceFile

_MODULES = (
    wdi,
    ilostat,
    fed,
    w241,
    zencrowd,
    snow2008,
    truth_inference,
    mturk_hitslist,
    dol_minwage,
    mturk_surveys,
)


def registry() -> dict[str, Source]:
    """All registered sources by ``source_id``, in a stable order."""
    out: dict[str, Source] = {}
    for mod in _MODULES:
        for src in mod.SOURCES:
            if src.source_id in out:
                raise ValueError(f"duplicate source_id {src.source_id}")
            out[src.source_id] = src
    return out


def get_source(source_id: str) -> Source:
    reg = registry()
    try:
        return reg[source_id]
    except KeyError:
        raise KeyError(f"unknown source {source_id!r}; known: {', '.join(sorted(reg))}") from None


__all__ = ["Source", "SourceFile", "registry", "get_source"]
