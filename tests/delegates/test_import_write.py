"""Issue 16: the import writes with PostgreSQL COPY (batched INSERTs elsewhere), rows and audit intact."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congresses.models import Event
from delegates import services
from delegates.models import Delegate, RosterCounter

from .conftest import DELEGATE_DATA

pytestmark = pytest.mark.django_db


def test_an_import_of_many_rows_keeps_every_field_id_audit_entry_and_counter(province_event):
    Event.objects.filter(pk=province_event.pk).update(delegate_cap=3000)
    rows = [
        {**DELEGATE_DATA, "full_name": f"Nguyễn Thị Người{i:04d}", "gender": "female" if i % 3 else "male"}
        for i in range(2500)
    ]
    with CaptureQueriesContext(connection) as queries:
        created = services.delegates_bulk_create(event=province_event, rows=rows, source="Nhập thử")
    inserts = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "delegates_delegate"')
    ]
    if connection.vendor == "postgresql":
        assert inserts == []  # the rows went through COPY, which Django's query log never sees
    else:
        assert len(inserts) >= 2  # batched INSERTs
    stored = {d.pk: d for d in Delegate.objects.filter(event=province_event)}
    assert sorted(stored) == sorted(d.pk for d in created)
    one = stored[created[7].pk]
    assert one.full_name == "Nguyễn Thị Người0007" and one.gender == "female"
    assert one.sort_key and one.search_text.startswith("nguyen thi nguoi0007")
    assert one.created_at is not None and one.version == created[7].version
    ct = ContentType.objects.get_for_model(Delegate)
    audited = set(LogEntry.objects.filter(content_type=ct).values_list("object_pk", flat=True))
    assert audited == {str(pk) for pk in stored}
    counter = RosterCounter.objects.get(event=province_event)
    assert (counter.headcount, counter.women) == (2500, sum(1 for i in range(2500) if i % 3))
    # the next add through the form continues the same id sequence (COPY took its ids from it)
    after = services.delegate_create(event=province_event, data=DELEGATE_DATA)
    assert after.pk > max(stored)


def test_a_bad_row_still_refuses_the_whole_import(province_event):
    rows = [DELEGATE_DATA, {**DELEGATE_DATA, "birth_year": 1800}]
    with pytest.raises(services.RosterError, match="năm sinh không hợp lệ"):
        services.delegates_bulk_create(event=province_event, rows=rows)
    assert not Delegate.objects.filter(event=province_event).exists()


def test_a_staged_import_keeps_its_rows_compact_and_gives_them_back_whole(province_event, unit_manager):
    import json

    from delegates.models import RosterImport

    rows = [{**DELEGATE_DATA, "full_name": f"Lý Văn Người{i:04d}", "email": ""} for i in range(300)]
    staged = services.roster_import_stage(
        event=province_event, file_name="ds.xlsx", rows=rows, by=unit_manager
    )
    kept = RosterImport.objects.get(pk=staged.pk)
    assert kept.rows["columns"] == list(rows[0])  # the keys once, then the values of each row
    assert len(json.dumps(kept.rows)) < len(json.dumps(rows)) * 0.75
    assert kept.parsed_rows == rows
    old_style = RosterImport.objects.create(  # staged before the compact form: still confirmed
        event=province_event, file_name="cu.xlsx", rows=rows[:2], created_by=unit_manager
    )
    assert [d.full_name for d in services.roster_import_confirm(staged=old_style)] == [
        "Lý Văn Người0000",
        "Lý Văn Người0001",
    ]
