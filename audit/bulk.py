"""The audit app's writer for `core.bulk_audit`: one LogEntry per row, in one bulk insert.

Who: the actor the request set (auditlog's middleware), or the one the service names.
When: one timestamp for the whole write. Source: `additional_data["source"]` (the import
file, the candidates copied, the delegation approved), beside the row's `unit_id`.
"""

from auditlog.cid import get_cid
from auditlog.context import disable_auditlog
from auditlog.diff import (
    get_field_value,
    get_fields_in_model,
    get_mask_function,
    is_primitive,
    model_instance_diff,
)
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.encoding import smart_str

from core import bulk_audit
from core.bulk_insert import insert_many

from .registry import spec_for

_ACTIONS = {
    bulk_audit.CREATED: LogEntry.Action.CREATE,
    bulk_audit.UPDATED: LogEntry.Action.UPDATE,
    bulk_audit.DELETED: LogEntry.Action.DELETE,
}


def _context() -> LogEntry:
    """Who is acting, as django-auditlog itself sets it on an entry about to be saved: its
    middleware connects a pre_save receiver only for the length of the request, so a stale
    actor of an earlier request (the context variable outlives it) is never used."""
    probe = LogEntry()
    pre_save.send(sender=LogEntry, instance=probe, raw=False, using=None, update_fields=None)
    return probe


def _unit_ids(model: type[Model], pks: list, unit_path: str | None) -> dict:
    """Each row's unit id in ONE query (a per-row lookup cost one query per row)."""
    if unit_path is None:
        return {}
    if unit_path == "":
        return {pk: pk for pk in pks}
    return dict(model._default_manager.filter(pk__in=pks).values_list("pk", unit_path))


def _tracked_fields(model: type[Model], sample: Model) -> list:
    """The fields model_instance_diff() compares for `model` (its include/exclude filter)."""
    fields = get_fields_in_model(sample)
    spec = auditlog.get_model_fields(model)
    if spec and spec["include_fields"]:
        fields = [f for f in fields if f.name in spec["include_fields"]]
    if spec and spec["exclude_fields"]:
        fields = [f for f in fields if f.name not in spec["exclude_fields"]]
    return fields


def _created_diffs(rows: list[Model]) -> list[dict | None]:
    """model_instance_diff(None, row) of each new row, with the field list and the "before"
    values worked out once for all of them (per row it cost more than the import's parse)."""
    json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    model = type(rows[0])
    spec = auditlog.get_model_fields(model) or {}
    masked = set(spec.get("mask_fields") or ())
    mask = get_mask_function(spec.get("mask_callable")) if masked else None
    fields = [(f, get_field_value(None, f, json)) for f in _tracked_fields(model, rows[0])]
    diffs: list[dict | None] = []
    for row in rows:
        diff = {}
        for field, old in fields:
            new = get_field_value(row, field, json)
            if old == new:
                continue
            if mask is not None and field.name in masked:
                diff[field.name] = (mask(smart_str(old)), mask(smart_str(new)))
            elif not json:
                diff[field.name] = (smart_str(old), smart_str(new))
            else:
                diff[field.name] = (
                    old if is_primitive(old) else smart_str(old),
                    new if is_primitive(new) else smart_str(new),
                )
        diffs.append(diff or None)
    return diffs


def _changes(change: bulk_audit.BulkChange, row: Model) -> dict | None:
    json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    if change.action == bulk_audit.DELETED:
        return model_instance_diff(row, None, use_json_for_changes=json)
    if json:
        return {name: [before, after] for name, (before, after) in change.changes.items()}
    return {name: [smart_str(before), smart_str(after)] for name, (before, after) in change.changes.items()}


def write(change: bulk_audit.BulkChange) -> None:
    rows = list(change.rows)
    model = type(rows[0])
    spec = spec_for(model)
    if spec is None:
        return
    context = _context()
    actor = change.actor or context.actor
    if actor is not None and not getattr(actor, "pk", None):
        actor = None  # AnonymousUser
    pks = [row.pk for row in rows]
    unit_ids = (
        {pk: change.unit_id for pk in pks}
        if change.unit_id is not None
        else _unit_ids(model, pks, spec.unit_path)
    )
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    cid = get_cid()
    created = _created_diffs(rows) if change.action == bulk_audit.CREATED else None
    entries = [
        LogEntry(
            content_type=content_type,
            object_pk=str(row.pk),
            object_id=row.pk if isinstance(row.pk, int) else None,
            object_repr=smart_str(row),
            action=_ACTIONS[change.action],
            changes=created[index] if created is not None else _changes(change, row),
            actor=actor,
            actor_email=getattr(actor, "email", None) if actor else None,
            remote_addr=context.remote_addr,
            remote_port=context.remote_port,
            cid=cid,
            timestamp=now,
            additional_data={"unit_id": unit_ids.get(row.pk), "source": change.source},
        )
        for index, row in enumerate(rows)
    ]
    insert_many(entries)  # COPY on PostgreSQL (10,000 entries of an import), batched INSERTs elsewhere


def register() -> None:
    bulk_audit.register(writer=write, row_audit_off=disable_auditlog)
