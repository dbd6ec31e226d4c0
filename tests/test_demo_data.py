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
