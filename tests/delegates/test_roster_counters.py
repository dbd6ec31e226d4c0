"""Issue 16: each event's roster counters equal a fresh count after every kind of roster write."""

from datetime import date

import pytest

from attendance import selectors as attendance_selectors
from attendance import services as attendance
from delegates import services
from delegates.models import Delegate, RosterCounter
from oversight.selectors import oversight_dashboard, oversight_unit_rows
from tests.factories import DelegateFactory

from .conftest import DELEGATE_DATA

pytestmark = pytest.mark.django_db


def _counted_by_hand(event) -> dict[str, int]:
    """The figures counted in Python from the delegates themselves (not the counters' own query)."""
    people = list(Delegate.objects.filter(event=event))
    counts = {
        "headcount": len(people),
        "women": sum(d.gender == "female" for d in people),
        "minorities": sum(d.ethnic_group != "Kinh" for d in people),
        "religious": sum(d.religion not in ("", "Không") for d in people),
        "direct_workers": sum(d.is_direct_worker for d in people),
    }
    for category in Delegate.Category.values:
        counts[category] = sum(d.category == category for d in people)
    return counts


def _kept(event) -> dict[str, int]:
    counter = RosterCounter.objects.get(event=event)
    return {name: getattr(counter, name) for name in _counted_by_hand(event)}


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
