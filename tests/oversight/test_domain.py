"""Pure rules of oversight: no database."""

from datetime import date

import pytest

from oversight import domain as d


@pytest.mark.parametrize(
    "submitted, today, broken, words",
    [
        (None, date(2024, 8, 1), False, ""),  # on the deadline day, not late yet
        (None, date(2024, 8, 2), True, "Chưa nộp kế hoạch"),
        (date(2024, 8, 1), date(2024, 9, 1), False, ""),  # at the deadline
        (date(2024, 8, 4), date(2024, 9, 1), True, "muộn 3 ngày"),
    ],
)
def test_it_checks_the_plan_deadline(submitted, today, broken, words):
    result = d.check_plan(deadline=date(2024, 8, 1), submitted_on=submitted, today=today)
    assert result.broken is broken
    assert words in result.reason


@pytest.mark.parametrize("presenters, broken", [(None, False), (0, True), (1, False)])
def test_it_requires_exemplar_presenters(presenters, broken):
    assert d.check_presenters(presenters=presenters).broken is broken


def _facts(**kw):
    base = dict(plan_deadline=date(2024, 8, 1), window_start=date(2025, 1, 1), window_end=date(2025, 3, 31),
                plan_submitted=False, event_date=None, event_held=False, event_reported=False, report_due_days=15)  # fmt: skip
    base.update(kw)
    return d.UnitDeadlines(**base)


def test_it_lists_what_is_overdue_today():
    assert d.overdue_stages(_facts(), today=date(2024, 8, 1)) == ()
    assert d.overdue_stages(_facts(), today=date(2024, 8, 2)) == ("plan",)
    assert d.overdue_stages(_facts(plan_submitted=None), today=date(2025, 1, 2)) == ("register",)
    assert d.overdue_stages(_facts(plan_submitted=True), today=date(2025, 4, 1)) == ("register", "hold")
    held = _facts(plan_submitted=True, event_date=date(2025, 2, 1), event_held=True)
    assert d.overdue_stages(held, today=date(2025, 2, 16)) == ()  # due day itself
    assert d.overdue_stages(held, today=date(2025, 2, 17)) == ("report",)
    reported = _facts(plan_submitted=True, event_date=date(2025, 2, 1), event_held=True, event_reported=True)
    assert d.overdue_stages(reported, today=date(2025, 12, 1)) == ()
    not_held = _facts(plan_submitted=True, event_date=date(2025, 2, 1))
    assert d.overdue_stages(not_held, today=date(2025, 3, 31)) == ()
    assert d.overdue_stages(not_held, today=date(2025, 4, 1)) == ("hold",)


@pytest.mark.parametrize(
    "today, facts, expected",
    [
        (date(2024, 7, 24), {}, ()),  # 8 days before: too early
        (date(2024, 7, 25), {}, ("plan_before",)),  # 7 days before
        (date(2024, 8, 1), {}, ("plan_before",)),  # the deadline itself
        (date(2024, 8, 2), {}, ("plan_after",)),
        (date(2024, 8, 2), {"plan_submitted": True}, ()),
        (date(2024, 8, 2), {"plan_submitted": None}, ()),  # plans not tracked
        (date(2024, 12, 25), {"plan_submitted": True}, ("register_before",)),
        (date(2025, 1, 2), {"plan_submitted": True}, ("register_after",)),
        (date(2025, 1, 31), {"plan_submitted": True, "event_date": date(2025, 2, 1)}, ()),
        (date(2025, 2, 9), {"plan_submitted": True, "event_date": date(2025, 2, 1), "event_held": True},
         ("report_before",)),
        (date(2025, 2, 17), {"plan_submitted": True, "event_date": date(2025, 2, 1), "event_held": True},
         ("report_after",)),
        (date(2025, 2, 17), {"plan_submitted": True, "event_date": date(2025, 2, 1), "event_reported": True}, ()),
    ],
)  # fmt: skip
def test_it_schedules_reminders(today, facts, expected):
    assert d.reminders_due(_facts(**facts), today=today, lead_days=7) == expected


