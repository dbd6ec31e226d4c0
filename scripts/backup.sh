#!/usr/bin/env bash
# make backup: the database (pg_dump -Fc) and the media folder (tar) into one dated folder.
#   BACKUP_DIR (default backups/YYYYmmdd-HHMMSS), DATABASE_URL (postgres://...), MEDIA_ROOT from settings.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL (postgres://...) is required}"
BACKUP_DIR="${BACKUP_DIR:-backups/$(date +%Y%m%d-%H%M%S)}"
# the public media folder and the private one of plan files (congresses.models.private_storage)
ROOTS="$(.venv/bin/python manage.py shell -c 'from congresses.models import private_storage; from django.conf import settings; print(settings.MEDIA_ROOT, private_storage().location)' 2>/dev/null | tail -1)"
MEDIA="${ROOTS%% *}"
PRIVATE="${ROOTS##* }"
mkdir -p "$BACKUP_DIR" "$MEDIA" "$PRIVATE"
pg_dump -Fc --no-owner -f "$BACKUP_DIR/db.dump" "$DATABASE_URL"
tar -czf "$BACKUP_DIR/media.tar.gz" -C "$MEDIA" .
tar -czf "$BACKUP_DIR/private.tar.gz" -C "$PRIVATE" .
echo "Đã sao lưu vào $BACKUP_DIR (db.dump, media.tar.gz, private.tar.gz)"
