"""Demo events: a realistic spread of units that registered, held and reported."""

from datetime import timedelta

from units.models import Unit

from .domain import event_full_name, tier_for_kind
from .models import Event
from .selectors import campaign_active, campaign_tiers

SMALL_SCALE_UNITS = ("58", "61")  # Thành phố Bắc Kạn and Huyện Ba Bể with their communes


def demo_units(scale: str):
    units = Unit.objects.select_related("parent")
    if scale == "province":
        return list(units.order_by("pk"))
    chosen = units.filter(code__in=SMALL_SCALE_UNITS) | units.filter(parent__code__in=SMALL_SCALE_UNITS)
    bodies = units.filter(name__in=("Sở Y tế", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh"))
    return list((chosen | bodies).order_by("pk"))


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    tiers = campaign_tiers(campaign=campaign)
    events = []
    for unit in demo_units(scale):
        tier = tier_for_kind(tiers, unit.kind)
        if tier is None:
            continue
        span = (tier.window_end - tier.window_start).days
        day = tier.window_start + timedelta(days=rng.randint(7, span - 7))
        status = rng.choices(
            [Event.Status.REPORTED, Event.Status.HELD, Event.Status.PLANNED], weights=[6, 3, 1]
        )[0]
        events.append(
            Event(
                campaign=campaign,
                unit=unit,
                tier=tier,
                name=event_full_name(event_name=tier.event_name, unit_name=unit.name),
                ordinal=rng.choice(["II", "III"]) if not tier.is_congress else campaign.ordinal,
                venue=f"Hội trường {unit.name}",
                date=day,
                session=rng.choice([Event.Session.MORNING, Event.Session.AFTERNOON]),
                status=status,
            )
        )
    Event.objects.bulk_create(events, ignore_conflicts=True)
    stdout.write(f"  {Event.objects.filter(campaign=campaign).count()} sự kiện")
