from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import normalise_text
from core.versioning import add_version_field
from units.models import Unit

from .models import Delegate


class DelegateForm(forms.ModelForm):
    """One delegate; the exemplar record is chosen among the unit's own exemplars."""

    class Meta:
        model = Delegate
        fields = [
            "category", "full_name", "collective_name", "gender", "birth_year", "ethnic_group",
            "religion", "position", "workplace", "field", "is_direct_worker", "email", "exemplar",
        ]  # fmt: skip
        labels = {"full_name": _("Họ và tên (người đại diện, nếu là tập thể)")}
        help_texts = {"exemplar": _("Chọn nếu đại biểu là điển hình đã có hồ sơ của đơn vị.")}

    def __init__(self, *args, exemplars=None, event_year: int = 2100, **kwargs):
        super().__init__(*args, **kwargs)
        self.event_year = event_year
        add_version_field(self, self.instance if self.instance.pk else None)
        exemplar_field = self.fields["exemplar"]
        assert isinstance(exemplar_field, forms.ModelChoiceField)
        if exemplars is not None:
            exemplar_field.queryset = exemplars
        exemplar_field.required = False
        exemplar_field.empty_label = gettext("— Không gắn hồ sơ —")
        self.fields["birth_year"].widget.attrs.update({"min": 1900, "max": event_year})
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("category", css_class="col-md-6"), Column("exemplar", css_class="col-md-6")),
            Row(Column("full_name", css_class="col-md-6"), Column("collective_name", css_class="col-md-6")),
            Row(
                Column("gender", css_class="col-md-3"),
                Column("birth_year", css_class="col-md-3"),
                Column("ethnic_group", css_class="col-md-3"),
                Column("religion", css_class="col-md-3"),
            ),
            Row(Column("position", css_class="col-md-6"), Column("workplace", css_class="col-md-6")),
            Row(
                Column("field", css_class="col-md-6"),
                Column(Div("is_direct_worker"), css_class="col-md-6 pt-4"),
            ),
            Row(Column("email", css_class="col-md-6")),
        )
        self.helper.add_input(Submit("submit", gettext("Lưu đại biểu")))

    def clean_full_name(self):
        return normalise_text(self.cleaned_data["full_name"])

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if year is not None and not 1900 <= year <= self.event_year:
            raise forms.ValidationError(
                gettext("Năm sinh phải từ 1900 đến %(event_year)s.") % {"event_year": self.event_year}
            )
        return year

    def clean(self):
        super().clean()
        data = self.cleaned_data
        category = data.get("category")
        if category == Delegate.Category.EXEMPLAR_COLLECTIVE and not normalise_text(
            data.get("collective_name") or ""
        ):
            self.add_error("collective_name", gettext("Đại diện tập thể phải ghi tên tập thể."))
        if data.get("exemplar") and category not in Delegate.EXEMPLAR_CATEGORIES:
            self.add_error(
                "exemplar", gettext("Chỉ đại biểu điển hình tiên tiến mới gắn với hồ sơ điển hình.")
            )
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Đọc tệp và xem trước")))


class CapForm(forms.Form):
    cap = forms.IntegerField(
        label=_("Số đại biểu tối đa của đơn vị"),
        min_value=0,
        required=False,
        help_text=_("Để trống để dùng mức tối đa của cấp."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class QuotaForm(forms.Form):
    """One seats field per lower unit (`seats_<unit pk>`); empty means no quota."""

    def __init__(self, *args, units: list[Unit], initial_seats: dict[int, int | None], **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        for unit in units:
            self.fields[f"seats_{unit.pk}"] = forms.IntegerField(
                label=unit.name, min_value=0, required=False, initial=initial_seats.get(unit.pk)
            )

    def seats(self) -> dict[int, int | None]:
        return {unit.pk: self.cleaned_data.get(f"seats_{unit.pk}") for unit in self.units}

    def rows(self):
        return [(unit, self[f"seats_{unit.pk}"]) for unit in self.units]
