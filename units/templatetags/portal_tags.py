"""The portal's own names on every page, from the root unit and settings (`units.selectors.portal_identity`).

Each tag answers even when the database does not (the 500 page): then with the settings' fallback.
"""

from django import template
from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext

from core.text import format_decimal, format_vnd

from ..selectors import PortalIdentity, portal_identity

register = template.Library()


def _identity() -> PortalIdentity | None:
    try:
        return portal_identity()
    except DatabaseError:
        return None


def _label() -> str:
    identity = _identity()
    return identity.province_label if identity else settings.PORTAL_PROVINCE_FALLBACK.lower()


@register.simple_tag
def portal_title() -> str:
    """ "Cổng thi đua yêu nước tỉnh Bắc Kạn", unless PORTAL_TITLE says otherwise."""
    if settings.PORTAL_TITLE:
        return settings.PORTAL_TITLE
    return gettext("Cổng thi đua yêu nước %(province)s") % {"province": _label()}


@register.simple_tag
def portal_brand() -> str:
    identity = _identity()
    place = identity.place if identity else settings.PORTAL_PROVINCE_FALLBACK
    return gettext("Thi đua yêu nước %(place)s") % {"place": place}


@register.simple_tag
def portal_organiser() -> str:
    if settings.PORTAL_ORGANISER:
        return settings.PORTAL_ORGANISER
    return gettext("Sở Nội vụ %(province)s · Ban Thi đua - Khen thưởng") % {"province": _label()}


@register.simple_tag
def portal_province() -> str:
    """The province inside a sentence: "tỉnh Bắc Kạn"."""
    return _label()


@register.filter
def vnd(value) -> str:
    """2340000 -> "2.340.000 đ" (empty for None)."""
    return format_vnd(int(value)) if value not in (None, "") else ""


@register.filter
def coefficient(value) -> str:
    """Decimal("0.3") -> "0,3" (empty for None)."""
    return format_decimal(value)
