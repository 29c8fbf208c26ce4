"""The paper check: its pure functions on small inputs, planted defects, and the built paper."""

import json
import shutil
from pathlib import Path

import pytest

from ailabor import config
from ailabor.paper_check import (
    check_paper,
    check_sources,
    figure_print_size,
    hand_typed_numbers,
    text_defects,
)

MAIN = '#set page(paper: "a4", margin: (x: 2.2cm, y: 2.4cm))\n#include "sections/a.typ"\n'
CLEAN = """#import "../numbers.typ": n
= Results <results>
We saw #n.workers workers #cite(label("smith_2020")); see @fig-a.
#figure(image("../figures/a.png", width: 50%), caption: [Accuracy by pay (#n.workers workers).]) <fig-a>
"""


def _paper(tmp_path: Path, section: str, min_font_pt: float = 8.0) -> Path:
    (tmp_path / "sections").mkdir()
    (tmp_path / "figures").mkdir()
    (tmp_path / "generated").mkdir()
    (tmp_path / "main.typ").write_text(MAIN)
    (tmp_path / "sections" / "a.typ").write_text(section)
    (tmp_path / "figures" / "a.json").write_text(
        json.dumps(
            {"saved_size_in": [3.0, 2.0], "min_font_pt": min_font_pt, "min_font_text": "tick"}
        )
    )
    (tmp_path / "generated" / "references.yml").write_text(
        json.dumps({"smith_2020": {"type": "article"}})
    )
    return tmp_path


def test_clean_paper_passes(tmp_path):
    assert check_paper(_paper(tmp_path, CLEAN)) == []


def test_planted_uncited_figure_fails(tmp_path):
    planted = (
        CLEAN + '#figure(image("../figures/a.png", width: 50%), caption: [Another.]) <fig-b>\n'
    )
    found = check_paper(_paper(tmp_path, planted))
    assert [(f.check, f.line) for f in found] == [("uncited-figure", 5)]
    assert "fig-b" in found[0].message


def test_planted_unlabelled_figure_fails(tmp_path):
    planted = CLEAN + "#figure(table(columns: 2, [a], [b]), caption: [No label.])\n"
    found = check_paper(_paper(tmp_path, planted))
    assert [f.check for f in found] == ["uncited-figure"]


def test_planted_hand_typed_number_fails(tmp_path):
    planted = CLEAN.replace("We saw #n.workers workers", "We saw 1,331 workers")
    found = check_paper(_paper(tmp_path, planted))
    assert [(f.check, f.line) for f in found] == [("hand-typed-number", 3)]


def test_digits_in_code_labels_and_references_are_not_prose():
    text = (
        "#set text(size: 10pt)\n= Intro <sec-2>\nSee @mason_2009 and #n.w241_n; `make -j2` // 3\n"
    )
    assert hand_typed_numbers(text, "x.typ") == []
    assert [f.line for f in hand_typed_numbers("#figure(x, caption: [Out of 10.])", "x.typ")] == [1]


def test_unresolved_citation_fails():
    files = {"a.typ": "As @nobody_1999 showed.\n", "b.typ": "= B <b>\nSee @b."}
    found = check_sources(files, bib={"smith_2020"}, numbers={}, bib_keys={})
    assert [(f.file, f.check) for f in found] == [("a.typ", "unresolved-citation")]


def test_generated_citation_keys_are_resolved():
    files = {"a.typ": "Studies #cites(n.keys).\n"}
    found = check_sources(files, bib={"a_1"}, numbers={"keys": "a_1,b_2"}, bib_keys={})
    assert [f.message for f in found] == ["@b_2 is neither a label nor a bibliography entry"]


def test_small_figure_text_fails(tmp_path):
    # 8 pt on a 3 in figure printed at 50% of a 6.535 in text width (3.27 in): 8.7 pt, passes;
    # 6 pt there is 6.5 pt, fails.
    paper = _paper(tmp_path, CLEAN, min_font_pt=6.0)
    found = figure_print_size({"sections/a.typ": CLEAN}, paper, 6.535)
    assert len(found) == 1 and "6.5 pt" in found[0].message


@pytest.mark.parametrize(
    "text,defect",
    [
        ("Licence (all rights reserved by the authors", "never closed"),
        ("(a cell that breaks\fover a page) and a stray)", "without"),
        ("a change of -0.3 points", "hyphen-minus"),
        ("Snow et al.‘s RTE labels", "opening quote as apostrophe"),
    ],
)
def test_text_defects_found(text, defect):
    found = text_defects(text)
    assert len(found) == 1 and defect in found[0].message


def test_text_defects_not_found_in_clean_text():
    assert text_defects("Change −0.3 (95% CI −0.5 to −0.1); pages 3-5; Snow et al.’s labels.") == []


def test_built_paper_has_no_findings_in_this_issues_files():
    """On the built paper (when it exists): nothing in the front matter, intro or evidence section.

    Findings in other sections are printed for the integrator, not failed here.
    """
    paper = config.project_root() / "paper"
    if (
        not (paper / "ailabor.pdf").exists()
        or not (paper / "generated" / "references.yml").exists()
    ):
        pytest.skip("paper/ailabor.pdf not built (run `make all`)")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    found = check_paper(paper)
    for f in found:
        print(f)
    ours = {"main.typ", "sections/intro.typ", "sections/evidence.typ"}
    assert [str(f) for f in found if f.file in ours] == []
    assert not any(f.check == "font-not-embedded" for f in found)
