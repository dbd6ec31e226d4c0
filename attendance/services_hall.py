"""Writes of the hall: the event's practical details, rows of seats, who sits where."""

from django.db import transaction
from django.utils.translation import gettext

from congresses.models import Event
from core.text import normalise_text
from delegates.models import Delegate

from . import domain, selectors
from .models import EventDay, SeatAssignment, SeatRow
from .services import AttendanceError


def event_day_save(*, event: Event, map_text: str, dress_code: str, contact: str) -> EventDay:
    day, _created = EventDay.objects.get_or_create(event=event)
    day.map_text = map_text.strip()[:2000]
    day.dress_code = normalise_text(dress_code)[:255]
    day.contact = normalise_text(contact)[:255]
    day.save(update_fields=["map_text", "dress_code", "contact"])
    return day


@transaction.atomic
def hall_save(*, event: Event, text: str) -> list[SeatRow]:
    """Replace the hall's rows ('A: 20' per line); the seats handed out are cleared."""
    parsed = domain.parse_hall_rows(text)
    if isinstance(parsed, str):
        raise AttendanceError(parsed)
    Event.objects.select_for_update().filter(pk=event.pk).first()
    SeatRow.objects.filter(event=event).delete()
    return SeatRow.objects.bulk_create(
        [SeatRow(event=event, label=label, seats=seats, order=i) for i, (label, seats) in enumerate(parsed)]
    )


def hall_copy(*, event: Event, source: Event) -> list[SeatRow]:
    """The hall of a previous event of the same unit, row for row."""
    if source.unit_id != event.unit_id or source.pk == event.pk:
        raise AttendanceError(gettext("Chỉ chép sơ đồ hội trường từ một sự kiện khác của chính đơn vị."))
    text = selectors.hall_text(event=source)
    if not text:
        raise AttendanceError(gettext("Sự kiện được chọn chưa có sơ đồ hội trường."))
    return hall_save(event=event, text=text)


@transaction.atomic
def seats_assign(*, event: Event) -> tuple[int, int]:
    """Seat the whole roster in one go: by category (leaders in front), then delegation, then name.

    Returns (seated, left without a seat because the hall is too small).
    """
    Event.objects.select_for_update().filter(pk=event.pk).first()
    rows = list(SeatRow.objects.filter(event=event).values_list("pk", "seats"))
    if not rows:
        raise AttendanceError(gettext("Chưa có sơ đồ hội trường: hãy nhập các hàng ghế trước."))
    delegates = Delegate.objects.filter(event=event).select_related("source_delegate__event__unit")
    requests = [
        domain.SeatRequest(
            delegate_id=d.pk,
            delegation=selectors.delegation_of(d),
            category_rank=selectors.CATEGORY_RANK.get(d.category, 9),
            sort_key=d.sort_key,
        )
        for d in delegates
    ]
    placed, unseated = domain.assign_seats(requests, rows)
    SeatAssignment.objects.filter(row__event=event).delete()
    SeatAssignment.objects.bulk_create(
        [
            SeatAssignment(delegate_id=pk, row_id=row_id, number=number)
            for pk, (row_id, number) in placed.items()
        ]
    )
    return len(placed), unseated


@transaction.atomic
def seat_set(*, event: Event, delegate_id: int, label: str) -> SeatAssignment | None:
    """Move one delegate to seat `label` ('B-12'); empty label frees their seat. A taken seat is refused."""
    delegate = Delegate.objects.filter(event=event, pk=delegate_id).first()
    if delegate is None:
        raise AttendanceError(gettext("Đại biểu không có trong danh sách của sự kiện này."))
    if not label.strip():
        SeatAssignment.objects.filter(delegate=delegate).delete()
        return None
    parsed = domain.parse_seat_label(label)
    row = SeatRow.objects.filter(event=event, label=parsed[0]).first() if parsed else None
    if parsed is None or row is None or not 1 <= parsed[1] <= row.seats:
        raise AttendanceError(
            gettext("Không có ghế «%(value)s» trong hội trường.") % {"value": label.strip()[:20]}
        )
    holder = SeatAssignment.objects.filter(row=row, number=parsed[1]).select_related("delegate").first()
    if holder is not None and holder.delegate_id != delegate.pk:
        raise AttendanceError(
            gettext("Ghế %(label)s đã xếp cho %(full_name)s.")
            % {"label": holder.label, "full_name": holder.delegate.full_name}
        )
    SeatAssignment.objects.filter(delegate=delegate).delete()
    return SeatAssignment.objects.create(row=row, number=parsed[1], delegate=delegate)
