"""Bulk writes leave one audit entry per row, with who, when and where from (issue 14),
at a cost in queries that does not grow with the rows."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from congresses.models import Event
from core.bulk_audit import delete_audited
from delegates import services
from delegates.models import Delegate, RosterImport
from tests.delegates.conftest import DELEGATE_DATA
from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def delegate_entries(**filters):
    ct = ContentType.objects.get_for_model(Delegate)
    return LogEntry.objects.filter(content_type=ct, **filters).order_by("pk")


def rows(n):
    return [{**DELEGATE_DATA, "full_name": f"Nguyễn Văn Người{i:04d}"} for i in range(n)]


@pytest.fixture
def big_event(province_event):
    Event.objects.filter(pk=province_event.pk).update(delegate_cap=1000)
    return Event.objects.get(pk=province_event.pk)


def test_an_import_confirmed_writes_one_entry_per_delegate_with_the_file_and_the_officer(
    big_event, admin, units, django_assert_max_num_queries
):
    staged = RosterImport.objects.create(
        event=big_event, file_name="danh_sach_dai_bieu.xlsx", rows=rows(500), created_by=admin
    )
    # SQLite splits each bulk insert at its 999-parameter limit (about 50 rows); PostgreSQL does not.
    # Three of them make and lock the event's counter row (its first roster write), then recount.
    with django_assert_max_num_queries(34):
        created = services.roster_import_confirm(staged=staged)
    assert len(created) == 500
    entries = list(delegate_entries(action=LogEntry.Action.CREATE))
    assert len(entries) == 500
    assert {e.object_id for e in entries} == {d.pk for d in created}
    first = entries[0]
    assert first.actor == admin
    assert first.additional_data == {
        "unit_id": units["province"].pk,
        "source": "Nhập từ tệp Excel danh_sach_dai_bieu.xlsx",
    }
    assert first.changes_dict["full_name"] == ["None", "Nguyễn Văn Người0000"]


def test_deleting_500_delegates_costs_a_bounded_number_of_queries_and_audits_each(
    big_event, admin, units, django_assert_max_num_queries
):
    DelegateFactory.create_batch(500, event=big_event)
    LogEntry.objects.all().delete()
    with django_assert_max_num_queries(30):
        delete_audited(Delegate.objects.filter(event=big_event), source="Xóa thử", actor=admin)
    assert not Delegate.objects.filter(event=big_event).exists()
    entries = delegate_entries(action=LogEntry.Action.DELETE)
    assert entries.count() == 500
    assert {e.additional_data["unit_id"] for e in entries} == {units["province"].pk}


def test_deleting_an_event_in_the_admin_audits_its_whole_roster_in_bulk(
    client, big_event, units, django_assert_max_num_queries
):
    from units.models import User

    superuser = User.objects.create_superuser(
        username="root", password="pw-root-123", email="r@x.vn", role=User.Role.STAFF, unit=units["province"]
    )
    DelegateFactory.create_batch(300, event=big_event)
    client.force_login(superuser)
    url = reverse("admin:congresses_event_delete", args=[big_event.pk])
    # a fixed number per cascaded model (rosters, attendance, honours…), never one per delegate
    with django_assert_max_num_queries(70):
        response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    deleted = delegate_entries(action=LogEntry.Action.DELETE)
    assert deleted.count() == 300
    # the unit is known although the event went in the same cascade
    assert {e.additional_data["unit_id"] for e in deleted} == {units["province"].pk}
    assert {e.actor_id for e in deleted} == {superuser.pk}


def test_a_single_change_writes_its_unit_with_the_entry_itself(big_event, django_assert_num_queries):
    delegate = DelegateFactory(event=big_event)
    entry = delegate_entries(object_id=delegate.pk).get()
    assert entry.additional_data["unit_id"] == big_event.unit_id
    delegate.full_name = "Tên mới"
    # the row's old state, the update, the entry (no second write of the entry for its unit)
    with django_assert_num_queries(3):
        delegate.save()


def test_delegates_added_from_candidates_and_approvals_are_audited(
    campaign, units, commune_event, district_event, district_officer
):
    exemplars = DelegateFactory.create_batch(3, event=commune_event)
    services.roster_finalise(event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    LogEntry.objects.all().delete()
    services.delegation_approve(
        event=commune_event, delegate_ids=[d.pk for d in exemplars[:2]], by=district_officer
    )
    approved = delegate_entries(action=LogEntry.Action.UPDATE)
    assert {e.object_id for e in approved} == {exemplars[0].pk, exemplars[1].pk}
    assert all(e.changes_dict == {"in_delegation": ["False", "True"]} for e in approved)
    assert all(e.actor == district_officer for e in approved)
    assert "Thông qua đoàn đại biểu" in approved[0].additional_data["source"]

    added = services.delegates_add_from_candidates(
        event=district_event, source_ids=[exemplars[0].pk], by=district_officer
    )
    copy_entry = delegate_entries(action=LogEntry.Action.CREATE).get()
    assert copy_entry.object_id == added[0].pk
    assert copy_entry.additional_data == {
        "unit_id": units["babe"].pk,
        "source": f"Thêm từ đoàn được cử của {commune_event.name} ({units['chora'].name})",
    }

    LogEntry.objects.all().delete()
    Delegate.objects.filter(pk=added[0].pk).delete()
    services.delegation_withdraw(event=commune_event, by=district_officer)
    withdrawn = delegate_entries(action=LogEntry.Action.UPDATE)
    assert {e.object_id for e in withdrawn} == {exemplars[0].pk, exemplars[1].pk}
    assert all(e.changes_dict == {"in_delegation": ["True", "False"]} for e in withdrawn)
    assert "Hủy thông qua" in withdrawn[0].additional_data["source"]


def test_the_change_log_shows_where_a_bulk_change_came_from(client, big_event, admin):
    staged = RosterImport.objects.create(
        event=big_event, file_name="ds_tinh.xlsx", rows=rows(2), created_by=admin
    )
    services.roster_import_confirm(staged=staged)
    client.force_login(admin)
    page = client.get(reverse("audit:log")).content.decode()
    assert page.count("Nhập từ tệp Excel ds_tinh.xlsx") == 2
