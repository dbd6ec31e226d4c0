"""The rulebook (congresses/rules.py), sections 2–5: pure functions, no database."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from congresses import rules
from congresses.rules import CapSetter, Decision

# --- 2. Caps ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("own", "tier", "cap"),
    [(150, 300, 150), (0, 300, 0), (None, 300, 300), (None, None, None), (300, 300, 300)],
)
def test_the_effective_cap_is_the_events_own_else_the_tiers_and_zero_is_a_number(own, tier, cap):
    decision = rules.effective_cap(own_cap=own, tier_cap=tier)
    assert isinstance(decision, Decision) and decision.allowed
    assert decision.value == cap


@pytest.mark.parametrize(
    ("setter", "by_staff", "allowed"),
    [
        (CapSetter.NOBODY, False, False),
        (CapSetter.NOBODY, True, False),  # the plan's number: nobody sets another one
        (CapSetter.UNIT, False, True),
        (CapSetter.UNIT, True, True),
        (CapSetter.STAFF, False, False),
        (CapSetter.STAFF, True, True),
    ],
)
def test_only_whom_the_tier_names_may_set_a_cap(setter, by_staff, allowed):
    decision = rules.may_set_cap(setter=setter, by_staff=by_staff)
    assert decision.allowed is allowed
    assert decision.allowed or decision.reason


def _change(requested, *, setter=CapSetter.UNIT, by_staff=False, headcount=0, handed_down=0, tier_cap=300):
    return rules.cap_change(
        tier_cap=tier_cap,
        setter=setter,
        by_staff=by_staff,
        requested=requested,
        headcount=headcount,
        handed_down=handed_down,
    )


@pytest.mark.parametrize(
    ("requested", "headcount", "handed_down", "allowed", "value", "words"),
    [
        (None, 250, 0, True, 300, "mức tối đa của cấp"),  # back to the tier's number
        (0, 0, 0, False, 300, "từ 1 trở lên"),  # never 0
        (1, 0, 0, True, 1, ""),
        (300, 0, 0, True, 300, ""),  # at the tier's cap
        (301, 0, 0, False, 300, "không được vượt quá 300"),
        (120, 120, 0, True, 120, ""),  # exactly the headcount
        (119, 120, 0, False, 300, "đã có 120 đại biểu"),
        (10, 0, 10, True, 10, ""),  # exactly the seats handed down
        (9, 0, 10, False, 300, "Đã phân bổ 10 đại biểu"),
    ],
)
def test_a_cap_change_stays_between_headcount_handed_down_seats_and_the_tiers_cap(
    requested, headcount, handed_down, allowed, value, words
):
    decision = _change(requested, headcount=headcount, handed_down=handed_down)
    assert decision.allowed is allowed
    assert decision.value == value
    assert words in decision.reason


def test_a_commune_cannot_lower_its_cap_at_all():
    refused = _change(150, setter=CapSetter.NOBODY, tier_cap=200)
    assert not refused and "không tự đặt" in refused.reason
    assert not _change(150, setter=CapSetter.NOBODY, by_staff=True, tier_cap=200)
    assert _change(None, setter=CapSetter.NOBODY, tier_cap=200).value == 200


def test_the_province_cap_is_set_by_home_affairs_only():
    assert "Sở Nội vụ" in _change(450, setter=CapSetter.STAFF, tier_cap=500).reason
    assert _change(500, setter=CapSetter.STAFF, by_staff=True, tier_cap=500)
    assert not _change(501, setter=CapSetter.STAFF, by_staff=True, tier_cap=500)


@pytest.mark.parametrize(
    ("cap", "headcount", "requested", "allowed", "left"),
    [
        (None, 10_000, 500, True, None),  # no cap
        (0, 0, 1, False, 0),  # a zero cap takes nobody
        (0, 0, 0, True, 0),
        (200, 199, 1, True, 1),  # exactly at the cap after the add
        (200, 200, 1, False, 0),  # one over
        (200, 190, 10, True, 10),
        (200, 190, 11, False, 10),
        (5, 7, 1, False, 0),  # already above the cap: never negative
        (200, 200, 0, True, 0),  # the roster as it stands: at the cap
        (200, 201, 0, False, 0),  # over the cap
        (10, -1, 1, False, 0),  # nonsense counts are refused, not a crash
    ],
)
def test_seats_left(cap, headcount, requested, allowed, left):
    decision = rules.seats_left(cap=cap, headcount=headcount, requested=requested)
    assert decision.allowed is allowed
    assert decision.value == left
    assert decision.reason


def test_the_seats_message_says_how_many_are_left():
    assert "Chỉ còn 3 chỗ" in rules.seats_left(cap=200, headcount=197, requested=5).reason
    assert "đã đủ 200" in rules.seats_left(cap=200, headcount=200).reason
    assert "vượt mức tối đa 200" in rules.seats_left(cap=200, headcount=201, requested=0).reason


# --- 3. The exemplar share --------------------------------------------------------


@pytest.mark.parametrize(
    ("exemplars", "total", "percent", "cap", "ok", "add", "convert", "remove"),
    [
        (7, 10, 70, None, True, 0, 0, 0),  # exactly at the share
        (6, 10, 70, None, False, 4, 1, 2),
        (139, 199, 70, None, False, 1, 1, 1),  # 69.85 %: rounding would say 70 %, exact says no
        (140, 200, 70, 200, True, 0, 0, 0),
        (136, 200, 70, 200, False, 0, 4, 6),  # at the cap: no seat left, convert or remove instead
        (136, 198, 70, 200, False, 0, 3, 4),  # 2 seats left, 3 would be needed: not advised
        (130, 190, 70, 200, False, 10, 3, 5),  # 10 seats left: adding exactly 10 fits
        (0, 5, 70, None, False, 12, 4, 0),  # no exemplar: removing guests would empty the roster
        (4, 5, 100, None, False, 0, 1, 1),  # 100 %: adding never helps
        (0, 5, 0, None, True, 0, 0, 0),
        (0, 0, 70, None, False, 1, 0, 0),  # an empty roster has not reached the share
        (0, 0, 70, 0, False, 0, 0, 0),  # …and with a cap of 0 nothing can be added
    ],
)
def test_the_share_and_its_advice(exemplars, total, percent, cap, ok, add, convert, remove):
    decision = rules.exemplar_share(exemplars=exemplars, total=total, min_percent=percent, cap=cap)
    assert decision.allowed is ok
    assert (decision.exemplars_to_add, decision.others_to_convert, decision.others_to_remove) == (
        add,
        convert,
        remove,
    )
    assert decision.reason


def test_the_share_refusal_offers_every_doable_fix_and_no_seat_that_is_not_there():
    full = rules.exemplar_share(exemplars=196, total=200, min_percent=99, cap=200).reason
    assert "thêm" not in full and "chuyển 2 đại biểu khách mời, lãnh đạo" in full and "đã đủ 200" in full
    reason = rules.exemplar_share(exemplars=6, total=10, min_percent=70).reason
    assert "cần thêm 4 đại biểu điển hình tiên tiến hoặc bớt 2" in reason and "chuyển 1" in reason
    assert "dưới tỷ lệ tối thiểu 70%" in reason


def test_nonsense_share_figures_are_refused_not_raised():
    assert not rules.exemplar_share(exemplars=5, total=4, min_percent=70)
    assert not rules.exemplar_share(exemplars=1, total=4, min_percent=101)


def _meets(exemplars: int, total: int, percent: int) -> bool:
    return total > 0 and exemplars * 100 >= percent * total


@given(
    cap=st.one_of(st.none(), st.integers(min_value=1, max_value=600)),
    exemplars=st.integers(min_value=0, max_value=600),
    others=st.integers(min_value=0, max_value=600),
    percent=st.integers(min_value=0, max_value=100),
)
def test_every_advised_option_gives_a_roster_within_the_cap_that_meets_the_share(
    cap, exemplars, others, percent
):
    total = exemplars + others
    assume(cap is None or total <= cap)
    decision = rules.exemplar_share(exemplars=exemplars, total=total, min_percent=percent, cap=cap)
    assert decision.allowed is _meets(exemplars, total, percent)
    if decision.allowed:
        assert (decision.exemplars_to_add, decision.others_to_convert, decision.others_to_remove) == (0, 0, 0)
        return
    # Always doable: at least one option, and never an addition beyond the seats left.
    assert decision.exemplars_to_add or decision.others_to_convert or decision.others_to_remove
    seats = None if cap is None else cap - total
    if seats is not None:
        assert decision.exemplars_to_add <= seats
    if add := decision.exemplars_to_add:
        assert cap is None or total + add <= cap
        assert _meets(exemplars + add, total + add, percent)
        assert not _meets(exemplars + add - 1, total + add - 1, percent)  # no more than needed
    if convert := decision.others_to_convert:
        assert convert <= others
        assert _meets(exemplars + convert, total, percent)
        assert not _meets(exemplars + convert - 1, total, percent)
    if remove := decision.others_to_remove:
        assert remove <= others
        assert _meets(exemplars, total - remove, percent)
        assert not _meets(exemplars, total - remove + 1, percent)


# --- 4. Window and sessions -------------------------------------------------------

WINDOW = {"window_start": date(2025, 1, 1), "window_end": date(2025, 3, 31), "window_label": "Quý I năm 2025"}


@pytest.mark.parametrize(
    ("day", "allowed", "value"),
    [
        (date(2025, 1, 1), True, 0),  # both ends included
        (date(2025, 3, 31), True, 0),
        (date(2024, 12, 31), False, -1),
        (date(2025, 4, 1), False, 1),
        (date(2025, 4, 30), False, 30),
        (None, False, None),
    ],
)
def test_the_quarter_window(day, allowed, value):
    decision = rules.date_in_window(day=day, **WINDOW)
    assert decision.allowed is allowed
    assert decision.value == value
    if not allowed:
        assert "Quý I năm 2025 (từ 01/01/2025 đến 31/03/2025)" in decision.reason
    if day is not None and not allowed:
        assert day.strftime("%d/%m/%Y") in decision.reason and "ngoài thời gian của cấp" in decision.reason


@pytest.mark.parametrize(
    ("allowed", "session", "hours", "used", "ok"),
    [
        (1, "morning", [], 1, True),
        (1, "morning", [7, 8, 11], 1, True),
        (1, "morning", [8, 14], 2, False),
        (1, "afternoon", [13, 16], 1, True),
        (2, "morning", [8, 14], 2, True),
        (1, "afternoon", [9], 2, False),
    ],
)
def test_sessions_count_the_half_days_the_programme_runs_into(allowed, session, hours, used, ok):
    decision = rules.sessions_within(allowed=allowed, session=session, agenda_hours=hours)
    assert decision.value == used
    assert decision.allowed is ok
    if not ok:
        assert f"quá số buổi cho phép ({allowed} buổi)" in decision.reason


# --- 5. Delegation quotas ---------------------------------------------------------


@pytest.mark.parametrize(
    ("cap", "before", "after", "approved", "allowed"),
    [
        (None, {}, {1: 10_000}, {}, True),
        (500, {}, {1: 200, 2: 300}, {}, True),  # exactly at the cap
        (500, {}, {1: 200, 2: 301}, {}, False),  # one over
        (0, {}, {1: 0}, {}, True),
        (0, {}, {1: 1}, {}, False),
        (10, {1: 200, 2: 178}, {1: 200, 2: 170}, {}, True),  # 378 / 10: a reduction is always accepted
        (10, {1: 200, 2: 178}, {1: 201, 2: 100}, {}, False),  # …a rise is not
        (10, {1: 200, 2: 178}, {1: 200}, {}, True),  # removing a quota is a reduction
        (10, {1: 5}, {1: 5, 2: 0}, {}, True),
        (500, {1: 3}, {1: 2}, {1: 3}, False),  # below the delegation already approved
        (500, {1: 3}, {}, {1: 3}, False),
        (500, {1: 3}, {1: 3}, {1: 3}, True),
        (500, {}, {1: -1}, {}, False),
    ],
)
def test_quotas_fit_the_upper_congress_and_reductions_always_pass(cap, before, after, approved, allowed):
    decision = rules.quota_change(cap=cap, before=before, after=after, approved=approved)
    assert decision.allowed is allowed
    assert decision.reason


@pytest.mark.parametrize(
    ("quota", "chosen", "finalised", "allowed", "words"),
    [
        (None, 3, True, False, "chưa phân bổ"),
        (3, 0, True, False, "Chưa chọn"),
        (3, 3, True, True, ""),  # exactly the quota
        (3, 4, True, False, "cần bớt 1"),
        (0, 1, True, False, "vượt số được phân bổ (0)"),
        (3, 3, False, False, "chưa được chốt"),  # the roster must be finalised first
    ],
)
def test_a_delegation_comes_from_a_finalised_roster_within_its_quota(
    quota, chosen, finalised, allowed, words
):
    decision = rules.delegation_size(quota=quota, chosen=chosen, roster_finalised=finalised)
    assert decision.allowed is allowed
    assert words in decision.reason


def test_a_delegate_sent_upward_cannot_vanish_from_below():
    refused = rules.delegate_removal(copied_to=["Đại hội thi đua yêu nước huyện Ba Bể"])
    assert not refused and "Đại hội thi đua yêu nước huyện Ba Bể" in refused.reason
    assert rules.delegate_removal(copied_to=[])


@given(
    cap=st.one_of(st.none(), st.integers(min_value=0, max_value=600)),
    headcount=st.integers(min_value=0, max_value=700),
    requested=st.integers(min_value=1, max_value=700),
)
def test_an_allowed_request_never_passes_the_cap(cap, headcount, requested):
    decision = rules.seats_left(cap=cap, headcount=headcount, requested=requested)
    if cap is None:
        assert decision.allowed and decision.value is None
    else:
        assert decision.allowed == (headcount + requested <= cap)
        assert decision.value is not None and decision.value >= 0
