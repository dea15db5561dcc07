# The verbs a newcomer needs. Every target sets up what it needs first.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export PYTHONDONTWRITEBYTECODE := 1
# Node tools, pinned, installed into the git-ignored .tools folder (docs/dependencies.md says why).
VNU_VERSION := 26.9.27
LIGHTHOUSE_VERSION := 12.2.3
TOOLS := .tools

.PHONY: help run serve test e2e lint format check bench load lighthouse tools clean messages cluster cluster-stop cluster-bench

help:
	@echo "make run    - set up, migrate, load demo content, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test   - set up and run the test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make e2e    - real-browser journeys only (needs /usr/bin/chromium)"
	@echo "make lint   - ruff check, ruff format --check, djhtml --check, lint-imports (the layers)"
	@echo "make format - apply ruff format and djhtml"
	@echo "make check  - Django system checks and makemigrations --check"
	@echo "make serve  - production settings under gunicorn on http://127.0.0.1:$(PORT)/ (DATABASE_URL, WEB_CONCURRENCY)"
	@echo "make messages - update the Spanish .po from the code and compile the .mo (needs GNU gettext)"
	@echo "make tools  - install the Nu HTML Checker (vnu-jar) into .tools with npm; the HTML test uses it"
	@echo "make lighthouse - Lighthouse scores for four pages on a phone (not part of CI; needs chromium)"
	@echo "make bench  - page, Varnish, memory and Find a Doctor benchmarks on PostgreSQL (prints numbers; see bench/README.md)"
	@echo "make load   - 64 connections for LOAD_DURATION (60) s on three pages under make serve; errors, p50, p99"
	@echo "make cluster - HAProxy, 2 Varnish, 2 app servers, worker, PgBouncer, PostgreSQL primary + replica, Redis, S3 on loopback"
	@echo "make cluster-stop - stop everything make cluster started"
	@echo "make cluster-bench - bench/cluster.sh: kill parts of the cluster under load; prints a table"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Access log without the client address or the query string: what a parent searched
# for is never written down next to anything that identifies them.
ACCESS_LOG_FORMAT := %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms

# Production settings under gunicorn, plain HTTP on 127.0.0.1:$(PORT), as behind a
# TLS-terminating proxy. Needs DATABASE_URL (PostgreSQL) for real use; a throwaway
# SECRET_KEY is generated when none is set, and HTTPS redirects are off unless
# SECURE_SSL_REDIRECT=true (the proxy in front does that job).
serve: $(VENV)/.runtime-installed
	@set -e; \
	export DJANGO_SETTINGS_MODULE=hospital_site.settings.production; \
	export SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')}"; \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}"; \
	export SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	$(BIN)/python manage.py migrate --noinput; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	echo "Serving production settings on http://127.0.0.1:$(PORT)/ with $(WEB_CONCURRENCY) workers"; \
	exec $(BIN)/gunicorn hospital_site.wsgi:application --bind 127.0.0.1:$(PORT) \
		--workers $(WEB_CONCURRENCY) --forwarded-allow-ips 127.0.0.1 \
		--access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)'

# The suite on every core (pytest-xdist): each worker gets its own test database
# (test_<name>_gw0, _gw1, ...) and its own fault-test ports. TEST_WORKERS=0 runs it
# in this one process. pytest-randomly shuffles the order every run and prints its
# seed: PYTEST_ARGS=--randomly-seed=N replays that order, PYTEST_ARGS="-p no:randomly" keeps file order.
TEST_WORKERS ?= auto

test: $(VENV)/.dev-installed
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

e2e: $(VENV)/.dev-installed
	$(BIN)/pytest -n $(TEST_WORKERS) tests/e2e -m e2e $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-logo --no-cache

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: $(VENV)/.dev-installed
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# --ignore-scripts: vnu-jar's install script would try to download a Java runtime; Debian's Java 17 is used instead.
tools: $(TOOLS)/.vnu-$(VNU_VERSION)

$(TOOLS)/.vnu-$(VNU_VERSION):
	npm install --no-audit --no-fund --ignore-scripts --prefix $(TOOLS) vnu-jar@$(VNU_VERSION)
	@touch $@

$(TOOLS)/lighthouse/.lighthouse-$(LIGHTHOUSE_VERSION):
	npm install --no-audit --no-fund --prefix $(TOOLS)/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	@touch $@

lighthouse: $(VENV)/.runtime-installed $(TOOLS)/lighthouse/.lighthouse-$(LIGHTHOUSE_VERSION)
	bash bench/lighthouse.sh
# Benchmarks print tables and ratios; they never pass or fail. Needs PostgreSQL (BENCH_SERVER_URL,
# default postgres://postgres@127.0.0.1:5432/postgres) and installs wrk, nginx and varnish if missing.
BENCH_SERVER_URL ?= postgres://postgres@127.0.0.1:5432/postgres
BENCH_DATABASE_NAME ?= hospital_bench
export BENCH_SERVER_URL BENCH_DATABASE_NAME

bench: $(VENV)/.dev-installed
	bash bench/pages.sh
	bash bench/memory.sh
	DATABASE_URL=$(BENCH_SERVER_URL) $(BIN)/python bench/provider_search.py --sizes 1000,100000 --repeats 20

# Load, not speed: zero errors and no worker crash under 64 connections (bench/README.md). LOAD_DURATION=10 for a quick run.
load: $(VENV)/.dev-installed
	bash bench/load.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache $(TOOLS)

# Spanish (docs/spanish.md): collect the site's strings into hospital_site/locale/es/.../django.po,
# then compile django.mo with GNU gettext's msgfmt. Both files are committed; a test checks the .mo
# matches the .po, so `make run` and `make test` need no gettext.
messages: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l es --no-obsolete --ignore=staticfiles --ignore=media --ignore=tests \
		--ignore=bench --ignore=deploy --ignore=.tools
	$(BIN)/python manage.py compilemessages -l es --ignore=.venv

# Several app servers on real engines, on 127.0.0.1 ports (docs/deployment.md). CLUSTER_DIR, CLUSTER_PORT_BASE.
cluster: $(VENV)/.dev-installed
	bash deploy/cluster/cluster.sh up

cluster-stop:
	bash deploy/cluster/cluster.sh down

# Fault runs under load through HAProxy (bench/README.md); starts the cluster if it is not running.
cluster-bench: $(VENV)/.dev-installed
	bash bench/cluster.sh
