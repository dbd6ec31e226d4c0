"""The delegate's own page, opened from the QR or the link, without an account."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from congresses.rules import session_start
from core.clock import today as portal_today
from core.errors import DomainError

from . import selectors, services
from .forms import AnswerForm, ReplacementForm
from .models import Invitation

ANSWER_LIMIT = getattr(settings, "ATTENDANCE_ANSWER_LIMIT", 20)  # requests per address per 10 minutes
TOO_MANY = _("Quý vị đã gửi quá nhiều lần. Xin thử lại sau ít phút.")


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


@never_cache
def answer(request, token: str):
    if services.rate_limit_hit(key=f"ip:{_client(request)}", limit=ANSWER_LIMIT, window_seconds=600):
        return render(request, "attendance/answer_refused.html", {"reason": TOO_MANY}, status=429)
    lookup = selectors.code_lookup(token)
    if lookup.invitation is None:
        return render(
            request, "attendance/answer_refused.html", {"reason": lookup.decision.reason}, status=404
        )
    invitation = lookup.invitation
    answer_form = AnswerForm(request.POST if request.POST.get("action") == "answer" else None)
    replacement_form = ReplacementForm(request.POST if request.POST.get("action") == "replace" else None)
    error = ""
    if request.method == "POST":
        try:
            if answer_form.is_bound and answer_form.is_valid():
                services.invitation_answer(token=token, **answer_form.cleaned_data)
                return redirect(request.path + "?da-tra-loi=1")
            if replacement_form.is_bound and replacement_form.is_valid():
                services.replacement_request(
                    token=token, data=services.ReplacementData(**replacement_form.cleaned_data)
                )
                return redirect(request.path + "?da-tra-loi=1")
            error = gettext("Xin kiểm tra lại các ô được đánh dấu.")
        except DomainError as exc:
            error = str(exc)
    event = invitation.delegate.event
    seat = getattr(invitation.delegate, "seat", None)
    context = {
        "invitation": invitation,
        "delegate": invitation.delegate,
        "event": event,
        "start_time": session_start(event.session).strftime("%H giờ %M"),
        "day": selectors.event_day(event=event),
        "seat": seat.label if seat else "",
        "answer_label": invitation.get_answer_display(),
        "answered": invitation.answer != Invitation.Answer.PENDING,
        "pending_replacement": selectors.pending_replacement(invitation=invitation),
        "answer_form": answer_form,
        "replacement_form": replacement_form,
        "error": error,
        "just_answered": request.GET.get("da-tra-loi") == "1",
        "today": portal_today(),
    }
    return render(request, "attendance/answer.html", context, status=400 if error else 200)
