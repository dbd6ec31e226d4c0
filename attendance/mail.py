"""The invitation and reminder mails, one per delegate with an address (safe to run twice)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from congresses.models import Event
from delegates.models import Delegate

from . import selectors
from .models import Invitation


def invitations_mail(*, event_id: int, delegate_ids: list[int], remind: bool) -> int:
    """Send each delegate their link; a reminder goes only to who has still not answered."""
    event = Event.objects.select_related("tier").filter(pk=event_id).first()
    if event is None:
        return 0
    delegates = Delegate.objects.filter(event=event, pk__in=delegate_ids).exclude(email="")
    delegates = delegates.select_related("invitation")
    if remind:
        delegates = delegates.filter(invitation__answer=Invitation.Answer.PENDING)
    day = selectors.event_day(event=event)
    sent = 0
    for delegate in delegates:
        invitation = delegate.invitation
        if remind and invitation.reminded_at and invitation.reminded_at.date() == timezone.localdate():
            continue  # one reminder a day, however often the task runs
        if not remind and invitation.sent_at is not None:
            continue
        context = {
            "delegate": delegate,
            "event": event,
            "day": day,
            "link": selectors.invitation_link(invitation),
            "short_code": invitation.short_code,
            "remind": remind,
        }
        subject = (gettext("Nhắc trả lời giấy mời: ") if remind else gettext("Giấy mời: ")) + event.name
        body = render_to_string("attendance/invitation_mail.txt", context)
        send_mail(subject, body, None, [delegate.email])
        field = "reminded_at" if remind else "sent_at"
        Invitation.objects.filter(pk=invitation.pk).update(**{field: timezone.now()})
        sent += 1
    return sent
