"""The portal's "today": the real date in production, the demo's own date in the demo.

The demo data show the 2025 campaign as it stood on one day inside it
(settings.PORTAL_TODAY, "Dữ liệu minh họa tại ngày …" in a banner on every page);
judged against the real calendar every 2025 event would be overdue. Everything that
asks "is this late, upcoming, overdue?" asks `today()`; timestamps of what users do
(created_at, submitted_at) stay real.
"""

import datetime

from django.conf import settings
from django.utils import timezone


def today() -> datetime.date:
    fixed = fixed_today()
    return fixed if fixed is not None else timezone.localdate()


def fixed_today() -> datetime.date | None:
    """The date the portal is frozen at (the demo's date), or None when it follows the calendar."""
    return getattr(settings, "PORTAL_TODAY", None)
