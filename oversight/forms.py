from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

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
        label = "Cập nhật báo cáo kết quả" if self.instance.pk else "Gửi báo cáo kết quả"
        self.helper.add_input(Submit("submit", label))


class ResultAttachmentForm(forms.Form):
    file = forms.FileField(label="Tệp đính kèm (PDF, ảnh, Word)")

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
        self.helper.add_input(Submit("submit", "Lưu dòng dự toán"))
