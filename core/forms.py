"""Typed access to a form's generated fields.

django-stubs types `form.fields` as `dict[str, Field]`, so setting the queryset of a
generated ModelChoiceField does not type-check; this returns the field as what it is.
"""

from collections.abc import Callable
from typing import Any

from django import forms


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    return field


class LabelledModelChoiceField(forms.ModelChoiceField):
    """A model choice whose options read `option_label(obj)` instead of `str(obj)`."""

    def __init__(self, *args, option_label: Callable[[Any], str] = str, **kwargs):
        self.option_label = option_label
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return self.option_label(obj)


def id_param(value: str | None) -> int | None:
    """A row id from a query parameter ("?unit=12"); None when absent or not a positive whole number."""
    return int(value) if value and value.isdigit() else None
