"""Demo congress day: the events still to come (on the portal's day) have personal codes, a few
answers, e-mail addresses and a seated hall, so a demo user can open an invitation's answer page."""

from congresses.models import Event
from congresses.selectors import campaign_active
from core.clock import today as portal_today
from delegates.models import Delegate

from . import selectors, services, services_hall
from .models import EventDay, Invitation


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    upcoming = Event.objects.filter(campaign=campaign, date__gte=portal_today()).select_related("unit")
    for event in upcoming.order_by("date", "pk"):
        services.invitations_ensure(event=event)
        delegates = list(Delegate.objects.filter(event=event).order_by("sort_key", "pk"))
        if not delegates:
            continue
        for number, delegate in enumerate(delegates):
            if not delegate.email and number % 3 != 2:  # two in three gave an address
                Delegate.objects.filter(pk=delegate.pk).update(email=f"daibieu{delegate.pk}@example.vn")
        answered = Invitation.objects.filter(delegate__event=event).exclude(answer=Invitation.Answer.PENDING)
        if not answered.exists() and len(delegates) >= 3:
            services.invitation_answer(token=_token(delegates[0]), answer=Invitation.Answer.YES)
            services.invitation_answer(
                token=_token(delegates[1]),
                answer=Invitation.Answer.NO,
                reason="Trùng lịch công tác của cơ quan",
            )
        if not EventDay.objects.filter(event=event).exists():
            services_hall.event_day_save(
                event=event,
                map_text="Cổng chính trên đường Trường Chinh; xe đỗ ở sân sau hội trường.",
                dress_code="Trang phục công sở; đại biểu dân tộc thiểu số mặc trang phục dân tộc",
                contact="Văn phòng Ban Tổ chức: 0209 3870 123",
            )
        if not selectors.seat_rows(event=event):
            services_hall.hall_save(event=event, text="A: 10\nB: 10\nC: 12\nD: 12")
            services_hall.seats_assign(event=event)
        pending = Invitation.objects.filter(delegate__event=event, answer=Invitation.Answer.PENDING)
        sample = pending.select_related("delegate").order_by("delegate__sort_key", "pk").first()
        stdout.write(f"  ngày hội nghị: {event.name} ({event.date:%d/%m/%Y}), {len(delegates)} giấy mời")
        if sample is not None:
            stdout.write(
                f"    trang trả lời giấy mời của {sample.delegate.full_name}: "
                f"{selectors.invitation_link(sample)} (mã {sample.short_code})"
            )


def _token(delegate: Delegate) -> str:
    return selectors.invitation_token(Invitation.objects.get(delegate=delegate))
