import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congresses.models import AgendaItem
from core.versioning import add_version_field


def new_request_key() -> str:
    return uuid.uuid4().hex


class ReportRequestForm(forms.Form):
    """Start one document; the hidden key makes a double-submitted form one job."""

    kind = forms.CharField(widget=forms.HiddenInput)
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    delegate_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    decision_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "Word"), ("xlsx", "Excel")], required=False)
    mode = forms.ChoiceField(
        choices=[("full", _("Bản đầy đủ")), ("blank", _("In trên phôi")), ("calibration", _("Trang in thử"))],
        required=False,
    )

    def params(self) -> dict[str, object]:
        """The job's parameters; a PDF of the full design is the default and is left unsaid."""
        data = self.cleaned_data
        params: dict[str, object] = {"delegate_id": data["delegate_id"]} if data.get("delegate_id") else {}
        if data.get("decision_id"):
            params["decision_id"] = data["decision_id"]
        if data.get("format") and data["format"] != "pdf":
            params["format"] = data["format"]
        if data.get("mode") and data["mode"] != "full":
            params["mode"] = data["mode"]
        return params

    def job_key(self) -> str:
        """One job per submitted form and button: the PDF and the Word buttons of one form are two jobs."""
        data = self.cleaned_data
        return f"{data['key']}-{data.get('format') or 'pdf'}-{data.get('mode') or 'full'}"


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["start_time", "title", "speaker"]
        widgets = {"start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        error_messages = {
            "title": {"required": _("Hãy nhập nội dung của mục chương trình.")},
            "start_time": {"invalid": _("Thời gian phải có dạng giờ:phút, ví dụ 07:30.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(
                Column("start_time", css_class="col-md-2"),
                Column("title", css_class="col-md-6"),
                Column("speaker", css_class="col-md-4"),
            ),
            Submit("submit", gettext("Thêm mục")),
        )
        add_version_field(self, self.instance if self.instance.pk else None)


class AgendaRowForm(forms.Form):
    """One row of the agenda editor; the formset below saves every row at once."""

    item_id = forms.IntegerField(widget=forms.HiddenInput)
    start_time = forms.TimeField(
        label=_("Thời gian"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Thời gian phải có dạng giờ:phút, ví dụ 07:30.")},
    )
    title = forms.CharField(
        label=_("Nội dung"),
        max_length=500,
        error_messages={"required": _("Hãy nhập nội dung của mục chương trình.")},
    )
    speaker = forms.CharField(label=_("Người thực hiện"), max_length=255, required=False)


AgendaFormSet = forms.formset_factory(AgendaRowForm, extra=0, can_order=True, can_delete=True)


def agenda_formset_initial(items) -> list[dict]:
    return [
        {"item_id": i.pk, "start_time": i.start_time, "title": i.title, "speaker": i.speaker} for i in items
    ]
