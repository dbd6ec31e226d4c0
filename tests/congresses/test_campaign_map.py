"""Campaigns respect time: a campaign's tiers cover the units that exist on its map day."""

from datetime import date

import pytest
from django.urls import reverse

from congresses.models import Event
from congresses.rules import campaign_map_date
from congresses.selectors import campaign_units, tier_for_unit
from congresses.services import EventError, campaign_copy, event_register, tier_update
from delegates.services import delegate_create
from oversight.selectors import oversight_unit_rows
from oversight.services_reorganisation import reorganisation_apply
from units.models import Unit
from units.services_reorganisation import reorganisation_load_from_file

DELEGATE = {
    "category": "exemplar_individual", "full_name": "Hoàng Văn Thái", "collective_name": "", "gender": "male",
    "birth_year": 1985, "ethnic_group": "Tày", "religion": "Không", "position": "Trưởng thôn",
    "workplace": "Thôn Nà Làng", "field": "Nông nghiệp", "is_direct_worker": True,
}  # fmt: skip


def test_the_map_day_is_the_campaigns_own_date_else_its_earliest_tier():
    starts = [date(2025, 4, 1), date(2025, 1, 1)]
    assert campaign_map_date(map_date=None, window_starts=starts) == date(2025, 1, 1)
    assert campaign_map_date(map_date=date(2026, 1, 1), window_starts=starts) == date(2026, 1, 1)
    assert campaign_map_date(map_date=None, window_starts=[]) is None


@pytest.fixture
def reorganised(units, admin):
    reorganisation_apply(reorganisation=reorganisation_load_from_file(), by=admin)
    return {"new_chora": Unit.objects.get(name="Xã Chợ Rã", valid_from=date(2025, 7, 1))}


@pytest.mark.django_db
def test_the_2025_campaign_keeps_the_2025_map_after_the_reorganisation(campaign, reorganised):
    on_map = campaign_units(campaign=campaign)
    assert on_map.filter(kind__in=["district", "city"]).count() == 8
    assert on_map.filter(kind__in=["commune", "ward", "town"]).count() == 108
    assert tier_for_unit(campaign=campaign, unit=reorganised["new_chora"]) is None
    rows = oversight_unit_rows(campaign=campaign, today=date(2025, 5, 1))
    assert "Xã Chợ Rã" not in {r.name for r in rows} and "Thị trấn Chợ Rã" in {r.name for r in rows}


@pytest.mark.django_db
def test_the_staff_home_still_counts_8_districts_and_108_communes(client, campaign, admin, reorganised):
    client.force_login(admin)
    rows = {row["tier"].code: row["unit_count"] for row in client.get(reverse("home")).context["tier_rows"]}
    assert rows["district"] == 8 and rows["commune"] == 108


@pytest.mark.django_db
def test_a_new_commune_may_not_register_an_event_in_the_2025_campaign(campaign, admin, reorganised):
    with pytest.raises(EventError, match="không có trên bản đồ đơn vị của chiến dịch này"):
        event_register(
            campaign=campaign, unit=reorganised["new_chora"], by=admin,
            data={"ordinal": "I", "venue": "Chợ Rã", "date": date(2025, 2, 5), "session": "morning"},
        )  # fmt: skip


@pytest.mark.django_db
def test_a_copied_campaign_on_the_two_tier_map_registers_a_new_commune_and_fills_its_roster(
    campaign, admin, reorganised
):
    new = campaign_copy(
        source=campaign, name="Đại hội Thi đua yêu nước tỉnh Thái Nguyên", ordinal="I", years_later=5
    )
    tiers = {t.code: t for t in new.tiers.all()}
    # Edited, not coded: the commune level takes special zones and sends its delegation to the province.
    tier_update(
        tier=tiers["commune"],
        data={"unit_kinds": ["commune", "ward", "special_zone"], "upper_tier": tiers["province"]},
    )
    on_map = campaign_units(campaign=new)
    assert not on_map.filter(kind__in=["district", "city"]).exists()
    assert on_map.filter(kind__in=["commune", "ward"], parent__name="Tỉnh Thái Nguyên").count() == 92
    chora = reorganised["new_chora"]
    window = tiers["commune"].window_start
    event = event_register(
        campaign=new, unit=chora, by=admin,
        data={"ordinal": "I", "venue": "Hội trường xã Chợ Rã", "date": window, "session": "morning"},
    )  # fmt: skip
    assert event.tier.code == "commune" and event.name.endswith("xã Chợ Rã")
    delegate_create(event=event, data=DELEGATE)
    assert Event.objects.get(pk=event.pk).delegates.count() == 1
    with pytest.raises(EventError):
        old_chora = Unit.objects.get(name="Thị trấn Chợ Rã")
        event_register(
            campaign=new, unit=old_chora, by=admin,
            data={"ordinal": "I", "venue": "Chợ Rã", "date": window, "session": "morning"},
        )  # fmt: skip
