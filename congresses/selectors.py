from django.db.models import QuerySet

from units.models import Unit

from .domain import tier_for_kind
from .models import Campaign, TierRule


def campaign_active() -> Campaign | None:
    return Campaign.objects.filter(is_active=True).first()


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.all()


def campaign_tiers(*, campaign: Campaign) -> list[TierRule]:
    return list(campaign.tiers.select_related("upper_tier").order_by("order"))


def tier_for_unit(*, campaign: Campaign, unit: Unit) -> TierRule | None:
    return tier_for_kind(campaign_tiers(campaign=campaign), unit.kind)
