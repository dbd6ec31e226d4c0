from celery import shared_task


@shared_task
def reminders_send_daily() -> int:
    """Daily (beat): e-mail the reminders due today. Takes no arguments; safe to run twice."""
    from core.clock import today as portal_today

    from .services_reminders import reminders_send

    return reminders_send(today=portal_today())
