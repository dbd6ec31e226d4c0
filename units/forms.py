from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.versioning import add_version_field

from .models import DocumentProfile, DocumentSigner, Unit
from .services import BLANK_OFFSET_FIELDS, PROFILE_FIELDS, SIGNER_FIELDS


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext("Tên đăng nhập")
        self.fields["password"].label = gettext("Mật khẩu")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("username", autofocus=True),
            Field("password"),
            Submit("submit", gettext("Đăng nhập"), css_class="w-100"),
        )


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "code", "is_pilot", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Lưu")))
        add_version_field(self, self.instance if self.instance.pk else None)


class DocumentProfileForm(forms.Form):
    """A body's document profile and one signer per kind of document (fields "<purpose>_<field>")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (*PROFILE_FIELDS, *BLANK_OFFSET_FIELDS):
            self.fields[name] = forms.fields_for_model(DocumentProfile, fields=[name])[name]
        sections = []
        for purpose, label in DocumentSigner.Purpose.choices:
            generated = forms.fields_for_model(DocumentSigner, fields=list(SIGNER_FIELDS))
            for name in SIGNER_FIELDS:
                self.fields[f"{purpose}_{name}"] = generated[name]
            self.fields[f"{purpose}_recipients"].widget.attrs["rows"] = 3
            sections.append(Fieldset(label, *(f"{purpose}_{name}" for name in SIGNER_FIELDS)))
        self.helper = FormHelper()
        blank = Fieldset(
            gettext("In Giấy khen, Bằng khen trên phôi in sẵn (độ dịch đo từ trang in thử)"),
            *BLANK_OFFSET_FIELDS,
        )
        self.helper.layout = Layout(
            Fieldset(gettext("Tên cơ quan, ký hiệu, địa danh"), *PROFILE_FIELDS), *sections, blank
        )
        self.helper.add_input(Submit("submit", gettext("Lưu thể thức")))

    def clean(self):
        data = super().clean() or {}
        for purpose in DocumentSigner.Purpose.values:
            if data.get(f"{purpose}_authority") in ("TM.", "KT.", "TL.") and not data.get(
                f"{purpose}_on_behalf_of"
            ):
                self.add_error(
                    f"{purpose}_on_behalf_of", gettext("Ghi rõ thay mặt, ký thay hay thừa lệnh ai.")
                )
        return data

    def profile_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in (*PROFILE_FIELDS, *BLANK_OFFSET_FIELDS)}

    def signers_data(self) -> dict[str, dict[str, str]]:
        return {
            purpose: {name: self.cleaned_data[f"{purpose}_{name}"] for name in SIGNER_FIELDS}
            for purpose in DocumentSigner.Purpose.values
        }
