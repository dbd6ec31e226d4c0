"""Issue 16: each event's roster counters equal a fresh count after every kind of roster write."""

from datetime import date

import pytest

from attendance import selectors as attendance_selectors
from attendance import services as attendance
from attendance.models import CheckIn, Invitation
from delegates import services
from delegates.models import Delegate, RosterCounter
from oversight.selectors import oversight_dashboard, oversight_unit_rows
from tests.factories import DelegateFactory

from .conftest import DELEGATE_DATA

pytestmark = pytest.mark.django_db


def _counted_by_hand(event) -> dict[str, int]:
    """The figures counted in Python from the delegates themselves (not the counters' own query)."""
    people = list(Delegate.objects.filter(event=event).select_related("event"))
    answers = dict(Invitation.objects.filter(delegate__event=event).values_list("delegate_id", "answer"))
    checked_in = set(CheckIn.objects.filter(delegate__event=event).values_list("delegate_id", flat=True))
    counts = {
        "headcount": len(people),
        "women": sum(d.gender == "female" for d in people),
        "minorities": sum(d.ethnic_group != "Kinh" for d in people),
        "religious": sum(d.religion not in ("", "Không") for d in people),
        "direct_workers": sum(d.is_direct_worker for d in people),
        "youth": sum(16 <= d.event.date.year - d.birth_year <= 30 for d in people),
        "answered_yes": sum(answers.get(d.pk) == "yes" for d in people),
        "answered_no": sum(answers.get(d.pk) == "no" for d in people),
        "answered_replace": sum(answers.get(d.pk) == "replace" for d in people),
        "answered_none": sum(answers.get(d.pk, "pending") == "pending" for d in people),
        "checked_in": sum(d.pk in checked_in for d in people),
    }
    for category in Delegate.Category.values:
        counts[category] = sum(d.category == category for d in people)
    return counts


def _kept(event) -> dict[str, int]:
    counter = RosterCounter.objects.get(event=event)
    return {name: getattr(counter, name) for name in _counted_by_hand(event)}


def test_every_counter_field_is_counted_by_hand_here(commune_event):
    """A new counter field must be added to the hand count above, or this test says so."""
    fields = {f.name for f in RosterCounter._meta.get_fields()} - {"event"}
    assert set(_counted_by_hand(commune_event)) == fields


def test_counters_follow_add_edit_delete_and_import(commune_event, unit_manager):
    woman = services.delegate_create(
        event=commune_event, data=dict(DELEGATE_DATA, gender="female", religion="Phật giáo")
    )
    kinh = services.delegate_create(event=commune_event, data=dict(DELEGATE_DATA, ethnic_group="Kinh"))
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["women"] == 1 and _kept(commune_event)["minorities"] == 1

    services.delegate_update(delegate=kinh, data={"category": "guest", "is_direct_worker": False})
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["guest"] == 1

    services.delegate_delete(delegate=woman)
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["headcount"] == 1

    rows = [dict(DELEGATE_DATA, full_name=f"Hà Thị Mai {i}", gender="female") for i in range(6)]
    staged = services.roster_import_stage(
        event=commune_event, file_name="ds.xlsx", rows=rows, by=unit_manager
    )
    services.roster_import_confirm(staged=staged, skip=[0])
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["headcount"] == 6


def test_an_import_refused_whole_leaves_the_counters_as_they_were(commune_event):
    services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    before = _kept(commune_event)
    rows = [DELEGATE_DATA, dict(DELEGATE_DATA, ethnic_group="Không rõ")]
    with pytest.raises(services.RosterError):
        services.delegates_bulk_create(event=commune_event, rows=rows)
    assert _kept(commune_event) == before == _counted_by_hand(commune_event)


def test_counters_follow_delegates_added_from_the_lower_units(
    campaign, units, commune_event, district_event, district_officer
):
    exemplars = DelegateFactory.create_batch(4, event=commune_event, gender="female")
    services.roster_finalise(event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:3]], by=None)
    services.delegates_add_from_candidates(event=district_event, source_ids=[d.pk for d in exemplars[:2]])
    assert _kept(district_event) == _counted_by_hand(district_event)
    assert _kept(district_event)["women"] == 2


