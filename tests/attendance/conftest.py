from datetime import date

import pytest

from attendance.services import invitations_ensure
from tests.factories import DelegateFactory, EventFactory


@pytest.fixture
def upcoming_event(units, campaign):
    """Chợ Rã's conference, still to come (the codes work until its day is over)."""
    return EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))


@pytest.fixture
def delegates(upcoming_event):
    people = DelegateFactory.create_batch(7, event=upcoming_event) + DelegateFactory.create_batch(
        3, event=upcoming_event, category="guest"
    )
    invitations_ensure(event=upcoming_event)
    return people


@pytest.fixture
def on_the_day():
    """Every test here runs before the event's day is over."""
    from freezegun import freeze_time

    with freeze_time("2025-02-18 08:00:00"):
        yield
