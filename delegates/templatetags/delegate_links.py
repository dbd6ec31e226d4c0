"""Roster links on the unit page: the selector decides, the tag only renders its answer.

The unit page belongs to the `units` app; an inclusion tag lets the delegates app
add its section there without editing another app's view.
"""

from django import template

from delegates.selectors import roster_links_for_unit

register = template.Library()


@register.inclusion_tag("delegates/_unit_roster_links.html", takes_context=True)
def unit_roster_links(context, unit):
    request = context.get("request")
    user = getattr(request, "user", None)
    links = roster_links_for_unit(unit=unit, user=user) if unit is not None and user is not None else []
    return {
        "links": links,
        "unit": unit,
        "shows_quotas": unit is not None and unit.kind in ("province", "district", "city"),
    }


@register.inclusion_tag("delegates/_unit_roster_links.html", takes_context=True)
def province_roster_links(context):
    """For Sở Nội vụ and leadership: the province congress's roster and its allocations."""
    from delegates.selectors import province_unit

    return _links(context, province_unit(), wrap=False)
