#!/usr/bin/env bash
# make restore BACKUP_DIR=backups/...: the database and the media folder back from a backup.
# The target database (DATABASE_URL) must exist; its tables are replaced. MEDIA_ROOT from settings.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL (postgres://...) is required}"
: "${BACKUP_DIR:?BACKUP_DIR (a folder made by make backup) is required}"
. scripts/_folders.sh
pg_restore --clean --if-exists --no-owner --exit-on-error -d "$DATABASE_URL" "$BACKUP_DIR/db.dump"
mkdir -p "$MEDIA"
tar -xzf "$BACKUP_DIR/media.tar.gz" -C "$MEDIA"
if [ -n "$PRIVATE" ] && [ -f "$BACKUP_DIR/private.tar.gz" ]; then
  mkdir -p "$PRIVATE"
  tar -xzf "$BACKUP_DIR/private.tar.gz" -C "$PRIVATE"
fi
echo "Đã khôi phục từ $BACKUP_DIR"
