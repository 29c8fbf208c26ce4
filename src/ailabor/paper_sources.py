"""The typst sources of the paper, read as a replication editor reads them: what is prose
(not code, labels, references, raw text or comments), which figures are labelled and cited,
which citations resolve, and which digits were typed by hand. Used by
:mod:`ailabor.paper_check`."""

from __future__ import annotations

import re
from dataclasses import dataclass

KEYWORDS_TO_EOL = ("let", "set", "show", "import", "include")
KEYWORDS_BLOCK = ("if", "for", "while")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.check}] {self.message}"


# ---- scanning typst source ------------------------------------------------------------------


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _skip_string(text: str, i: int) -> int:
    """Index after the string literal starting at ``text[i] == '"'``."""
    i += 1
    while i < len(text) and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _scan_code(text: str, i: int, close: str, out: list) -> int:
    """Skip code until the matching ``close`` (')' or '}'); content blocks inside are markup."""
    while i < len(text):
        c = text[i]
        if c == '"':
            i = _skip_string(text, i)
            continue
        if text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
            continue
        if c == close:
            return i + 1
        if c == "(":
            i = _scan_code(text, i + 1, ")", out)
            continue
        if c == "{":
            i = _scan_code(text, i + 1, "}", out)
            continue
        if c == "[":
            i = _scan_markup(text, i + 1, out, closing="]")
            continue
        i += 1
    return i


def _scan_hash(text: str, i: int, out: list) -> int:
    """Skip a ``#`` expression starting after the '#'; content blocks in it are markup."""
    m = re.match(r"[A-Za-z_][\w-]*", text[i:])
    if m and m.group(0) in KEYWORDS_TO_EOL:
        j = i + m.end()
        while j < len(text) and text[j] != "\n":
            if text[j] == '"':
                j = _skip_string(text, j)
            elif text[j] in "({":
                j = _scan_code(text, j + 1, ")" if text[j] == "(" else "}", [])
            elif text[j] == "[":
                j = _scan_markup(text, j + 1, out, closing="]")
            else:
                j += 1
        return j
    if m and m.group(0) in KEYWORDS_BLOCK:
        j = i + m.end()
        while j < len(text):
            # condition: code up to the first block
            while j < len(text) and text[j] not in "[{":
                if text[j] == '"':
                    j = _skip_string(text, j)
                elif text[j] == "(":
                    j = _scan_code(text, j + 1, ")", [])
                else:
                    j += 1
            if j >= len(text):
                return j
            if text[j] == "[":
                j = _scan_markup(text, j + 1, out, closing="]")
            else:
                j = _scan_code(text, j + 1, "}", out)
            k = j
            while k < len(text) and text[k] in " \t\n":
                k += 1
            if text.startswith("else", k):
                j = k + 4
                continue
            return j
        return j
    if m:
        i += m.end()
    # chain: .field, (args), [content]
    while i < len(text):
        if text[i] == "." and i + 1 < len(text) and re.match(r"[A-Za-z_]", text[i + 1]):
            m = re.match(r"[A-Za-z_][\w-]*", text[i + 1 :])
            i += 1 + m.end()
        elif text[i] == "(":
            i = _scan_code(text, i + 1, ")", out)
        elif text[i] == "[":
            i = _scan_markup(text, i + 1, out, closing="]")
        elif text[i] == "{":
            i = _scan_code(text, i + 1, "}", out)
        else:
            break
    return i


def _scan_markup(text: str, i: int, out: list, closing: str | None = None) -> int:
    """Collect (position, char) of prose characters until ``closing`` at this level."""
    depth = 0
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = len(text) if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i)
            i = len(text) if j < 0 else j + 2
            continue
        if c == "\\":
            i += 2
            continue
        if c == "#":
            i = _scan_hash(text, i + 1, out)
            continue
        if c == "`":
            j = text.find("`", i + 1)
            i = len(text) if j < 0 else j + 1
            continue
        if c == "<":
            m = re.match(r"<[\w\-:.]+>", text[i:])
            if m:
                i += m.end()
                continue
        if c == "@":
            m = re.match(r"@[\w\-:.]*\w", text[i:])
            if m:
                i += m.end()
                continue
        if closing and c == "[":
            depth += 1
        elif closing and c == closing:
            if depth == 0:
                return i + 1
            depth -= 1
        out.append((i, c))
        i += 1
    return i


