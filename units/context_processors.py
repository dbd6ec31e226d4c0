from .permissions import is_leadership, is_staff_of_home_affairs, sees_whole_province


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_is_staff": is_staff_of_home_affairs(user),
        "nav_is_leadership": is_leadership(user),
        "nav_sees_province": sees_whole_province(user),
        "nav_role_label": user.get_role_display(),
        "nav_unit_name": user.unit.name if user.unit_id else "",
    }
