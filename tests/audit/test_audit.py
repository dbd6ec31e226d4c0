import datetime

import factory
import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.registry import AUDITED, unit_id_of
from congresses.models import AgendaItem, Event
from tests.factories import EventFactory
from units.models import Unit, User

pytestmark = pytest.mark.django_db


class LoggedEventFactory(EventFactory):
    """Events named as the log assertions below spell them."""

    name = factory.LazyAttribute(lambda e: f"Hội nghị điển hình tiên tiến {e.unit.name}")


def entries_for(obj):
    return LogEntry.objects.get_for_object(obj).order_by("timestamp", "pk")


def history_url(obj):
    meta = obj._meta
    return reverse("audit:object_history", args=[meta.app_label, meta.model_name, obj.pk])


def test_every_listed_model_is_registered_with_auditlog():
    for label in AUDITED:
        assert auditlog.contains(apps.get_model(label)), label


def test_every_model_of_the_portal_is_audited_or_left_out_with_a_reason():
    from audit.registry import NOT_AUDITED, PORTAL_APPS

    undecided = [
        model._meta.label
        for app in PORTAL_APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label not in AUDITED and model._meta.label not in NOT_AUDITED
    ]
    assert not undecided, (
        f"Add these to audit/registry.py (AUDITED, or NOT_AUDITED with a reason): {undecided}"
    )


def test_it_records_who_changed_which_field_through_the_edit_page(client, admin, units):
    chora = units["chora"]
    client.force_login(admin)
    response = client.post(
        reverse("units:edit", args=[chora.pk]),
        {"name": chora.name, "code": chora.code, "is_pilot": "", "email": "vanphong@chora.gov.vn"},
    )
    assert response.status_code == 302
    entry = entries_for(chora).last()
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == admin
    assert entry.changes_dict == {"email": ["", "vanphong@chora.gov.vn"]}
    assert entry.additional_data["unit_id"] == chora.pk


def test_it_never_records_a_password(units):
    user = User.objects.create_user(username="moi", password="bí-mật-1", role="officer", unit=units["chora"])
    user.set_password("bí-mật-2")
    user.save()
    for entry in entries_for(user):
        assert "password" not in entry.changes_dict
        assert "bí-mật" not in str(entry.changes)
    assert entries_for(user).first().additional_data["unit_id"] == units["chora"].pk


def test_it_records_the_unit_of_an_event_and_of_its_agenda_item_even_when_deleted(campaign, units):
    event = LoggedEventFactory(unit=units["chora"], campaign=campaign)
    item = AgendaItem.objects.create(event=event, order=1, title="Khai mạc")
    item_pk = item.pk
    item.delete()
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(AgendaItem), object_id=item_pk
    )
    assert [e.action for e in entries.order_by("pk")] == [LogEntry.Action.CREATE, LogEntry.Action.DELETE]
    assert {e.additional_data["unit_id"] for e in entries} == {units["chora"].pk}
    assert entries_for(event).first().additional_data["unit_id"] == units["chora"].pk


def test_unit_path_walks_relations_and_tolerates_missing_links(campaign, units):
    event = LoggedEventFactory(unit=units["nari"], campaign=campaign)
    item = AgendaItem(event=event, order=1, title="Báo cáo")
    assert unit_id_of(item, "event__unit") == units["nari"].pk
    assert unit_id_of(units["nari"], "") == units["nari"].pk
    assert unit_id_of(campaign, None) is None
    leader = User(username="x", role="leadership")
    assert unit_id_of(leader, "unit") is None


def test_it_shows_staff_the_whole_log_and_filters_it_by_unit_and_user(client, admin, district_officer, units):
    chora, nari = units["chora"], units["nari"]
    client.force_login(district_officer)
    client.post(reverse("units:edit", args=[chora.pk]), {"name": chora.name, "email": "x@y.vn"})  # refused
    client.force_login(admin)
    for unit, email in ((chora, "a@chora.vn"), (nari, "b@nari.vn")):
        client.post(
            reverse("units:edit", args=[unit.pk]), {"name": unit.name, "code": unit.code, "email": email}
        )
    body = client.get(reverse("audit:log"), {"unit": units["babe"].pk, "actor": admin.pk}).content.decode()
    assert "a@chora.vn" in body and "b@nari.vn" not in body
    body = client.get(reverse("audit:log"), {"unit": nari.pk}).content.decode()
    assert "b@nari.vn" in body and "a@chora.vn" not in body
    body = client.get(reverse("audit:log"), {"actor": district_officer.pk}).content.decode()
    assert "Chưa có thay đổi nào" in body


def test_it_filters_the_log_by_model_and_date(client, admin, campaign, units):
    LoggedEventFactory(unit=units["chora"], campaign=campaign)
    client.force_login(admin)
    ct = ContentType.objects.get_for_model(Event)
    response = client.get(reverse("audit:log"), {"content_type": ct.pk})
    assert [row["entry"].object_repr for row in response.context["rows"]] == [
        "Hội nghị điển hình tiên tiến Thị trấn Chợ Rã"
    ]
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    body = client.get(reverse("audit:log"), {"date_from": tomorrow}).content.decode()
    assert "Chưa có thay đổi nào" in body
    response = client.get(reverse("audit:log"), {"date_from": tomorrow, "date_to": "2020-01-01"})
    assert "phải sau hoặc bằng" in response.content.decode()


