"""The portal's home page: one per role, composed from every app (so it lives above them all)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from attendance.selectors import reception_events
from congresses.selectors import campaign_active, campaign_map_day, campaign_tiers, tier_for_unit
from units.permissions import is_staff_of_home_affairs, sees_whole_province
from units.selectors import unit_children, unit_kind_counts


@login_required
def home(request):
    user = request.user
    campaign = campaign_active()
    context: dict[str, object] = {"campaign": campaign}
    if sees_whole_province(user):
        tiers = campaign_tiers(campaign=campaign) if campaign else []
        counts = unit_kind_counts(on=campaign_map_day(campaign=campaign, tiers=tiers) if campaign else None)
        context["tier_rows"] = [
            {"tier": tier, "unit_count": sum(counts.get(kind, 0) for kind in tier.unit_kinds)}
            for tier in tiers
        ]
        template = (
            "portal/home_staff.html" if is_staff_of_home_affairs(user) else "portal/home_leadership.html"
        )
    else:
        unit = user.unit
        context["unit"] = unit
        context["tier"] = tier_for_unit(campaign=campaign, unit=unit) if campaign else None
        context["child_units"] = unit_children(unit=unit)
        context["reception_events"] = list(reception_events(user=user))
        template = "portal/home_officer.html"
    return render(request, template, context)
