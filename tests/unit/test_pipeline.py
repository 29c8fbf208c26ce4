"""The declared pipeline: table declarations, lineage, release policy, build order, make graph,
and a package that starts without loading its heavy libraries."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ailabor import build, codegraph, schemas
from ailabor.catalog import load
from ailabor.errors import UnknownTableError
from ailabor.schemas.table import TABLES, release_policy
from ailabor.sources import registry

ROOT = Path(__file__).resolve().parents[2]


def licensed(sid: str) -> bool:
    return registry()[sid].is_redistributable


def test_every_declared_source_is_registered_and_every_table_has_one_builder():
    reg = registry()
    for spec in TABLES.values():
        assert set(spec.all_sources) <= set(reg), spec.name
        assert build.producer(spec.name).__name__.startswith("ailabor.tables.")
    produced = [t for m in build.MODULES for t in m.PRODUCES]
    assert sorted(produced) == sorted(TABLES)


def test_build_order_puts_each_table_after_what_it_reads():
    order = schemas.build_order()
    for name, spec in TABLES.items():
        for up in spec.upstream_tables:
            assert order.index(up) < order.index(name)


def test_lineage_follows_other_tables_columns():
    # pay ratios to the minimum wage derive from country_year's minimum wage, which comes
    # from the ILOSTAT history; the pay figure itself only from the curated transcription.
    mw = schemas.column_lineage("pay_observations", "ratio_low_to_min_wage")
    assert "ilostat_minwage_history" in mw and "dol_state_minwage" in mw
    assert "ilostat_minimum_wage" not in mw  # the latest-year file is only a cross-check
    assert schemas.column_lineage("pay_observations", "value_low") == {
        "curated:pay_observations.csv"
    }


def test_release_policy_is_computed_from_lineage_and_licences():
    # The minimum-wage history is CC BY 4.0: country_year ships whole.
    assert release_policy("country_year", licensed).drop_columns == ()
    # Were it unlicensed, its columns (and those computed from them) would leave, and only those.
    cy = release_policy("country_year", lambda s: s != "ilostat_minwage_history")
    assert not cy.exclude and "gdp_pc_ppp_usd" not in cy.drop_columns
    assert {"min_wage_monthly_lcu", "min_wage_hourly_usd", "is_min_wage_suspect"} <= set(
        cy.drop_columns
    )
    assert "avg_earnings_hourly_ppp_usd" not in cy.drop_columns
    ann = release_policy("annotations", licensed)
    assert ann.drop_rows == ("dataset", ("w241",)) and ann.drop_columns == ()
    assert release_policy("mturk_hit_groups", licensed).exclude
    assert release_policy("us_state_min_wage", licensed) == schemas.ReleasePolicy(
        "us_state_min_wage", False, (), None, ()
    )


def with_unlicensed_column(monkeypatch, table="us_state_min_wage", column="hits_available"):
    """Declare (for this test) that ``table`` also has ``column``, derived from the unlicensed
    MTurk pages: one change to the declaration, nothing else."""
    spec = TABLES[table]
    changed = dataclasses.replace(
        spec,
        columns=(*spec.columns, column),
        derived_from={**spec.derived_from, column: ("mturk_hitslist",)},
    )
    monkeypatch.setitem(TABLES, table, changed)
    return changed


def test_declaring_a_column_from_an_unlicensed_source_removes_it_from_the_release(monkeypatch):
    assert release_policy("us_state_min_wage", licensed).drop_columns == ()
    spec = with_unlicensed_column(monkeypatch)
    assert "mturk_hitslist" in spec.all_sources
    pol = release_policy("us_state_min_wage", licensed)
    assert pol.drop_columns == ("hits_available",) and not pol.exclude
    assert pol.because == ("mturk_hitslist",)
    from ailabor.docs import data_dictionary_markdown

    assert "| `hits_available` |" in data_dictionary_markdown().split("### `us_state_min_wage`")[1]


def test_a_declaration_that_names_an_undeclared_input_is_refused():
    with pytest.raises(ValueError, match="does not declare"):
        schemas.table.table(
            "_bad",
            "x",
            ["year"],
            ["year"],
            sources=("wdi_gdp_pc_ppp",),
            derived_from={"year": ("country_year.year",)},
        )
    assert "_bad" not in TABLES


def test_unknown_table_lists_the_known_ones():
    with pytest.raises(UnknownTableError, match="known tables: country_year") as exc:
        load("no_such_table")
    assert isinstance(exc.value, KeyError)


def test_import_closure_sees_through_the_package():
    fig = codegraph.script_inputs(ROOT / "analysis" / "fig_min_wage_vs_gdp.py")
    files = {p.name for p in fig["modules"]}
    assert fig["tables"] == ["country_year"]
    assert {"country.py", "style.py", "catalog.py"} <= files
    assert "inference.py" not in files
    exp = codegraph.script_inputs(ROOT / "analysis" / "results_experiment.py")
    assert "inference.py" in {p.name for p in exp["modules"]}  # through models.w241
    # workers and annotations, and the federal minimum the effective pay is set against
    assert {"workers", "annotations", "us_state_min_wage"} <= set(exp["tables"])
    assert "w241_postings.csv" in exp["curated"]  # curated_dir() / POSTINGS_FILE in sources.w241


def test_table_code_version_ignores_modules_the_table_does_not_import():
    closure = {
        p.name for p in codegraph.import_closure(codegraph.module_path("ailabor.tables.pay"))
    }
    assert "inference.py" not in closure and "pay_normalise.py" in closure


def test_makegraph_names_every_figure_and_topic():
    from ailabor.makegraph import make_rules

    text = make_rules()
    figures = sorted(p.stem.removeprefix("fig_") for p in (ROOT / "analysis").glob("fig_*.py"))
    assert f"FIGURE_NAMES := {' '.join(figures)}" in text
    assert "$(GEN)/simulation.json: analysis/simulation.py" in text
    assert "src/ailabor/models/inference.py" in text.split("$(GEN)/simulation.json:")[1]


def test_import_ailabor_loads_no_heavy_library():
    code = (
        "import json, sys, ailabor; print(json.dumps([m for m in "
        "('pandas', 'scipy', 'statsmodels', 'matplotlib', 'seaborn', 'bs4') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_the_package_exports_every_catalogue_loader():
    import ailabor
    from ailabor.catalog import LOADERS

    assert set(LOADERS) <= set(ailabor.__all__)
    assert all(getattr(ailabor, name).__module__ == "ailabor.catalog" for name in LOADERS)
