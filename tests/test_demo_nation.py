"""`demo_data --scale nation` builds a map ten times the province's (here, at a tiny factor of
two with rosters of a few delegates: the shape, not the size) whose counters agree with a recount."""

import io

import pytest
from django.core.management import call_command

from congresses.models import Event
from delegates.models import Delegate, RosterCounter
from delegates.selectors import COUNTER_FIELDS, roster_counts
from units.models import UNIT_EPOCH, Unit


@pytest.mark.django_db
def test_the_nation_scale_copies_the_map_as_demo_units_and_every_counter_equals_a_recount(monkeypatch):
    # The map, its events and rosters (tiny ones, through the same code path); the apps that only
    # add more of the province's story (plans, honours, documents, results) are left out for speed.
    monkeypatch.setattr("delegates.demo.event_cap", lambda event: 6)
    monkeypatch.setattr("congresses.demo.seed_plans", lambda **kwargs: None)
    monkeypatch.setattr(
        "bac_kan_emulation.management.commands.demo_data.DEMO_APPS", ("units", "congresses", "delegates")
    )
    out = io.StringIO()
    call_command("demo_data", scale="nation", factor=2, stdout=out)

    originals = Unit.objects.filter(valid_from=UNIT_EPOCH).exclude(name__contains="minh họa")
    copies = Unit.objects.filter(name__endswith="(minh họa 2)")
    assert copies.count() == originals.count() - 1  # every unit but the province's root, once
    commune = copies.filter(kind="commune").select_related("parent").first()
    assert commune.parent.name.endswith("(minh họa 2)") and commune.code == ""  # under its copied district
    events = Event.objects.all()
    assert events.filter(unit__in=copies).count() == events.filter(unit__in=originals).count() - 1
    assert Delegate.objects.filter(event__unit__in=copies).count() > 0
    kept = {c.event_id: {f: getattr(c, f) for f in COUNTER_FIELDS} for c in RosterCounter.objects.all()}
    recount = roster_counts(event_ids=events.values_list("pk", flat=True))
    assert kept == recount
    assert sum(c["headcount"] for c in kept.values()) == Delegate.objects.count()
    printed = out.getvalue()
    assert f"{events.count()} sự kiện" in printed and f"{Delegate.objects.count()} đại biểu" in printed
    assert "đã nạp trong" in printed  # and how long it took

    call_command("demo_data", scale="nation", factor=2, stdout=io.StringIO())  # loading again adds nothing
    assert Unit.objects.filter(name__endswith="(minh họa 2)").count() == copies.count()
    assert Event.objects.count() == events.count()


def test_every_event_of_the_nation_gets_its_own_demo_decision_number():
    # The province's register holds the Bằng khen decisions of every event; numbers repeated every
    # 40 events made `demo_data --scale nation` stop on "Số … đã có trong sổ đăng ký".
    from congresses import rules
    from honors.demo import _demo_number

    numbers = {_demo_number(Event(pk=pk), rules.Authority.PROVINCE_CHAIR) for pk in range(1, 1601)}
    assert len(numbers) == 1600
