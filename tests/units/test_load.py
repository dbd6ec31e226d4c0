import pytest

from congresses.models import Campaign, Movement, TierRule
from units.models import Unit
from units.services import units_load_bac_kan


@pytest.mark.django_db
def test_the_province_tree_has_8_districts_and_108_communes(units):
    province = units["province"]
    districts = Unit.objects.filter(parent=province, kind__in=["district", "city"])
    assert districts.count() == 8
    assert Unit.objects.filter(kind__in=["commune", "ward", "town"]).count() == 108
    assert Unit.objects.get(code="58").kind == "city"
    assert Unit.objects.get(code="58").name == "Thành phố Bắc Kạn"
    assert Unit.objects.filter(parent__code="64").count() == 20  # Chợ Đồn


@pytest.mark.django_db
def test_pilots_are_the_city_and_the_health_department(units):
    assert set(Unit.objects.filter(is_pilot=True).values_list("name", flat=True)) == {
        "Thành phố Bắc Kạn",
        "Sở Y tế",
    }


@pytest.mark.django_db
def test_loading_twice_creates_nothing_new(units):
    before = Unit.objects.count()
    units_load_bac_kan()
    assert Unit.objects.count() == before


@pytest.mark.django_db
def test_the_campaign_is_seeded_from_the_plan(campaign):
    assert campaign.ordinal == "VI"
    assert campaign.plan_deadline.isoformat() == "2024-08-01"
    tiers = {t.code: t for t in TierRule.objects.filter(campaign=campaign)}
    assert tiers["commune"].delegate_cap == 200 and not tiers["commune"].is_congress
    assert tiers["commune"].event_name == "Hội nghị tuyên dương điển hình tiên tiến"
    assert tiers["department"].delegate_cap == 300
    assert tiers["district"].is_congress and tiers["district"].window_label == "Quý II năm 2025"
    assert tiers["province"].delegate_cap == 500 and tiers["province"].upper_tier is None
    assert {t.min_exemplar_share_percent for t in tiers.values()} == {70}
    assert {t.sessions for t in tiers.values()} == {1}
    assert Movement.objects.filter(campaign=campaign).count() == 7
    assert Campaign.objects.filter(is_active=True).count() == 1
