"""The committed post-reform map (units/data/thai_nguyen_2025.json) is what the law says."""

import io
import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "units" / "data"


@pytest.fixture(scope="module")
def fixture():
    return json.loads((DATA / "thai_nguyen_2025.json").read_text(encoding="utf-8"))


def test_it_names_its_source_and_version(fixture):
    assert fixture["package"] == "vietnam-provinces" and fixture["package_version"] == "2026.9.0"
    assert "BangChuyendoiĐVHCmoi_cu_khong_merge.csv" in fixture["source"]
    assert fixture["effective_date"] == "2025-07-01"


def test_every_bac_kan_body_goes_to_one_body_of_the_new_province_after_the_department_mergers(fixture):
    old = [
        b["name"] for b in json.loads((DATA / "bac_kan_bodies.json").read_text(encoding="utf-8"))["bodies"]
    ]
    taken_over = Counter(name for body in fixture["bodies"] for name in body["predecessors"])
    assert taken_over == Counter(old)  # each exactly once
    by_name = {body["name"]: body for body in fixture["bodies"]}
    assert {"Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"} == set(
        by_name["Sở Nông nghiệp và Môi trường"]["predecessors"]
    )
    assert by_name["Sở Dân tộc và Tôn giáo"]["basis"] == {"number": "45/2025/NĐ-CP", "date": "2025-02-28"}


def test_thai_nguyen_has_92_commune_level_units_77_communes_and_15_wards(fixture):
    assert fixture["province"]["name"] == "Tỉnh Thái Nguyên" and fixture["province"]["replaces_code"] == "6"
    assert len(fixture["communes"]) == 92
    assert Counter(c["kind"] for c in fixture["communes"]) == {"commune": 77, "ward": 15}
    assert len({c["code"] for c in fixture["communes"]}) == 92


def test_the_108_bac_kan_communes_map_onto_37_new_units_of_thai_nguyen(fixture):
    old = json.loads((DATA / "bac_kan_administrative_units.json").read_text(encoding="utf-8"))
    old_codes = {c["code"] for d in old["districts"] for c in d["children"]}
    mapping = fixture["mapping"]
    assert {row["old_code"] for row in mapping} == old_codes and len(mapping) == 108
    new_codes = {c["code"] for c in fixture["communes"]}
    targets = {code for row in mapping for code in row["new_codes"]}
    assert targets <= new_codes and len(targets) == 37
    districts = {d["code"] for d in old["districts"]}
    assert {row["old_district_code"] for row in mapping} == districts


@pytest.mark.django_db
def test_the_command_loads_the_reorganisation_as_a_draft(units):
    from django.core.management import call_command

    from units.models import Reorganisation

    out = io.StringIO()
    call_command("load_reorganisation", stdout=out)
    assert (
        Reorganisation.objects.get().status == Reorganisation.Status.DRAFT and "186 dòng" in out.getvalue()
    )  # 149 for the map, 37 for the bodies
