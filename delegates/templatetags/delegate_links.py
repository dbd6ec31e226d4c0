"""Roster links on the unit and home pages: the selector decides, the tags only render its answer.

Those pages belong to the `units` app; inclusion tags let the delegates app add
its links there without editing another app's views.
"""

from django import template

from delegates.selectors import predecessor_records, province_unit, roster_links_for_unit

register = template.Library()


def _links(context, unit, *, wrap: bool) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    links = roster_links_for_unit(unit=unit, user=user) if unit is not None and user is not None else []
    return {
        "links": links,
        "unit": unit,
        "shows_quotas": unit is not None and unit.kind in ("province", "district", "city"),
        "wrap": wrap,
        "size": "btn-sm" if wrap else "",
    }


@register.inclusion_tag("delegates/_unit_roster_links.html", takes_context=True)
def unit_roster_links(context, unit):
    """The roster of the unit's event in the active campaign, and its allocations page."""
    return _links(context, unit, wrap=True)


@register.inclusion_tag("delegates/_unit_roster_links.html", takes_context=True)
def province_roster_links(context):
    """For Sở Nội vụ and leadership: the province congress's roster and its allocations."""
    return _links(context, province_unit(), wrap=False)


@register.inclusion_tag("delegates/_predecessor_records.html", takes_context=True)
def unit_predecessor_records(context, unit):
    """On a unit's page: the events, rosters and honours of the units it succeeded."""
    request = context.get("request")
    user = getattr(request, "user", None)
    records = predecessor_records(unit=unit, user=user) if user is not None else []
    return {"records": records, "unit": unit}
