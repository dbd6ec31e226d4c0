# Quick start: `make demo` (serve the demo on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
PORT ?= 8000

.PHONY: demo test venv lint typecheck migrations-check pytest worker beat messages bench demo-province prod-check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

venv: $(VENV)/.installed

demo: venv
	DEBUG=True $(MANAGE) migrate --noinput
	DEBUG=True $(MANAGE) demo_data
	@echo ""
	@echo "Cổng đang chạy tại http://127.0.0.1:$(PORT)  (Ctrl+C để dừng)"
	DEBUG=True $(MANAGE) runserver 127.0.0.1:$(PORT)

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
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=tests --ignore=bench
	$(PY) scripts/fill_en_translations.py
	$(MANAGE) compilemessages -l en --ignore=.venv

demo-province: venv
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data --scale province

bench: venv
	$(PY) bench/run_all.py

# Production stack on this machine (PostgreSQL, Redis db 5, gunicorn + WhiteNoise,
# Celery worker and beat), smoke-tested, then stopped. See README "Production".
prod-check: venv
	bash scripts/prod_check.sh

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
