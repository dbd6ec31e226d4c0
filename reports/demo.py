"""Demo documents: the agenda template from the plan, and each held event's agenda."""

from congresses.models import AgendaItem, Event
from congresses.selectors import campaign_active

from .services import agenda_generate, agenda_template_load


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    count = agenda_template_load(campaign=campaign)
    with_agenda = AgendaItem.objects.values("event_id")
    events = Event.objects.filter(campaign=campaign).exclude(pk__in=with_agenda).select_related("tier")
    made = 0
    for event in events.exclude(status=Event.Status.PLANNED):
        agenda_generate(event=event)
        made += 1
    stdout.write(f"  chương trình mẫu {count} mục; {made} sự kiện có chương trình")
