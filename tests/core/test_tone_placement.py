"""One spelling of oa/oe/uy syllables: "Hòa", "Thủy", "Ủy ban" as state documents write them."""

import unicodedata
from pathlib import Path

import pytest

from congresses.rules.awards import signer_name_problem
from core.text import traditional_tone_placement

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["units/data", "congresses/data", "templates", "locale", "scripts"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Xã Trung Hoà", "Xã Trung Hòa"),
        ("Xã Liêm Thuỷ", "Xã Liêm Thủy"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("sức khoẻ", "sức khỏe"),
        ("quý", "quý"),  # qu is a consonant
        ("Hoàng Thị Hoạch", "Hoàng Thị Hoạch"),  # closed syllables keep their mark
        ("Nguyễn Thuyên", "Nguyễn Thuyên"),
    ],
)
def test_the_other_tone_placement_is_written_as_state_documents_do(written, expected):
    assert traditional_tone_placement(written) == expected


def test_a_body_typed_as_signer_is_refused_in_either_spelling():
    assert signer_name_problem("Uỷ ban nhân dân xã Hòa Mục")
    assert signer_name_problem("Ủy ban nhân dân xã Hòa Mục")
    assert signer_name_problem("Triệu Văn Tâm") == ""


def _shipped_texts():
    for folder in SHIPPED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".json", ".html", ".po", ".txt", ".py", ".csv"}:
                yield path


def test_shipped_names_and_pages_use_one_tone_placement():
    """The unit lists, templates and catalogues had "Hoà Mục" beside "Hòa", "Liêm Thuỷ" beside "Thủy"."""
    offenders = []
    for path in _shipped_texts():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = unicodedata.normalize("NFC", line)
            if traditional_tone_placement(line) != line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert offenders == []


@pytest.mark.django_db
def test_loaded_units_carry_the_state_spelling(units):
    from units.models import Unit

    names = set(Unit.objects.filter(code__in=["1948", "2098", "2197"]).values_list("name", flat=True))
    assert names == {"Xã Trung Hòa", "Xã Hòa Mục", "Xã Liêm Thủy"}
    assert all(
        traditional_tone_placement(name) == name for name in Unit.objects.values_list("name", flat=True)
    )
