from .models import User


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_is_staff": user.role == User.Role.STAFF,
        "nav_is_leadership": user.role == User.Role.LEADERSHIP,
        "nav_sees_province": user.role in (User.Role.STAFF, User.Role.LEADERSHIP),
        "nav_role_label": user.get_role_display(),
        "nav_unit_name": user.unit.name if user.unit_id else "",
    }
