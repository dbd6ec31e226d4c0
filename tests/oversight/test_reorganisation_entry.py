"""Entering a reorganisation by hand: a draft judged by the same preview as a loaded file."""

import datetime

import pytest
from django.urls import reverse

from oversight.selectors.reorganisation import reorganisation_preview
from oversight.services_reorganisation import reorganisation_apply
from units.models import Reorganisation, Unit, UnitLineage
from units.services_reorganisation import ReorganisationEntryError, reorganisation_create

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 3, 1)


def entry(units, **rows) -> dict:
    """The form's POST: one new unit (Xã Ba Bể Mới under the province) and the given mapping rows."""
    data = {
        "name": "Sáp nhập xã thí điểm 2026", "effective_date": EFFECTIVE.isoformat(),
        "basis": "1999/NQ-UBTVQH15", "basis_date": "2026-02-10",
        "units-TOTAL_FORMS": "1", "units-INITIAL_FORMS": "0",
        "units-0-name": "Xã Ba Bể Mới", "units-0-kind": "commune", "units-0-code": "",
        "units-0-parent": str(units["babe"].pk),
        "rows-TOTAL_FORMS": str(len(rows)), "rows-INITIAL_FORMS": "0",
    }  # fmt: skip
    for index, row in enumerate(rows.values()):
        data |= {f"rows-{index}-{key}": value for key, value in row.items()}
    return data


def row(predecessor: Unit, *, successor: Unit | None = None, successor_name: str = "") -> dict:
    return {"predecessor": str(predecessor.pk), "successor": str(successor.pk) if successor else "",
            "successor_name": successor_name, "kind": "merge", "share": "", "note": ""}  # fmt: skip


def test_staff_enter_a_reorganisation_and_land_on_its_preview(client, units, admin):
    chora, nari = units["chora"], units["nari_commune"]
    client.force_login(admin)
    response = client.post(
        reverse("oversight:reorganisation_new"),
        entry(units, a=row(chora, successor_name="Xã Ba Bể Mới"), b=row(nari, successor_name="Xã Ba Bể Mới")),
        follow=True,
    )
    body = response.content.decode()
    reorganisation = Reorganisation.objects.get(name="Sáp nhập xã thí điểm 2026")
    assert response.redirect_chain[-1][0] == reverse("oversight:reorganisation", args=[reorganisation.pk])
    assert "Áp dụng đợt sắp xếp" in body and "Thị trấn Chợ Rã" in body
    new = Unit.objects.get(name="Xã Ba Bể Mới")
    assert new.valid_from == EFFECTIVE and new.established_basis == "1999/NQ-UBTVQH15"
    assert reorganisation.status == Reorganisation.Status.DRAFT and reorganisation.items.count() == 2
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    assert set(UnitLineage.objects.filter(successor=new).values_list("predecessor__name", flat=True)) == {
        chora.name, nari.name,
    }  # fmt: skip
    chora.refresh_from_db()
    assert chora.valid_to == datetime.date(2026, 2, 28)


def test_a_row_without_successor_is_saved_but_the_preview_names_it_and_refuses(client, units, admin):
    client.force_login(admin)
    client.post(reverse("oversight:reorganisation_new"), entry(units, a=row(units["chora"])))
    reorganisation = Reorganisation.objects.get()
    preview = reorganisation_preview(reorganisation=reorganisation)
    assert not preview.allowed and not preview.can_apply
    assert "Thị trấn Chợ Rã: đơn vị kết thúc nhưng không có đơn vị kế thừa." in preview.reasons
    page = client.get(reverse("oversight:reorganisation", args=[reorganisation.pk])).content.decode()
    assert "Thị trấn Chợ Rã: đơn vị kết thúc nhưng không có đơn vị kế thừa." in page


def test_a_successor_that_does_not_exist_on_the_effective_date_is_named(units, admin):
    later = Unit.objects.create(name="Xã Tương Lai", kind="commune", valid_from=datetime.date(2027, 1, 1))
    reorganisation = reorganisation_create(
        name="Thử", effective_date=EFFECTIVE, basis="1/NQ", basis_date=None, new_units=[],
        items=[{"predecessor": units["chora"], "successor": later, "kind": "merge"}],
    )  # fmt: skip
    reasons = reorganisation_preview(reorganisation=reorganisation).reasons
    assert "Thị trấn Chợ Rã → Xã Tương Lai: đơn vị kế thừa không tồn tại vào ngày 01/03/2026." in reasons


def test_a_successor_name_not_among_the_new_units_is_refused_and_nothing_is_written(client, units, admin):
    client.force_login(admin)
    before = Unit.objects.count()
    response = client.post(
        reverse("oversight:reorganisation_new"),
        entry(units, a=row(units["chora"], successor_name="Xã Gõ Nhầm")),
    )
    assert response.status_code == 200
    assert "Dòng 1: «Xã Gõ Nhầm» không có trong các đơn vị mới đã khai." in response.content.decode()
    assert not Reorganisation.objects.exists() and Unit.objects.count() == before


def test_a_name_already_used_is_refused_in_vietnamese(units, admin):
    item = {"predecessor": units["chora"], "successor": units["songcau"], "kind": "merge"}
    reorganisation_create(name="Đợt A", effective_date=EFFECTIVE, basis="1", basis_date=None, new_units=[],
                          items=[item])  # fmt: skip
    with pytest.raises(ReorganisationEntryError, match="Đã có đợt sắp xếp tên «Đợt A»"):
        reorganisation_create(name="Đợt A", effective_date=EFFECTIVE, basis="1", basis_date=None, new_units=[],
                              items=[item])  # fmt: skip


def test_more_rows_shows_the_form_again_and_saves_nothing(client, units, admin):
    client.force_login(admin)
    data = entry(units, a=row(units["chora"], successor_name="Xã Ba Bể Mới")) | {"more": "1"}
    response = client.post(reverse("oversight:reorganisation_new"), data)
    assert response.status_code == 200 and not Reorganisation.objects.exists()
    assert (
        response.context["rows"].total_form_count() == 6 and response.context["units"].total_form_count() == 3
    )


def test_leadership_may_not_open_the_entry_form(client, leadership):
    client.force_login(leadership)
    assert client.get(reverse("oversight:reorganisation_new")).status_code == 403


def test_an_officer_does_not_find_the_entry_form(client, unit_manager):
    client.force_login(unit_manager)
    assert client.get(reverse("oversight:reorganisation_new")).status_code == 404


def test_rows_left_as_the_form_shows_them_are_ignored(client, units, admin):
    """The browser sends the blank rows too, with their selects on the first choice: nothing to save."""
    client.force_login(admin)
    data = entry(units, a=row(units["chora"], successor=units["songcau"]))
    data |= {"units-TOTAL_FORMS": "3", "units-1-kind": "commune", "units-2-kind": "commune", "rows-TOTAL_FORMS": "3",
             "rows-1-kind": "merge", "rows-2-kind": "merge"}  # fmt: skip
    response = client.post(reverse("oversight:reorganisation_new"), data)
    assert response.status_code == 302
    assert Reorganisation.objects.get().items.count() == 1
