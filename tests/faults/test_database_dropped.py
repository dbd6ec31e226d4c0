"""PostgreSQL's connection dropped mid-import (pg_terminate_backend): a Vietnamese message,
nothing half-written, and the import can be confirmed again."""

import os

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from core import bulk_audit
from delegates.models import Delegate, RosterImport
from tests.delegates.conftest import DELEGATE_DATA
from tests.factories import EventFactory

pytestmark = [pytest.mark.postgres, pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def test_an_import_whose_database_connection_is_terminated_saves_nothing(
    client, unit_manager, units, campaign, monkeypatch
):
    from tests.conftest import IN_CI, require_service

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # The CI's services pass must have PostgreSQL; its SQLite pass and local runs skip.
        require_service(
            not IN_CI or os.environ.get("CI_PASS") != "services", "DATABASE_URL is not PostgreSQL"
        )
        pytest.skip("needs PostgreSQL (pg_terminate_backend)")
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune")
    rows = [{**DELEGATE_DATA, "full_name": f"Lý Văn {i}"} for i in range(50)]
    staged = RosterImport.objects.create(event=event, file_name="ds.xlsx", rows=rows, created_by=unit_manager)
    settings_dict = connection.settings_dict
    original = bulk_audit.record

    def terminate_then_record(change):
        # the delegates are inserted, the audit entries not yet: the backend goes away now
        pid = connection.cursor().connection.info.backend_pid
        with psycopg.connect(
            host=settings_dict["HOST"], port=settings_dict["PORT"] or 5432, user=settings_dict["USER"],
            dbname=settings_dict["NAME"], autocommit=True,
        ) as admin:  # fmt: skip
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        original(change)

    monkeypatch.setattr(bulk_audit, "record", terminate_then_record)
    client.force_login(unit_manager)
    response = client.post(reverse("delegates:import_confirm", args=[event.pk, staged.token]), follow=True)
    assert response.status_code == 200
    assert "mất kết nối tới cơ sở dữ liệu" in response.content.decode()
    monkeypatch.setattr(bulk_audit, "record", original)
    assert not Delegate.objects.filter(event=event).exists()
    assert RosterImport.objects.filter(pk=staged.pk).exists()
    # and confirming again works
    client.force_login(unit_manager)
    client.post(reverse("delegates:import_confirm", args=[event.pk, staged.token]))
    assert Delegate.objects.filter(event=event).count() == 50
