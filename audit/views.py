from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import pgettext_lazy

from .forms import LogFilterForm
from .selectors import change_rows, log_entry_list, object_history, units_by_id

PAGE_SIZE = 50
ACTION_LABELS = {
    0: pgettext_lazy("audit action", "Tạo mới"),
    1: pgettext_lazy("audit action", "Sửa"),
    2: pgettext_lazy("audit action", "Xóa"),
    3: pgettext_lazy("audit action", "Xem"),
}


def _rows(entries):
    """Finished values for the table: unit, action label, (field, before, after) triples."""
    units = units_by_id(entries)
    changes = change_rows(entries)
    return [
        {
            "entry": e,
            "unit": units.get(e.additional_data["unit_id"])
            if (e.additional_data or {}).get("unit_id")
            else None,
            "action": ACTION_LABELS.get(e.action, str(e.action)),
            "changes": changes[e.pk],
            "source": (e.additional_data or {}).get("source", ""),
        }
        for e in entries
    ]


@login_required
def log_list(request):
    """The change log: Sở Nội vụ and leadership see all of it, an officer their units' part."""
    form = LogFilterForm(request.GET or None, user=request.user)
    entries = log_entry_list(user=request.user, filters=form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log_list.html",
        {"form": form, "page": page, "rows": _rows(page.object_list), "query": query.urlencode()},
    )


@login_required
def object_history_view(request, app_label: str, model_name: str, pk: int):
    content_type, queryset = object_history(
        user=request.user, app_label=app_label, model_name=model_name, pk=pk
    )
    entries = list(queryset[:500])
    model = content_type.model_class()
    live = model._default_manager.filter(pk=pk).first() if model else None
    return render(
        request,
        "audit/object_history.html",
        {
            "model_name": model._meta.verbose_name if model else content_type.model,
            "object_repr": str(live) if live else (entries[0].object_repr if entries else ""),
            "deleted": live is None,
            "rows": _rows(entries),
        },
    )
