"""core.listing: whitelisted sorts in Vietnamese order across pages, paging that keeps the filters."""

from types import SimpleNamespace

from django.http import QueryDict

from core.listing import SortColumn, listing_page
from core.text import vietnamese_key

COLUMNS = (
    SortColumn("name", "Tên", ("name",)),
    SortColumn("parent", "Trực thuộc", ("parent__name", "name")),
)
GIVEN = [
    "Xã Yên Dương",
    "Xã Đồng Phúc",
    "Xã Hoàng Trĩ",
    "Xã Hà Hiệu",
    "Xã Dương Quang",
    "Xã Ân Tình",
    "Xã An Thắng",
]


def _units(names, parent=None):
    return [SimpleNamespace(name=n, parent=parent) for n in names]


def _page(items, query="", **kwargs):
    return listing_page(items, params=QueryDict(query), columns=COLUMNS, default="name", **kwargs)


def test_it_sorts_unit_names_in_the_vietnamese_alphabet():
    names = [u.name for u in _page(_units(GIVEN)).rows]
    # a < ă < â, d < đ, tones only break ties: "Hà" before "Hoàng"; "Đ" before "Y" (code points put it last)
    assert names == [
        "Xã An Thắng",
        "Xã Ân Tình",
        "Xã Dương Quang",
        "Xã Đồng Phúc",
        "Xã Hà Hiệu",
        "Xã Hoàng Trĩ",
        "Xã Yên Dương",
    ]
    assert sorted(GIVEN) != names  # what the old code-point order gave


def test_page_two_continues_page_one_in_the_same_order():
    names = [f"Xã {first} {second}" for first in ("Đồng", "Dương", "Yên", "Hà", "Hoàng", "Ân") for second in
             ("Phúc", "Quang", "Thịnh", "Lạc", "Bình", "Ða", "Cư", "Ơn", "Ư", "Tân", "Ôn", "Ưng", "Ấp", "Ẩn", "Ý",
              "Ế", "Đa", "Da", "Ác", "Áo")]  # fmt: skip
    units = _units(names)
    pages = [_page(units, f"page={n}", page_size=50) for n in (1, 2, 3)]
    seen = [u.name for p in pages for u in p.rows]
    assert [p.page_label for p in pages] == ["Trang 1 / 3", "Trang 2 / 3", "Trang 3 / 3"]
    assert seen == sorted(names, key=vietnamese_key) and len(seen) == len(names)
    last_d = max(i for i, n in enumerate(seen) if n.startswith("Xã Dương"))
    first_dd = min(i for i, n in enumerate(seen) if n.startswith("Xã Đồng"))
    assert last_d < first_dd < min(i for i, n in enumerate(seen) if n.startswith("Xã Hà"))


def test_descending_and_a_second_column_sort_with_ties_broken_by_name():
    ba_be, na_ri = SimpleNamespace(name="Huyện Ba Bể"), SimpleNamespace(name="Huyện Na Rì")
    units = _units(["Xã Hà Hiệu", "Xã Đồng Phúc"], parent=na_ri) + _units(
        ["Xã Yên Dương", "Xã Chu Hương"], ba_be
    )
    listing = _page(units, "sort=-parent")
    assert [u.name for u in listing.rows] == ["Xã Hà Hiệu", "Xã Đồng Phúc", "Xã Yên Dương", "Xã Chu Hương"]
    assert listing.sort == "-parent" and listing.headers["parent"].aria_sort == "descending"
    assert listing.headers["parent"].arrow == "▼" and listing.headers["name"].aria_sort == "none"


def test_unknown_sorts_and_pages_fall_back_to_the_first_page_in_the_default_order():
    units = _units([f"Xã Thử {i:03d}" for i in range(120)])
    for query in ("sort=evil", "sort=-__class__", "sort=name;drop", "page=abc", "page=-1&sort=", "page=1.5"):
        listing = _page(units, query)
        assert listing.sort == "name"
        assert [u.name for u in listing.rows] == [f"Xã Thử {i:03d}" for i in range(50)], query
    assert _page(units, "page=999").page_label == "Trang 3 / 3"  # past the end: the last page


def test_header_and_pager_links_keep_the_filters_and_restart_paging_on_a_new_sort():
    units = _units([f"Xã Thử {i:03d}" for i in range(120)])
    listing = _page(units, "district=7&status=held&page=2&sort=name")
    assert listing.headers["name"].href == "?district=7&status=held&sort=-name"  # toggles, back to page 1
    assert listing.headers["parent"].href == "?district=7&status=held&sort=parent"
    assert listing.next_href == "?district=7&status=held&page=3&sort=name"
    assert listing.prev_href == "?district=7&status=held&page=1&sort=name"
    assert listing.first_href == "?district=7&status=held&sort=name" and listing.count == 120
