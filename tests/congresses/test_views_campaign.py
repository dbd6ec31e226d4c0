import pytest
from django.urls import reverse

from congresses.models import Campaign

pytestmark = pytest.mark.django_db


def _tier_payload(tier, **changes):
    data = {
        "label": tier.label, "unit_kinds": tier.unit_kinds, "event_name": tier.event_name,
        "is_congress": "on" if tier.is_congress else "", "delegate_cap": tier.delegate_cap,
        "min_exemplar_share_percent": tier.min_exemplar_share_percent,
        "window_start": tier.window_start.isoformat(), "window_end": tier.window_end.isoformat(),
        "window_label": tier.window_label, "sessions": tier.sessions,
        "upper_tier": tier.upper_tier_id or "", "sends_delegation_upward": "on",
    }  # fmt: skip
    data.update(changes)
    return data


def test_staff_sees_the_campaign_rules(client, admin, campaign):
    client.force_login(admin)
    body = client.get(reverse("congresses:campaign_detail", args=[campaign.pk])).content.decode()
    assert "Hội nghị tuyên dương điển hình tiên tiến" in body
    assert "Bắc Kạn đẩy mạnh chuyển đổi số" in body


def test_staff_changes_a_tier_cap_without_code(client, admin, campaign):
    client.force_login(admin)
    tier = campaign.tiers.get(code="commune")
    url = reverse("congresses:tier_edit", args=[campaign.pk, tier.pk])
    response = client.post(url, _tier_payload(tier, delegate_cap=180))
    assert response.status_code == 302
    tier.refresh_from_db()
    assert tier.delegate_cap == 180


def test_a_tier_window_ending_before_it_starts_is_refused(client, admin, campaign):
    client.force_login(admin)
    tier = campaign.tiers.get(code="commune")
    url = reverse("congresses:tier_edit", args=[campaign.pk, tier.pk])
    response = client.post(url, _tier_payload(tier, window_end="2024-12-01"))
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode()


def test_staff_copies_the_campaign_for_2030(client, admin, campaign):
    client.force_login(admin)
    url = reverse("congresses:campaign_copy", args=[campaign.pk])
    page = client.get(url).content.decode()
    assert page.count('name="tier_codes"') == 4 and page.count("checked") >= 4  # every tier, ticked
    response = client.post(
        url,
        {"name": "Đại hội Thi đua yêu nước tỉnh Bắc Kạn", "ordinal": "VII", "years_later": 5,
         "tier_codes": ["commune", "department", "district", "province"]},
    )  # fmt: skip
    copy = Campaign.objects.get(ordinal="VII")
    assert response.status_code == 302
    assert copy.tiers.count() == 4


def test_leadership_reads_but_cannot_change_the_campaign(client, leadership, campaign):
    client.force_login(leadership)
    assert client.get(reverse("congresses:campaign_detail", args=[campaign.pk])).status_code == 200
    assert client.post(reverse("congresses:campaign_activate", args=[campaign.pk])).status_code == 403
    url = reverse("congresses:campaign_copy", args=[campaign.pk])
    assert client.post(url, {"name": "X", "ordinal": "VII", "years_later": 5}).status_code == 403


def test_officers_do_not_see_campaign_administration(client, unit_manager, campaign):
    client.force_login(unit_manager)
    assert client.get(reverse("congresses:campaign_list")).status_code == 404
    assert client.get(reverse("congresses:campaign_detail", args=[campaign.pk])).status_code == 404


def test_staff_adds_a_movement(client, admin, campaign):
    client.force_login(admin)
    url = reverse("congresses:movement_add", args=[campaign.pk])
    assert client.post(url, {"name": "Phong trào mới", "order": 8}).status_code == 302
    assert campaign.movements.filter(name="Phong trào mới").exists()
