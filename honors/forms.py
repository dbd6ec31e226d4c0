from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congresses.models import Event
from congresses.rules import AUTHORITY_CHOICES
from core.forms import LabelledModelChoiceField, model_choice_field
from core.text import format_thousands
from core.versioning import add_version_field

from .models import AwardReceived, AwardType, BaseSalary, Exemplar, Nomination, Presenter
from .services import PHOTO_MAX_BYTES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AwardTypeForm(forms.ModelForm):
    class Meta:
        model = AwardType
        fields = [
            "name",
            "kind",
            "recipient",
            "level",
            "grantor",
            "legal_basis",
            "is_certificate",
            "reward_individual",
            "reward_collective",
            "reward_basis",
            "is_active",
            "order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu")))


class BaseSalaryForm(forms.ModelForm):
    """A base salary and the date it applies from; amounts typed as "2.340.000" or "2340000"."""

    amount = forms.CharField(label=_("Mức lương cơ sở (đồng/tháng)"), help_text=_("Ví dụ: 2.340.000"))

    class Meta:
        model = BaseSalary
        fields = ["effective_from", "amount", "legal_basis"]
        widgets = {"effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "effective_from": {
                "required": _("Hãy nhập ngày bắt đầu áp dụng."),
                "invalid": _("Ngày áp dụng không hợp lệ (ngày/tháng/năm)."),
                "unique": _("Đã có mức lương cơ sở áp dụng từ ngày này; hãy sửa dòng đó."),
            },
            "legal_basis": {"required": _("Hãy ghi căn cứ (ví dụ: Nghị định 73/2024/NĐ-CP).")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["amount"] = format_thousands(self.instance.amount)
        self.helper = FormHelper()
        self.helper.form_action = (
            reverse("honors:base_salary_edit", args=[self.instance.pk])
            if self.instance.pk
            else reverse("honors:base_salary_add")
        )
        self.helper.add_input(Submit("submit", gettext("Lưu")))

    def clean_amount(self) -> int:
        text = self.cleaned_data["amount"].strip().replace(".", "").replace(" ", "").removesuffix("đ")
        if text.startswith("-"):
            raise forms.ValidationError(gettext("Mức lương cơ sở không được âm."))
        if not text.isdigit():
            raise forms.ValidationError(gettext("Mức lương cơ sở phải là số tiền, ví dụ 2.340.000."))
        amount = int(text)
        if amount <= 0:
            raise forms.ValidationError(gettext("Mức lương cơ sở phải lớn hơn 0."))
        if amount > 1_000_000_000:
            raise forms.ValidationError(gettext("Mức lương cơ sở quá lớn; hãy kiểm tra lại số tiền."))
        return amount


class ExemplarForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Ảnh (JPEG, PNG, WebP; tối đa 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    remove_photo = forms.BooleanField(label=_("Xóa ảnh hiện tại"), required=False)

    class Meta:
        model = Exemplar
        fields = [
            "unit", "kind", "name", "representative", "gender", "birth_year", "ethnic_group", "religion",
            "position", "phone", "field", "movements", "achievements", "story", "is_youth",
            "is_direct_worker", "is_new_model",
        ]  # fmt: skip
        widgets = {
            "movements": forms.CheckboxSelectMultiple,
            "achievements": forms.Textarea(attrs={"rows": 6}),
            "story": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, units, movements, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "unit").queryset = units
        model_choice_field(self, "movements").queryset = movements
        self.fields["birth_year"].widget.attrs.update({"min": 1900, "max": 2100})
        self.fields["is_youth"].help_text = _("Có năm sinh thì cổng tự xác định theo năm sinh.")
        if not self.instance.photo:
            del self.fields["remove_photo"]
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.layout = Layout(
            Row(Column("unit", css_class="col-md-6"), Column("kind", css_class="col-md-6")),
            Row(Column("name", css_class="col-md-6"), Column("representative", css_class="col-md-6")),
            Row(
                Column("gender", css_class="col-md-3"),
                Column("birth_year", css_class="col-md-3"),
                Column("ethnic_group", css_class="col-md-3"),
                Column("religion", css_class="col-md-3"),
            ),
            Row(Column("position", css_class="col-md-8"), Column("phone", css_class="col-md-4")),
            Row(Column("field", css_class="col-md-6"), Column("movements", css_class="col-md-6")),
            "achievements",
            Fieldset(
                gettext("Cơ cấu"),
                Div("is_youth", "is_direct_worker", "is_new_model", css_class="d-flex flex-wrap gap-4"),
            ),
            Fieldset(
                gettext("Ảnh và câu chuyện công bố"),
                "photo_upload",
                *(["remove_photo"] if "remove_photo" in self.fields else []),
                "story",
            ),
            Submit("submit", gettext("Lưu hồ sơ")),
        )
        add_version_field(self, self.instance if self.instance.pk else None)

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if upload and upload.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                gettext("Ảnh quá lớn: tối đa %(value)s MB.") % {"value": PHOTO_MAX_BYTES // (1024 * 1024)}
            )
        return upload

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("kind") == Exemplar.Kind.INDIVIDUAL:
            if not cleaned.get("gender"):
                self.add_error("gender", gettext("Cá nhân cần ghi giới tính."))
            if not cleaned.get("ethnic_group"):
                self.add_error("ethnic_group", gettext("Cá nhân cần ghi dân tộc."))
        if cleaned.get("kind") == Exemplar.Kind.COLLECTIVE and not cleaned.get("representative"):
            self.add_error("representative", gettext("Tập thể cần ghi người đại diện."))
        return cleaned


class AwardReceivedForm(forms.ModelForm):
    class Meta:
        model = AwardReceived
        fields = ["award_type", "decision_number", "decision_date", "issuing_authority", "is_earlier_history"]
        widgets = {"decision_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "award_type").queryset = AwardType.objects.filter(is_active=True)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "award_type",
            Row(
                Column("decision_number", css_class="col-md-6"), Column("decision_date", css_class="col-md-6")
            ),
            "issuing_authority",
            "is_earlier_history",
            Submit("submit", gettext("Thêm khen thưởng đã nhận")),
        )


class NominationForm(forms.Form):
    event = LabelledModelChoiceField(
        label=_("Sự kiện"),
        queryset=Event.objects.none(),
        option_label=lambda e: f"{e.name} ({e.date:%d/%m/%Y})",
    )
    target = forms.ChoiceField(label=_("Đề nghị"), choices=Nomination.Target.choices)
    proposed_award = forms.ModelChoiceField(label=_("Hình thức đề nghị"), queryset=AwardType.objects.none())

    def __init__(self, *args, events, awards, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "event").queryset = events
        model_choice_field(self, "proposed_award").queryset = awards
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Gửi đề nghị")))


class ReviewForm(forms.Form):
    CHOICES = [
        (Nomination.Status.ACCEPTED, _("Đồng ý")),
        (Nomination.Status.REJECTED, _("Không đồng ý")),
        (Nomination.Status.RAISED, _("Nâng mức khen thưởng")),
    ]
    status = forms.ChoiceField(label=_("Kết quả xét"), choices=CHOICES, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Lý do / ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    raised_award = forms.ModelChoiceField(
        label=_("Hình thức nâng mức"), queryset=AwardType.objects.none(), required=False
    )
    decision_authority = forms.ChoiceField(
        label=_("Cấp quyết định"),
        choices=[("", "---------"), *AUTHORITY_CHOICES],
        required=False,
        help_text=_(
            "Phải là cấp có thẩm quyền tặng hình thức được duyệt (Luật Thi đua, khen thưởng 2022, Điều 77-80)."
        ),
    )
    decision_issuer = forms.CharField(
        label=_("Người, cơ quan ban hành"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Chủ tịch Ủy ban nhân dân huyện Ba Bể"),
    )
    decision_number = forms.CharField(
        label=_("Số quyết định"), max_length=50, required=False,
        help_text=_("Để trống để lấy số tiếp theo trong sổ đăng ký quyết định của cơ quan ban hành "
                    "(hoặc quyết định đã ghi của cùng cấp, cùng ngày tại sự kiện)."),
    )  # fmt: skip
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DATE)
    decision_place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    signer = forms.CharField(label=_("Người ký"), max_length=150, required=False)

    DECISION_FIELDS = (
        "decision_authority", "decision_issuer", "decision_number", "decision_date", "decision_place", "signer",
    )  # fmt: skip

    def __init__(self, *args, higher_awards, nomination=None, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "raised_award").queryset = higher_awards
        add_version_field(self, nomination)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "status",
            "reason",
            "raised_award",
            Fieldset(
                gettext("Quyết định khen thưởng (khi đồng ý hoặc nâng mức)"),
                Row(
                    Column("decision_authority", css_class="col-md-5"),
                    Column("decision_issuer", css_class="col-md-7"),
                ),
                Row(
                    Column("decision_number", css_class="col-md-3"),
                    Column("decision_date", css_class="col-md-3"),
                    Column("decision_place", css_class="col-md-3"),
                    Column("signer", css_class="col-md-3"),
                ),
            ),
            Submit("submit", gettext("Ghi kết quả xét")),
        )

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        status = cleaned.get("status")
        if status == Nomination.Status.REJECTED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", gettext("Không đồng ý thì phải ghi rõ lý do."))
        if status == Nomination.Status.RAISED and not cleaned.get("raised_award"):
            self.add_error("raised_award", gettext("Hãy chọn hình thức khen thưởng mức cao hơn."))
        if status in (Nomination.Status.ACCEPTED, Nomination.Status.RAISED):
            for name in self.DECISION_FIELDS:
                if name != "decision_number" and not cleaned.get(name):
                    self.add_error(name, gettext("Cần nhập khi đồng ý hoặc nâng mức."))
        return cleaned


class PublicationDecisionForm(forms.Form):
    CHOICES = [("approve", _("Duyệt công bố")), ("refuse", _("Không duyệt"))]
    decision = forms.ChoiceField(label=_("Kết quả"), choices=CHOICES, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Lý do (bắt buộc khi không duyệt)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("decision", "reason", Submit("submit", gettext("Ghi kết quả duyệt")))


class PresenterForm(forms.ModelForm):
    class Meta:
        model = Presenter
        fields = ["exemplar", "topic", "order"]

    exemplar = LabelledModelChoiceField(
        label=_("Điển hình"), queryset=Exemplar.objects.none(),
        option_label=lambda e: f"{e.name} — {e.unit.name} ({e.field})",
    )  # fmt: skip

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "exemplar").queryset = candidates
        self.fields["order"].required = False
        self.fields["order"].initial = None
        self.fields["order"].help_text = gettext("Để trống để xếp cuối danh sách.")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("exemplar"),
            Row(Column("topic", css_class="col-md-9"), Column("order", css_class="col-md-3")),
            Submit("submit", gettext("Thêm báo cáo tham luận")),
        )
