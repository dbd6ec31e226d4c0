"""Pure rules of events: window, cap, title block, status. No database."""

from datetime import date

import pytest

from congresses.domain import (
    check_event_transition,
    event_is_editable,
    event_title_block,
    next_event_status,
    normalise_ordinal,
    vietnamese_date_line,
)


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
