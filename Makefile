# UNA Elbe-Elster: one entry point for setup, running, tests and benchmarks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
MANAGE := $(BIN)/python manage.py
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/una
TEST_REDIS_URL ?= redis://127.0.0.1:6379/5
# The port `make run` serves on; also the default of WAGTAILADMIN_BASE_URL (cms/settings).
PORT ?= 8000
export PORT

.PHONY: install run test _test lint bench clean pdf-references

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	@touch $@

.env:
	@printf 'DJANGO_SETTINGS_MODULE=cms.settings.dev\nSECRET_KEY=%s\nDEMO_ADMIN_PASSWORD=%s\nDEMO_PARTNER_PASSWORD=%s\nDEMO_COORDINATOR_PASSWORD=%s\n' \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(12))')" \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(12))')" \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(12))')" > .env
	@echo "Wrote .env (development settings, fresh SECRET_KEY)."

install: $(VENV)/.synced .env

run: install
	@$(BIN)/python -m documents.libraries
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) render_pdfs --quiet-if-current
	@echo ""
	@echo "  Website:        http://127.0.0.1:$(PORT)/"
	@echo "  Redaktion:      http://127.0.0.1:$(PORT)/admin/"
	@echo "  API v3:         http://127.0.0.1:$(PORT)/api/v3/  (Doku: /api/v3/docs/)"
	@$(MANAGE) demo_accounts
	@echo ""
	@# honcho gives each process a PORT of its own (web $(PORT), worker +100, beat +200):
	@# the base URL of links in mails and PDFs is pinned to the web port for all of them.
	PATH="$(CURDIR)/$(BIN):$$PATH" WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}" \
		$(BIN)/honcho start -f Procfile

test: install
	DJANGO_SETTINGS_MODULE=cms.settings.test \
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
	$(MAKE) --no-print-directory _test

_test:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --noinput
	$(BIN)/pytest $(PYTEST_ARGS)

# Deliberately accept a new PDF layout: rewrite tests/documents/visual/*.png, then commit them.
pdf-references: install
	DJANGO_SETTINGS_MODULE=cms.settings.test PDF_REFERENCES=update \
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
	$(BIN)/pytest tests/documents/test_visual.py -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every figure with media on the file system, then the storage-bound ones with a bucket.
bench: install
	$(BIN)/python -m bench
	$(BIN)/python -m bench --storage s3 pipeline_overhead publish_to_pdf download_vs_render

clean:
	rm -rf var/ .pytest_cache .ruff_cache
