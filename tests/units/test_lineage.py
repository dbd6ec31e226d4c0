from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import UnitFactory, UnitLineageFactory
from units.domain import basis_label, unit_period_label
from units.models import UNIT_EPOCH, Unit, UnitKind, UnitLineage
from units.selectors import unit_history


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "label"),
    [
        (UNIT_EPOCH, None, "đang hoạt động"),
        (UNIT_EPOCH, date(2025, 6, 30), "đến 30/06/2025"),
        (date(2025, 7, 1), None, "từ 01/07/2025"),
        (date(2025, 7, 1), date(2026, 3, 31), "01/07/2025 – 31/03/2026"),
    ],
)
def test_it_labels_a_units_period(valid_from, valid_to, label):
    assert unit_period_label(valid_from=valid_from, valid_to=valid_to, epoch=UNIT_EPOCH) == label


def test_it_labels_a_legal_basis_with_its_date():
    assert (
        basis_label(number="1683/NQ-UBTVQH15", issued_on=date(2025, 6, 16))
        == "1683/NQ-UBTVQH15 ngày 16/06/2025"
    )
    assert basis_label(number="", issued_on=None) == ""


def test_special_zones_are_a_kind_of_unit():
    assert UnitKind.SPECIAL_ZONE.label == "Đặc khu"


@pytest.mark.django_db
def test_existing_units_stay_valid_from_the_early_date_and_open_ended(units):
    assert not Unit.objects.exclude(valid_from=UNIT_EPOCH).exists()
    assert not Unit.objects.filter(valid_to__isnull=False).exists()
    assert units["chora"].is_valid_on(date(2025, 3, 1)) and units["chora"].is_valid_on(date(2030, 1, 1))


@pytest.mark.django_db
def test_a_unit_is_valid_only_within_its_dates():
    unit = UnitFactory(valid_from=date(2025, 7, 1), valid_to=date(2026, 6, 30))
    assert not unit.is_valid_on(date(2025, 6, 30))
    assert unit.is_valid_on(date(2025, 7, 1)) and unit.is_valid_on(date(2026, 6, 30))
    assert not unit.is_valid_on(date(2026, 7, 1))


@pytest.mark.django_db
def test_an_official_code_may_be_reused_by_the_unit_that_keeps_it_after_a_merger():
    UnitFactory(code="1840", valid_to=date(2025, 6, 30))
    UnitFactory(code="1840", valid_from=date(2025, 7, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitFactory(code="1840", valid_from=date(2025, 7, 1))


@pytest.mark.django_db
def test_the_database_refuses_a_unit_ending_before_it_began_and_a_unit_succeeding_itself():
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitFactory(valid_from=date(2025, 7, 1), valid_to=date(2025, 6, 30))
    unit = UnitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitLineage.objects.create(
            predecessor=unit, successor=unit, kind="rename", effective_date=date(2025, 7, 1), basis="x"
        )


@pytest.mark.django_db
def test_history_lists_lineage_both_ways_in_two_queries(django_assert_num_queries):
    new = UnitFactory(name="Xã Mới", valid_from=date(2025, 7, 1), established_basis="1683/NQ-UBTVQH15")
    for name in ("Xã Cũ A", "Xã Cũ B", "Xã Cũ C"):
        UnitLineageFactory(predecessor__name=name, successor=new)
    UnitLineageFactory(
        predecessor=new, kind=UnitLineage.Kind.SPLIT, share=Decimal("40"), successor__name="Xã Sau"
    )
    with django_assert_num_queries(2):
        history = unit_history(unit=new)
    assert [r.name for r in history.predecessors] == ["Xã Cũ A", "Xã Cũ B", "Xã Cũ C"]
    assert history.predecessors[0].period == "đến 30/06/2025"
    assert history.successors[0].name == "Xã Sau" and history.successors[0].share == "40 %"
    assert history.period == "từ 01/07/2025"


@pytest.mark.django_db
def test_it_shows_the_old_name_with_its_dates_then_an_arrow_to_the_new_unit(client, admin):
    link = UnitLineageFactory(predecessor__name="Xã Cao Kỳ", successor__name="Xã Chợ Mới")
    client.force_login(admin)
    new_page = client.get(reverse("units:detail", args=[link.successor.pk])).content.decode()
    assert "Hình thành từ" in new_page and "Xã Cao Kỳ" in new_page and "đến 30/06/2025" in new_page
    assert "1683/NQ-UBTVQH15 ngày 16/06/2025" in new_page
    old_page = client.get(reverse("units:detail", args=[link.predecessor.pk])).content.decode()
    assert "Đơn vị kế thừa" in old_page and "→" in old_page and "Xã Chợ Mới" in old_page


@pytest.mark.django_db
def test_an_officer_outside_the_scope_does_not_see_the_lineage(client, unit_manager):
    link = UnitLineageFactory()
    client.force_login(unit_manager)
    assert client.get(reverse("units:detail", args=[link.successor.pk])).status_code == 404
