from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import id_param, model_choice_field
from core.versioning import add_version_field
from units.models import Unit, UnitKind

from .models import Campaign, Event, Movement, TierRule


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "ordinal",
            "period_start_year",
            "period_end_year",
            "next_period_label",
            "plan_deadline",
            "map_date",
        ]
        widgets = {
            "plan_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "map_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu")))


class TierRuleForm(forms.ModelForm):
    unit_kinds = forms.MultipleChoiceField(
        label=_("Loại đơn vị áp dụng"),
        choices=UnitKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = TierRule
        fields = [
            "label", "unit_kinds", "event_name", "is_congress", "delegate_cap",
            "min_exemplar_share_percent", "window_start", "window_end", "window_label",
            "sessions", "upper_tier", "sends_delegation_upward", "cap_setter",
        ]  # fmt: skip
        widgets = {
            "window_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "window_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "upper_tier").queryset = TierRule.objects.filter(
            campaign_id=self.instance.campaign_id
        ).exclude(pk=self.instance.pk)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu quy định")))

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        if start and end and end < start:
            self.add_error("window_end", gettext("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned


class CampaignCopyForm(forms.Form):
    name = forms.CharField(label=_("Tên chiến dịch mới"), max_length=255)
    ordinal = forms.CharField(label=_("Lần thứ"), max_length=10)
    years_later = forms.IntegerField(
        label=_("Sau chiến dịch gốc (năm)"), min_value=1, max_value=20, initial=5
    )
    map_date = forms.DateField(
        label=_("Bản đồ đơn vị theo ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Các cấp của chiến dịch mới gồm các đơn vị còn hoạt động vào ngày này "
            "(ví dụ sau sắp xếp ngày 01/07/2025). Để trống: ngày bắt đầu sớm nhất của các cấp."
        ),
    )
    tier_codes = forms.MultipleChoiceField(
        label=_("Các cấp chép sang"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bỏ chọn cấp không còn trên bản đồ mới (ví dụ cấp huyện từ 01/07/2025)."),
    )

    def __init__(self, *args, tiers=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["tier_codes"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(t.code, t.label) for t in tiers]
        field.initial = [t.code for t in tiers]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Sao chép")))


class MovementForm(forms.ModelForm):
    class Meta:
        model = Movement
        fields = ["name", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu")))


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp (PDF hoặc Word)"),
        help_text=_("Tệp PDF, .docx hoặc .doc, tối đa 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx"}),
        error_messages={"required": _("Vui lòng chọn tệp để tải lên."), "empty": _("Tệp tải lên trống.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class PlanReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Duyệt")), ("return", _("Trả lại để sửa"))], widget=forms.HiddenInput
    )
    comment = forms.CharField(
        label=_("Ý kiến của Sở Nội vụ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["ordinal", "venue", "date", "session", "delegate_cap"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "session": forms.RadioSelect,
        }
        help_texts = {"ordinal": _("Ví dụ: II (viết số La Mã như trên phông Hội nghị, Đại hội).")}

    def __init__(self, *args, tier: TierRule, may_set_cap: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].help_text = gettext(
            "Trong %(window_label)s: từ %(window_start)s đến %(window_end)s."
        ) % {
            "window_label": tier.window_label,
            "window_start": format(tier.window_start, "%d/%m/%Y"),
            "window_end": format(tier.window_end, "%d/%m/%Y"),
        }
        self.fields["session"].choices = Event.Session.choices  # type: ignore[attr-defined]
        self.fields["session"].help_text = gettext("Tổ chức trong %(sessions)s buổi theo kế hoạch.") % {
            "sessions": format(tier.sessions, "02d")
        }
        if may_set_cap:
            self.fields["delegate_cap"].help_text = gettext(
                "Để trống để dùng mức tối đa của cấp (%(delegate_cap)s); chỉ được đặt thấp hơn."
            ) % {"delegate_cap": tier.delegate_cap}
            self.fields["delegate_cap"].widget.attrs.update({"min": 1, "max": tier.delegate_cap})
        else:
            del self.fields["delegate_cap"]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu")))
        add_version_field(self, self.instance if self.instance.pk else None)

    def clean_ordinal(self):
        value = " ".join(self.cleaned_data["ordinal"].split())
        text = value.upper().removeprefix("LẦN THỨ").strip()
        if not text or not (text.isdigit() or set(text) <= set("IVXLC")):
            raise forms.ValidationError(gettext("Lần thứ ghi bằng số La Mã (ví dụ: II) hoặc số (ví dụ: 2)."))
        return text

    def clean_venue(self):
        return " ".join(self.cleaned_data["venue"].split())

    def _post_clean(self):
        # Rules across fields and relations (window, cap) are checked by the service.
        pass


@dataclass(frozen=True)
class EventFilters:
    """The filters of a list of events (?tier=, ?status=, ?district=), each checked against its choices."""

    tier_id: int | None
    status: str
    district_id: int | None
    tiers: list[TierRule]
    statuses: list[tuple[str, str]]
    districts: list[Unit]

    @property
    def lookups(self) -> dict:
        return {"tier_id": self.tier_id, "status": self.status, "district_id": self.district_id}


def event_filters(
    params, *, tiers: list[TierRule], statuses: list[tuple[str, str]], districts: list[Unit]
) -> EventFilters:
    """Unknown or malformed values are ignored (the whole list shows), never an error page."""
    tier_id = id_param(params.get("tier"))
    district_id = id_param(params.get("district"))
    status = params.get("status", "")
    return EventFilters(
        tier_id=tier_id if any(t.pk == tier_id for t in tiers) else None,
        status=status if status in dict(statuses) else "",
        district_id=district_id if any(d.pk == district_id for d in districts) else None,
        tiers=tiers,
        statuses=statuses,
        districts=districts,
    )
