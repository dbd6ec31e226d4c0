from datetime import date
from decimal import Decimal

from units.rules import MappingRow, UnitSpan, check_reorganisation, primary_successor

EFFECTIVE = date(2025, 7, 1)
EARLY = date(1900, 1, 1)
OLD_A = UnitSpan(1, "Xã Cao Kỳ", EARLY, None)
OLD_B = UnitSpan(2, "Xã Hòa Mục", EARLY, None)
NEW = UnitSpan(10, "Xã Chợ Mới", EFFECTIVE, None)
NEW_2 = UnitSpan(11, "Xã Yên Phong", EFFECTIVE, None)


def check(rows, ended_elsewhere=None):
    return check_reorganisation(effective_date=EFFECTIVE, rows=rows, ended_elsewhere=ended_elsewhere or {})


def test_a_merger_of_two_communes_into_a_new_one_is_allowed():
    decision = check([MappingRow(OLD_A, NEW), MappingRow(OLD_B, NEW)])
    assert decision.allowed and decision.reasons == ()


def test_it_refuses_an_empty_reorganisation():
    assert check([]).reasons == ("Đợt sắp xếp chưa có dòng nào.",)


def test_it_names_an_ending_unit_without_a_successor():
    decision = check([MappingRow(OLD_A, NEW), MappingRow(OLD_B, None)])
    assert not decision.allowed
    assert decision.reasons == ("Xã Hòa Mục: đơn vị kết thúc nhưng không có đơn vị kế thừa.",)


def test_it_names_a_target_that_does_not_exist_on_the_effective_date():
    later = UnitSpan(12, "Xã Tương Lai", date(2026, 1, 1), None)
    gone = UnitSpan(13, "Xã Đã Hết", EARLY, date(2025, 6, 30))
    decision = check([MappingRow(OLD_A, later), MappingRow(OLD_B, gone)])
    assert decision.reasons == (
        "Xã Cao Kỳ → Xã Tương Lai: đơn vị kế thừa không tồn tại vào ngày 01/07/2025.",
        "Xã Hòa Mục → Xã Đã Hết: đơn vị kế thừa không tồn tại vào ngày 01/07/2025.",
    )


def test_it_names_a_unit_another_reorganisation_already_ended():
    decision = check([MappingRow(OLD_A, NEW)], ended_elsewhere={1: "Đợt 2025"})
    assert decision.reasons == ("Xã Cao Kỳ: đã kết thúc theo đợt sắp xếp khác (Đợt 2025).",)


def test_it_names_a_unit_that_no_longer_exists_the_day_before():
    ended = UnitSpan(3, "Xã Cũ", EARLY, date(2024, 12, 31))
    assert check([MappingRow(ended, NEW)]).reasons == ("Xã Cũ: không còn hoạt động vào ngày 30/06/2025.",)


def test_it_refuses_a_successor_that_also_ends_and_shares_over_100_percent():
    decision = check(
        [
            MappingRow(OLD_A, OLD_B, Decimal(60)),
            MappingRow(OLD_A, NEW, Decimal(50)),
            MappingRow(OLD_B, NEW),
        ]
    )
    assert "Xã Cao Kỳ → Xã Hòa Mục: đơn vị kế thừa cũng kết thúc trong đợt này." in decision.reasons
    assert "Xã Cao Kỳ: tổng tỷ lệ chuyển sang vượt quá 100 %." in decision.reasons


def test_the_primary_successor_is_the_only_one_else_the_largest_share_else_the_first():
    assert primary_successor([MappingRow(OLD_A, NEW)]) == NEW
    assert (
        primary_successor([MappingRow(OLD_A, NEW, Decimal(30)), MappingRow(OLD_A, NEW_2, Decimal(70))])
        == NEW_2
    )
    assert primary_successor([MappingRow(OLD_A, NEW), MappingRow(OLD_A, NEW_2)]) == NEW
    assert primary_successor([MappingRow(OLD_A, None)]) is None
