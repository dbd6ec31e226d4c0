"""Optimistic locking for the edit forms of shared data (issue 14: no lost update).

Every shared row carries a `version` number. Its edit form sends back the version
it was opened with (`add_version_field`); the service, inside its transaction,
locks the stored row and calls `ensure_current`: if someone saved in between, the
save is refused with a Vietnamese message naming each field where the stored row
differs from what was sent, and nothing is written. Otherwise the version goes up
by one with the save.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext

from .errors import DomainError

VERSION_FIELD = "version"


class StaleEdit(DomainError):
    """Someone saved this row after the form was opened: nothing was saved."""


def add_version_field(form: forms.BaseForm, instance: models.Model | None) -> None:
    """A hidden field carrying the version the form was opened with (also for crispy layouts)."""
    form.fields[VERSION_FIELD] = forms.IntegerField(
        widget=forms.HiddenInput, required=False, initial=getattr(instance, VERSION_FIELD, None)
    )
    helper = getattr(form, "helper", None)
    if helper is not None:
        helper.render_hidden_fields = True


def submitted_version(form: forms.BaseForm) -> int | None:
    """The version the form was opened with (None: the form was not versioned)."""
    value = form.cleaned_data.get(VERSION_FIELD)
    return value if isinstance(value, int) else None


def _comparable(field: models.Field, value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value == "" and field.null:
        return None
    return value


def _shown(field: models.Field, value: Any) -> str:
    if isinstance(field, models.ForeignKey) and value is not None and not isinstance(value, models.Model):
        value = field.related_model._default_manager.filter(pk=value).first()
    if value is None or value == "":
        return gettext("(trống)")
    if isinstance(value, bool):
        return gettext("có") if value else gettext("không")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def differences(stored: models.Model, data: dict[str, Any]) -> list[str]:
    """“Label: đang lưu “A”, bạn gửi “B”” for each submitted field the stored row holds otherwise."""
    lines = []
    for name, sent in data.items():
        if name == VERSION_FIELD:
            continue
        try:
            field = stored._meta.get_field(name)
        except FieldDoesNotExist:  # a form value that is not a column (e.g. a photo upload)
            continue
        if not isinstance(field, models.Field) or field.many_to_many:
            continue
        current = field.value_from_object(stored)
        if _comparable(field, current) == _comparable(field, sent):
            continue
        label = str(field.verbose_name)
        lines.append(
            gettext("%(upper)s%(value)s: đang lưu “%(shown)s”, bạn gửi “%(shown2)s”")
            % {
                "upper": label[:1].upper(),
                "value": label[1:],
                "shown": _shown(field, current),
                "shown2": _shown(field, sent),
            }
        )
    return lines


def ensure_current(instance: models.Model, *, expected: int | None, data: dict[str, Any]) -> None:
    """Lock the stored row; refuse a stale save (nothing written), else set the next version.

    Call inside the service's transaction, before anything is written. `expected`
    None (a caller without a form, e.g. a management command) skips the comparison.
    """
    model = type(instance)
    stored = model._default_manager.select_for_update().get(pk=instance.pk)
    current = getattr(stored, VERSION_FIELD)
    if expected is not None and current != expected:
        changed = differences(stored, data)
        detail = "; ".join(changed) if changed else gettext("các trường bạn gửi không khác bản đang lưu")
        raise StaleEdit(
            gettext(
                "Chưa lưu: người khác đã sửa %(verbose_name)s này sau khi bạn mở biểu mẫu (bạn mở phiên bản %(expected)s, hiện là phiên bản %(current)s). Khác biệt: %(detail)s. Vui lòng tải lại trang để xem bản mới nhất rồi nhập lại thay đổi của bạn."
            )
            % {
                "verbose_name": model._meta.verbose_name,
                "expected": expected,
                "current": current,
                "detail": detail,
            }
        )
    setattr(instance, VERSION_FIELD, current + 1)


def version_field() -> models.PositiveIntegerField:
    """The column every versioned model declares: `version = version_field()`."""
    return models.PositiveIntegerField(gettext("phiên bản"), default=1, editable=False)