def test_counters_follow_an_accepted_replacement(commune_event, unit_manager):
    from freezegun import freeze_time

    DelegateFactory.create_batch(7, event=commune_event)
    guest = DelegateFactory(event=commune_event, category="guest", ethnic_group="Kinh")
    with freeze_time("2025-02-18 08:00:00"):
        attendance.invitations_ensure(event=commune_event)
        token = attendance_selectors.invitation_token(guest.invitation)
        data = attendance.ReplacementData(full_name="Hoàng Thị Lan", gender="female", birth_year=1990,
                                          ethnic_group="Tày", position="Phó Chủ tịch Hội Phụ nữ")  # fmt: skip
        request = attendance.replacement_request(token=token, data=data)
        attendance.replacement_decide(replacement=request, accept=True, by=unit_manager)
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["women"] == 1 and _kept(commune_event)["minorities"] == 8


def test_the_dashboard_shows_what_the_services_wrote(commune_event, campaign):
    services.delegate_create(event=commune_event, data=dict(DELEGATE_DATA, gender="female"))
    services.delegate_create(event=commune_event, data=dict(DELEGATE_DATA, category="guest"))
    data = oversight_dashboard(campaign=campaign, today=date(2025, 5, 1))
    assert data["figure"]["delegates_registered"].value == 2
    assert ("Nữ", 1) in data["composition"]["groups"]
    assert ("Khách mời", 1) in data["composition"]["categories"]
    row = next(r for r in oversight_unit_rows(campaign=campaign, today=date(2025, 5, 1))
               if r.event_id == commune_event.pk)  # fmt: skip
    assert (row.delegates, row.exemplars) == (2, 1)


def test_counters_follow_answers_check_ins_and_the_deletes_that_take_them_away(commune_event):
    from freezegun import freeze_time

    young = DelegateFactory(event=commune_event, birth_year=2000)  # 25 in 2025: youth
    others = DelegateFactory.create_batch(4, event=commune_event)
    assert _kept(commune_event)["youth"] == 1 and _kept(commune_event)["answered_none"] == 5
    with freeze_time("2025-02-18 08:00:00"):
        attendance.invitations_ensure(event=commune_event)
        token = attendance_selectors.invitation_token
        attendance.invitation_answer(token=token(young.invitation), answer="yes")
        attendance.invitation_answer(token=token(others[0].invitation), answer="no", reason="Ốm")
        attendance.invitation_answer(token=token(others[1].invitation), answer="yes")
        assert _kept(commune_event) == _counted_by_hand(commune_event)
        assert (_kept(commune_event)["answered_yes"], _kept(commune_event)["answered_no"]) == (2, 1)
        attendance.invitation_answer(token=token(others[0].invitation), answer="yes")  # changed their mind
        assert _kept(commune_event) == _counted_by_hand(commune_event)
    with freeze_time("2025-02-20 07:30:00"):
        attendance.checkin_record(event=commune_event, delegate_id=young.pk, door="Cửa chính")
        attendance.checkin_record(event=commune_event, delegate_id=young.pk, door="Cửa phụ")  # twice: once
        attendance.checkin_record(event=commune_event, delegate_id=others[1].pk)
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert _kept(commune_event)["checked_in"] == 2

    services.delegate_delete(delegate=Delegate.objects.get(pk=young.pk))  # its answer and check-in go too
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    assert (_kept(commune_event)["youth"], _kept(commune_event)["checked_in"]) == (0, 1)
    assert _kept(commune_event)["answered_yes"] == 2


