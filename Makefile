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
# Reproducible outputs: a fixed creation date for the paper PDF and the sidecars
# (the time of the last commit, or the caller's SOURCE_DATE_EPOCH).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: paper-check paper-check-if-built skip-paper-check evidence-tables pin fuzz summary
.PHONY: help all data install fetch build figures figures-inner outputs paper verify sources pay-summary validate-labels bench bench-startup docs release test lint format clean distclean

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
##      (it builds what it can, then says what was not built and the one thing to do; it exits
##      non-zero when the built paper fails its check, and under STRICT=1 when anything was not built)
all: export AILABOR_END_SUMMARY := 1
all: data
	@$(MAKE) --no-print-directory --keep-going outputs paper-check-if-built; status=$$?; \
	$(MAKE) --no-print-directory summary || status=1; exit $$status

## summary: what was built, what was not, and the one thing to do (the end of `make all`)
summary: $(STAMP)
	@$(AILABOR) summary $(if $(STRICT),--strict)

# ---- data: fetch and build, each behind a stamp so that a no-op run costs only stat calls --
PROCESSED := $(if $(AILABOR_DATA),$(AILABOR_DATA)/processed,data/processed)
RAW := $(if $(AILABOR_DATA),$(AILABOR_DATA)/raw,data/raw)
FETCH_STAMP := $(RAW)/.fetch.stamp
BUILD_STAMP := $(PROCESSED)/.build.stamp
CURATED := $(wildcard data/curated/*.csv)
MIRROR_FILES := $(if $(AILABOR_MIRROR),$(shell find $(subst :, ,$(AILABOR_MIRROR)) -type f 2>/dev/null))
RAW_FILES = $(shell find $(RAW) -type f ! -name '.*' 2>/dev/null)

## data: fetch every source and build every table whose inputs are present
data: $(BUILD_STAMP)

# A failed fetch or build leaves its stamp untouched, so the next run tries again; the run
# goes on to build what it can unless STRICT=1.
$(FETCH_STAMP): $(wildcard src/ailabor/sources/*.py src/ailabor/sources/pins.csv) $(MIRROR_FILES) | $(STAMP)
	@if $(AILABOR) fetch --quiet; then mkdir -p $(@D) && touch $@; else test -z "$(STRICT)" || exit 1; fi

$(BUILD_STAMP): $(FETCH_STAMP) $(RAW_FILES) $(CURATED) $(TABLE_CODE) | $(STAMP)
	@if $(AILABOR) build; then mkdir -p $(@D) && touch $@; else test -z "$(STRICT)" || exit 1; fi

## fetch: fetch every registered source into data/raw (mirror first, then network)
fetch: $(STAMP)
	$(AILABOR) fetch --keep-going --quiet

## build: build the tidy tables in data/processed from the snapshots and curated data
build: $(STAMP)
	$(AILABOR) build --keep-going

## pin: record the sha256 of every source file (from the mirror) in src/ailabor/sources/pins.csv;
##      `make pin SOURCES="dol_state_minwage" PIN_FLAGS=--refresh` re-downloads a live page
pin: $(STAMP)
	$(AILABOR) pin $(PIN_FLAGS) $(SOURCES)

## fuzz: throw >= 10,000 generated inputs at every parser and public loader; count foreign exceptions
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run_fuzz.py $(if $(FUZZ_N),--per-entry $(FUZZ_N))

# ---- outputs: figures, model results, paper ---------------------------------------
# A recipe that fails leaves no output behind: an old figure or number is never passed off as new.
.DELETE_ON_ERROR:

# What each output depends on (script, tables, curated files, and the package modules the
# script imports) is generated from the code by ailabor.makegraph into .make/deps.mk.
# Outputs are made in a second make pass, after the data, so that only what the built tables
# allow is attempted; anything whose inputs are missing is named, never faked.
FIG_DIR := paper/figures
GEN := paper/generated
DEPS_MK := .make/deps.mk
NO_GRAPH_GOALS := help install test lint format clean distclean docs bench bench-startup summary pin fuzz
ifneq ($(filter-out $(NO_GRAPH_GOALS),$(or $(MAKECMDGOALS),all)),)
$(DEPS_MK): $(wildcard analysis/*.py) $(shell find src/ailabor -name '*.py') | $(STAMP)
	@$(BIN)/python -m ailabor.makegraph $@
include $(DEPS_MK)
endif

missing = $(strip $(foreach i,$(1),$(if $(wildcard $(i)),,$(i))))
FIGURE_TARGETS = $(foreach f,$(FIGURE_NAMES),$(if $(call missing,$(FIG_INPUTS_$(f))),skip-fig-$(f),$(FIG_DIR)/$(f).png))
TOPIC_TARGETS = $(foreach t,$(PAPER_TOPICS),$(if $(call missing,$(GEN_INPUTS_$(t))),skip-gen-$(t),$(GEN)/$(t).json))
PAPER_MISSING = $(call missing,$(sort $(foreach f,$(FIGURE_NAMES),$(FIG_INPUTS_$(f))) $(foreach t,$(PAPER_TOPICS),$(GEN_INPUTS_$(t)))))
PAPER_TARGET = $(if $(PAPER_MISSING),skip-paper,paper/ailabor.pdf)

## figures: draw every figure whose input tables have been built
figures: data
	@$(MAKE) --no-print-directory figures-inner

figures-inner: $(FIGURE_TARGETS)

outputs: $(FIGURE_TARGETS) $(TOPIC_TARGETS) $(PAPER_TARGET)

# A figure or paper whose input tables are gone is removed, never left behind as if current.
skip-fig-%:
	@rm -f $(FIG_DIR)/$*.png $(FIG_DIR)/$*.pdf $(FIG_DIR)/$*.json
	@echo "NOT DRAWN $(FIG_DIR)/$*.png: input table(s) missing: $(call missing,$(FIG_INPUTS_$*))" >&2

skip-gen-%:
	@rm -f $(GEN)/$*.json
	@echo "NOT COMPUTED $(GEN)/$*.json: input table(s) missing: $(call missing,$(GEN_INPUTS_$*))" >&2

skip-paper:
	@rm -f paper/ailabor.pdf
	@echo "NOT BUILT paper/ailabor.pdf: input table(s) missing: $(PAPER_MISSING)" >&2

$(FIG_DIR)/%.png: | $(STAMP)
	$(BIN)/python analysis/fig_$*.py $(FIG_DIR)/$*

$(GEN)/experiment.json: $(GEN)/simulation.json | $(STAMP)
	$(BIN)/python analysis/results_experiment.py $(GEN) $(GEN)/simulation.json

# Simulation of the W241 design (calibrated to the workers table): SIM_RUNS runs each for the
# effect and null scenarios, half for the night scenario; about 0.2 s per run on one core.
SIM_RUNS ?= 200
$(GEN)/simulation.json: | $(STAMP)
	$(BIN)/python analysis/simulation.py $@ $(SIM_RUNS)

$(GEN)/%.json: | $(STAMP)
	$(BIN)/python analysis/results_$*.py $(GEN)

paper/ailabor.pdf: paper/main.typ paper/numbers.typ paper/cite.typ $(wildcard paper/sections/*.typ) \
		$(foreach t,$(PAPER_TOPICS),$(GEN)/$(t).json) $(foreach f,$(FIGURE_NAMES),$(FIG_DIR)/$(f).png)
	$(BIN)/python -c "import typst; typst.compile('paper/main.typ', output='$@.part', root='paper', timestamp=$(SOURCE_DATE_EPOCH))"
	@mv $@.part $@
	@echo "wrote $@"

## paper: compile paper/ailabor.pdf (typst, offline) from the generated numbers and figures
paper: data
	@$(MAKE) --no-print-directory outputs

## paper-check: check the built paper: figures and tables cited, citations resolved, no hand-typed digits, fonts embedded, PDF text free of typographic defects, figure text >= 7 pt at print size
paper-check: $(STAMP)
	$(BIN)/python -m ailabor.paper_check paper

paper-check-if-built: $(if $(filter paper/ailabor.pdf,$(PAPER_TARGET)),paper/.checked,skip-paper-check)

# The check of the built paper is rerun only when the paper, its sources or the checker change.
paper/.checked: paper/ailabor.pdf src/ailabor/paper_check.py | $(STAMP)
	$(BIN)/python -m ailabor.paper_check paper
	@touch $@

skip-paper-check:
	@echo "NOT CHECKED paper/ailabor.pdf: the paper was not built (see above)" >&2

## evidence-tables: rebuild data/curated/{pay_experiments,evidence_studies,evidence_findings}.csv from ../shared/facts
evidence-tables: $(STAMP)
	$(BIN)/python data/curated/scripts/curate_pay_experiments.py ../shared/facts/pay_experiments_evidence.csv

## pay-summary: print the Sama Kenya range against Kenya's minimum wage and the MTurk median against the US federal minimum
pay-summary: data
	$(AILABOR) pay-summary

## validate-labels: print label_benchmark: every aggregation method against gold on every dataset
validate-labels: data
	$(AILABOR) validate-labels

## bench: Dawid-Skene speed, memory and agreement against crowd-kit at 100k-10M labels, the Dask path, the truth_inference sets (installs the bench extra; ~30 min; BENCH_ARGS=--quick stops at 1M)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/bench_dawid_skene.py $(BENCH_ARGS)

## bench-startup: time `import ailabor`, `ailabor --help` and a no-op `make all` against their targets
bench-startup: $(STAMP)
	$(BIN)/python bench/bench_startup.py

## docs: generate docs/data_dictionary.md from the schema definitions
docs: $(STAMP)
	$(AILABOR) docs

## release: write dist/ailabor-data-<version>/ with tables, datapackage.json and provenance
release: data docs
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
	rm -rf $(PROCESSED) paper/figures paper/generated dist .make .pytest_cache .ruff_cache

## distclean: also remove data/raw and .venv
distclean: clean
	rm -rf $(RAW) $(VENV)
