"""The demo a new user first sees tells a consistent story."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from delegates.models import Delegate
from oversight.models import ResultReport


@pytest.mark.django_db
def test_the_demos_results_reports_never_count_more_attendees_than_the_rosters_hold():
    call_command("demo_data", stdout=io.StringIO())
    on_roster = dict(Delegate.objects.values("event_id").annotate(n=Count("pk")).values_list("event_id", "n"))
    reports = list(ResultReport.objects.all())
    assert reports
    for report in reports:
        assert report.attended_total <= on_roster.get(report.event_id, 0), report.event.name
        exemplars = report.attended_exemplar_individuals + report.attended_exemplar_collectives
        assert report.exemplars_honoured <= exemplars


@pytest.mark.django_db
def test_the_demo_waits_for_home_affairs_to_apply_the_2025_map_and_prepares_the_next_campaign_on_it():
    from congresses.models import Campaign
    from congresses.selectors import campaigns_in_preparation
    from units.models import Reorganisation

    call_command("demo_data", stdout=io.StringIO())
    call_command("demo_data", stdout=io.StringIO())  # loading again changes nothing
    assert Reorganisation.objects.get().status == Reorganisation.Status.DRAFT
    [prepared] = campaigns_in_preparation()
    assert (prepared.period_start_year, prepared.period_end_year) == (2026, 2030)
    assert Campaign.objects.get(is_active=True).ordinal == "VI"
    tiers = {t.code: t for t in prepared.tiers.all()}
    assert set(tiers) == {"commune", "department", "province"}  # no district tier
    assert tiers["commune"].unit_kinds == ["commune", "ward", "special_zone"]
    assert (
        tiers["commune"].upper_tier == tiers["province"]
        and tiers["department"].upper_tier == tiers["province"]
    )
