"""Thin Celery wrappers: the mails of invitations and reminders (ids in, the service does the work)."""

from celery import shared_task


@shared_task
def invitations_send_task(event_id: int, delegate_ids: list[int], remind: bool) -> int:
    from .mail import invitations_mail

    return invitations_mail(event_id=event_id, delegate_ids=delegate_ids, remind=remind)
