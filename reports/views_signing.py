"""Pages of digital signatures: sign an issued PDF, make a new version of a signed one, and
Sở Nội vụ's page of the bodies' signing keys (uploaded, never downloadable)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from units.models import Unit
from units.permissions import staff_required

from . import selectors, services_signing
from .forms import new_request_key
from .models import GeneratedReport
from .permissions import get_report_for_user

MAX_PKCS12_BYTES = 64 * 1024


class CredentialForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Unit.objects.order_by("name"))
    pkcs12 = forms.FileField(label=_("Tệp PKCS#12 (.p12, .pfx)"))
    passphrase = forms.CharField(label=_("Mật khẩu của tệp"), widget=forms.PasswordInput, required=False)

    def clean_pkcs12(self):
        upload = self.cleaned_data["pkcs12"]
        if upload.size > MAX_PKCS12_BYTES:
            raise forms.ValidationError(gettext("Tệp PKCS#12 quá lớn (tối đa 64 KB)."))
        return upload.read()


def _back(report: GeneratedReport):
    if report.event_id:
        return redirect("reports:event_documents", pk=report.event_id)
    return redirect("reports:province")


@login_required
@require_POST
def report_sign(request, pk: int):
    report = get_report_for_user(request.user, pk, write=True)
    try:
        services_signing.report_sign(report=report, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Đã ký số: %(title)s.") % {"title": report.title})
    return _back(report)


@login_required
@require_POST
def report_supersede(request, pk: int):
    report = get_report_for_user(request.user, pk, write=True)
    try:
        new = services_signing.report_supersede(report=report, by=request.user, key=new_request_key())
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Đang tạo phiên bản mới: %(title)s.") % {"title": new.title})
    return _back(report)


@staff_required
def signing_keys(request):
    form = CredentialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services_signing.credential_upload(unit=data["unit"], data=data["pkcs12"],
                                               passphrase=data["passphrase"], by=request.user)  # fmt: skip
        except DomainError as exc:
            form.add_error("pkcs12", str(exc))
        else:
            messages.success(
                request, gettext("Đã lưu khóa ký số của %(name)s.") % {"name": data["unit"].name}
            )
            return redirect("reports:signing_keys")
    return render(request, "reports/signing_keys.html",
                  {"form": form, "credentials": selectors.signing_credentials()})  # fmt: skip
