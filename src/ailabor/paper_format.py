"""How the paper prints numbers: one place, so every section formats alike.

>>> f(1.234), pct(0.1234, 1), p(0.0004), usd(7.25)
('1.23', '12.3%', '< 0.001', '$7.25')
"""

from __future__ import annotations

import json
from pathlib import Path


def f(x: float, d: int = 2) -> str:
    """Fixed decimals."""
    return f"{x:.{d}f}"


def pct(x: float, d: int = 0) -> str:
    """A share as a percentage."""
    return f"{100 * x:.{d}f}%"


def p(x: float) -> str:
    """A p-value."""
    return "< 0.001" if x < 0.001 else f"{x:.3f}"


def usd(x: float) -> str:
    """US dollars, two decimals."""
    return f"${x:.2f}"


def write_numbers(numbers: dict[str, str], path: Path) -> None:
    """Write the formatted numbers a paper section reads (strings keyed by name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(numbers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(numbers)} numbers to {path}")


def write_results(results: dict, path: Path) -> None:
    """Write raw results (every estimate, unformatted) beside the formatted numbers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
