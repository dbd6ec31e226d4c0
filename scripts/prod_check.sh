#!/usr/bin/env bash
# `make prod-check`: start the production stack on this machine, smoke-test it, stop it.
#   PostgreSQL (a fresh database, default bkan_prodcheck) · Redis (db 5) · gunicorn ·
#   WhiteNoise static files after collectstatic · Celery worker and beat.
# Exits non-zero when any step fails. Logs: $PRODCHECK_DIR (default /tmp/bkan-prodcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PRODCHECK_PORT:-8199}"
DB_NAME="${PRODCHECK_DB:-bkan_prodcheck}"
PG="${PRODCHECK_PG:-postgres://postgres@127.0.0.1:5432}"
REDIS="${PRODCHECK_REDIS:-redis://127.0.0.1:6379/5}"
WORKDIR="${PRODCHECK_DIR:-/tmp/bkan-prodcheck}"
BIN=.venv/bin

rm -rf "$WORKDIR" && mkdir -p "$WORKDIR/static" "$WORKDIR/media"

# The production settings: nothing from the demo defaults.
export DEBUG=False DEMO_MODE=False
SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="$PG/$DB_NAME"
export CELERY_BROKER_URL="$REDIS" CELERY_RESULT_BACKEND="$REDIS" CELERY_TASK_ALWAYS_EAGER=False
export STATIC_ROOT="$WORKDIR/static" MEDIA_ROOT="$WORKDIR/media" STORAGE_BACKEND=local
export SECURE_SSL=False  # loopback has no TLS; behind a TLS proxy set True
export LOG_LEVEL=WARNING
unset DJANGO_SETTINGS_MODULE

PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "$rc" -ne 0 ]; then
    echo "prod-check FAILED (exit $rc). Logs in $WORKDIR:" >&2
    for f in "$WORKDIR"/*.log; do echo "--- $f" >&2; tail -n 30 "$f" >&2; done
  fi
  exit "$rc"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "database $DB_NAME on $PG"
pg_isready -d "$PG/postgres" >/dev/null
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
psql "$PG/postgres" -qc "CREATE DATABASE $DB_NAME" >/dev/null
redis-cli -u "$REDIS" ping >/dev/null

step "check --deploy, migrate, collectstatic, load_bac_kan, demo accounts"
SECURE_SSL=True $BIN/python manage.py check --deploy --fail-level WARNING  # as behind the TLS proxy
$BIN/python manage.py migrate --noinput >"$WORKDIR/migrate.log"
$BIN/python manage.py collectstatic --noinput >"$WORKDIR/collectstatic.log"
$BIN/python manage.py load_bac_kan
$BIN/python manage.py demo_data >"$WORKDIR/demo_data.log"

step "gunicorn on 127.0.0.1:$PORT, Celery worker and beat"
$BIN/gunicorn bac_kan_emulation.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile - \
  >"$WORKDIR/gunicorn.log" 2>&1 &
PIDS+=($!)
$BIN/celery -A bac_kan_emulation worker --loglevel=info --concurrency=2 --hostname "prodcheck@%h" \
  >"$WORKDIR/worker.log" 2>&1 &
PIDS+=($!)
$BIN/celery -A bac_kan_emulation beat --loglevel=info --schedule "$WORKDIR/celerybeat-schedule" \
  >"$WORKDIR/beat.log" 2>&1 &
PIDS+=($!)

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/accounts/login/" 2>/dev/null && break
  sleep 0.5
done

step "smoke test"
$BIN/python scripts/prod_smoke.py --base "http://127.0.0.1:$PORT" --beat-log "$WORKDIR/beat.log"

echo ""
echo "prod-check OK"
