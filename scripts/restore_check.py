"""After `make restore`: the restored portal answers its pages and serves a stored file."""

import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")
django.setup()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from congresses.models import UnitPlan  # noqa: E402
from units.models import User  # noqa: E402


def main() -> int:
    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    plan = UnitPlan.objects.exclude(file="").first()
    if plan is None:
        print("restore check: no plan file in the restored data")
        return 1
    pages = ["/", reverse("audit:log"), reverse("congresses:plan_download", args=[plan.pk])]
    for url in pages:
        response = client.get(url, HTTP_HOST="127.0.0.1")
        print(f"restore check: {response.status_code} {url}")
        if response.status_code != 200:
            return 1
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if not body.startswith((b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        print("restore check: the plan file did not come back")
        return 1
    print(f"restore check: OK ({UnitPlan.objects.count()} plans, file {len(body)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
