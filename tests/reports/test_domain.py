"""Pure rules of the documents: no database."""

import json
from dataclasses import dataclass
from datetime import date, time

import pytest

from reports import domain
from reports.services import AGENDA_TEMPLATE_FILE


@dataclass(frozen=True)
class Item:
    order: int
    title: str
    only_at_congress: bool
    only_with_upper_delegation: bool
    default_minutes: int


TEMPLATE = [Item(**row) for row in json.loads(AGENDA_TEMPLATE_FILE.read_text(encoding="utf-8"))["items"]]
SALUTE = "Chào cờ"
DELEGATION = "Thông qua danh sách đại biểu đi dự Đại hội cấp trên"


def titles(plan):
    return [item.title for item in plan.items]


def test_a_congress_with_an_upper_congress_has_the_salute_and_the_delegation():
    plan = domain.choose_agenda_items(
        TEMPLATE, is_congress=True, sends_upper_delegation=True, start=time(7, 30)
    )
    assert titles(plan)[0] == SALUTE
    assert DELEGATION in titles(plan)
    assert titles(plan)[-1] == "Tổng kết và bế mạc"
    assert plan.skipped == ()
    assert [item.order for item in plan.items] == list(range(1, len(TEMPLATE) + 1))


def test_a_conference_has_no_flag_salute_and_says_why():
    plan = domain.choose_agenda_items(
        TEMPLATE, is_congress=False, sends_upper_delegation=True, start=time(7, 30)
    )
    assert SALUTE not in titles(plan)
    assert DELEGATION in titles(plan)
    assert titles(plan)[0] == "Tuyên bố lý do, giới thiệu đại biểu và khai mạc"
    assert [s.title for s in plan.skipped] == [SALUTE]
    assert "Đại hội" in plan.skipped[0].reason


def test_the_province_congress_sends_no_delegation_upward():
    plan = domain.choose_agenda_items(
        TEMPLATE, is_congress=True, sends_upper_delegation=False, start=time(7, 30)
    )
    assert SALUTE in titles(plan) and DELEGATION not in titles(plan)
    assert [s.title for s in plan.skipped] == [DELEGATION]


def test_a_conference_without_upper_delegation_drops_both():
    plan = domain.choose_agenda_items(
        TEMPLATE, is_congress=False, sends_upper_delegation=False, start=time(13, 30)
    )
    assert SALUTE not in titles(plan) and DELEGATION not in titles(plan)
    assert len(plan.items) == len(TEMPLATE) - 2


def test_times_run_on_from_the_session_start():
    plan = domain.choose_agenda_items(
        TEMPLATE, is_congress=True, sends_upper_delegation=True, start=time(7, 30)
    )
    assert plan.items[0].start_time == time(7, 30)
    assert plan.items[1].start_time == time(7, 30 + TEMPLATE[0].default_minutes)


def test_the_next_period_is_filled_from_the_campaign():
    plan = domain.choose_agenda_items(
        TEMPLATE,
        is_congress=True,
        sends_upper_delegation=True,
        start=time(7, 30),
        next_period_label="2030 - 2035",
    )
    assert "Phát động phong trào thi đua giai đoạn 2030 - 2035" in titles(plan)
    assert not any("{" in t for t in titles(plan))


def test_an_empty_template_gives_an_empty_agenda():
    plan = domain.choose_agenda_items([], is_congress=True, sends_upper_delegation=True, start=time(7, 30))
    assert plan.items == () and plan.skipped == ()


@pytest.mark.parametrize(
    ("upper", "sends", "expected"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_a_delegation_goes_up_only_where_there_is_an_upper_congress_and_the_rule_says_so(
    upper, sends, expected
):
    assert domain.has_upper_delegation(upper_tier_exists=upper, sends_delegation_upward=sends) is expected


@pytest.mark.parametrize(("gender", "word"), [("male", "Ông"), ("female", "Bà"), ("", "Ông/Bà")])
def test_a_person_is_addressed_by_gender(gender, word):
    assert domain.honorific(gender) == word


def test_the_addressee_line_has_name_position_and_workplace():
    line = domain.addressee(
        gender="female", full_name="Nông Thị Hoa", position="Trưởng thôn", workplace="Thôn Nà Làng"
    )
    assert line == "Bà Nông Thị Hoa, Trưởng thôn, Thôn Nà Làng"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (date(2025, 3, 5), "ngày 05 tháng 3 năm 2025"),
        (date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
        (date(2025, 2, 9), "ngày 09 tháng 02 năm 2025"),
        (date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
        (None, "ngày … tháng … năm …"),
    ],
)
def test_dates_are_written_as_decree_30_asks(value, words):
    assert domain.date_words(value) == words


def test_the_place_date_line():
    assert domain.place_date_line("Bắc Kạn", date(2025, 8, 20)) == "Bắc Kạn, ngày 20 tháng 8 năm 2025"


WINDOW = {"window_start": date(2025, 1, 1), "window_end": date(2025, 3, 31)}


@pytest.mark.parametrize(
    ("held", "day", "code"),
    [
        (True, date(2025, 1, 1), "on_time"),
        (True, date(2025, 3, 31), "on_time"),
        (True, date(2025, 4, 1), "late"),
        (True, date(2024, 12, 31), "early"),
        (False, date(2025, 2, 1), "not_held"),
        (True, None, "not_held"),
    ],
)
def test_an_event_is_on_time_inside_its_tier_window(held, day, code):
    assert domain.event_timeliness(held=held, event_date=day, **WINDOW).code == code


@pytest.mark.parametrize(
    ("done", "total", "pct"), [(0, 0, 0), (0, 10, 0), (5, 10, 50), (10, 10, 99), (11, 10, 99)]
)
def test_progress_never_claims_100_before_the_file_is_saved(done, total, pct):
    assert domain.progress_percent(done, total) == pct


@pytest.mark.parametrize(
    ("total", "size", "bounds"),
    [
        (0, 50, []),
        (1, 50, [(0, 1)]),
        (50, 50, [(0, 50)]),
        (51, 50, [(0, 50), (50, 51)]),
        (3, 0, [(0, 1), (1, 2), (2, 3)]),
    ],
)
def test_a_batch_is_cut_into_chunks(total, size, bounds):
    assert domain.chunk_bounds(total, size) == bounds


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [
        (0, 0, "0\u00a0%"),
        (1, 3, "33,3\u00a0%"),
        (101, 200, "50,5\u00a0%"),
        (1, 2, "50\u00a0%"),
        (2, 2, "100\u00a0%"),
    ],
)
def test_shares(part, whole, text):
    assert str(domain.share_percent(part, whole)) == text


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen"),
        ("Giấy khen của Chủ tịch UBND huyện", "Giấy khen"),
        ("Bằng khen", "Bằng khen"),
        ("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở"),
    ],  # fmt: skip
)
def test_the_certificate_heading_is_the_form_word(name, heading):
    assert domain.certificate_heading(name) == heading
