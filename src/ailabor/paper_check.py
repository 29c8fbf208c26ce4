"""``make paper-check``: what a replication editor checks before a paper goes out.

Checks, each reported as ``file:line: [check] message``:

- ``uncited-figure``: every ``#figure`` (figures and tables) has a label and is referenced (``@label``);
- ``unresolved-citation``: every ``@key`` and every generated citation key is a label in the
  paper or an entry of the bibliography;
- ``hand-typed-number``: no digit in the prose of ``paper/main.typ`` or ``paper/sections/*.typ``
  (numbers come from generated values; section numbers are typst's own numbering);
- ``font-not-embedded``: every font in the PDF is embedded (``pdffonts``, poppler-utils);
- ``pdf-text``: the text extracted from the PDF (``pdftotext``) has balanced parentheses per
  paragraph, no hyphen-minus where a minus sign belongs, no opening quote used as an apostrophe;
- ``figure-print-size``: each figure's smallest text is at least ``MIN_FONT_PT`` at the size the
  paper prints it (figure width from the sidecar ``save()`` writes, against the width typst
  includes the figure at).

Usage: python -m ailabor.paper_check [PAPER_DIR]   (exit status 1 when anything is found)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ailabor.figures.style import MIN_FONT_PT
from ailabor.paper_sources import (
    Finding,
    check_sources,
    hand_typed_numbers,
    line_of,
)

UNITS_IN = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "pt": 1 / 72}
PAPER_SIZES_MM = {"a4": (210, 297), "us-letter": (215.9, 279.4)}


# ---- the PDF --------------------------------------------------------------------------------

MINUS_RE = re.compile(r"(?:^|(?<=[\s(\[=<>≈,;:]))-(?=\d)")
APOSTROPHE_RE = re.compile(r"[\w.]‘(?=\w|\s)|[\w.]‘$")


def _context(text: str, i: int) -> str:
    return " ".join(text[max(0, i - 50) : i + 50].split())


def unbalanced_parentheses(text: str, where: str = "PDF") -> list[Finding]:
    """Parentheses matched through the whole text (a table cell may open one on a page and close
    it on the next; pdftotext separates pages with form feeds). One finding per unmatched one.

    >>> [f.line for f in unbalanced_parentheses("(a\f b) c)\f(d")]
    [2, 3]
    """
    found, open_at, page = [], [], 1
    for i, ch in enumerate(text):
        if ch == "\f":
            page += 1
        elif ch == "(":
            open_at.append((page, i))
        elif ch == ")":
            if open_at:
                open_at.pop()
            else:
                found.append(
                    Finding(where, page, "pdf-text", f"')' without '(': {_context(text, i)!r}")
                )
    for pg, i in open_at:
        found.append(Finding(where, pg, "pdf-text", f"'(' never closed: {_context(text, i)!r}"))
    return sorted(found, key=lambda f: f.line)


def text_defects(text: str, where: str = "PDF") -> list[Finding]:
    """Typographic defects in extracted text (pages split by form feeds, as pdftotext writes):
    unbalanced parentheses, hyphen-minus for a minus sign, an opening quote for an apostrophe.

    >>> [f.message[:16] for f in text_defects("See (a (b).\\n\\nA gap of -0.3 points.\\n\\nSnow et al.‘s data.")]
    ["'(' never closed", 'hyphen-minus for', 'opening quote as']
    >>> text_defects("Range 0-99 and −0.3 (fine). Snow et al.’s data.")
    []
    """
    return unbalanced_parentheses(text, where) + minus_and_quote_defects(text, where)


def minus_and_quote_defects(text: str, where: str = "PDF") -> list[Finding]:
    """Hyphen-minus for a minus sign and opening quote for an apostrophe, per paragraph."""
    found = []
    for page_no, page in enumerate(text.split("\f"), start=1):
        for para in re.split(r"\n\s*\n", page):
            flat = " ".join(para.split())
            m = MINUS_RE.search(flat)
            if m:
                found.append(
                    Finding(
                        where,
                        page_no,
                        "pdf-text",
                        f"hyphen-minus for a minus: {flat[max(0, m.start() - 30) : m.end() + 10]!r}",
                    )
                )
            m = APOSTROPHE_RE.search(flat)
            if m:
                found.append(
                    Finding(
                        where,
                        page_no,
                        "pdf-text",
                        f"opening quote as apostrophe: {flat[max(0, m.start() - 30) : m.end() + 10]!r}",
                    )
                )
    return found


def fonts_not_embedded(pdffonts_output: str) -> list[str]:
    """Names of fonts ``pdffonts`` lists as not embedded.

    >>> out = ("name type encoding emb sub uni object ID\\n---- ---- ---- --- --- --- ---------\\n"
    ...        "ABCDEF+Libertine CID Type 0C Identity-H yes yes yes 5 0\\nHelvetica Type 1 Standard no no no 7 0\\n")
    >>> fonts_not_embedded(out)
    ['Helvetica']
    """
    bad = []
    for line in pdffonts_output.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        emb = parts[-5]  # name type... encoding emb sub uni objectnum gen
        if emb != "yes":
            bad.append(parts[0])
    return bad


# ---- figure print size ----------------------------------------------------------------------


def text_width_in(main_typ: str) -> float:
    """Text width in inches from ``#set page(paper: ..., margin: (x: ...))``.

    >>> round(text_width_in('#set page(paper: "a4", margin: (x: 2.2cm, y: 2.4cm))'), 3)
    6.535
    """
    paper = re.search(r'paper:\s*"([\w-]+)"', main_typ)
    width_mm = PAPER_SIZES_MM.get(paper.group(1) if paper else "a4", PAPER_SIZES_MM["a4"])[0]
    m = re.search(r"margin:\s*\(\s*x:\s*([\d.]+)(cm|mm|in|pt)", main_typ) or re.search(
        r"margin:\s*([\d.]+)(cm|mm|in|pt)", main_typ
    )
    margin_in = float(m.group(1)) * UNITS_IN[m.group(2)] if m else 2.5 / 2.54
    return width_mm / 25.4 - 2 * margin_in


def printed_figures(text: str) -> list[tuple[int, str, str | None]]:
    """(position, image path, width expression) of each ``image(...)`` in a typst file.

    >>> printed_figures('#figure(image("../figures/a.png", width: 88%))')
    [(8, '../figures/a.png', '88%')]
    """
    out = []
    for m in re.finditer(r'image\(\s*"([^"]+)"([^)]*)\)', text):
        w = re.search(r"width:\s*([\d.]+(?:%|cm|mm|in|pt))", m.group(2))
        out.append((m.start(), m.group(1), w.group(1) if w else None))
    return out


def printed_width_in(width: str | None, text_width: float, natural: float) -> float:
    """Printed width in inches of an image included at ``width``.

    >>> printed_width_in("50%", 6.0, 7.0), printed_width_in("3in", 6.0, 7.0), printed_width_in(None, 6.0, 7.0)
    (3.0, 3.0, 6.0)
    """
    if width is None:
        return min(natural, text_width)
    if width.endswith("%"):
        return float(width[:-1]) / 100 * text_width
    unit = width[-2:]
    return float(width[:-2]) * UNITS_IN[unit]


def figure_print_size(files: dict[str, str], paper_dir: Path, text_width: float) -> list[Finding]:
    """Each figure's smallest text at its printed size, from the sidecar ``save()`` writes."""
    found = []
    for name, text in files.items():
        base = (paper_dir / name).parent
        for pos, path, width in printed_figures(text):
            side = (base / path).with_suffix(".json")
            line = line_of(text, pos)
            if not side.exists():
                found.append(
                    Finding(
                        name,
                        line,
                        "figure-print-size",
                        f"{path}: no sidecar {side.name} (draw it with figures.style.save)",
                    )
                )
                continue
            m = json.loads(side.read_text(encoding="utf-8"))
            saved_w = m["saved_size_in"][0]
            printed = printed_width_in(width, text_width, saved_w)
            smallest = m["min_font_pt"] * printed / saved_w if m["min_font_pt"] else None
            if smallest is not None and smallest < MIN_FONT_PT - 1e-9:
                found.append(
                    Finding(
                        name,
                        line,
                        "figure-print-size",
                        f"{path}: smallest text {smallest:.1f} pt at print size "
                        f"({m['min_font_pt']:g} pt on a {saved_w:.2f} in figure printed {printed:.2f} in wide; "
                        f"{m['min_font_text']!r}); needs >= {MIN_FONT_PT:g} pt",
                    )
                )
    return found


