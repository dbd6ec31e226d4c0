"""Reads of the audit log, scoped through units.permissions like every other read."""

from dataclasses import dataclass
from datetime import date, datetime, time

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from units.models import Unit, User
from units.permissions import filter_for_scope, unit_scope

from .registry import AUDITED, spec_for


def audited_content_types() -> list[ContentType]:
    models = [ContentType.objects.get_for_model(_model(label)) for label in AUDITED]
    return sorted(models, key=lambda ct: ct.name)


def _model(label: str) -> type[Model]:
    from django.apps import apps

    return apps.get_model(label)


def visible_unit_ids(*, user) -> list[int] | None:
    """None when the user sees every unit; else the ids of the units they may see."""
    if unit_scope(user).sees_all:
        return None
    return list(filter_for_scope(Unit.objects.all(), user).values_list("pk", flat=True))


def log_entries_visible(*, user) -> QuerySet[LogEntry]:
    qs = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    unit_ids = visible_unit_ids(user=user)
    if unit_ids is None:
        return qs
    return qs.filter(additional_data__unit_id__in=unit_ids)


@dataclass(frozen=True)
class LogFilters:
    unit: Unit | None = None
    actor: User | None = None
    content_type: ContentType | None = None
    date_from: date | None = None
    date_to: date | None = None


def log_entry_list(*, user, filters: LogFilters) -> QuerySet[LogEntry]:
    qs = log_entries_visible(user=user)
    if filters.unit is not None:
        unit_ids = [filters.unit.pk, *filters.unit.children.values_list("pk", flat=True)]
        qs = qs.filter(additional_data__unit_id__in=unit_ids)
    if filters.actor is not None:
        qs = qs.filter(actor=filters.actor)
    if filters.content_type is not None:
        qs = qs.filter(content_type=filters.content_type)
    tz = timezone.get_current_timezone()
    if filters.date_from is not None:
        qs = qs.filter(timestamp__gte=datetime.combine(filters.date_from, time.min, tzinfo=tz))
    if filters.date_to is not None:
        qs = qs.filter(timestamp__lte=datetime.combine(filters.date_to, time.max, tzinfo=tz))
    return qs


def units_by_id(entries) -> dict[int, Unit]:
    ids = {(e.additional_data or {}).get("unit_id") for e in entries} - {None}
    return Unit.objects.in_bulk(ids)


def object_history(
    *, user, app_label: str, model_name: str, pk: int
) -> tuple[ContentType, QuerySet[LogEntry]]:
    """The entries of one audited object, or 404 when the user may not see it.

    An object that still exists is checked through its unit path; a deleted one
    through the unit its entries recorded.
    """
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist as exc:
        raise Http404(gettext("Không tìm thấy.")) from exc
    model = content_type.model_class()
    spec = spec_for(model) if model is not None else None
    if model is None or spec is None:
        raise Http404(gettext("Không tìm thấy."))
    entries = log_entries_visible(user=user).filter(content_type=content_type, object_id=pk)
    scope = unit_scope(user)
    if scope.sees_all:
        return content_type, entries
    if spec.unit_path is None:
        raise Http404(gettext("Không tìm thấy."))
    live = model._default_manager.filter(pk=pk)
    if live.exists():
        if not filter_for_scope(live, user, unit_path=spec.unit_path).exists():
            raise Http404(gettext("Không tìm thấy."))
        return content_type, entries
    if not entries.exists():
        raise Http404(gettext("Không tìm thấy."))
    return content_type, entries


# --- display of the changes, with every foreign key resolved in one query per related model ---

BOOLEANS = {"True": _("Có"), "False": _("Không")}
EMPTY = {"None", "", "[]", "{}"}


def _plain(value) -> str:
    text = str(value)
    return "—" if text in EMPTY else str(BOOLEANS.get(text, text))


def _format(field, value, related: dict) -> str:
    text = str(value)
    if text in EMPTY or field is None:
        return _plain(value)
    if field.is_relation and (field.many_to_one or field.one_to_one):
        return related.get(field.related_model, {}).get(text, gettext("#%(text)s (đã xóa)") % {"text": text})
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(text, text))
    internal = field.get_internal_type()
    try:
        if internal == "DateField":
            return date.fromisoformat(text).strftime("%d/%m/%Y")
        if internal == "DateTimeField":
            moment = timezone.localtime(datetime.fromisoformat(text))
            return moment.strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return text
    return _plain(value)


def change_rows(entries) -> dict[int, list[tuple[str, str, str]]]:
    """(field label, before, after) of each entry, keyed by entry id, in a constant number of queries."""
    parsed = []
    wanted: dict = {}
    for entry in entries:
        model = entry.content_type.model_class()
        fields = []
        for name, values in (entry.changes_dict or {}).items():
            if isinstance(values, dict):  # a many-to-many change
                objects = ", ".join(values.get("objects", []))
                before, after = ("—", objects) if values.get("operation") == "add" else (objects, "—")
                fields.append((name, None, before, after, True))
                continue
            old, new = values
            try:
                field = model._meta.get_field(name) if model else None
            except FieldDoesNotExist:
                field = None
            if field is not None and field.is_relation and (field.many_to_one or field.one_to_one):
                wanted.setdefault(field.related_model, set()).update(
                    str(v) for v in (old, new) if str(v) not in EMPTY
                )
            label = str(getattr(field, "verbose_name", name))
            fields.append((label, field, old, new, False))
        parsed.append((entry, fields))
    related = {
        model: {str(pk): str(obj) for pk, obj in model._default_manager.in_bulk(list(ids)).items()}
        for model, ids in wanted.items()
    }
    rows = {}
    for entry, fields in parsed:
        shown = []
        for label, field, old, new, done in fields:
            before, after = (
                (old, new) if done else (_format(field, old, related), _format(field, new, related))
            )
            if before != after:
                shown.append((label, before, after))
        rows[entry.pk] = shown
    return rows
