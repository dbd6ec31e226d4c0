import json
import re
from datetime import date
from pathlib import Path

from django.db import transaction

from bac_kan_emulation.errors import DomainError

from .domain import shift_years
from .models import Campaign, Movement, TierRule


class CampaignError(DomainError):
    pass


@transaction.atomic
def campaign_copy(*, source: Campaign, name: str, ordinal: str, years_later: int) -> Campaign:
    """Copy a campaign, its tier rules and movements into a new, inactive campaign.

    Dates move by `years_later`; caps, shares and names are copied as they are
    so the next campaign starts from this one's rules and is then edited.
    """
    if years_later < 1:
        raise CampaignError("Chiến dịch mới phải sau chiến dịch cũ ít nhất 1 năm.")
    copy = Campaign(
        name=name,
        ordinal=ordinal,
        period_start_year=source.period_start_year + years_later,
        period_end_year=source.period_end_year + years_later,
        next_period_label=_shift_label(source.next_period_label, years_later),
        plan_deadline=shift_years(source.plan_deadline, years_later),
        is_active=False,
    )
    copy.full_clean()
    copy.save()
    old_to_new: dict[int, TierRule] = {}
    tiers = list(source.tiers.order_by("order"))
    for tier in tiers:
        new_tier = TierRule(
            campaign=copy,
            code=tier.code,
            label=tier.label,
            unit_kinds=list(tier.unit_kinds),
            event_name=tier.event_name,
            is_congress=tier.is_congress,
            delegate_cap=tier.delegate_cap,
            min_exemplar_share_percent=tier.min_exemplar_share_percent,
            window_start=shift_years(tier.window_start, years_later),
            window_end=shift_years(tier.window_end, years_later),
            window_label=_shift_label(tier.window_label, years_later),
            sessions=tier.sessions,
            sends_delegation_upward=tier.sends_delegation_upward,
            order=tier.order,
        )
        new_tier.full_clean()
        new_tier.save()
        old_to_new[tier.pk] = new_tier
    for tier in tiers:
        if tier.upper_tier_id:
            new_tier = old_to_new[tier.pk]
            new_tier.upper_tier = old_to_new[tier.upper_tier_id]
            new_tier.save(update_fields=["upper_tier"])
    Movement.objects.bulk_create(
        Movement(campaign=copy, name=m.name, order=m.order) for m in source.movements.all()
    )
    return copy


def _shift_label(label: str, years: int) -> str:
    """Shift every four-digit year in a label ("Quý I năm 2025" -> "Quý I năm 2030")."""
    return re.sub(r"\b(19|20)\d{2}\b", lambda m: str(int(m.group(0)) + years), label)


@transaction.atomic
def campaign_activate(*, campaign: Campaign) -> Campaign:
    Campaign.objects.filter(is_active=True).exclude(pk=campaign.pk).update(is_active=False)
    campaign.is_active = True
    campaign.save(update_fields=["is_active"])
    return campaign


def campaign_update(*, campaign: Campaign, data: dict) -> Campaign:
    for field, value in data.items():
        setattr(campaign, field, value)
    campaign.full_clean()
    campaign.save(update_fields=list(data))
    return campaign


def tier_update(*, tier: TierRule, data: dict) -> TierRule:
    for field, value in data.items():
        setattr(tier, field, value)
    tier.full_clean()
    tier.save(update_fields=list(data))
    return tier


def movement_save(*, movement: Movement) -> Movement:
    movement.full_clean()
    movement.save()
    return movement


CAMPAIGN_SEED_FILE = Path(__file__).resolve().parent / "data" / "campaign_bac_kan_vi.json"


@transaction.atomic
def campaign_load_from_file(*, path: Path = CAMPAIGN_SEED_FILE, activate: bool = True) -> Campaign:
    """Create or update a campaign, its tiers and movements from a seed file.

    The seed file is the plan turned into data; matching is by (name, ordinal)
    for the campaign, by code for tiers and by name for movements.
    """
    seed = json.loads(path.read_text(encoding="utf-8"))
    data = seed["campaign"]
    campaign, _ = Campaign.objects.update_or_create(
        name=data["name"],
        ordinal=data["ordinal"],
        defaults={
            "period_start_year": data["period_start_year"],
            "period_end_year": data["period_end_year"],
            "next_period_label": data["next_period_label"],
            "plan_deadline": date.fromisoformat(data["plan_deadline"]),
        },
    )
    tiers: dict[str, TierRule] = {}
    for tier_data in seed["tiers"]:
        fields = {k: v for k, v in tier_data.items() if k not in ("code", "upper_tier")}
        fields["window_start"] = date.fromisoformat(fields["window_start"])
        fields["window_end"] = date.fromisoformat(fields["window_end"])
        tier, _ = TierRule.objects.update_or_create(
            campaign=campaign, code=tier_data["code"], defaults=fields
        )
        tiers[tier.code] = tier
    for tier_data in seed["tiers"]:
        tier = tiers[tier_data["code"]]
        tier.upper_tier = tiers.get(tier_data["upper_tier"]) if tier_data["upper_tier"] else None
        tier.save(update_fields=["upper_tier"])
    for order, name in enumerate(seed["movements"], start=1):
        Movement.objects.update_or_create(campaign=campaign, name=name, defaults={"order": order})
    if activate:
        campaign_activate(campaign=campaign)
    return campaign
