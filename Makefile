# Line of Sight: `make demo` runs the product on SQLite with a synthetic council;
# `make test` runs lint, types, import contracts and the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_PASSWORD ?= line-of-sight-demo
DEMO_WORKERS ?= 4

.PHONY: install demo serve test lint types contracts checks pytest browser-deps pdf-deps shared-data benchmarks clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium drives the browser tests (Playwright never downloads a browser here);
# xmllint (libxml2-utils) checks exported XML against DfE's XSDs independently of our code;
# poppler-utils reads PDF board packs back in tests.
browser-deps: pdf-deps
	@missing=""; \
	  command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	  command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages for the tests:$$missing"; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  fi

# WeasyPrint (PDF board packs) needs Debian's Pango and a font, in the product as in the tests.
pdf-deps:
	@missing=""; \
	  ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	  fc-list 2>/dev/null | grep -qi liberation || missing="$$missing fonts-liberation fontconfig"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages for PDF board packs:$$missing"; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  fi

demo: install shared-data pdf-deps
	mkdir -p var
	$(BIN)/lineofsight migrate --noinput
	$(BIN)/lineofsight synth --la Walsall --year 2017 --seed 1 --if-empty
	$(BIN)/lineofsight deadlines-refresh --if-stale
	$(BIN)/lineofsight validation-refresh --if-empty
	$(BIN)/lineofsight demo-users --password "$(DEMO_PASSWORD)"
	$(MAKE) --no-print-directory serve

# The product as it is deployed (gunicorn, no debug pages, static files through WhiteNoise),
# on the embedded database; `lineofsight runserver` remains for working on the code.
serve: install
	mkdir -p var
	DJANGO_DEBUG=false $(BIN)/lineofsight collectstatic --noinput --verbosity 0
	@echo "Line of Sight is serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	DJANGO_DEBUG=false $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:8000 \
	    --workers $(DEMO_WORKERS) --access-logfile -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy lineofsight config benchmarks

contracts: install
	$(BIN)/lint-imports

# The published DfE data the tests calibrate against: ../shared/data, or LINEOFSIGHT_SHARED_DATA.
SHARED_DATA ?= $(or $(LINEOFSIGHT_SHARED_DATA),$(abspath ../shared/data))

shared-data:
	@test -f "$(SHARED_DATA)/dfe/lait/bds_long_0.parquet" || { \
	  echo "DfE reference data not found at $(SHARED_DATA): put shared/ beside this checkout" \
	       "or set LINEOFSIGHT_SHARED_DATA=/path/to/shared/data"; exit 2; }

checks: install
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/lineofsight frames-schema
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/lineofsight makemigrations --check --dry-run

pytest: install browser-deps shared-data
	mkdir -p var
	$(BIN)/pytest

test: lint types contracts checks pytest

benchmarks: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
