from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import LabelledModelChoiceField, model_choice_field
from units.models import Unit, UnitKind, UnitLineage

from .models import BudgetLine, PilotLesson, ResultReport

# --- Oversight (issue 6) ---


class ResultReportForm(forms.ModelForm):
    class Meta:
        model = ResultReport
        fields = [
            "held_on", "attended_exemplar_individuals", "attended_exemplar_collectives", "attended_leaders",
            "attended_guests", "exemplars_honoured", "delegation_approved", "achievements", "shortcomings",
            "lessons",
        ]  # fmt: skip
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "achievements": forms.Textarea(attrs={"rows": 4}),
            "shortcomings": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        label = gettext("Cập nhật báo cáo kết quả") if self.instance.pk else gettext("Gửi báo cáo kết quả")
        self.helper.add_input(Submit("submit", label))


class ResultAttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp đính kèm (PDF, ảnh, Word)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PilotLessonForm(forms.ModelForm):
    class Meta:
        model = PilotLesson
        fields = ["council_comments", "lessons"]
        widgets = {
            "council_comments": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["category", "description", "quantity", "unit_price", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu dòng dự toán")))


# --- A reorganisation of the map entered by hand (issue 13) ---


def _unit_label(unit: Unit) -> str:
    parent = f", {unit.parent.name}" if unit.parent_id and unit.parent is not None else ""
    return f"{unit.name}{parent}"


def _small_widgets(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        css = (
            "form-select form-select-sm"
            if isinstance(field.widget, forms.Select)
            else "form-control form-control-sm"
        )
        field.widget.attrs["class"] = css
        field.widget.attrs["aria-label"] = str(field.label)


def _open_units():
    return (
        Unit.objects.filter(valid_to__isnull=True).select_related("parent").order_by("parent__name", "name")
    )


class ReorganisationEntryForm(forms.Form):
    name = forms.CharField(label=_("Tên đợt sắp xếp"), max_length=255)
    effective_date = forms.DateField(
        label=_("Ngày có hiệu lực"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    basis = forms.CharField(label=_("Số nghị quyết, quyết định"), max_length=255,
                            help_text=_("Ví dụ 1683/NQ-UBTVQH15."))  # fmt: skip
    basis_date = forms.DateField(
        label=_("Ngày ban hành"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class NewUnitForm(forms.Form):
    name = forms.CharField(label=_("Tên đơn vị mới"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=UnitKind.choices, initial=UnitKind.COMMUNE)
    code = forms.CharField(label=_("Mã"), max_length=20, required=False)
    parent = LabelledModelChoiceField(
        label=_("Đơn vị cấp trên"), queryset=Unit.objects.none(), required=False, option_label=_unit_label
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "parent").queryset = _open_units().filter(
            kind__in=(UnitKind.PROVINCE, UnitKind.CITY, UnitKind.DISTRICT)
        )
        _small_widgets(self)


class MappingRowForm(forms.Form):
    predecessor = LabelledModelChoiceField(
        label=_("Đơn vị kết thúc"), queryset=Unit.objects.none(), option_label=_unit_label
    )
    successor = LabelledModelChoiceField(
        label=_("Đơn vị kế thừa (đã có)"),
        queryset=Unit.objects.none(),
        required=False,
        option_label=_unit_label,
    )
    successor_name = forms.CharField(
        label=_("hoặc tên đơn vị mới (khai ở bảng trên)"), max_length=255, required=False
    )
    kind = forms.ChoiceField(
        label=_("Hình thức"), choices=UnitLineage.Kind.choices, initial=UnitLineage.Kind.MERGE
    )
    share = forms.DecimalField(label=_("Tỷ lệ (%)"), max_digits=5, decimal_places=2, required=False,
                               min_value=Decimal("0.01"), max_value=Decimal(100))  # fmt: skip
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "predecessor").queryset = _open_units()
        model_choice_field(self, "successor").queryset = _open_units()
        _small_widgets(self)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("successor") and cleaned.get("successor_name"):
            self.add_error(
                "successor_name", gettext("Chọn đơn vị kế thừa đã có hoặc ghi tên đơn vị mới, không cả hai.")
            )
        return cleaned


NewUnitFormSet = forms.formset_factory(NewUnitForm, extra=3)
MappingFormSet = forms.formset_factory(MappingRowForm, extra=4)


NARRATIVE_LABELS = {
    "results": _("Kết quả đạt được"),
    "evaluation": _("Đánh giá (số liệu so với kế hoạch)"),
    "lessons": _("Bài học kinh nghiệm từ đơn vị làm điểm"),
    "recommendations": _("Kiến nghị, đề xuất"),
}


class SummaryNarrativeForm(forms.Form):
    """The summary's four narrative sections as Sở Nội vụ edits them (one paragraph a line)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in NARRATIVE_LABELS.items():
            self.fields[code] = forms.CharField(
                label=label,
                required=False,
                max_length=20_000,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 8, "class": "narrative"}),
                help_text=_("Mỗi dòng là một đoạn; dòng bắt đầu bằng “- ” là một ý."),
            )
        self.helper = FormHelper()
        self.helper.form_tag = False


class NarrativeRestoreForm(forms.Form):
    section = forms.ChoiceField(choices=[("all", "all"), *((c, c) for c in NARRATIVE_LABELS)])
