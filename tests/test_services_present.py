"""The service-backed run (CI) really has its services: these fail under CI=true if absent."""

import pytest
from django.db import connection

from tests.conftest import IN_CI, require_service


def test_the_celery_worker_answers(live_worker):
    replies = live_worker.control.ping(timeout=3.0)
    assert replies and all("ok" in next(iter(r.values())) for r in replies)


@pytest.mark.django_db
def test_the_database_is_postgresql_when_asked():
    import os

    wants_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if not wants_postgres:
        require_service(
            not IN_CI or os.environ.get("CI_PASS") != "services", "DATABASE_URL is not PostgreSQL"
        )
        pytest.skip("this run uses SQLite")
    assert connection.vendor == "postgresql"
