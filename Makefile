# ailabor — `make help` lists the targets. `make all` is the main job; `make test` runs the suite.
# The Makefile bootstraps its own virtual environment in .venv from pyproject.toml,
# so both work on a machine where nothing has been installed by hand.

SHELL := /bin/bash
.DEFAULT_GOAL := all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AILABOR := $(BIN)/ailabor

# Use the shared mirror (data files and saved web pages) when it sits beside the checkout.
MIRROR_CANDIDATES := $(wildcard ../shared/data/mirror ../shared/html)
ifndef AILABOR_MIRROR
ifneq ($(MIRROR_CANDIDATES),)
empty :=
space := $(empty) $(empty)
export AILABOR_MIRROR := $(subst $(space),:,$(abspath $(MIRROR_CANDIDATES)))
endif
endif
export MPLBACKEND := Agg

.PHONY: help all install fetch build figures figures-inner outputs paper verify sources pay-summary validate-labels bench docs release test lint format clean distclean

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,paper]'
	@touch $@

## install: create .venv and install ailabor with its dev and paper extras
install: $(STAMP)

## all: the main job: fetch every source, build the tables, fit the models, draw the figures, write the paper
all: fetch build
	@$(MAKE) --no-print-directory outputs

## fetch: fetch every registered source into data/raw (mirror first, then network)
fetch: $(STAMP)
	$(AILABOR) fetch --keep-going --quiet

## sources: list the sources with licence and snapshot status
sources: $(STAMP)
	$(AILABOR) sources

## verify: re-hash every snapshot against its .meta.json sidecar
verify: $(STAMP)
	$(AILABOR) verify

## build: build the tidy tables in data/processed from the snapshots and curated data
build: $(STAMP)
	$(AILABOR) build