def test_the_cap_and_the_share_read_the_counters(commune_event):
    """The cap check trusts the kept headcount: counters set by hand decide (a recount puts them back)."""
    DelegateFactory.create_batch(3, event=commune_event)
    commune_event.delegate_cap = 4
    commune_event.save(update_fields=["delegate_cap"])
    RosterCounter.objects.filter(event=commune_event).update(headcount=4)
    with pytest.raises(services.DelegateCapExceeded):
        services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    services.roster_recount(event_id=commune_event.pk)
    services.delegate_create(event=commune_event, data=DELEGATE_DATA)  # the fourth seat
    assert _kept(commune_event) == _counted_by_hand(commune_event)
    RosterCounter.objects.filter(event=commune_event).update(exemplar_individual=0)
    with pytest.raises(services.ExemplarShareTooLow):
        services.roster_finalise(event=commune_event)


def test_counters_follow_the_admin_delete_of_many_delegates(commune_event, district_event, units, client):
    from django.urls import reverse

    from units.models import User

    root = User.objects.create_superuser(
        username="root", password="pw-root-123", email="r@x.vn", role=User.Role.STAFF, unit=units["province"]
    )
    client.force_login(root)
    doomed = DelegateFactory.create_batch(3, event=commune_event) + [DelegateFactory(event=district_event)]
    DelegateFactory(event=commune_event, gender="female")
    response = client.post(
        reverse("admin:delegates_delegate_changelist"),
        {"action": "delete_selected", "_selected_action": [d.pk for d in doomed], "post": "yes"},
    )
    assert response.status_code == 302
    for event in (commune_event, district_event):
        assert _kept(event) == _counted_by_hand(event)
    assert (_kept(commune_event)["headcount"], _kept(district_event)["headcount"]) == (1, 0)


# --- Writes at once (PostgreSQL only: SQLite serialises whole-database writes) ---


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_counters_equal_a_recount_after_concurrent_adds_edits_and_check_ins(units, campaign, monkeypatch):
    import os
    import threading
    import time

    from django.db import connection, connections

    from tests.conftest import IN_CI, require_service
    from tests.factories import EventFactory

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # The CI's services pass must have PostgreSQL; its SQLite pass and local runs skip.
        require_service(
            not IN_CI or os.environ.get("CI_PASS") != "services", "DATABASE_URL is not PostgreSQL"
        )
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has no row locks")
    assert connection.vendor == "postgresql"
    event = EventFactory(
        unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20), delegate_cap=60
    )
    present = DelegateFactory.create_batch(10, event=event)
    attendance.invitations_ensure(event=event)
    edited = DelegateFactory.create_batch(10, event=event)
    barrier = threading.Barrier(30)
    counted = services.roster_counts

    def slow_count(**kwargs):  # widen the window between a recount's count and its write
        result = counted(**kwargs)
        time.sleep(0.02)
        return result

    monkeypatch.setattr(services, "roster_counts", slow_count)

    def add(index: int) -> None:  # ten officers add delegates
        services.delegate_create(
            event=event, data=dict(DELEGATE_DATA, full_name=f"Đồng Thời {index}", gender="female")
        )

    def check_in(index: int) -> None:  # ten doors check delegates in (no event lock)
        attendance.checkin_record(event=event, delegate_id=present[index].pk, door=f"Cửa {index}")

    def edit(index: int) -> None:  # five edits and five deletes
        delegate = Delegate.objects.get(pk=edited[index].pk)
        if index < 5:
            services.delegate_update(delegate=delegate, data={"gender": "female", "birth_year": 2001})
        else:
            services.delegate_delete(delegate=delegate)

    def run(work, index: int) -> None:
        try:
            barrier.wait()
            work(index)
        finally:
            connections.close_all()

    def at_once(works) -> None:
        threads = [threading.Thread(target=run, args=(w, i)) for w in works for i in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    at_once((add, check_in, edit))
    kept = _kept(event)
    assert kept == _counted_by_hand(event)
    assert kept["headcount"] == 10 + 10 + 10 - 5
    assert (kept["women"], kept["youth"], kept["checked_in"]) == (10 + 5, 5, 10)

    present = edited[:5] + present[:5]  # then only the doors: the last recount is a check-in's
    barrier = threading.Barrier(10)
    at_once((check_in,))
    assert _kept(event) == _counted_by_hand(event)
    assert _kept(event)["checked_in"] == 15
