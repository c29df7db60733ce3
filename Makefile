# Every target sets up what it needs: a fresh clone with only Python and make is enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test docs screenshots fuzz bench sdist-test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/argmap check seeds/kim-in-russia.argdown
	@mkdir -p out
	$(BIN)/argmap render seeds/kim-in-russia.argdown -o out/kim-in-russia.dot
	$(BIN)/argmap render seeds/kim-in-russia.argdown -o out/kim-in-russia.svg
	@echo "wrote out/kim-in-russia.dot and out/kim-in-russia.svg"

test: $(STAMP)
	$(BIN)/python -m pytest --cov --cov-report=term
	$(BIN)/mypy --strict argmap
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# make test builds the docs too, with -W, in tests/test_docs.py (which needs `dot`, as in CI).
docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

# The browser tests take the screenshots that docs/diagrams.md shows, and write them to docs/_static/screenshots/.
screenshots: $(STAMP)
	ARGMAP_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_browser.py -k screenshot

# Coverage-guided fuzzing of the readers (atheris): FUZZ_SECONDS per reader; new inputs join fuzz/corpus, or
# FUZZ_CORPUS when given (CI fuzzes a copy, so that the clone stays as it was).
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py all --seconds $(FUZZ_SECONDS) $(if $(FUZZ_CORPUS),--corpus $(FUZZ_CORPUS))

# The sdist tests itself: built, unpacked under build/sdist, and tested there with its own argmap first on the path
# (the corpus in ../shared is not beside it, so the tests that read it say so and skip).
sdist-test: $(STAMP)
	rm -rf build/sdist && mkdir -p build/sdist
	$(BIN)/python -m build --sdist --outdir build/sdist .
	tar -xzf build/sdist/argmap-*.tar.gz -C build/sdist
	cd build/sdist/argmap-*/ && PYTHONPATH="$$PWD" $(abspath $(BIN))/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	@# Every benchmark runs even when one misses its target; the status says whether any did.
	status=0; \
	$(BIN)/python benchmarks/run.py --output docs/performance.md || status=1; \
	for name in af solvers argdown aif growth quotes readers interchange layout startup; do \
		$(BIN)/python benchmarks/$$name.py >> docs/performance.md || status=1; \
	done; \
	exit $$status

clean:
	rm -rf $(VENV) out .coverage build *.egg-info docs/_build
