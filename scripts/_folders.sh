# Sourced by backup.sh and restore.sh: MEDIA (settings.MEDIA_ROOT) and PRIVATE (the folder of plan
# files, congresses.models.PlanStorage.local_folder; empty when the plans live on the S3 bucket,
# which the provider's own versioning and replication back up).
ROOTS="$(.venv/bin/python manage.py shell -c 'from congresses.models import PlanStorage; from django.conf import settings; print(settings.MEDIA_ROOT, PlanStorage().local_folder() or "-")' | tail -1)"
MEDIA="${ROOTS%% *}"
PRIVATE="${ROOTS##* }"
if [ -z "$MEDIA" ] || [ -z "$PRIVATE" ]; then
  echo "Không đọc được thư mục tệp từ cấu hình (MEDIA_ROOT)." >&2
  exit 1
fi
if [ "$PRIVATE" = "-" ]; then PRIVATE=""; fi
