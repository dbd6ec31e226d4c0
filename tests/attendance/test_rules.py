"""The congress day's rules (congresses/rules/attendance.py): no database."""

from datetime import date

import pytest

from congresses import rules

EXEMPLARS = ("exemplar_individual", "exemplar_collective")


@pytest.mark.parametrize(
    ("today", "revoked", "allowed", "text"),
    [
        (date(2025, 2, 19), False, True, ""),
        (date(2025, 2, 20), False, True, ""),  # the day itself: still usable at the door
        (date(2025, 2, 21), False, False, "đã diễn ra ngày 20/02/2025"),
        (date(2025, 2, 19), True, False, "đã bị thu hồi"),
    ],
)
def test_an_invitation_opens_until_the_events_day_unless_revoked(today, revoked, allowed, text):
    decision = rules.invitation_open(event_date=date(2025, 2, 20), today=today, revoked=revoked)
    assert decision.allowed is allowed
    assert text in decision.reason


def test_a_replacement_must_be_of_the_same_category():
    decision = rules.replacement_change(
        original_category="guest", replacement_category="exemplar_individual", exemplar_categories=EXEMPLARS,
        cap=10, headcount=10, exemplars=7, min_percent=70,
    )  # fmt: skip
    assert not decision and "cùng thành phần" in decision.reason


def test_a_replacement_keeps_a_full_roster_within_its_cap_and_share():
    decision = rules.replacement_change(
        original_category="guest", replacement_category="guest", exemplar_categories=EXEMPLARS,
        cap=10, headcount=10, exemplars=7, min_percent=70,
    )  # fmt: skip
    assert decision.allowed


def test_a_replacement_on_a_roster_over_its_cap_is_refused():
    decision = rules.replacement_change(
        original_category="guest", replacement_category="guest", exemplar_categories=EXEMPLARS,
        cap=8, headcount=10, exemplars=8, min_percent=70,
    )  # fmt: skip
    assert not decision and "8" in decision.reason


def test_a_replacement_on_a_roster_below_the_share_is_refused_with_the_share_advice():
    decision = rules.replacement_change(
        original_category="guest", replacement_category="guest", exemplar_categories=EXEMPLARS,
        cap=20, headcount=10, exemplars=6, min_percent=70,
    )  # fmt: skip
    assert not decision and "70%" in decision.reason


def test_a_code_of_another_event_is_refused_naming_that_event():
    decision = rules.door_admission(code_event_id=3, door_event_id=4, code_event_name="Hội nghị xã Nam Mẫu")
    assert not decision and "Hội nghị xã Nam Mẫu" in decision.reason
    assert rules.door_admission(code_event_id=4, door_event_id=4, code_event_name="x").allowed
