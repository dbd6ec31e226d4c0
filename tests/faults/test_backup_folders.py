"""`make backup` and `make restore` archive the folder where plan files really are.

The scripts read the folders from settings (scripts/_folders.sh). When plan files moved behind
PlanStorage, the scripts still asked for a `.location` it did not have, and `make backup` stopped
with nothing saved; these tests run the same snippet the scripts source.
"""

import os
import subprocess
from pathlib import Path

from django.core.files.base import ContentFile

from congresses.models import PlanStorage

ROOT = Path(__file__).resolve().parents[2]


def _folders(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEMO_MODE": "True", "SECRET_KEY": "folders", **env_overrides}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        ["bash", "-c", 'set -euo pipefail; . scripts/_folders.sh; printf "%s|%s" "$MEDIA" "$PRIVATE"'],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_backup_archives_the_folder_plan_files_are_saved_in(tmp_path, settings):
    media = tmp_path / "media"
    done = _folders({"MEDIA_ROOT": str(media)})
    assert done.returncode == 0, done.stderr
    media_folder, plan_folder = done.stdout.split("|")
    assert media_folder == str(media)

    settings.STORAGE_BACKEND = "local"
    settings.MEDIA_ROOT = str(media)
    name = PlanStorage().save("plans/1/1/ke-hoach.pdf", ContentFile(b"%PDF-1.4 plan"))
    assert (Path(plan_folder) / name).read_bytes() == b"%PDF-1.4 plan"
    assert not Path(plan_folder).is_relative_to(media)


def test_backup_leaves_plan_files_to_the_bucket_on_s3(tmp_path):
    done = _folders(
        {
            "MEDIA_ROOT": str(tmp_path / "media"),
            "STORAGE_BACKEND": "s3",
            "AWS_STORAGE_BUCKET_NAME": "ke-hoach",
        }
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{tmp_path / 'media'}|"
