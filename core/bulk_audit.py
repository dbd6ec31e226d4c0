"""Bulk writes in the audit trail (issue 14): one entry per affected row, written in bulk.

`bulk_create` and queryset `.update()` / `.delete()` send no per-row signal, so the
audit log (django-auditlog, plugged in by the `audit` app) would never see them.
Services that write many rows at once say what they wrote through this module:

    record(BulkChange(action=CREATED, rows=delegates, source="Nhập từ tệp ds.xlsx", unit_id=...))

and `delete_audited(queryset, source=…)` deletes a queryset (with its cascade) after
recording one entry per deleted row, at a cost that does not grow with the rows.
The `audit` app registers the writer at start-up (a lower app never imports a higher
one); without it (a project without the audit app) the calls only do the write.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.db import models, router, transaction
from django.db.models.deletion import Collector

CREATED = "create"
UPDATED = "update"
DELETED = "delete"


@dataclass(frozen=True)
class BulkChange:
    action: str
    rows: Sequence[models.Model]
    source: str
    # field -> (before, after), the same for every row (e.g. in_delegation False -> True)
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    # the unit every row belongs to, when the caller knows it (saves a lookup per model)
    unit_id: int | None = None
    actor: Any = None


Writer = Callable[[BulkChange], None]
_writer: list[Writer] = []
_row_audit_off: list[Callable[[], AbstractContextManager[None]]] = []


def register(*, writer: Writer, row_audit_off: Callable[[], AbstractContextManager[None]]) -> None:
    """The audit app plugs in its bulk writer and the switch that silences its per-row hook."""
    _writer[:] = [writer]
    _row_audit_off[:] = [row_audit_off]


def record(change: BulkChange) -> None:
    if change.rows and _writer:
        _writer[0](change)


@contextmanager
def row_audit_off() -> Iterator[None]:
    """While a bulk path records its own entries, the per-row hook stays quiet (no double entry)."""
    with _row_audit_off[0]() if _row_audit_off else nullcontext():
        yield


def delete_audited(queryset: models.QuerySet, *, source: str, actor: Any = None) -> int:
    """Delete `queryset` and everything its cascade reaches, one audit entry per deleted row.

    The cascade is collected once (one query per related model), recorded in bulk, then
    deleted with the per-row hook off: deleting 500 delegates costs the same few queries
    as deleting 5.
    """
    using = router.db_for_write(queryset.model)
    with transaction.atomic(using=using):
        collector = Collector(using=using, origin=queryset)
        collector.collect(queryset)
        for instances in collector.data.values():
            record(BulkChange(action=DELETED, rows=list(instances), source=source, actor=actor))
        with row_audit_off():
            deleted, _ = collector.delete()
    return deleted


class AuditedDeleteAdmin:
    """ModelAdmin mixin: the admin's delete (one row or "delete selected") goes through
    `delete_audited`, so a cascade of hundreds of rows is audited in bulk too."""

    def delete_model(self, request, obj) -> None:
        delete_audited(
            type(obj)._default_manager.filter(pk=obj.pk),
            source="Xóa trong trang quản trị",
            actor=request.user,
        )

    def delete_queryset(self, request, queryset) -> None:
        delete_audited(queryset, source="Xóa trong trang quản trị", actor=request.user)
