from dataclasses import dataclass, field
from datetime import date

import pytest

from congresses.domain import check_kind_coverage, event_full_name, shift_years, tier_for_kind


@dataclass
class Tier:
    code: str
    unit_kinds: list[str] = field(default_factory=list)


def test_tier_for_kind_finds_the_covering_tier():
    tiers = [Tier("commune", ["commune", "ward", "town"]), Tier("district", ["district", "city"])]
    assert tier_for_kind(tiers, "ward").code == "commune"
    assert tier_for_kind(tiers, "city").code == "district"
    assert tier_for_kind(tiers, "enterprise") is None


@pytest.mark.parametrize(
    ("unit_name", "expected"),
    [
        ("Xã Dương Quang", "Hội nghị tuyên dương điển hình tiên tiến xã Dương Quang"),
        ("Phường Sông Cầu", "Hội nghị tuyên dương điển hình tiên tiến phường Sông Cầu"),
        ("Thị trấn Chợ Rã", "Hội nghị tuyên dương điển hình tiên tiến thị trấn Chợ Rã"),
    ],
)
def test_event_names_lower_case_the_administrative_prefix(unit_name, expected):
    assert (
        event_full_name(event_name="Hội nghị tuyên dương điển hình tiên tiến", unit_name=unit_name)
        == expected
    )


def test_event_names_keep_a_bodys_own_capitalisation():
    assert event_full_name(event_name="Hội nghị điển hình tiên tiến", unit_name="Sở Y tế") == (
        "Hội nghị điển hình tiên tiến Sở Y tế"
    )


def test_shift_years_handles_leap_day():
    assert shift_years(date(2024, 8, 1), 5) == date(2029, 8, 1)
    assert shift_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_kind_coverage_reports_gaps_and_overlaps():
    coverage = check_kind_coverage(
        [["commune", "ward"], ["ward", "district"]], ["commune", "ward", "district", "city"]
    )
    assert coverage.uncovered == ("city",)
    assert coverage.duplicated == ("ward",)


@pytest.mark.parametrize(
    ("name", "written"),
    [("Xã Hà Hiệu", "xã Hà Hiệu"), ("Thị trấn Chợ Rã", "thị trấn Chợ Rã"), ("Đặc khu Phú Quốc", "đặc khu Phú Quốc"),
     ("Sở Y tế", "Sở Y tế"), ("Xãhội", "Xãhội")],
)  # fmt: skip
def test_unit_kinds_are_lower_case_inside_a_sentence(name, written):
    """Issue 15: "Hội trường Xã Hà Hiệu" capitalised the unit type mid-sentence."""
    from units.domain import unit_name_in_sentence

    assert unit_name_in_sentence(name) == written
