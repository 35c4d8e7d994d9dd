# Set-up and everyday commands. Every target creates .venv first, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed

.PHONY: setup pages check serve site test golden lint lock clean bench bench-large eval suggest

setup: $(STAMP)

# Re-install only when the pins change.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

pages: $(STAMP)
	$(BIN)/python -m generator build --seeds seeds --out docs

check: $(STAMP)
	$(BIN)/python -m generator check --seeds seeds

# Agreements the articles discuss that seeds/topics/agreements.yml does not list, as YAML to paste there.
suggest: $(STAMP)
	$(BIN)/python -m generator suggest --seeds seeds

test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest

# Refresh the golden copy of the generated pages on purpose, after reviewing the change.
golden: $(STAMP)
	$(BIN)/python -m generator build --seeds seeds --out tests/golden/docs

lint: $(STAMP)
	$(BIN)/ruff check generator tests

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | sed '1i # Every package make installs, pinned (pip freeze of the runtime and test dependencies).\n# Refresh: make lock' > requirements.lock

clean:
	rm -rf $(VENV) site docs/.generator-manifest.json docs/articles docs/agreements docs/countries docs/feeds \
	  docs/timeline docs/quotes docs/people docs/index.md docs/outlets.md docs/timeline.md docs/glossary.md \
	  docs/quotes.md docs/people.md docs/explore.md docs/explore.json docs/feed.xml

# The briefing plugin (generator/plugin.py) generates the pages inside MkDocs; seeds/ is watched. --dirty: a
# reload rebuilds only the pages an edit changed (the plugin rewrites a page only when it changes; the nav is fixed).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

site: $(STAMP)
	$(BIN)/mkdocs build --strict

# Benchmarks (figures in BENCHMARKS.md): 100 and 1,000 articles of each corpus shape (mixed, dense, sparse);
# bench-large adds 10,000 (tens of minutes).
bench: $(STAMP)
	$(BIN)/python bench/run.py 100 1000

bench-large: $(STAMP)
	$(BIN)/python bench/run.py 100 1000 10000

# Precision and recall per field on the unseen articles (tests/unseen/, gold labels written before any run).
eval: $(STAMP)
	$(BIN)/python tools/evaluate.py
