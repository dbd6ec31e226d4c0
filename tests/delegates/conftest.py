from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EventFactory


@pytest.fixture
def commune_event(units, campaign):
    return EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))


@pytest.fixture
def district_event(units, campaign):
    return EventFactory(unit=units["babe"], campaign=campaign, tier_code="district", date=date(2025, 5, 15))


@pytest.fixture
def nari_event(units, campaign):
    return EventFactory(unit=units["nari"], campaign=campaign, tier_code="district", date=date(2025, 5, 16))


@pytest.fixture
def province_event(units, campaign):
    return EventFactory(
        unit=units["province"], campaign=campaign, tier_code="province", date=date(2025, 8, 20)
    )


@pytest.fixture
def department_event(units, campaign):
    return EventFactory(
        unit=units["health"], campaign=campaign, tier_code="department", date=date(2025, 5, 10)
    )


DELEGATE_DATA = {
    "category": "exemplar_individual",
    "full_name": "  Nguyễn   Văn An ",
    "collective_name": "",
    "gender": "male",
    "birth_year": 1985,
    "ethnic_group": "Tày",
    "religion": "Không",
    "position": "Trưởng thôn",
    "workplace": "Thôn Nà Làng",
    "field": "Nông nghiệp, nông thôn",
    "is_direct_worker": True,
}


# The roster form as a browser posts it.
FORM = {
    "category": "exemplar_individual",
    "full_name": "Nguyễn Văn An",
    "collective_name": "",
    "gender": "male",
    "birth_year": "1985",
    "ethnic_group": "Tày",
    "religion": "Không",
    "position": "Trưởng thôn",
    "workplace": "",
    "field": "Nông nghiệp, nông thôn",
    "is_direct_worker": "on",
    "exemplar": "",
}


def url(name, event, *args):
    return reverse(f"delegates:{name}", args=[event.pk, *args])
