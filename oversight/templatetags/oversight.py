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


@register.filter
def doc_cell(value) -> str:
    """A table cell of a document: counts with the thousands separator (as on the dashboard), text as is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return format_thousands(value)
    return "" if value is None else str(value)
