from .clock import fixed_today


def portal_clock(request):
    """The demo's date for the banner on every page (nothing when the portal follows the calendar)."""
    return {"portal_fixed_today": fixed_today()}
