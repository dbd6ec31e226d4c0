from datetime import date

import pytest

from congresses.models import Event, TierRule
from core.text import fold_for_search, vietnamese_sort_key
from delegates.models import Delegate


def make_event(unit, campaign, *, tier_code: str, day: date, cap: int | None = None) -> Event:
    tier = TierRule.objects.get(campaign=campaign, code=tier_code)
    return Event.objects.create(
        campaign=campaign,
        unit=unit,
        tier=tier,
        name=f"{tier.event_name} {unit.name}",
        ordinal="VI",
        venue="Hội trường",
        date=day,
        session=Event.Session.MORNING,
        delegate_cap=cap,
    )


def make_delegates(
    event: Event, count: int, *, category: str = "exemplar_individual", **extra
) -> list[Delegate]:
    delegates = []
    for index in range(count):
        name = extra.pop("full_name", None) or f"Nguyễn Văn Người{index:04d}"
        delegates.append(
            Delegate(
                event=event,
                category=category,
                full_name=name,
                gender=extra.get("gender", "male"),
                birth_year=extra.get("birth_year", 1980),
                ethnic_group=extra.get("ethnic_group", "Tày"),
                religion=extra.get("religion", "Không"),
                field=extra.get("field", "Nông nghiệp"),
                sort_key=vietnamese_sort_key(name),
                search_text=fold_for_search(name),
            )
        )
    return Delegate.objects.bulk_create(delegates)


@pytest.fixture
def commune_event(units, campaign):
    return make_event(units["chora"], campaign, tier_code="commune", day=date(2025, 2, 20))


@pytest.fixture
def district_event(units, campaign):
    return make_event(units["babe"], campaign, tier_code="district", day=date(2025, 5, 15))


@pytest.fixture
def nari_event(units, campaign):
    return make_event(units["nari"], campaign, tier_code="district", day=date(2025, 5, 16))


@pytest.fixture
def province_event(units, campaign):
    return make_event(units["province"], campaign, tier_code="province", day=date(2025, 8, 20))


@pytest.fixture
def department_event(units, campaign):
    return make_event(units["health"], campaign, tier_code="department", day=date(2025, 5, 10))


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
    "field": "Nông nghiệp",
    "is_direct_worker": True,
}
