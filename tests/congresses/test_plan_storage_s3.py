"""Plan files on an S3-compatible bucket (STORAGE_BACKEND=s3), against a real moto_server on loopback.

A second web machine is a fresh storage instance with another MEDIA_ROOT: it must serve the file
that the first one stored, through the portal's scope-checked view only. No external service is
needed (moto runs in-process as a server), so this never skips, under CI or not.
"""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.urls import reverse

from congresses.models import UnitPlan
from tests.congresses import plan_files

pytestmark = pytest.mark.django_db

BUCKET = "bk-plans"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def _s3_settings(settings, endpoint: str, media_root: Path) -> None:
    settings.STORAGE_BACKEND = "s3"
    settings.MEDIA_ROOT = str(media_root)
    settings.PRIVATE_MEDIA_ROOT = str(media_root) + "-private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "location": "media",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }


def test_a_plan_uploaded_on_one_machine_downloads_on_another_in_scope_only(
    client, settings, tmp_path, s3_endpoint, units, campaign, unit_manager, other_unit_manager
):
    _s3_settings(settings, s3_endpoint, tmp_path / "web1")
    client.force_login(unit_manager)
    response = client.post(
        reverse("congresses:plan_submit", args=[units["chora"].pk, "plan"]),
        {"file": plan_files.pdf("Kế hoạch Chợ Rã.pdf", text="Ke hoach Cho Ra")},
    )
    assert response.status_code == 302
    plan = UnitPlan.objects.get(unit=units["chora"], kind="plan")

    # The file is an object in the bucket, private, and nothing was written to the web machine's disk.
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert f"media/{plan.file.name}" in keys
    grants = s3.get_object_acl(Bucket=BUCKET, Key=f"media/{plan.file.name}")["Grants"]
    assert all("AllUsers" not in str(grant.get("Grantee", {})) for grant in grants)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))

    # A second web machine: another MEDIA_ROOT, a fresh storage instance.
    _s3_settings(settings, s3_endpoint, tmp_path / "web2")
    download = reverse("congresses:plan_download", args=[plan.pk])
    response = client.get(download)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and b"Ke hoach Cho Ra" in body
    assert response["Content-Type"] == "application/pdf"

    # Another district's officer gets nothing, and the file has no public address.
    client.force_login(other_unit_manager)
    assert client.get(download).status_code == 404
    with pytest.raises(ValueError):
        plan.file.url  # noqa: B018 - served only through the portal's view
