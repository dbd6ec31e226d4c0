"""Campaigns respect time: a campaign's tiers cover the units that exist on its map day."""

from datetime import date

import pytest
from django.urls import reverse

from congresses.models import Campaign, Event
from congresses.rules import campaign_map_date
from congresses.selectors import campaign_units, tier_for_unit
from congresses.services import EventError, campaign_copy, event_register, tier_update
from delegates.services import delegate_create
from oversight.selectors import oversight_unit_rows
from oversight.services_reorganisation import reorganisation_apply
from tests.factories import DelegateFactory, EventFactory
from units.models import Unit
from units.services_reorganisation import reorganisation_load_from_file

DELEGATE = {
    "category": "exemplar_individual", "full_name": "Hoàng Văn Thái", "collective_name": "", "gender": "male",
    "birth_year": 1985, "ethnic_group": "Tày", "religion": "Không", "position": "Trưởng thôn",
    "workplace": "Thôn Nà Làng", "field": "Nông nghiệp, nông thôn", "is_direct_worker": True,
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


@pytest.mark.django_db
def test_copying_from_the_page_leaves_out_the_district_tier_and_sets_the_map_day(client, campaign, admin):
    client.force_login(admin)
    page = client.get(reverse("congresses:campaign_copy", args=[campaign.pk])).content.decode()
    assert "Cấp huyện, thành phố" in page and "Bản đồ đơn vị theo ngày" in page
    response = client.post(
        reverse("congresses:campaign_copy", args=[campaign.pk]),
        {"name": "Đại hội Thi đua yêu nước tỉnh Thái Nguyên", "ordinal": "I", "years_later": "5",
         "map_date": "2026-01-01", "tier_codes": ["commune", "department", "province"]},
    )  # fmt: skip
    new = Campaign.objects.get(ordinal="I")
    assert response.status_code == 302 and new.map_date == date(2026, 1, 1) and not new.is_active
    tiers = {t.code: t for t in new.tiers.all()}
    assert set(tiers) == {"commune", "department", "province"}
    # caps, shares, deadlines and movements come along; the commune tier lost its district above
    assert (tiers["commune"].delegate_cap, tiers["commune"].min_exemplar_share_percent) == (200, 70)
    assert tiers["commune"].window_start == date(2030, 1, 1) and new.plan_deadline == date(2029, 8, 1)
    assert tiers["commune"].upper_tier is None and tiers["department"].upper_tier == tiers["province"]
    assert new.movements.count() == campaign.movements.count()


@pytest.mark.django_db
def test_copying_with_no_tier_is_refused_in_vietnamese(client, campaign, admin):
    client.force_login(admin)
    response = client.post(
        reverse("congresses:campaign_copy", args=[campaign.pk]),
        {"name": "X", "ordinal": "I", "years_later": "5", "tier_codes": []},
    )
    assert response.status_code == 200 and Campaign.objects.count() == 1
    assert "Trường này là bắt buộc" in response.content.decode() or "bắt buộc" in response.content.decode()


@pytest.fixture
def next_campaign(campaign, reorganised):
    new = campaign_copy(
        source=campaign, name="Đại hội Thi đua yêu nước tỉnh Thái Nguyên", ordinal="I", years_later=5,
        map_date=date(2026, 1, 1), tier_codes=["commune", "department", "province"],
    )  # fmt: skip
    tiers = {t.code: t for t in new.tiers.all()}
    tier_update(tier=tiers["commune"], data={"unit_kinds": ["commune", "ward", "special_zone"],
                                             "upper_tier": tiers["province"]})  # fmt: skip
    return new


@pytest.mark.django_db
def test_an_officer_of_a_new_commune_registers_in_the_campaign_in_preparation_from_the_page(
    client, unit_manager, next_campaign, reorganised
):
    client.force_login(unit_manager)  # moved to the new Xã Chợ Rã by the reorganisation
    chora = reorganised["new_chora"]
    home = client.get(reverse("home")).content.decode()
    register = reverse("congresses:event_register", args=[chora.pk]) + f"?campaign={next_campaign.pk}"
    assert "đang chuẩn bị" in home and register in home
    response = client.post(
        register,
        {"ordinal": "I", "venue": "Hội trường xã Chợ Rã", "date": "2030-02-20", "session": "morning"},
    )
    event = Event.objects.get(campaign=next_campaign, unit=chora)
    assert response.status_code == 302 and event.tier.code == "commune"
    assert client.get(reverse("delegates:roster", args=[event.pk])).status_code == 200


@pytest.mark.django_db
def test_registering_in_a_campaign_that_is_neither_active_nor_in_preparation_answers_404(
    client, campaign, unit_manager, units
):
    old = campaign_copy(source=campaign, name="Cũ", ordinal="V", years_later=1)
    Campaign.objects.filter(pk=old.pk).update(period_start_year=2015, period_end_year=2020)
    client.force_login(unit_manager)
    url = reverse("congresses:event_register", args=[units["chora"].pk]) + f"?campaign={old.pk}"
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_new_communes_page_opens_the_2025_event_roster_and_honours_of_the_communes_it_succeeded(
    client, campaign, unit_manager, units, reorganised, django_assert_max_num_queries
):
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", held=True)
    DelegateFactory.create_batch(2, event=event)
    client.force_login(unit_manager)
    page = client.get(reverse("units:detail", args=[reorganised["new_chora"].pk])).content.decode()
    assert (
        "Hồ sơ của các đơn vị trước sắp xếp" in page
        and 'Thị trấn Chợ Rã</a> <span class="text-muted">(đến 30/06/2025)</span> → Xã Chợ Rã' in page
    )
    for url in (
        reverse("congresses:event_detail", args=[event.pk]),
        reverse("delegates:roster", args=[event.pk]),
        reverse("honors:event_detail", args=[event.pk]),
    ):
        assert url in page
        assert client.get(url).status_code == 200
    assert "Danh sách đại biểu (2)" in page
    from delegates.selectors import predecessor_records

    with django_assert_max_num_queries(2):
        predecessor_records(unit=reorganised["new_chora"], user=unit_manager)


@pytest.mark.django_db
def test_the_campaign_page_counts_the_units_each_tier_covers_on_its_map_day(
    client, admin, next_campaign, campaign
):
    client.force_login(admin)
    new = client.get(reverse("congresses:campaign_detail", args=[next_campaign.pk]))
    counts = {row.tier.code: row.unit_count for row in new.context["tiers"]}
    assert counts["commune"] == 92 and counts["province"] == 1 and "01/01/2026" in new.content.decode()
    old = client.get(reverse("congresses:campaign_detail", args=[campaign.pk]))
    assert {row.tier.code: row.unit_count for row in old.context["tiers"]}["district"] == 8
