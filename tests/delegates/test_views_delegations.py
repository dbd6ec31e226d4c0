"""Delegation views (quotas, approval, candidates for the upper roster): allowed and forbidden."""

import pytest
from django.urls import reverse

from delegates.models import DelegationApproval, DelegationQuota
from delegates.services import delegation_approve, quota_set_many, roster_finalise
from tests.factories import DelegateFactory

from .conftest import url

pytestmark = pytest.mark.django_db


# --- delegations --------------------------------------------------------------------------------


@pytest.fixture
def approved(campaign, units, commune_event, district_event, district_officer):
    exemplars = DelegateFactory.create_batch(4, event=commune_event)
    roster_finalise(event=commune_event)
    quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:3]], by=district_officer)
    return exemplars[:3]


def test_it_sets_quotas_for_lower_units(client, district_officer, units, campaign, district_event):
    client.force_login(district_officer)
    page = client.get(reverse("delegates:quotas", args=[units["babe"].pk]))
    assert page.status_code == 200 and "Thị trấn Chợ Rã" in page.content.decode()
    response = client.post(
        reverse("delegates:quotas", args=[units["babe"].pk]), {f"seats_{units['chora'].pk}": "6"}
    )
    assert response.status_code == 302
    assert DelegationQuota.objects.get(unit=units["chora"]).seats == 6


def test_it_lets_home_affairs_allocate_the_province_congress(client, admin, units, province_event):
    client.force_login(admin)
    response = client.post(
        reverse("delegates:quotas", args=[units["province"].pk]),
        {f"seats_{units['babe'].pk}": "501"},
        follow=True,
    )
    assert "vượt số đại biểu tối đa của Đại hội cấp trên (500)" in response.content.decode()
    assert not DelegationQuota.objects.exists()


def test_it_refuses_quotas_to_others(client, unit_manager, leadership, other_unit_manager, units):
    client.force_login(unit_manager)  # a commune cannot allocate its district's seats
    assert client.get(reverse("delegates:quotas", args=[units["babe"].pk])).status_code == 404
    client.force_login(other_unit_manager)
    assert client.post(reverse("delegates:quotas", args=[units["babe"].pk]), {}).status_code == 404
    client.force_login(leadership)
    assert client.get(reverse("delegates:quotas", args=[units["province"].pk])).status_code == 200
    assert client.post(reverse("delegates:quotas", args=[units["province"].pk]), {}).status_code == 403


def test_it_approves_a_delegation_within_the_quota(
    client, unit_manager, campaign, units, commune_event, district_event, district_officer
):
    chosen = DelegateFactory.create_batch(3, event=commune_event)
    roster_finalise(event=commune_event)
    quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 2}, by=district_officer
    )
    client.force_login(unit_manager)
    assert client.get(url("delegation", commune_event)).status_code == 200
    response = client.post(url("delegation", commune_event), {"delegate": [d.pk for d in chosen]})
    assert "vượt số được phân bổ (2): cần bớt 1" in response.content.decode()
    assert (
        client.post(url("delegation", commune_event), {"delegate": [d.pk for d in chosen[:2]]}).status_code
        == 302
    )
    assert DelegationApproval.objects.get(event=commune_event).size == 2
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 302
    assert not DelegationApproval.objects.exists()


def test_it_refuses_delegations_by_others(client, leadership, other_unit_manager, commune_event):
    client.force_login(leadership)
    assert client.get(url("delegation", commune_event)).status_code == 200
    assert client.post(url("delegation", commune_event), {"delegate": []}).status_code == 403
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 403
    client.force_login(other_unit_manager)
    assert client.get(url("delegation", commune_event)).status_code == 404
    assert client.post(url("delegation_withdraw", commune_event)).status_code == 404


def test_it_shows_candidates_and_adds_them_to_the_upper_roster(
    client, district_officer, district_event, approved
):
    client.force_login(district_officer)
    page = client.get(url("roster", district_event))
    assert {c.pk for c in page.context["candidates"]} == {d.pk for d in approved}
    response = client.post(
        url("candidates_add", district_event), {"source": [approved[0].pk, approved[1].pk]}
    )
    assert response.status_code == 302
    assert set(district_event.delegates.values_list("source_delegate_id", flat=True)) == {
        approved[0].pk,
        approved[1].pk,
    }
    assert len(client.get(url("roster", district_event)).context["candidates"]) == 1


def test_it_refuses_candidates_to_others(client, unit_manager, leadership, district_event, approved):
    client.force_login(unit_manager)  # the commune cannot write its district's roster
    assert client.post(url("candidates_add", district_event), {"source": [approved[0].pk]}).status_code == 404
    client.force_login(leadership)
    assert client.post(url("candidates_add", district_event), {"source": [approved[0].pk]}).status_code == 403
    assert not district_event.delegates.exists()
