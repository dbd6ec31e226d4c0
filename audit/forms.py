from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import model_choice_field
from units.models import Unit, User
from units.permissions import filter_for_scope

from .selectors import LogFilters, audited_content_types


class ContentTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        model = obj.model_class()
        return str(model._meta.verbose_name).capitalize() if model else obj.model


class ActorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        full_name = obj.get_full_name()
        return f"{full_name} ({obj.username})" if full_name else obj.username


class LogFilterForm(forms.Form):
    """The log's filters; the choices offered are only what the user may see."""

    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    actor = ActorChoiceField(label=_("Người thực hiện"), queryset=User.objects.none(), required=False)
    content_type = ContentTypeChoiceField(
        label=_("Loại dữ liệu"), queryset=ContentType.objects.none(), required=False
    )
    date_from = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = filter_for_scope(Unit.objects.order_by("kind", "name"), user)
        model_choice_field(self, "unit").queryset = units
        model_choice_field(self, "unit").empty_label = gettext("Tất cả đơn vị")
        model_choice_field(self, "actor").queryset = filter_for_scope(
            User.objects.order_by("username"), user, unit_path="unit"
        )
        model_choice_field(self, "actor").empty_label = gettext("Tất cả tài khoản")
        model_choice_field(self, "content_type").queryset = ContentType.objects.filter(
            pk__in=[ct.pk for ct in audited_content_types()]
        )
        model_choice_field(self, "content_type").empty_label = gettext("Tất cả loại dữ liệu")

    # The filter bar is drawn by hand (templates/audit/log_list.html): a select of every
    # unit through Django's per-option widget templates cost more than the log itself.
    def _options(self, name: str, label) -> list[tuple[str, str, bool]]:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        chosen = str(self.data.get(name, "")) if self.is_bound else ""
        return [(str(obj.pk), label(obj), str(obj.pk) == chosen) for obj in (field.queryset or [])]

    def unit_options(self):
        return self._options("unit", str)

    def actor_options(self):
        return self._options("actor", model_choice_field(self, "actor").label_from_instance)

    def type_options(self):
        return self._options("content_type", model_choice_field(self, "content_type").label_from_instance)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", gettext("“Đến ngày” phải sau hoặc bằng “Từ ngày”."))
        return data

    def filters(self) -> LogFilters:
        if not self.is_valid():
            return LogFilters()
        return LogFilters(
            unit=self.cleaned_data["unit"],
            actor=self.cleaned_data["actor"],
            content_type=self.cleaned_data["content_type"],
            date_from=self.cleaned_data["date_from"],
            date_to=self.cleaned_data["date_to"],
        )
