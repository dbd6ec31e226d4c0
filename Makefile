# Quick start: `make demo` (serve the demo on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
PORT ?= 8000

.PHONY: backup restore demo guide-screenshots test venv lock lint typecheck migrations-check pytest worker beat messages bench demo-province demo-nation prod-check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Production installs requirements.lock only; development adds requirements-dev.lock
# (tests, lint, types, browser), which is constrained by it.
$(VENV)/.installed: requirements.lock requirements-dev.lock | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock -r requirements-dev.lock
	touch $@

venv: $(VENV)/.installed

# Re-lock after changing pyproject dependencies; existing pins are kept (no --upgrade).
LOCK_FLAGS := --quiet --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(BIN)/activate
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) -o requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra=dev -c requirements.lock -o requirements-dev.lock pyproject.toml
	sed -i '1i -c requirements.lock' requirements-dev.lock

# The demo runs a real Celery worker (with beat) beside the web server, on kombu's filesystem
# transport under .demo/ (no Redis), so documents are made in the background as in production.
# The demo shows what users see (Vietnamese error pages, no debug page): DEBUG stays off
# unless asked, `make demo DEBUG=True`. WhiteNoise serves the static files either way.
DEBUG ?= False
demo: venv
	DEBUG=$(DEBUG) $(MANAGE) migrate --noinput
	DEBUG=$(DEBUG) $(MANAGE) demo_data
	@echo ""
	@echo "Cổng đang chạy tại http://127.0.0.1:$(PORT)  (Ctrl+C để dừng)"
	@export DEBUG=$(DEBUG) CELERY_BROKER_URL=filesystem://; mkdir -p .demo; \
	  $(BIN)/celery -A bac_kan_emulation worker --beat --schedule=.demo/celerybeat-schedule \
	    --pool=solo --loglevel=warning >.demo/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy .

migrations-check: venv
	$(MANAGE) makemigrations --check --dry-run

pytest: venv
	$(BIN)/pytest

test: lint typecheck migrations-check pytest

worker: venv
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0} $(BIN)/celery -A bac_kan_emulation worker --loglevel=info --concurrency=2

beat: venv
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0} $(BIN)/celery -A bac_kan_emulation beat --loglevel=info

messages: venv
	$(MANAGE) makemessages -l en --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	$(PY) scripts/fill_en_translations.py
	$(MANAGE) compilemessages -l en --ignore=.venv

demo-province: venv
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data --scale province

# Ten times the province (about 1,500 events, 350,000 delegates) on made-up demo units, for
# benchmarks and the load test: meant for PostgreSQL (DATABASE_URL), where it takes minutes.
demo-nation: venv
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data --scale nation

# The user guide's screenshots (static/guide/) are made by a browser test from the demo data.
guide-screenshots: venv
	GUIDE_SCREENSHOTS_DIR=static/guide $(BIN)/pytest -p no:cacheprovider tests/browser/test_user_guide.py

bench: venv
	$(PY) bench/run_all.py

# Production stack on this machine (PostgreSQL, Redis db 5, gunicorn + WhiteNoise,
# Celery worker and beat), smoke-tested, then stopped. See README "Production".
prod-check: venv
	bash scripts/prod_check.sh

# Backup and restore (README "Sao lưu và khôi phục"): pg_dump -Fc of DATABASE_URL + a tar of MEDIA_ROOT.
backup: venv
	bash scripts/backup.sh

restore: venv
	bash scripts/restore.sh

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
