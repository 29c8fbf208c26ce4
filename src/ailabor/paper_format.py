"""How the paper prints numbers: one place, so every section formats alike.

Negative numbers print with a true minus sign (U+2212), never a hyphen.

>>> f(1.234), pct(0.1234, 1), p(0.0004), usd(7.25), f(-0.5), signed(2.04, 1), signed(-3.0, 1)
('1.23', '12.3%', '< 0.001', '$7.25', '−0.50', '+2.0', '−3.0')
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MINUS = "\u2212"
_HYPHEN_MINUS = re.compile(r"(?:^|(?<=[\s(\[=<>≈,;:/]))-(?=\d)")


def minus_signs(text: str) -> str:
    """Hyphen-minus before a number (at the start, or after a space or bracket) as U+2212.

    >>> minus_signs("-2.8 to +20.1 (-1)"), minus_signs("2021-22")
    ('−2.8 to +20.1 (−1)', '2021-22')
    """
    return _HYPHEN_MINUS.sub(MINUS, text)


def f(x: float, d: int = 2) -> str:
    """Fixed decimals."""
    return minus_signs(f"{x:.{d}f}")


def signed(x: float, d: int = 1) -> str:
    """Fixed decimals with the sign always shown (+2.0, −3.0)."""
    return minus_signs(f"{x:+.{d}f}")


def pct(x: float, d: int = 0) -> str:
    """A share as a percentage."""
    return minus_signs(f"{100 * x:.{d}f}%")


def p(x: float) -> str:
    """A p-value."""
    return "< 0.001" if x < 0.001 else f"{x:.3f}"


def usd(x: float) -> str:
    """US dollars, two decimals."""
    return f"${x:.2f}"


def write_numbers(numbers: dict[str, str], path: Path) -> None:
    """Write the formatted numbers a paper section reads (strings keyed by name)."""
    numbers = {k: minus_signs(v) if isinstance(v, str) else v for k, v in numbers.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(numbers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(numbers)} numbers to {path}")


def write_paper_csv(df, path: Path) -> None:
    """A table the paper prints, with minus signs in its text cells (see :func:`minus_signs`)."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype) in ("str", "string"):
            out[c] = out[c].map(lambda v: minus_signs(v) if isinstance(v, str) else v)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, lineterminator="\n")


def write_results(results: dict, path: Path) -> None:
    """Write raw results (every estimate, unformatted) beside the formatted numbers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
