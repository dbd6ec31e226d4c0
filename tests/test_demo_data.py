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


@pytest.mark.django_db
def test_the_demo_has_a_congress_to_come_whose_invitations_can_be_answered(client, settings):
    from datetime import date

    from attendance import selectors as attendance
    from attendance.models import Invitation
    from congresses.models import Event

    settings.PORTAL_TODAY = date(2025, 9, 15)  # the demo's date (core.clock.today())
    out = io.StringIO()
    call_command("demo_data", stdout=out)
    upcoming = Event.objects.filter(date__gt=settings.PORTAL_TODAY)
    assert upcoming.exists()
    event = upcoming.get(unit__kind="province")
    pending = Invitation.objects.filter(delegate__event=event, answer="pending").select_related("delegate")
    invitation = pending.first()
    link = attendance.invitation_link(invitation)
    assert link in out.getvalue()  # the command prints a link a demo user can open
    path = link.split("//", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200
    assert invitation.delegate.full_name in page.content.decode() and event.name in page.content.decode()
    assert client.post("/" + path, {"action": "answer", "answer": "yes"}).status_code == 302
    assert Invitation.objects.get(pk=invitation.pk).answer == "yes"
    answered = Invitation.objects.filter(delegate__event=event).exclude(answer="pending").count()
    assert answered == 3  # two answered by the demo, one just now
    assert Delegate.objects.filter(event=event).exclude(email="").exists()  # reminders can be sent
    call_command("demo_data", stdout=io.StringIO())  # loading again makes no second congress
    assert Event.objects.filter(unit__kind="province", campaign=event.campaign).count() == 1


@pytest.mark.django_db
def test_loading_the_demo_again_adds_no_event_delegate_or_plan():
    from congresses.models import Event, UnitPlan

    def counts():
        return Event.objects.count(), Delegate.objects.count(), UnitPlan.objects.count()

    call_command("demo_data", stdout=io.StringIO())
    first = counts()
    call_command("demo_data", stdout=io.StringIO())  # the merged province's bodies share names
    assert counts() == first


@pytest.mark.django_db
def test_the_demos_held_events_closed_their_rosters_before_the_day_not_today():
    from django.utils import timezone

    from congresses.models import Event

    call_command("demo_data", stdout=io.StringIO())
    held = list(Event.objects.filter(status__in=("held", "reported")))
    assert held
    for event in held:
        closed_on = timezone.localtime(event.roster_finalised_at).date()
        assert closed_on < event.date, event.name  # "Đã chốt lúc" before the congress, as it happened
