"""Rules of the congress day: when an invitation may be answered, a replacement, the door."""

from datetime import date

from django.utils.translation import gettext

from .decision import Decision
from .roster import exemplar_share, seats_left

# --- 7. Invitations, replacements, the door ----------------------------------------


def invitation_open(*, event_date: date, today: date, revoked: bool) -> Decision:
    """May a delegate's personal link still be used? Not once revoked, not after the event's day."""
    if revoked:
        return Decision(False, gettext("Mã mời này đã bị thu hồi. Xin liên hệ Ban Tổ chức để nhận mã mới."))
    if today > event_date:
        return Decision(
            False,
            gettext("Sự kiện đã diễn ra ngày %(event_date)s; mã mời không còn dùng được.")
            % {"event_date": format(event_date, "%d/%m/%Y")},
        )
    return Decision(True)


def replacement_change(
    *,
    original_category: str,
    replacement_category: str,
    exemplar_categories: tuple[str, ...],
    cap: int | None,
    headcount: int,
    exemplars: int,
    min_percent: int,
) -> Decision:
    """May a delegate on a roster of `headcount` (of whom `exemplars`) be replaced by another person?

    The replacement must be of the delegate's own category; the roster with the
    delegate taken off and the replacement put on must stay within the cap and
    keep the exemplar share (the roster's own rules, applied to the roster after).
    """
    if replacement_category != original_category:
        return Decision(False, gettext("Người đi thay phải cùng thành phần với đại biểu được mời."))
    after = headcount - 1
    room = seats_left(cap=cap, headcount=after, requested=1)
    if not room:
        return Decision(False, room.reason)
    exemplars_after = exemplars - (original_category in exemplar_categories)
    exemplars_after += replacement_category in exemplar_categories
    share = exemplar_share(exemplars=exemplars_after, total=after + 1, min_percent=min_percent, cap=cap)
    if not share:
        return Decision(False, share.reason)
    return Decision(True, gettext("Người đi thay giữ nguyên số đại biểu và tỷ lệ điển hình tiên tiến."))


def door_admission(*, code_event_id: int, door_event_id: int, code_event_name: str) -> Decision:
    """A code read at the door of one event belongs to that event, else it is refused naming its own."""
    if code_event_id != door_event_id:
        return Decision(
            False,
            gettext("Mã này là của đại biểu dự «%(code_event_name)s», không phải sự kiện này.")
            % {"code_event_name": code_event_name},
        )
    return Decision(True)
