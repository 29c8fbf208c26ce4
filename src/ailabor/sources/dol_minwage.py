"""US Department of Labor: state minimum wages under state law, selected years 1968-2024.

One HTML page with six tables (jurisdictions x selected years). Cells mix
placeholders, dual rates, ranges, weekly and daily rates, footnote codes and a few
typos; every cell is parsed explicitly and anything not understood is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup

from ailabor.errors import ParseError
from ailabor.sources.base import Source, SourceFile
from ailabor.sources.readers import read_text

SOURCE = Source(
    source_id="dol_state_minwage",
    title="Changes in Basic Minimum Wages in Non-Farm Employment Under State Law: Selected Years 1968 to 2024",
    publisher="US Department of Labor, Wage and Hour Division",
    licence="US federal government work, public domain",
    is_redistributable=True,
    publisher_url="https://www.dol.gov/agencies/whd/state/minimum-wage/history",
    files=(
        SourceFile(
            name="raw_data.html",
            url="https://www.dol.gov/agencies/whd/state/minimum-wage/history",
            mirror_path="dol-state-minwage-history/raw_data.html",
        ),
    ),
    description="Six tables, 55 jurisdictions (Federal, 50 states, DC, Guam, Puerto Rico, USVI), 39 selected years.",
    citation="US Department of Labor, Wage and Hour Division (2025). State minimum wage history.",
    caveats=(
        "The canonical URL is a live page, not pinned: `ailabor fetch --force` refreshes it.",
    ),
)
SOURCES = (SOURCE,)

PLACEHOLDERS = {"...": "not applicable", "NA": "not available"}
# Cells the MANIFEST lists as suspicious (a later rate in an early year); kept and flagged.
KNOWN_SUSPECT = {
    ("Florida", 1981): "value looks like a later rate typed into 1981",
    ("Georgia", 1981): "value looks like a later rate typed into 1981",
}
_NUM = r"\$?\s*(\d*\.\d+|\d+)"
_FOOT = re.compile(r"\s*[(\[]\s*([a-z0-9]+(?:\s*,\s*[a-z0-9]+)*)\s*[)\]]\s*$")


def parse_cell(text: str) -> dict:
    """Parse one table cell.

    Returns ``rate_low``, ``rate_high`` (equal for a single rate), ``rate_kind``
    (single, range, dual or placeholder), ``unit`` (hour, week, day),
    ``footnotes`` (comma-separated codes), ``placeholder`` and ``typo_fixed``.
    Raises ValueError when the cell is not understood.

    >>> parse_cell("$1.15 & $1.60")["rate_kind"], parse_cell("2.00-7.25(g)")["footnotes"]
    ('dual', 'g')
    >>> c = parse_cell("18.72 - 26.40/wk(b)"); (c["rate_low"], c["rate_high"], c["unit"])
    (18.72, 26.4, 'week')
    >>> parse_cell("4..65(g,,j)")["rate_low"], parse_cell("4..65(g,,j)")["footnotes"], parse_cell("1.25`")["typo_fixed"]
    (4.65, 'g,j', True)
    >>> parse_cell("...")["placeholder"], parse_cell("5.08 – 7.25 (i2)")["footnotes"]
    ('not applicable', 'i2')
    """
    raw = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()
    out = {
        "rate_low": None,
        "rate_high": None,
        "rate_kind": "placeholder",
        "unit": None,
        "footnotes": None,
        "placeholder": None,
        "typo_fixed": False,
        "cell_text": raw,
    }
    if raw in PLACEHOLDERS:
        out["placeholder"] = PLACEHOLDERS[raw]
        return out
    fixed = raw.replace("`", "").replace("..", ".").replace(",,", ",")
    out["typo_fixed"] = fixed != raw
    m = _FOOT.search(fixed)
    if m:
        out["footnotes"] = ",".join(c.strip() for c in m.group(1).split(","))
        fixed = fixed[: m.start()]
    unit = "hour"
    for suffix, u in (("/wk", "week"), ("/day", "day")):
        if fixed.rstrip().endswith(suffix):
            unit, fixed = u, fixed.rstrip()[: -len(suffix)]
    fixed = fixed.strip()
    if m := re.fullmatch(_NUM, fixed):
        lo = hi = float(m.group(1))
        kind = "single"
    elif m := re.fullmatch(_NUM + r"\s*[-–]\s*" + _NUM, fixed):
        lo, hi, kind = float(m.group(1)), float(m.group(2)), "range"
    elif m := re.fullmatch(_NUM + r"\s*(?:&|/)\s*" + _NUM, fixed):
        lo, hi, kind = float(m.group(1)), float(m.group(2)), "dual"
    else:
        raise ValueError(f"cell {raw!r} not understood")
    out.update(rate_low=min(lo, hi), rate_high=max(lo, hi), rate_kind=kind, unit=unit)
    return out


def parse_dol_minwage(path: Path) -> tuple[pd.DataFrame, list[dict]]:
    """All six tables as one long frame, and the list of cells that could not be parsed.

    Columns: ``jurisdiction``, ``is_federal``, ``year``, ``year_footnotes``, the fields of
    :func:`parse_cell`, ``is_increase`` (the value, or part of it, is bold),
    ``table`` (1-6), ``is_suspect`` and ``suspect_reason``.
    """
    sid = SOURCE.source_id
    soup = BeautifulSoup(read_text(path, sid), "lxml")
    tables = soup.select("table.minwage")
    if not tables:
        raise ParseError(sid, path, "no <table class='minwage'>: the page layout changed")
    rows, problems = [], []
    for ti, table in enumerate(tables, start=1):
        heads = [re.sub(r"\s+", " ", th.get_text(" ")).strip() for th in table.select("thead th")]
        if not heads or not heads[0].lower().startswith("state"):
            raise ParseError(
                sid, path, f"table {ti}: first header {heads[:1]} is not the jurisdiction column"
            )
        years = []
        for h in heads[1:]:
            m = re.fullmatch(r"(\d{4})\s*(?:\(([a-z0-9, ]+)\))?", h)
            if not m:
                raise ParseError(sid, path, f"table {ti}: header {h!r} is not a year")
            years.append((int(m.group(1)), (m.group(2) or "").replace(" ", "") or None))
        for ri, tr in enumerate(table.select("tbody tr"), start=1):
            tds = tr.find_all("td")
            if len(tds) != len(years) + 1:
                raise ParseError(
                    sid, path, f"table {ti}: {len(tds)} cells, expected {len(years) + 1}", row=ri
                )
            juris = re.sub(r"\s+", " ", tds[0].get_text(" ")).strip()
            for (year, yfoot), td in zip(years, tds[1:], strict=True):
                text = td.get_text("")
                try:
                    cell = parse_cell(text)
                except ValueError as exc:
                    problems.append(
                        {
                            "table": ti,
                            "row": ri,
                            "jurisdiction": juris,
                            "year": year,
                            "problem": str(exc),
                        }
                    )
                    continue
                bold = any(re.search(r"\d", b.get_text()) for b in td.find_all(["strong", "b"]))
                reason = KNOWN_SUSPECT.get((juris, year))
                rows.append(
                    {
                        "jurisdiction": juris,
                        "is_federal": "federal" in (tr.get("class") or []),
                        "year": year,
                        "year_footnotes": yfoot,
                        **cell,
                        "is_increase": bold,
                        "table": ti,
                        "is_suspect": reason is not None,
                        "suspect_reason": reason,
                    }
                )
    return pd.DataFrame(rows), problems
