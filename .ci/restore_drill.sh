#!/usr/bin/env bash
# Backup and restore drill: the demo in one database, `make backup`, `make restore` into a FRESH
# database and media folder, then pages and a plan file download must work from the restored copy.
set -euo pipefail
cd "$(dirname "$0")/.."
PG="postgres://postgres@127.0.0.1:5432"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; dropdb -h 127.0.0.1 -U postgres --if-exists drill_src; dropdb -h 127.0.0.1 -U postgres --if-exists drill_dst' EXIT
export DEMO_MODE=True SECRET_KEY=drill CELERY_BROKER_URL=memory://
dropdb -h 127.0.0.1 -U postgres --if-exists drill_src; createdb -h 127.0.0.1 -U postgres drill_src
dropdb -h 127.0.0.1 -U postgres --if-exists drill_dst; createdb -h 127.0.0.1 -U postgres drill_dst
DATABASE_URL="$PG/drill_src" MEDIA_ROOT="$WORK/media-src" .venv/bin/python manage.py migrate --noinput -v0
DATABASE_URL="$PG/drill_src" MEDIA_ROOT="$WORK/media-src" .venv/bin/python manage.py demo_data >/dev/null
DATABASE_URL="$PG/drill_src" MEDIA_ROOT="$WORK/media-src" BACKUP_DIR="$WORK/backup" make -s backup
DATABASE_URL="$PG/drill_dst" MEDIA_ROOT="$WORK/media-dst" BACKUP_DIR="$WORK/backup" make -s restore
DATABASE_URL="$PG/drill_dst" MEDIA_ROOT="$WORK/media-dst" .venv/bin/python scripts/restore_check.py
