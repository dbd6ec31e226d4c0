"""The bugs issue 10 ("One rulebook") fixed, each as its user met them, through pages and services."""

import pytest
from django.urls import reverse
from django.utils import timezone

from delegates import services
from delegates.models import Delegate, DelegationApproval, DelegationQuota
from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def _roster(event):
    return reverse("delegates:roster", kwargs={"event_pk": event.pk})


def _finalise(event):
    event.roster_finalised_at = timezone.now()
    event.save(update_fields=["roster_finalised_at"])


# --- Who may set a cap, and what 0 means ---------------------------------------------


def test_a_commune_officer_cannot_lower_the_communes_cap(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    page = client.get(_roster(commune_event)).content.decode()
    assert 'name="cap"' not in page  # no form for a cap the tier fixes
    response = client.post(reverse("delegates:set_cap", kwargs={"event_pk": commune_event.pk}), {"cap": "0"})
    assert response.status_code == 403
    commune_event.refresh_from_db()
    assert commune_event.delegate_cap is None


def test_a_department_may_lower_its_own_cap_but_never_to_zero(client, department_officer, department_event):
    client.force_login(department_officer)
    set_cap = reverse("delegates:set_cap", kwargs={"event_pk": department_event.pk})
    assert 'name="cap"' in client.get(_roster(department_event)).content.decode()
    response = client.post(set_cap, {"cap": "0"}, follow=True)
    assert "từ 1 trở lên" in response.content.decode()
    department_event.refresh_from_db()
    assert department_event.delegate_cap is None
    client.post(set_cap, {"cap": "150"})
    department_event.refresh_from_db()
    assert department_event.delegate_cap == 150


def test_a_cap_of_zero_reads_zero_on_the_event_and_compliance_pages(client, admin, commune_event):
    DelegateFactory.create_batch(5, event=commune_event)
    commune_event.delegate_cap = 0  # written by the old roster form
    commune_event.save(update_fields=["delegate_cap"])
    client.force_login(admin)
    detail = client.get(reverse("congresses:event_detail", kwargs={"pk": commune_event.pk}))
    assert detail.context["effective_cap"] == 0
    assert "vượt mức tối đa 0 người" in client.get(reverse("oversight:compliance")).content.decode()


def test_the_province_congress_cap_never_drops_below_the_seats_handed_down(
    client, admin, campaign, units, province_event
):
    services.quota_set_many(
        campaign=campaign,
        upper_unit=units["province"],
        seats={units["babe"].pk: 200, units["nari"].pk: 178},
        by=admin,
    )
    client.force_login(admin)
    response = client.post(
        reverse("delegates:set_cap", kwargs={"event_pk": province_event.pk}), {"cap": "10"}, follow=True
    )
    assert "Đã phân bổ 378 đại biểu" in response.content.decode()
    province_event.refresh_from_db()
    assert province_event.delegate_cap is None


# --- The share advice is doable ---------------------------------------------------------


def test_a_full_roster_is_told_to_convert_or_remove_guests_not_to_add(unit_manager, commune_event):
    DelegateFactory.create_batch(136, event=commune_event)
    DelegateFactory.create_batch(64, event=commune_event, category="guest")  # 200 / 200: no seat left
    with pytest.raises(services.ExemplarShareTooLow) as refused:
        services.roster_finalise(event=commune_event)
    message = str(refused.value)
    assert "thêm" not in message
    assert "chuyển 4 đại biểu khách mời, lãnh đạo" in message and "bớt 6 đại biểu khách mời" in message


def test_an_empty_roster_has_not_reached_the_share_anywhere(client, admin, commune_event):
    with pytest.raises(services.ExemplarShareTooLow, match="chưa có đại biểu"):
        services.roster_finalise(event=commune_event)
    client.force_login(admin)
    page = client.get(reverse("oversight:compliance") + "?rule=share").content.decode()
    assert commune_event.unit.name in page and "chưa có đại biểu" in page


# --- Delegations do not leak ------------------------------------------------------------


@pytest.fixture
def sent_upward(campaign, units, commune_event, district_event, district_officer):
    """Chợ Rã approved 3 of 4 on a quota of 3; Ba Bể copied the first onto its congress roster."""
    exemplars = DelegateFactory.create_batch(4, event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    _finalise(commune_event)
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:3]], by=None)
    services.roster_reopen(event=commune_event)
    services.delegates_add_from_candidates(event=district_event, source_ids=[exemplars[0].pk])
    return exemplars


def test_a_delegate_sent_upward_cannot_vanish_from_below(
    client, unit_manager, commune_event, district_event, sent_upward
):
    client.force_login(unit_manager)
    delete = reverse("delegates:delete", kwargs={"event_pk": commune_event.pk, "pk": sent_upward[0].pk})
    response = client.post(delete, follow=True)
    assert f"đã được đưa vào danh sách {district_event.name}" in response.content.decode()
    assert Delegate.objects.filter(pk=sent_upward[0].pk).exists()
    assert DelegationApproval.objects.get(event=commune_event).size == 3


def test_a_delegation_is_approved_only_from_a_finalised_roster(
    client, unit_manager, campaign, units, commune_event, district_officer
):
    chosen = DelegateFactory.create_batch(2, event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    client.force_login(unit_manager)
    delegation = reverse("delegates:delegation", kwargs={"event_pk": commune_event.pk})
    response = client.post(delegation, {"delegate": [d.pk for d in chosen]})
    assert "chưa được chốt" in response.content.decode()
    assert not DelegationApproval.objects.exists()


def test_quotas_over_the_cap_can_always_be_reduced(client, district_officer, campaign, units, district_event):
    communes = list(units["babe"].children.order_by("pk")[:2])
    for commune, seats in zip(communes, (200, 178), strict=True):  # 378 / 300, left by the old cap rule
        DelegationQuota.objects.create(campaign=campaign, upper_unit=units["babe"], unit=commune, seats=seats)
    client.force_login(district_officer)
    quotas = reverse("delegates:quotas", args=[units["babe"].pk])
    response = client.post(quotas, {f"seats_{communes[0].pk}": "200", f"seats_{communes[1].pk}": "170"})
    assert response.status_code == 302  # still 370 / 300, but lower: accepted
    assert DelegationQuota.objects.get(unit=communes[1]).seats == 170
    response = client.post(quotas, {f"seats_{communes[0].pk}": "250", f"seats_{communes[1].pk}": "100"})
    assert "vượt số đại biểu tối đa của Đại hội cấp trên (300)" in response.content.decode()
    assert DelegationQuota.objects.get(unit=communes[0]).seats == 200