def test_it_shows_an_officer_only_the_log_of_their_units(client, district_officer, campaign, units):
    LoggedEventFactory(unit=units["chora"], campaign=campaign)
    LoggedEventFactory(unit=units["nari"], campaign=campaign)
    client.force_login(district_officer)
    body = client.get(reverse("audit:log")).content.decode()
    assert "Hội nghị điển hình tiên tiến Thị trấn Chợ Rã" in body
    assert "Hội nghị điển hình tiên tiến Huyện Na Rì" not in body
    response = client.get(reverse("audit:log"))
    visible = {units["babe"].pk, *units["babe"].children.values_list("pk", flat=True)}
    seen = {row["unit"].pk if row["unit"] else None for row in response.context["rows"]}
    assert seen and seen <= visible  # neither other districts nor province-wide data (no unit)
    # An officer cannot widen the log by choosing a unit outside scope.
    body = client.get(reverse("audit:log"), {"unit": units["nari"].pk}).content.decode()
    assert "Hội nghị điển hình tiên tiến Huyện Na Rì" not in body


def test_it_gives_leadership_the_log_to_read(client, leadership, units):
    client.force_login(leadership)
    assert client.get(reverse("audit:log")).status_code == 200


def test_it_sends_anonymous_users_to_login(client, units):
    response = client.get(history_url(units["chora"]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_it_shows_the_history_of_an_object_in_scope(client, unit_manager, campaign, units):
    event = LoggedEventFactory(unit=units["chora"], campaign=campaign)
    event.venue = "Nhà văn hóa thị trấn"
    event.save()
    client.force_login(unit_manager)
    response = client.get(history_url(event))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nhà văn hóa thị trấn" in body and "Hội trường" in body and "địa điểm" in body.lower()


def test_it_hides_the_history_of_an_object_outside_scope(
    client, unit_manager, other_unit_manager, campaign, units
):
    event = LoggedEventFactory(unit=units["nari"], campaign=campaign)
    client.force_login(unit_manager)
    assert client.get(history_url(event)).status_code == 404
    assert (
        client.get(history_url(units["babe"])).status_code == 404
    )  # its own district: outside a commune's scope
    client.force_login(other_unit_manager)
    assert client.get(history_url(event)).status_code == 200


def test_it_keeps_the_history_of_a_deleted_object_within_its_unit(
    client, unit_manager, other_unit_manager, campaign, units
):
    item = AgendaItem.objects.create(
        event=LoggedEventFactory(unit=units["chora"], campaign=campaign), order=1, title="Khai mạc"
    )
    url = history_url(item)
    item.delete()
    client.force_login(unit_manager)
    response = client.get(url)
    assert response.status_code == 200 and "đã xóa" in response.content.decode()
    client.force_login(other_unit_manager)
    assert client.get(url).status_code == 404


def test_province_wide_data_history_is_for_staff_and_leadership_only(
    client, admin, leadership, unit_manager, campaign
):
    url = history_url(campaign)
    client.force_login(unit_manager)
    assert client.get(url).status_code == 404
    for user in (admin, leadership):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_it_answers_404_for_models_that_are_not_audited(client, admin, units):
    client.force_login(admin)
    assert client.get(reverse("audit:object_history", args=["auth", "group", 1])).status_code == 404
    assert client.get(reverse("audit:object_history", args=["khong", "co", 1])).status_code == 404


def test_the_unit_page_links_to_its_history(client, unit_manager, units):
    client.force_login(unit_manager)
    body = client.get(reverse("units:detail", args=[units["chora"].pk])).content.decode()
    assert history_url(units["chora"]) in body


def test_loading_the_province_records_its_units(units):
    ct = ContentType.objects.get_for_model(Unit)
    assert (
        LogEntry.objects.filter(content_type=ct, action=LogEntry.Action.CREATE).count()
        == Unit.objects.count()
    )


def test_the_log_page_reads_in_a_constant_number_of_queries(
    client, admin, campaign, units, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("audit:log")).status_code == 200
        return len(ctx.captured_queries)

    client.get(reverse("audit:log"))  # warm the content-type cache
    few = queries()
    for unit in Unit.objects.filter(parent=units["nari"])[:12]:
        LoggedEventFactory(
            unit=unit, campaign=campaign
        )  # entries with foreign keys (unit, campaign, tier) to resolve
    assert queries() == few


def test_the_event_page_links_to_its_history(client, unit_manager, campaign, units):
    event = LoggedEventFactory(unit=units["chora"], campaign=campaign)
    client.force_login(unit_manager)
    body = client.get(reverse("congresses:event_detail", args=[event.pk])).content.decode()
    assert history_url(event) in body


def test_the_bulk_writer_records_a_created_row_as_auditlog_itself_would(units, campaign):
    """The import's audit entries (issue 16: field list worked out once) equal auditlog's own diff."""
    from auditlog.diff import model_instance_diff

    from audit.bulk import _created_diffs
    from tests.factories import DelegateFactory

    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune")
    delegates = [
        DelegateFactory(event=event, gender="female", email="lan@backan.gov.vn", is_direct_worker=True),
        DelegateFactory(event=event, category="exemplar_collective", collective_name="Thôn Nà Làng"),
    ]
    assert _created_diffs(delegates) == [model_instance_diff(None, d) for d in delegates]
    assert _created_diffs(delegates)[0]["full_name"] == ("None", delegates[0].full_name)
