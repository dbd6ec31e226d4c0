"""Pure rules: no database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.text import fold_for_search, vietnamese_sort_key
from delegates.domain import (
    check_delegate_cap,
    check_delegation_size,
    check_event_cap_change,
    check_exemplar_share,
    check_quota_allocation,
    effective_cap,
    is_young,
)


@pytest.mark.parametrize(
    ("cap", "current", "requested", "allowed", "remaining"),
    [
        (None, 10_000, 500, True, None),  # no cap
        (0, 0, 1, False, 0),  # a zero cap takes nobody
        (0, 0, 0, True, 0),
        (200, 199, 1, True, 1),  # exactly at the cap after the add
        (200, 200, 1, False, 0),  # one over
        (200, 190, 10, True, 10),
        (200, 190, 11, False, 10),
        (300, 0, 300, True, 300),
        (300, 0, 301, False, 300),
        (5, 7, 1, False, 0),  # already above (cap lowered): never negative
    ],
)
def test_the_cap_boundaries(cap, current, requested, allowed, remaining):
    decision = check_delegate_cap(cap, current, requested)
    assert decision.allowed is allowed
    assert decision.remaining == remaining
    assert decision.reason


def test_the_cap_message_says_how_many_seats_are_left():
    assert "Chỉ còn 3 chỗ" in check_delegate_cap(200, 197, 5).reason
    assert "đã đủ 200" in check_delegate_cap(200, 200, 1).reason


def test_the_cap_refuses_negative_numbers():
    with pytest.raises(ValueError):
        check_delegate_cap(10, -1, 1)


@pytest.mark.parametrize(
    ("exemplars", "total", "percent", "ok", "to_add", "to_remove"),
    [
        (7, 10, 70, True, 0, 0),
        (6, 10, 70, False, 4, 2),
        (139, 199, 70, False, 1, 1),  # 69.85 %: rounding would say 70 %, exact says no
        (140, 200, 70, True, 0, 0),
        (139, 200, 70, False, 4, 2),
        (210, 300, 70, True, 0, 0),
        (209, 300, 70, False, 4, 2),
        (0, 0, 70, False, 0, 0),  # an empty roster is never finalised
        (0, 3, 0, True, 0, 0),
        (0, 5, 70, False, 12, 0),  # nobody to keep: only adding helps
        (3, 5, 100, False, 0, 2),  # 100 %: only removing helps
    ],
)
def test_the_share_boundaries(exemplars, total, percent, ok, to_add, to_remove):
    decision = check_exemplar_share(exemplars, total, percent)
    assert (decision.ok, decision.exemplars_to_add, decision.others_to_remove) == (ok, to_add, to_remove)


def test_the_share_message_names_what_to_do():
    reason = check_exemplar_share(6, 10, 70).reason
    assert "thêm 4 đại biểu điển hình tiên tiến" in reason and "bớt 2" in reason


@given(
    total=st.integers(min_value=1, max_value=600),
    percent=st.integers(min_value=1, max_value=99),
    data=st.data(),
)
def test_the_share_advice_is_exact(total, percent, data):
    exemplars = data.draw(st.integers(min_value=0, max_value=total))
    decision = check_exemplar_share(exemplars, total, percent)
    assert decision.ok == (exemplars * 100 >= percent * total)
    if decision.ok:
        return
    add = decision.exemplars_to_add
    # adding exactly `add` exemplars is enough, one fewer is not
    assert (exemplars + add) * 100 >= percent * (total + add)
    assert (exemplars + add - 1) * 100 < percent * (total + add - 1)
    if exemplars:
        remove = decision.others_to_remove
        assert 0 < remove <= total - exemplars
        assert exemplars * 100 >= percent * (total - remove)
        assert exemplars * 100 < percent * (total - remove + 1)


@given(
    cap=st.one_of(st.none(), st.integers(min_value=0, max_value=600)),
    current=st.integers(min_value=0, max_value=700),
    requested=st.integers(min_value=0, max_value=700),
)
def test_an_allowed_request_never_passes_the_cap(cap, current, requested):
    decision = check_delegate_cap(cap, current, requested)
    if cap is None:
        assert decision.allowed
    else:
        assert decision.allowed == (current + requested <= cap or requested == 0)
        assert decision.remaining is not None and decision.remaining >= 0


def test_the_effective_cap_prefers_the_units_own():
    assert effective_cap(150, 300) == 150
    assert effective_cap(0, 300) == 0
    assert effective_cap(None, 300) == 300


@pytest.mark.parametrize(
    ("new_cap", "current", "allowed"),
    [(None, 250, True), (300, 10, True), (301, 10, False), (100, 100, True), (99, 100, False), (0, 0, True)],
)
def test_a_unit_may_only_lower_its_cap(new_cap, current, allowed):
    assert check_event_cap_change(tier_cap=300, new_cap=new_cap, current=current).allowed is allowed


@pytest.mark.parametrize(("birth", "young"), [(1990, True), (1989, False), (2005, True)])
def test_youth_is_at_most_35_in_the_event_year(birth, young):
    assert is_young(birth_year=birth, event_year=2025) is young


@pytest.mark.parametrize(
    ("cap", "allocations", "allowed"),
    [
        (500, {1: 250, 2: 250}, True),
        (500, {1: 250, 2: 251}, False),
        (None, {1: 10_000}, True),
        (0, {}, True),
        (0, {1: 1}, False),
        (100, {1: -1}, False),
    ],
)
def test_quota_allocation_fits_the_upper_cap(cap, allocations, allowed):
    assert check_quota_allocation(upper_cap=cap, allocations=allocations).allowed is allowed


@pytest.mark.parametrize(
    ("quota", "chosen", "allowed"),
    [(None, 3, False), (5, 0, False), (5, 5, True), (5, 6, False), (0, 1, False), (5, 1, True)],
)
def test_a_delegation_fits_its_quota(quota, chosen, allowed):
    assert check_delegation_size(quota=quota, chosen=chosen).allowed is allowed


def test_names_sort_by_given_name_then_the_rest():
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Ánh", "Hoàng Đức Âu", "Ma Thị Ăn"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "Trần Thị An", "Lê Văn Ánh", "Ma Thị Ăn", "Hoàng Đức Âu", "Nguyễn Văn Bình",
    ]  # fmt: skip


def test_search_folding_ignores_diacritics():
    assert fold_for_search("Nguyễn Văn Đức") == "nguyen van duc"
    assert "nguyen van" in fold_for_search("NGUYỄN  VĂN An")
