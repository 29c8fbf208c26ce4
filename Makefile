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

.PHONY: help all install fetch build figures figures-inner verify sources validate-labels bench test lint format clean distclean

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

## all: the main job: fetch every source, build the tables, figures (and, as they land, models and paper)
all: fetch build figures

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

# Each figure: paper/figures/<name>.png from analysis/fig_<name>.py and the tables it reads.
# Figures are made in a second make pass, after `build`, so that only the figures whose
# tables exist are attempted; the others are named, never faked.
FIG_DIR := paper/figures
PROCESSED := data/processed
FIG_INPUTS_min_wage_vs_gdp := $(PROCESSED)/country_year.parquet
FIGURE_NAMES := min_wage_vs_gdp

## figures: draw every figure whose input tables have been built
figures: build
	@$(MAKE) --no-print-directory figures-inner

figures-inner: $(foreach f,$(FIGURE_NAMES),$(if $(strip $(foreach i,$(FIG_INPUTS_$(f)),$(if $(wildcard $(i)),,missing))),skip-fig-$(f),$(FIG_DIR)/$(f).png))

skip-fig-%:
	@echo "NOT DRAWN $(FIG_DIR)/$*.png: input table(s) missing: $(FIG_INPUTS_$*)" >&2

.SECONDEXPANSION:
$(FIG_DIR)/%.png: analysis/fig_%.py $$(FIG_INPUTS_$$*) | $(STAMP)
	$(BIN)/python $< $(FIG_DIR)/$*

## validate-labels: print how gold-free Dawid-Skene error ranks against gold error
validate-labels: build
	$(AILABOR) validate-labels

## bench: Dawid-Skene speed and agreement against crowd-kit (installs the bench extra)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/bench_dawid_skene.py

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
	rm -rf data/processed paper/figures paper/generated .pytest_cache .ruff_cache

## distclean: also remove data/raw and .venv
distclean: clean
	rm -rf data/raw $(VENV)
