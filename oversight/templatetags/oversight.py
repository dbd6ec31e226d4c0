from django import template

from oversight.domain import format_thousands, format_vnd

register = template.Library()


@register.filter
def vnd(value) -> str:
    """12500000 -> 12.500.000 đ"""
    return format_vnd(int(value)) if value not in (None, "") else ""


@register.filter
def thousands(value) -> str:
    """35027 -> 35.027"""
    return format_thousands(int(value)) if value not in (None, "") else ""