def test_it_scales_bars_and_columns():
    bars = d.hbar_chart([("Nữ", 50), ("Dân tộc thiểu số", 100)], total=200, width=200)
    assert [(b.width, b.percent) for b in bars] == [(50.0, 25), (100.0, 50)]
    assert d.hbar_chart([], total=0) == []
    cols = d.column_chart([("a", 0), ("b", 4), ("c", 2)], width=300, height=100)
    assert [c.height for c in cols] == [0.0, 100.0, 50.0]
    assert cols[1].y == 0.0 and cols[2].y == 50.0
    assert d.column_chart([("a", 0)])[0].height == 0.0


def test_it_counts_events_per_week_and_month():
    weeks = d.week_counts([date(2025, 1, 1), date(2025, 1, 3), date(2025, 1, 13)], start=date(2025, 1, 1),
                          end=date(2025, 1, 20))  # fmt: skip
    assert weeks == [
        (date(2024, 12, 30), 2),
        (date(2025, 1, 6), 0),
        (date(2025, 1, 13), 1),
        (date(2025, 1, 20), 0),
    ]
    assert d.month_counts([date(2025, 3, 2), date(2025, 1, 5)]) == [
        ("01/2025", 1),
        ("02/2025", 0),
        ("03/2025", 1),
    ]
    assert d.month_counts([]) == []


def test_it_formats_money_in_vietnamese():
    assert d.format_vnd(12_500_000) == "12.500.000 đ"
    assert d.format_vnd(0) == "0 đ"
    assert d.format_vnd(999) == "999 đ"
    assert d.format_vnd(None) == ""


def test_it_totals_the_budget_by_category():
    totals = d.budget_totals([("venue", 2, 1_000), ("media", 1, 500), ("venue", 1, 250)],
                             categories=["venue", "printing", "media"])  # fmt: skip
    assert totals.by_category == (("venue", 2_250), ("printing", 0), ("media", 500))
    assert totals.total == 2_750


def test_it_recognises_files_by_content():
    assert d.attachment_kind(b"%PDF-1.7") == "pdf"
    assert d.attachment_kind(b"\x89PNG\r\n\x1a\n") == "png"
    assert d.attachment_kind(b"\xff\xd8\xff\xe0") == "jpeg"
    assert d.attachment_kind(b"PK\x03\x04", zip_names=["word/document.xml"]) == "docx"
    assert d.attachment_kind(b"PK\x03\x04", zip_names=["xl/workbook.xml"]) is None
    assert d.attachment_kind(b"MZ\x90\x00") is None


def test_it_limits_attachment_size():
    assert d.check_attachment(kind="pdf", size=10, max_bytes=10).allowed
    assert not d.check_attachment(kind="pdf", size=11, max_bytes=10).allowed
    assert not d.check_attachment(kind="pdf", size=0, max_bytes=10).allowed
    assert "PDF" in d.check_attachment(kind=None, size=5, max_bytes=10).reason


def test_it_allows_a_report_only_after_the_event_was_held():
    today = date(2025, 2, 10)
    assert not d.check_result_report(event_status="planned", held_on=date(2025, 2, 1), today=today).allowed
    assert d.check_result_report(event_status="held", held_on=today, today=today).allowed
    assert not d.check_result_report(event_status="held", held_on=date(2025, 2, 11), today=today).allowed
    assert d.check_result_report(event_status="reported", held_on=date(2025, 2, 1), today=today).allowed


def test_it_groups_thousands_with_dots():
    assert d.format_thousands(35027) == "35.027"
    assert d.format_thousands(-1000) == "-1.000"
    assert d.format_thousands(12) == "12"


def test_it_refuses_a_delegation_where_the_tier_sends_none():
    today = date(2025, 8, 1)
    kw = dict(event_status="held", held_on=date(2025, 7, 20), today=today)
    assert not d.check_result_report(**kw, sends_upward=False, delegation=3).allowed
    assert d.check_result_report(**kw, sends_upward=False, delegation=0).allowed
    assert d.check_result_report(**kw, sends_upward=True, delegation=3).allowed
