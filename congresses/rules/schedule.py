"""Rules of time: the tier's window and the sessions an event takes."""

from collections.abc import Iterable
from datetime import date, time

from django.utils.translation import gettext

from .decision import Decision

# --- 4. Window and sessions ---------------------------------------------------------


def date_in_window(*, day: date | None, window_start: date, window_end: date, window_label: str) -> Decision:
    """The event is held inside its tier's window, both ends included.

    `value` is how far outside: days before the window (negative), after it
    (positive), 0 inside; None when no day is given.
    """
    window = f"{window_label} (từ {window_start:%d/%m/%Y} đến {window_end:%d/%m/%Y})"
    if day is None:
        return Decision(False, gettext("Vui lòng chọn ngày tổ chức trong %(window)s.") % {"window": window})
    if day < window_start:
        days = (window_start - day).days
        return Decision(
            False,
            gettext(
                "Ngày tổ chức phải trong %(window)s. Ngày %(day)s ngoài thời gian của cấp (sớm %(days)s ngày)."
            )
            % {"window": window, "day": format(day, "%d/%m/%Y"), "days": days},
            -days,
        )
    if day > window_end:
        days = (day - window_end).days
        return Decision(
            False,
            gettext(
                "Ngày tổ chức phải trong %(window)s. Ngày %(day)s ngoài thời gian của cấp (muộn %(days)s ngày)."
            )
            % {"window": window, "day": format(day, "%d/%m/%Y"), "days": days},
            days,
        )
    return Decision(
        True,
        gettext("Tổ chức ngày %(day)s, trong %(window)s.")
        % {"day": format(day, "%d/%m/%Y"), "window": window},
        0,
    )


def sessions_within(*, allowed: int, session: str, agenda_hours: Iterable[int]) -> Decision:
    """An event takes its own half-day plus any half-day its programme runs into; at most `allowed`.

    `value` is the number of half-days used.
    """
    halves = {session}
    for hour in agenda_hours:
        halves.add("morning" if hour < 12 else "afternoon")
    used = len(halves)
    if used <= allowed:
        return Decision(
            True,
            gettext("Tổ chức %(used)s buổi, trong số buổi cho phép (%(allowed)s buổi).")
            % {"used": used, "allowed": allowed},
            used,
        )
    return Decision(
        False,
        gettext("Tổ chức %(used)s buổi, quá số buổi cho phép (%(allowed)s buổi)")
        % {"used": used, "allowed": allowed},
        used,
    )


# --- The map a campaign works on ---------------------------------------------------


def campaign_in_preparation(*, is_active: bool, period_end_year: int, active_end_year: int | None) -> bool:
    """A campaign not yet active that ends after the active one (or when none is active): its
    units may register their events early, on its own map."""
    return not is_active and (active_end_year is None or period_end_year > active_end_year)


def campaign_map_date(*, map_date: date | None, window_starts: Iterable[date]) -> date | None:
    """The day whose units a campaign's tiers cover: the date set on the campaign, else the
    first day of its earliest tier (a 2025 campaign keeps the 2025 map after a reorganisation)."""
    if map_date is not None:
        return map_date
    return min(window_starts, default=None)


# When a session begins (printed on invitations, shown on the delegate's answer page).
SESSION_START = {"morning": time(7, 30), "afternoon": time(13, 30)}


def session_start(session: str) -> time:
    return SESSION_START.get(session, SESSION_START["morning"])
