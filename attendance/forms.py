from django import forms
from django.utils.translation import gettext_lazy as _

from units.choices import Gender
from units.reference import ETHNIC_GROUP_CHOICES

from .models import EventDay, Invitation


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[
            (Invitation.Answer.YES, _("Tôi sẽ tham dự")),
            (Invitation.Answer.NO, _("Tôi không tham dự được")),
        ]
    )
    reason = forms.CharField(label=_("Lý do không tham dự được"), max_length=500, required=False)


class ReplacementForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên người đi thay"), max_length=150)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=Gender.choices)
    birth_year = forms.IntegerField(label=_("Năm sinh"), min_value=1900, max_value=2100)
    ethnic_group = forms.ChoiceField(label=_("Dân tộc"), choices=ETHNIC_GROUP_CHOICES)
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    workplace = forms.CharField(label=_("Nơi công tác"), max_length=255, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)


class EventDayForm(forms.ModelForm):
    class Meta:
        model = EventDay
        fields = ["map_text", "dress_code", "contact"]
        widgets = {"map_text": forms.Textarea(attrs={"rows": 3})}


class HallForm(forms.Form):
    rows = forms.CharField(
        label=_("Các hàng ghế (mỗi hàng một dòng: «A: 20»)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )


class SeatForm(forms.Form):
    delegate = forms.IntegerField(widget=forms.HiddenInput)
    seat = forms.CharField(label=_("Ghế"), max_length=20, required=False)


class GrantForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