# ---- the whole paper ------------------------------------------------------------------------


def _run(cmd: list[str]) -> str | None:
    if shutil.which(cmd[0]) is None:
        return None
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def typst_files(paper_dir: Path) -> dict[str, str]:
    """main.typ and sections/*.typ, by path relative to the paper directory."""
    paths = [paper_dir / "main.typ", *sorted((paper_dir / "sections").glob("*.typ"))]
    return {
        str(p.relative_to(paper_dir)): p.read_text(encoding="utf-8") for p in paths if p.exists()
    }


def _load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def check_paper(paper_dir: Path, pdf: Path | None = None) -> list[Finding]:
    """Run every check on a paper directory (and its PDF when built)."""
    files = typst_files(paper_dir)
    gen = paper_dir / "generated"
    numbers = {}
    for p in sorted(gen.glob("*.json")):
        d = _load_json(p)
        if isinstance(d, dict) and all(isinstance(v, str) for v in d.values()):
            numbers.update(d)
    bib_keys = _load_json(gen / "bib_keys.json")
    bib = set(_load_json(gen / "references.yml"))
    found = check_sources(files, bib, numbers, bib_keys)
    for name, text in files.items():
        found += hand_typed_numbers(text, name)
    found += figure_print_size(files, paper_dir, text_width_in(files.get("main.typ", "")))
    pdf = pdf or paper_dir / "ailabor.pdf"
    if pdf.exists():
        fonts = _run(["pdffonts", str(pdf)])
        if fonts is None:
            found.append(
                Finding(
                    str(pdf),
                    0,
                    "font-not-embedded",
                    "pdffonts (poppler-utils) not installed: fonts not checked",
                )
            )
        else:
            for f in fonts_not_embedded(fonts):
                found.append(Finding(str(pdf), 0, "font-not-embedded", f"font {f} is not embedded"))
        text = _run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"])
        if text is None:
            found.append(
                Finding(
                    str(pdf),
                    0,
                    "pdf-text",
                    "pdftotext (poppler-utils) not installed: text not checked",
                )
            )
        else:
            # Parentheses are matched in layout order (row by row), so that a table header
            # wrapped over two lines is read in order; the other defects in reading order.
            layout = _run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"])
            where = f"{pdf.name} page"
            found += unbalanced_parentheses(layout, where)
            found += minus_and_quote_defects(text, where)
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paper_dir = Path(argv[0]) if argv else Path("paper")
    pdf = paper_dir / "ailabor.pdf"
    if not pdf.exists():
        print(f"paper-check: {pdf} not built; checking the typst sources only", file=sys.stderr)
    found = check_paper(paper_dir)
    for f in found:
        print(f)
    by = {}
    for f in found:
        by[f.check] = by.get(f.check, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(by.items())) or "nothing found"
    print(f"paper-check: {len(found)} finding(s): {summary}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