def prose(text: str) -> list[tuple[int, str]]:
    """(position, character) of every character typst prints as written (not code, labels,
    references, raw text or comments).

    >>> "".join(c for _, c in prose('A #n.x b #f(1, [c 2]) <l> @ref_2 `r3` // 4'))
    'A  b c 2    '
    """
    out: list[tuple[int, str]] = []
    _scan_markup(text, 0, out)
    return out


def hand_typed_numbers(text: str, file: str) -> list[Finding]:
    """A digit in the prose of a typst file is a number typed by hand.

    >>> [f.line for f in hand_typed_numbers("= Title\\nWe saw #n.k workers.\\nOf 12 workers", "x.typ")]
    [3]
    >>> hand_typed_numbers("The W241 study", "x.typ")
    []
    """
    found, last_line = [], -1
    prev, in_name = "", False
    for pos, c in prose(text):
        # A digit right after a letter belongs to a name (W241, ISO3), not a number.
        in_name = c.isdigit() and (prev.isalpha() or (prev.isdigit() and in_name))
        prev = c
        if c.isdigit() and not in_name:
            line = line_of(text, pos)
            if line != last_line:
                snippet = text.splitlines()[line - 1].strip()[:80]
                found.append(
                    Finding(file, line, "hand-typed-number", f"digit in prose: {snippet!r}")
                )
                last_line = line
    return found


def figures(text: str) -> list[tuple[int, str | None]]:
    """(position, label or None) of every ``#figure(...)`` in a typst file.

    >>> figures('#figure(image("a.png"), caption: [x (y]) <fig-a>\\n#figure(table())')
    [(0, 'fig-a'), (49, None)]
    """
    out = []
    for m in re.finditer(r"#figure\(", text):
        end = _scan_code(text, m.end(), ")", [])
        lab = re.match(r"\s*<([\w\-:.]+)>", text[end:])
        out.append((m.start(), lab.group(1) if lab else None))
    return out


def references(text: str) -> set[str]:
    """Keys referenced with ``@key`` in prose or ``cite(label("key"))``/``ref(label("key"))`` in code.

    >>> sorted(references('see @fig-a and @b_2009. Also #cite(label("c")) x@y.org'))
    ['b_2009', 'c', 'fig-a']
    """
    keys = set()
    for m in re.finditer(r"(?<![\w.])@([\w\-:.]*\w)", text):
        keys.add(m.group(1))
    keys.update(re.findall(r'(?:cite|ref)\(label\("([^"]+)"\)', text))
    return keys


def labels(text: str) -> set[str]:
    """Labels defined in a typst file.

    >>> sorted(labels("= Data <data>\\n#figure(x) <fig-a>"))
    ['data', 'fig-a']
    """
    return set(re.findall(r"<([\w\-:.]+)>", text))


def generated_keys(text: str, numbers: dict, bib_keys: dict) -> set[str]:
    """Citation keys a file cites through generated values: ``cites(n.k)`` and ``src("row")``.

    >>> sorted(generated_keys('#cites(n.a) #src("r")', {"a": "k1,k2"}, {"r": "k3"}))
    ['k1', 'k2', 'k3']
    """
    keys = set()
    for name in re.findall(r"cites\(n\.([\w-]+)\)", text):
        keys.update(k for k in str(numbers.get(name, f"<missing number {name}>")).split(",") if k)
    for row in re.findall(r'src\("([^"]+)"\)', text):
        keys.add(bib_keys.get(row, f"<no key for row {row}>"))
    return keys


def check_sources(
    files: dict[str, str], bib: set[str], numbers: dict, bib_keys: dict
) -> list[Finding]:
    """Figures cited and citations resolved across the paper's typst files."""
    found = []
    all_labels = set().union(*(labels(t) for t in files.values()))
    all_refs = set().union(*(references(t) for t in files.values()))
    for name, text in files.items():
        for pos, lab in figures(text):
            line = line_of(text, pos)
            if lab is None:
                found.append(
                    Finding(
                        name,
                        line,
                        "uncited-figure",
                        "figure has no label, so the text cannot cite it",
                    )
                )
            elif lab not in all_refs:
                found.append(
                    Finding(
                        name, line, "uncited-figure", f"figure <{lab}> is never referenced (@{lab})"
                    )
                )
        for key in sorted(references(text) | generated_keys(text, numbers, bib_keys)):
            if key not in all_labels and key not in bib:
                pos = text.find(key)
                found.append(
                    Finding(
                        name,
                        line_of(text, max(pos, 0)),
                        "unresolved-citation",
                        f"@{key} is neither a label nor a bibliography entry",
                    )
                )
    return found
