"""Pages of the publication workflow: the unit asks, the level above approves or refuses, either withdraws."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.errors import DomainError

from . import selectors
from . import services_publication as services
from .forms import PublicationDecisionForm
from .permissions import get_exemplar_for_user

# --- Publishing on the public page (the unit asks, the level above approves) ----------


@require_POST
@login_required
def exemplar_publication_request(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    try:
        services.exemplar_publication_request(exemplar=exemplar, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            gettext("Đã gửi đề nghị công bố “%(name)s” lên cấp trên duyệt.") % {"name": exemplar.name},
        )
    return redirect("honors:exemplar_detail", pk=exemplar.pk)


@require_POST
@login_required
def exemplar_publication_decide(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    form = PublicationDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Hãy chọn duyệt hoặc không duyệt công bố."))
        return redirect("honors:exemplar_detail", pk=exemplar.pk)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.exemplar_publication_decide(
            exemplar=exemplar, by=request.user, approve=approve, reason=form.cleaned_data["reason"]
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        done = (
            gettext("Đã duyệt công bố “%(name)s”.")
            if approve
            else gettext("Đã ghi không duyệt công bố “%(name)s”.")
        )
        messages.success(request, done % {"name": exemplar.name})
    return redirect("honors:exemplar_detail", pk=exemplar.pk)


@require_POST
@login_required
def exemplar_publication_withdraw(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk, write=True)
    try:
        services.exemplar_publication_withdraw(exemplar=exemplar, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("Đã rút “%(name)s” khỏi trang công khai.") % {"name": exemplar.name}
        )
    return redirect("honors:exemplar_detail", pk=exemplar.pk)


@login_required
def publication_requests(request):
    return render(
        request,
        "honors/publication_requests.html",
        {"exemplars": selectors.exemplar_publication_requests(user=request.user)},
    )
