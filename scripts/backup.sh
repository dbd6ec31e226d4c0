#!/usr/bin/env bash
# make backup: the database (pg_dump -Fc) and the media folder (tar) into one dated folder.
#   BACKUP_DIR (default backups/YYYYmmdd-HHMMSS), DATABASE_URL (postgres://...), MEDIA_ROOT from settings.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL (postgres://...) is required}"
BACKUP_DIR="${BACKUP_DIR:-backups/$(date +%Y%m%d-%H%M%S)}"
. scripts/_folders.sh
mkdir -p "$BACKUP_DIR" "$MEDIA"
pg_dump -Fc --no-owner -f "$BACKUP_DIR/db.dump" "$DATABASE_URL"
tar -czf "$BACKUP_DIR/media.tar.gz" -C "$MEDIA" .
if [ -n "$PRIVATE" ]; then
  mkdir -p "$PRIVATE"
  tar -czf "$BACKUP_DIR/private.tar.gz" -C "$PRIVATE" .
  echo "Đã sao lưu vào $BACKUP_DIR (db.dump, media.tar.gz, private.tar.gz)"
else
  echo "Đã sao lưu vào $BACKUP_DIR (db.dump, media.tar.gz); tệp kế hoạch nằm trên bucket S3, sao lưu theo chính sách của bucket"
fi
