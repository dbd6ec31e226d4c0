"""Sortable, paged lists: one small mechanism for every list page that grows with the province.

A page declares its sortable columns (a whitelist: `?sort=name`, `?sort=-name`; anything else
falls back to the default) and hands a queryset or a list to `listing_page`, which returns one
page of 50 rows plus finished header and pager links that keep every other query parameter.

Order is decided in Python over the whole filtered set, with text compared by the portal's
Vietnamese collation (`core.text.vietnamese_key`: "Xã Hà Hiệu" < "Xã Hoàng Trĩ", "Đ" after "D",
not after "Y"), so page 2 continues page 1 exactly. For a queryset that costs one narrow query
(the row ids and the sort fields of the filtered set) and one query for the page's rows, whatever
the number of rows; only the page's rows are built as objects and rendered.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .text import vietnamese_key

PAGE_SIZE = 50


@dataclass(frozen=True)
class SortColumn:
    """A sortable column: `key` as written in ?sort=, the fields it orders by (ORM paths with `__`;
    on a list of objects the same path is followed attribute by attribute), first to last."""

    key: str
    label: str | Promise  # gettext_lazy at import time, rendered in the request's language
    fields: tuple[str, ...]


@dataclass(frozen=True)
class SortHeader:
    label: str | Promise
    href: str  # "?…" toggling this column, other parameters kept
    aria_sort: str  # "ascending", "descending" or "none"
    arrow: str  # "▲", "▼" or ""


@dataclass(frozen=True)
class Listing:
    page: Page
    rows: list[Any]  # the page's rows, in order
    sort: str  # the sort in effect, "-name" for descending
    headers: dict[str, SortHeader]
    page_label: str  # "Trang 2 / 7"
    prev_href: str
    next_href: str
    first_href: str
    last_href: str
    count: int


def _value_key(value: Any) -> tuple:
    if value is None or value == "":
        return (0, "")
    if isinstance(value, str):
        return (1, vietnamese_key(value))
    return (1, value)


def _follow(item: Any, path: str) -> Any:
    for part in path.split("__"):
        if item is None:
            return None
        item = item.get(part) if isinstance(item, dict) else getattr(item, part, None)
    return item


def _query(params: QueryDict, **changes: str | int | None) -> str:
    query = params.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def page_number(value: str | None) -> int:
    """The asked page; 1 for anything that is not a whole number from 1 up (a page past the end
    shows the last page, as Django's `get_page` does)."""
    return int(value) if value and value.isdigit() and int(value) >= 1 else 1


def parse_sort(value: str | None, columns: Sequence[SortColumn], default: str) -> tuple[SortColumn, bool]:
    """The whitelisted column and whether it is descending; the default for anything unknown."""
    by_key = {c.key: c for c in columns}
    raw = value or ""
    descending = raw.startswith("-")
    column = by_key.get(raw.lstrip("-"))
    if column is None:
        descending = default.startswith("-")
        column = by_key[default.lstrip("-")]
    return column, descending


def listing_page(
    items: QuerySet | Sequence[Any],
    *,
    params: QueryDict,
    columns: Sequence[SortColumn],
    default: str,
    page_rows: Callable[[QuerySet], QuerySet] | None = None,
    page_size: int = PAGE_SIZE,
) -> Listing:
    """One sorted page of `items` with its header and pager links.

    `page_rows` (querysets only) adds what the rendered rows need (select_related,
    annotations, prefetches) to the page's own query, not to the sort query.
    """
    column, descending = parse_sort(params.get("sort"), columns, default)
    if isinstance(items, QuerySet):
        keyed = list(items.order_by().values_list("pk", *column.fields))
        keyed.sort(key=lambda row: (tuple(_value_key(v) for v in row[1:]), row[0]), reverse=descending)
        ids = list(dict.fromkeys(row[0] for row in keyed))  # a join to many rows repeats an id
        page = Paginator(ids, page_size).get_page(page_number(params.get("page")))
        wanted = list(page.object_list)
        fetched = items.filter(pk__in=wanted)
        if page_rows is not None:
            fetched = page_rows(fetched)
        by_pk = {obj.pk: obj for obj in fetched}
        rows = [by_pk[pk] for pk in wanted if pk in by_pk]
    else:
        ordered = sorted(
            items,
            key=lambda item: tuple(_value_key(_follow(item, f)) for f in column.fields),
            reverse=descending,
        )
        page = Paginator(ordered, page_size).get_page(page_number(params.get("page")))
        rows = list(page.object_list)
    current = f"-{column.key}" if descending else column.key
    headers = {}
    for c in columns:
        active = c.key == column.key
        toggled = f"-{c.key}" if active and not descending else c.key
        headers[c.key] = SortHeader(
            label=c.label,
            href=_query(params, sort=toggled, page=None),
            aria_sort=("descending" if descending else "ascending") if active else "none",
            arrow=("▼" if descending else "▲") if active else "",
        )
    paginator = page.paginator
    return Listing(
        page=page,
        rows=rows,
        sort=current,
        headers=headers,
        page_label=_("Trang %(number)s / %(pages)s") % {"number": page.number, "pages": paginator.num_pages},
        prev_href=_query(params, page=page.previous_page_number()) if page.has_previous() else "",
        next_href=_query(params, page=page.next_page_number()) if page.has_next() else "",
        first_href=_query(params, page=None) if page.number > 1 else "",
        last_href=_query(params, page=paginator.num_pages) if page.number < paginator.num_pages else "",
        count=paginator.count,
    )
