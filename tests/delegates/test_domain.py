"""Pure rules: no database."""

import pytest

from core.text import fold_for_search, vietnamese_sort_key
from units.reference import is_youth


@pytest.mark.parametrize(("birth", "young"), [(1995, True), (1994, False), (2009, True), (2010, False)])
def test_youth_is_16_to_30_in_the_event_year_as_the_youth_law_says(birth, young):
    assert is_youth(birth_year=birth, in_year=2025) is young


def test_names_sort_by_given_name_then_the_rest():
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Ánh", "Hoàng Đức Âu", "Ma Thị Ăn"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "Trần Thị An", "Lê Văn Ánh", "Ma Thị Ăn", "Hoàng Đức Âu", "Nguyễn Văn Bình",
    ]  # fmt: skip


def test_search_folding_ignores_diacritics():
    assert fold_for_search("Nguyễn Văn Đức") == "nguyen van duc"
    assert "nguyen van" in fold_for_search("NGUYỄN  VĂN An")
