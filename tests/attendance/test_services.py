"""Answers, replacements, reminders, check-ins and the hall (attendance/services*.py)."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from attendance import selectors, services, services_hall
from attendance.models import CheckIn, Invitation, Replacement
from delegates.models import Delegate
from tests.factories import DelegateFactory, EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_the_day")]


def _token(delegate) -> str:
    return selectors.invitation_token(Invitation.objects.get(delegate=delegate))


def test_every_delegate_gets_one_code_and_asking_again_makes_none(upcoming_event, delegates):
    assert Invitation.objects.filter(delegate__event=upcoming_event).count() == 10
    assert services.invitations_ensure(event=upcoming_event) == 0
    assert len(set(Invitation.objects.values_list("short_code", flat=True))) == 10


def test_a_delegate_answers_yes_then_no_with_a_reason(delegates):
    delegate = delegates[0]
    services.invitation_answer(token=_token(delegate), answer="yes")
    assert Invitation.objects.get(delegate=delegate).answer == "yes"
    with pytest.raises(services.AttendanceError, match="lý do"):
        services.invitation_answer(token=_token(delegate), answer="no", reason="  ")
    services.invitation_answer(token=_token(delegate), answer="no", reason="Đi công tác")
    invitation = Invitation.objects.get(delegate=delegate)
    assert (invitation.answer, invitation.reason) == ("no", "Đi công tác")


@pytest.mark.parametrize("kind", ["forged", "revoked", "expired"])
def test_a_bad_code_records_nothing(delegates, kind):
    delegate = delegates[0]
    token = _token(delegate)
    if kind == "forged":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
        message = "không đúng"
    elif kind == "revoked":
        services.invitation_revoke(invitation=Invitation.objects.get(delegate=delegate))
        message = "thu hồi"
    else:
        message = "đã diễn ra"
    from freezegun import freeze_time

    with freeze_time("2025-02-21 08:00:00" if kind == "expired" else "2025-02-18 08:00:00"):
        with pytest.raises(services.AttendanceError, match=message):
            services.invitation_answer(token=token, answer="yes")
    assert Invitation.objects.get(delegate=delegate).answer == "pending"


def test_a_revoked_code_gives_way_to_a_new_code_that_works(delegates):
    invitation = Invitation.objects.get(delegate=delegates[0])
    old_short = invitation.short_code
    renewed = services.invitation_revoke(invitation=invitation)
    assert renewed.short_code != old_short
    services.invitation_answer(token=selectors.invitation_token(renewed), answer="yes")
    assert Invitation.objects.get(pk=invitation.pk).answer == "yes"


REPLACEMENT = services.ReplacementData(full_name="Hoàng Thị Lan", gender="female", birth_year=1990,
                                       ethnic_group="Tày", position="Phó Chủ tịch Hội Phụ nữ")  # fmt: skip


def test_a_replacement_accepted_takes_the_delegates_place_within_the_cap(
    upcoming_event, delegates, unit_manager
):
    upcoming_event.delegate_cap = 10  # the roster is full: only a one-for-one replacement fits
    upcoming_event.save()
    guest = delegates[-1]
    request = services.replacement_request(token=_token(guest), data=REPLACEMENT)
    assert Invitation.objects.get(delegate=guest).answer == "replace"
    decided = services.replacement_decide(replacement=request, accept=True, by=unit_manager)
    assert decided.status == Replacement.Status.ACCEPTED
    names = set(Delegate.objects.filter(event=upcoming_event).values_list("full_name", flat=True))
    assert "Hoàng Thị Lan" in names and guest.full_name not in names
    assert Delegate.objects.filter(event=upcoming_event).count() == 10
    newcomer = Delegate.objects.get(full_name="Hoàng Thị Lan")
    assert newcomer.category == "guest"
    assert newcomer.invitation.answer == "yes"


def test_a_replacement_that_would_break_the_share_is_refused_and_nothing_changes(
    upcoming_event, unit_manager
):
    DelegateFactory.create_batch(6, event=upcoming_event)
    DelegateFactory.create_batch(4, event=upcoming_event, category="guest")  # 6/10: already below 70 %
    services.invitations_ensure(event=upcoming_event)
    guest = Delegate.objects.filter(event=upcoming_event, category="guest").first()
    with pytest.raises(services.AttendanceError, match="70%"):
        services.replacement_request(token=_token(guest), data=REPLACEMENT)
    assert not Replacement.objects.exists()
    assert Invitation.objects.get(delegate=guest).answer == "pending"


def test_a_refused_replacement_leaves_the_delegate_invited(delegates, unit_manager):
    request = services.replacement_request(token=_token(delegates[0]), data=REPLACEMENT)
    services.replacement_decide(replacement=request, accept=False, by=unit_manager, note="Không cùng đơn vị")
    assert Delegate.objects.filter(pk=delegates[0].pk).exists()
    assert Invitation.objects.get(delegate=delegates[0]).answer == "pending"
    with pytest.raises(services.AttendanceError, match="đã được xem xét"):
        services.replacement_decide(replacement=request, accept=True, by=unit_manager)


def test_invitations_go_to_delegates_with_an_address_and_reminders_only_to_those_who_have_not_answered(
    upcoming_event, delegates, django_capture_on_commit_callbacks
):
    for i, delegate in enumerate(delegates[:4]):
        Delegate.objects.filter(pk=delegate.pk).update(email=f"db{i}@example.vn")
    ids = [d.pk for d in delegates]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send_schedule(event=upcoming_event, delegate_ids=ids, remind=False) == 4
    assert sorted(m.to[0] for m in mail.outbox) == ["db0@example.vn", "db1@example.vn", "db2@example.vn",
                                                    "db3@example.vn"]  # fmt: skip
    assert "/moi/" in mail.outbox[0].body and "Mã đại biểu" in mail.outbox[0].body
    services.invitation_answer(token=_token(delegates[0]), answer="yes")
    mail.outbox.clear()
    chosen = [delegates[0].pk, delegates[1].pk, delegates[5].pk]  # answered, pending, no address
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send_schedule(event=upcoming_event, delegate_ids=chosen, remind=True) == 1
    assert [m.to for m in mail.outbox] == [["db1@example.vn"]]
    assert mail.outbox[0].subject.startswith("Nhắc trả lời")


# --- The door --------------------------------------------------------------------------


def test_a_check_in_counts_once_and_the_earliest_time_wins(upcoming_event, delegates, unit_manager):
    token = _token(delegates[0])
    late = timezone.make_aware(datetime(2025, 2, 18, 7, 50))
    early = timezone.make_aware(datetime(2025, 2, 18, 7, 42))
    first = services.checkin_record(event=upcoming_event, code=token, at=late, door="Cửa 1", by=unit_manager)
    assert first.ok and first.first_time and first.name == delegates[0].full_name
    again = services.checkin_record(event=upcoming_event, code=token, at=early, door="Cửa 2", by=unit_manager)
    assert again.ok and not again.first_time
    assert again.message == "Đã điểm danh lúc 07:42."
    assert CheckIn.objects.filter(delegate=delegates[0]).count() == 1
    assert CheckIn.objects.get(delegate=delegates[0]).door == "Cửa 2"


def test_the_short_code_read_aloud_checks_in_too(upcoming_event, delegates):
    short = Invitation.objects.get(delegate=delegates[1]).short_code
    result = services.checkin_record(event=upcoming_event, code=short.lower().replace("-", ""))
    assert result.ok and result.delegate_id == delegates[1].pk


def test_a_code_of_another_event_is_refused_with_its_name(units, campaign, upcoming_event, delegates):
    other = EventFactory(
        unit=units["songcau"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20)
    )
    stranger = DelegateFactory(event=other)
    services.invitations_ensure(event=other)
    result = services.checkin_record(event=upcoming_event, code=_token(stranger))
    assert not result.ok and other.name in result.message
    assert not CheckIn.objects.exists()


def test_a_phone_clock_ahead_of_the_server_is_clipped(upcoming_event, delegates):
    future = timezone.now() + timedelta(hours=3)
    result = services.checkin_record(event=upcoming_event, delegate_id=delegates[2].pk, at=future)
    assert result.checked_at <= timezone.now() + services.MAX_CLOCK_SKEW


# --- The hall --------------------------------------------------------------------------


def test_one_click_seats_everyone_leaders_in_front_and_a_taken_seat_is_refused(upcoming_event, delegates):
    Delegate.objects.filter(pk=delegates[3].pk).update(category="leader")
    services_hall.hall_save(event=upcoming_event, text="A: 4\nB: 4\nC: 4")
    seated, unseated = services_hall.seats_assign(event=upcoming_event)
    assert (seated, unseated) == (10, 0)
    assert Delegate.objects.get(pk=delegates[3].pk).seat.label == "A-1"
    with pytest.raises(services.AttendanceError, match="đã xếp cho"):
        services_hall.seat_set(event=upcoming_event, delegate_id=delegates[0].pk, label="A-1")
    with pytest.raises(services.AttendanceError, match="Không có ghế"):
        services_hall.seat_set(event=upcoming_event, delegate_id=delegates[0].pk, label="Z-9")
    services_hall.seat_set(event=upcoming_event, delegate_id=delegates[0].pk, label="c4")
    assert Delegate.objects.get(pk=delegates[0].pk).seat.label == "C-4"


def test_a_hall_is_copied_from_an_earlier_event_of_the_unit(units, campaign, upcoming_event):
    from tests.factories import CampaignFactory

    earlier = EventFactory(unit=units["chora"], campaign=CampaignFactory(), tier=upcoming_event.tier)
    services_hall.hall_save(event=earlier, text="A: 12\nB: 10")
    services_hall.hall_copy(event=upcoming_event, source=earlier)
    assert selectors.hall_text(event=upcoming_event) == "A: 12\nB: 10"
