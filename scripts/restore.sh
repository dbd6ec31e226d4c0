#!/usr/bin/env bash
# make restore BACKUP_DIR=backups/...: the database and the media folder back from a backup.
# The target database (DATABASE_URL) must exist; its tables are replaced. MEDIA_ROOT from settings.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL (postgres://...) is required}"
: "${BACKUP_DIR:?BACKUP_DIR (a folder made by make backup) is required}"
# the public media folder and the private one of plan files (congresses.models.private_storage)
ROOTS="$(.venv/bin/python manage.py shell -c 'from congresses.models import private_storage; from django.conf import settings; print(settings.MEDIA_ROOT, private_storage().location)' 2>/dev/null | tail -1)"
MEDIA="${ROOTS%% *}"
PRIVATE="${ROOTS##* }"
pg_restore --clean --if-exists --no-owner --exit-on-error -d "$DATABASE_URL" "$BACKUP_DIR/db.dump"
mkdir -p "$MEDIA" "$PRIVATE"
tar -xzf "$BACKUP_DIR/media.tar.gz" -C "$MEDIA"
tar -xzf "$BACKUP_DIR/private.tar.gz" -C "$PRIVATE"
echo "Đã khôi phục từ $BACKUP_DIR"
