"""Pure rules of events: window, cap, title block, status. No database."""

from datetime import date

import pytest

from congresses.domain import (
    CapSetter,
    check_event_cap,
    check_event_date,
    check_event_transition,
    event_is_editable,
    event_title_block,
    next_event_status,
    normalise_ordinal,
    vietnamese_date_line,
)

WINDOW = {"window_start": date(2025, 1, 1), "window_end": date(2025, 3, 31), "window_label": "Quý I năm 2025"}


@pytest.mark.parametrize(
    ("day", "allowed"),
    [
        (date(2024, 12, 31), False),
        (date(2025, 1, 1), True),
        (date(2025, 2, 14), True),
        (date(2025, 3, 31), True),
        (date(2025, 4, 1), False),
    ],
)
def test_the_event_date_must_fall_inside_the_tier_window(day, allowed):
    decision = check_event_date(day=day, **WINDOW)
    assert decision.allowed is allowed
    if not allowed:
        assert decision.reason == "Ngày tổ chức phải trong Quý I năm 2025 (từ 01/01/2025 đến 31/03/2025)."


def test_a_missing_date_names_the_window_too():
    decision = check_event_date(day=None, **WINDOW)
    assert not decision.allowed and "từ 01/01/2025 đến 31/03/2025" in decision.reason


@pytest.mark.parametrize(
    ("requested", "allowed", "effective"),
    [(None, True, 300), (0, False, 300), (1, True, 1), (299, True, 299), (300, True, 300), (301, False, 300)],
)
def test_a_department_may_set_a_lower_cap_for_itself(requested, allowed, effective):
    choice = check_event_cap(tier_cap=300, requested=requested, setter=CapSetter.UNIT, by_staff=False)
    assert choice.allowed is allowed
    assert choice.effective_cap == effective
    if requested == 301:
        assert "không được vượt quá 300" in choice.reason


def test_the_province_number_is_set_by_home_affairs_staff_within_its_cap():
    assert not check_event_cap(tier_cap=500, requested=450, setter=CapSetter.STAFF, by_staff=False).allowed
    assert check_event_cap(tier_cap=500, requested=500, setter=CapSetter.STAFF, by_staff=True).allowed
    assert not check_event_cap(tier_cap=500, requested=501, setter=CapSetter.STAFF, by_staff=True).allowed


def test_a_tier_without_a_setter_keeps_its_cap():
    refused = check_event_cap(tier_cap=200, requested=150, setter=CapSetter.NOBODY, by_staff=True)
    assert not refused.allowed and "tối đa 200" in refused.reason
    assert check_event_cap(tier_cap=200, requested=None, setter=CapSetter.NOBODY, by_staff=False).allowed


def test_a_cap_below_the_current_roster_is_refused_with_the_count():
    at = check_event_cap(
        tier_cap=300, requested=120, setter=CapSetter.UNIT, by_staff=False, current_delegates=120
    )
    below = check_event_cap(
        tier_cap=300, requested=119, setter=CapSetter.UNIT, by_staff=False, current_delegates=120
    )
    assert at.allowed
    assert not below.allowed and "đã có 120 đại biểu" in below.reason


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2025, 3, 15), "ngày 15 tháng 3 năm 2025"),
        (date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (date(2025, 1, 10), "ngày 10 tháng 01 năm 2025"),
        (date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
    ],
)
def test_dates_are_written_as_in_administrative_documents(day, line):
    assert vietnamese_date_line(day) == line


def test_the_title_block_has_the_three_lines_of_the_plan():
    block = event_title_block(
        name="Đại hội Thi đua yêu nước huyện Ba Bể", ordinal=" vi ", venue="Ba Bể ", day=date(2025, 5, 20)
    )
    assert block.lines == (
        "Đại hội Thi đua yêu nước huyện Ba Bể",
        "Lần thứ VI",
        "Ba Bể, ngày 20 tháng 5 năm 2025",
    )


@pytest.mark.parametrize(
    ("typed", "stored"), [("II", "II"), ("lần thứ iii", "III"), ("  2 ", "2"), ("Lần thứ VI", "VI")]
)
def test_ordinals_are_normalised(typed, stored):
    assert normalise_ordinal(typed) == stored


@pytest.mark.parametrize(
    ("current", "target", "today", "allowed"),
    [
        ("planned", "held", date(2025, 3, 14), False),
        ("planned", "held", date(2025, 3, 15), True),
        ("planned", "held", date(2025, 3, 16), True),
        ("held", "reported", date(2025, 3, 16), True),
        ("planned", "reported", date(2025, 4, 1), False),
        ("reported", "held", date(2025, 4, 1), False),
        ("held", "planned", date(2025, 4, 1), False),
        ("planned", "cancelled", date(2025, 4, 1), False),
    ],
)
def test_status_moves_forward_and_held_only_from_the_event_day(current, target, today, allowed):
    decision = check_event_transition(
        current=current, target=target, event_date=date(2025, 3, 15), today=today
    )
    assert decision.allowed is allowed
    if current == "planned" and target == "held" and not allowed:
        assert "15/03/2025" in decision.reason


def test_only_a_planned_event_is_editable():
    assert event_is_editable("planned")
    assert not event_is_editable("held") and not event_is_editable("reported")


def test_the_next_status_follows_the_chain():
    assert [next_event_status(s) for s in ("planned", "held", "reported", "bogus")] == [
        "held",
        "reported",
        None,
        None,
    ]
