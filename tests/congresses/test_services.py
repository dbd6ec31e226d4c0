import pytest

from congresses.models import Campaign
from congresses.services import campaign_activate, campaign_copy


@pytest.mark.django_db
def test_copying_a_campaign_moves_dates_and_keeps_rules(campaign):
    copy = campaign_copy(
        source=campaign, name="Đại hội Thi đua yêu nước tỉnh Bắc Kạn", ordinal="VII", years_later=5
    )
    assert copy.period_start_year == 2025 and copy.period_end_year == 2030
    assert copy.plan_deadline.isoformat() == "2029-08-01"
    assert copy.next_period_label == "2030 - 2035"
    assert not copy.is_active
    tiers = {t.code: t for t in copy.tiers.all()}
    assert tiers["commune"].window_label == "Quý I năm 2030"
    assert tiers["commune"].window_start.isoformat() == "2030-01-01"
    assert tiers["commune"].upper_tier == tiers["district"]
    assert tiers["province"].delegate_cap == 500
    assert copy.movements.count() == 7
    # The source campaign is untouched.
    assert campaign.tiers.get(code="commune").window_label == "Quý I năm 2025"


@pytest.mark.django_db
def test_activating_a_campaign_deactivates_the_previous_one(campaign):
    copy = campaign_copy(source=campaign, name="Chiến dịch mới", ordinal="VII", years_later=5)
    campaign_activate(campaign=copy)
    assert list(Campaign.objects.filter(is_active=True)) == [copy]