# ---- outputs: figures, model results, paper ---------------------------------------
# They are made in a second make pass, after `build`, so that only what the built tables
# allow is attempted; anything whose inputs are missing is named, never faked.
FIG_DIR := paper/figures
GEN := paper/generated
PROCESSED := $(if $(AILABOR_DATA),$(AILABOR_DATA)/processed,data/processed)
CY := $(PROCESSED)/country_year.parquet
ANN := $(PROCESSED)/annotations.parquet
WRK := $(PROCESSED)/workers.parquet
CURATED := $(wildcard data/curated/*.csv)
MODEL_SRC := $(wildcard src/ailabor/models/*.py src/ailabor/figures/*.py)

FIG_INPUTS_min_wage_vs_gdp := $(CY)
FIG_INPUTS_accuracy_completion_by_pay := $(WRK)
FIG_INPUTS_survival_by_pay := $(WRK)
FIG_INPUTS_evidence_map := data/curated/pay_experiments.csv
FIG_INPUTS_zencrowd_gap := $(ANN) $(CY)
FIG_INPUTS_pay_by_platform := $(PROCESSED)/pay_observations.parquet $(CY)
FIG_INPUTS_fairwork_scores := $(PROCESSED)/platform_scores.parquet
FIGURE_NAMES := min_wage_vs_gdp pay_by_platform fairwork_scores accuracy_completion_by_pay survival_by_pay \
	evidence_map zencrowd_gap
PAY := $(PROCESSED)/pay_observations.parquet $(PROCESSED)/us_state_min_wage.parquet
PAPER_INPUTS := $(CY) $(ANN) $(WRK) $(PAY)

missing = $(strip $(foreach i,$(1),$(if $(wildcard $(i)),,$(i))))
FIGURE_TARGETS := $(foreach f,$(FIGURE_NAMES),$(if $(call missing,$(FIG_INPUTS_$(f))),skip-fig-$(f),$(FIG_DIR)/$(f).png))
PAPER_TARGET := $(if $(call missing,$(PAPER_INPUTS)),skip-paper,paper/ailabor.pdf)

## figures: draw every figure whose input tables have been built
figures: build
	@$(MAKE) --no-print-directory figures-inner

figures-inner: $(FIGURE_TARGETS)

outputs: $(FIGURE_TARGETS) $(PAPER_TARGET)

skip-fig-%:
	@echo "NOT DRAWN $(FIG_DIR)/$*.png: input table(s) missing: $(call missing,$(FIG_INPUTS_$*)) (see the fetch summary above)" >&2

skip-paper:
	@echo "NOT BUILT paper/ailabor.pdf: input table(s) missing: $(call missing,$(PAPER_INPUTS)) (see the fetch summary above)" >&2

.SECONDEXPANSION:
$(FIG_DIR)/%.png: analysis/fig_%.py $$(FIG_INPUTS_$$*) $(MODEL_SRC) | $(STAMP)
	$(BIN)/python analysis/fig_$*.py $(FIG_DIR)/$*

# One results script per paper topic: analysis/results_<topic>.py writes generated/<topic>.json.
PAPER_TOPICS := countries pay labels experiment evidence
PAPER_NUMBERS := $(foreach t,$(PAPER_TOPICS),$(GEN)/$(t).json)

$(GEN)/experiment.json: analysis/results_experiment.py $(GEN)/simulation.json $(PAPER_INPUTS) $(MODEL_SRC) | $(STAMP)
	$(BIN)/python analysis/results_experiment.py $(GEN) $(GEN)/simulation.json

$(GEN)/%.json: analysis/results_%.py $(PAPER_INPUTS) $(CURATED) $(MODEL_SRC) | $(STAMP)
	$(BIN)/python analysis/results_$*.py $(GEN)

$(GEN)/sources.csv: analysis/results_data.py $(wildcard src/ailabor/sources/*.py) | $(STAMP)
	$(BIN)/python analysis/results_data.py $(GEN)

$(GEN)/simulation.json: analysis/simulation.py src/ailabor/simulate.py src/ailabor/models/inference.py | $(STAMP)
	$(BIN)/python analysis/simulation.py $@ 300

paper/ailabor.pdf: paper/main.typ paper/numbers.typ $(wildcard paper/sections/*.typ) $(PAPER_NUMBERS) $(GEN)/sources.csv $(foreach f,$(FIGURE_NAMES),$(FIG_DIR)/$(f).png)
	$(BIN)/python -c "import typst; typst.compile('paper/main.typ', output='$@.part', root='paper')"
	@mv $@.part $@
	@echo "wrote $@"

## paper: compile paper/ailabor.pdf (typst, offline) from the generated numbers and figures
paper: build
	@$(MAKE) --no-print-directory $(PAPER_TARGET)

## pay-summary: print the Sama Kenya range against Kenya's minimum wage and the MTurk median against the US federal minimum
pay-summary: build
	$(AILABOR) pay-summary

## validate-labels: print how gold-free Dawid-Skene error ranks against gold error
validate-labels: build
	$(AILABOR) validate-labels

## bench: Dawid-Skene speed, memory and agreement against crowd-kit at 100k-10M labels, the Dask path, the truth_inference sets (installs the bench extra; ~30 min; BENCH_ARGS=--quick stops at 1M)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/bench_dawid_skene.py $(BENCH_ARGS)

## docs: generate docs/data_dictionary.md from the schema definitions
docs: $(STAMP)
	$(AILABOR) docs

## release: write dist/ailabor-data-<version>/ with tables, datapackage.json and provenance
release: build docs
	$(AILABOR) release --quiet
	$(BIN)/python -c "import frictionless, sys; r = frictionless.validate('dist/ailabor-data-$$($(BIN)/python -c 'import ailabor; print(ailabor.__version__)')/datapackage.json'); print('datapackage valid:', r.valid); sys.exit(0 if r.valid else 1)"

## test: run the test suite (tests needing the mirror skip when it is absent)
test: $(STAMP)
	$(BIN)/pytest -q

## lint: ruff check and format check
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## format: apply ruff formatting and safe fixes
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## clean: remove built tables, figures and caches (keeps data/raw and .venv)
clean:
	rm -rf data/processed paper/figures paper/generated dist .pytest_cache .ruff_cache

## distclean: also remove data/raw and .venv
distclean: clean
	rm -rf data/raw $(VENV)
