# The two commands: `make run` (install, demo content, site + worker + beat) and
# `make test` (the whole suite). Everything is installed into .venv from the lock file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test validate-html install lint format lock clean

$(VENV)/.installed: requirements.lock tools/bootstrap_venv.py
	$(PYTHON) tools/bootstrap_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

# Links in the admin and the demo feed sources use this address.
export BASE_URL ?= http://$(HOST):$(PORT)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py index_pages_for_search
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@$(BIN)/python manage.py ensure_admin | sed 's/^/  /'
	@echo "  Ctrl-C stops the web server, the Celery worker and beat."
	@echo
	PATH="$(CURDIR)/$(BIN):$$PATH" WEB_ADDRESS=$(HOST):$(PORT) $(BIN)/honcho --procfile Procfile.dev start

test: install
	$(BIN)/pytest

# Every page type's HTML through the Nu HTML Checker (needs Java; fetches the pinned jar).
validate-html: install
	$(PYTHON) tools/fetch_vnu.py
	$(BIN)/pytest tests/test_html_validity.py -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the lock file after changing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) var static_collected .pytest_cache
