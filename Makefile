# Set-up and everyday commands. `make build` and `make test` work on a fresh machine:
# they create .venv, install the project, and install the Debian packages they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: the browser for tests, poppler for checking print maps.
DEBS   := chromium poppler-utils fonts-dejavu-core
# npm's packages for `make audit` (Lighthouse), as package-lock.json pins them.
NODE_STAMP := node_modules/.installed-stamp

.PHONY: build dist test test-fast screenshots check review serve bench audit audit-deps vendor-axe clean deps venv hooks lock

build: $(STAMP)
	$(BIN)/peru-timeline build

# The offline copy, site.zip: the site to read from disk, no server, no network (builder/adapter/dist.py).
dist: $(STAMP)
	$(BIN)/peru-timeline dist

test: $(STAMP) deps
	$(BIN)/pytest

# The tests that take no MkDocs build, print map or browser: about 15 seconds.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow"

# The README's pictures: the browser tests that take screenshots, writing them to
# content/assets/screenshots/ (other test runs write theirs to a temporary folder).
SCREENSHOTS := content/assets/screenshots
screenshots: $(STAMP) deps
	$(BIN)/pytest -p no:cacheprovider -m browser -k screenshots --screenshots=$(SCREENSHOTS) \
	  tests/browser/test_browser_site.py tests/browser/test_explorer.py tests/browser/test_reader_pages.py

# Events, registries and maps/*.yml; then whether events/event.schema.json is up to date.
check: $(STAMP)
	$(BIN)/peru-timeline check
	$(BIN)/peru-timeline schema --check

# The editorial heuristics an editor reads before a release; never fails on a finding.
review: $(STAMP)
	$(BIN)/peru-timeline review

serve: $(STAMP)
	$(BIN)/peru-timeline serve

bench: $(STAMP)
	$(BIN)/python -m tools.bench

# Lighthouse scores of six pages of the built site, as a phone and a desktop (tools/audit.py); exit 1 below a target.
audit: build $(NODE_STAMP)
	$(BIN)/python -m tools.audit

# Lighthouse at the version package-lock.json pins, reinstalled when either file changes.
$(NODE_STAMP): package.json package-lock.json | audit-deps
	npm ci --no-audit --no-fund
	@touch $@

# Node.js, npm and Chromium for `make audit` only: Debian's packages, when the commands are missing.
audit-deps: deps
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "installing Debian packages: nodejs npm"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; }

# The accessibility tests' axe-core (tests/vendor/axe-core/, committed so that `make test` needs
# no Node.js): fetched with `npm pack` at the version package-lock.json pins, its digest checked
# against the lock's. Run after changing axe-core's version in package.json.
vendor-axe: audit-deps
	$(PYTHON) -m tools.vendor_axe

venv: $(STAMP)

# Reinstall when the project's requirements change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24,<26"
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[test,boundaries]"
	@touch $@

# Install the Debian packages that are missing (after apt-get update), and nothing else.
deps:
	@missing=""; for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Run the checker on the staged files before every commit that touches events/ or maps/.
hooks:
	git config core.hooksPath .githooks

# Re-pin constraints.txt to the versions installed now (after changing pyproject.toml).
lock: $(STAMP)
	{ echo "# Exact versions the project is tested with (make lock regenerates this file)."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^peru-crisis-record'; } > constraints.txt

clean:
	rm -rf site site.zip .site-build-* .pytest_cache
