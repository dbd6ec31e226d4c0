"""Reminders that reach someone: the daily job's writes (issue 14).

A reminder (ReminderSent, once per campaign, unit and stage) is written together
with one ReminderDelivery per address (an outbox) in one transaction; then every
pending delivery is sent on its own, so a 550 for one address is recorded on that
row and every other address still gets its mail. Addresses: the unit's officers;
without any, the unit's own e-mail and its parent's officers. A unit's overdue
("after") reminder also goes, in one list per day, to the district (or city)
above it. Every mail links to the page concerned (PORTAL_BASE_URL + its path).
"""

import smtplib
from collections import defaultdict
from datetime import date
from email.headerregistry import Address

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from congresses.models import Campaign
from congresses.selectors import campaign_active
from units.selectors import portal_identity

from .domain import UnitDeadlines, reminders_due
from .models import ReminderDelivery, ReminderSent
from .selectors import UnitRow, address_book, oversight_unit_rows, unit_deadlines
from .selectors.addresses import AddressBook

Route = ReminderDelivery.Route


def _sender() -> str:
    """Sở Nội vụ of the province at the root of the tree, at DEFAULT_FROM_EMAIL (unless it names itself)."""
    address = settings.DEFAULT_FROM_EMAIL
    return (
        address
        if "<" in address
        else str(Address(display_name=portal_identity().organiser, addr_spec=address))
    )


def _subject_prefix() -> str:
    return f"[{portal_identity().brand}]"


def _routes(book: AddressBook, *, unit_id: int, stage: str) -> list[tuple[str, str]]:
    routes = book.direct(unit_id)
    if stage.endswith("_after"):
        direct = {address for address, _ in routes}
        routes += [(a, r) for a, r in book.upper(unit_id) if a not in direct]
    return routes


def reminders_send(*, today: date) -> int:
    """Record the reminders due today, then send every pending delivery. Returns mails sent.

    Safe to run twice: a reminder is recorded once (unique per campaign, unit and
    stage) with its deliveries, and only pending deliveries are sent.
    """
    campaign = campaign_active()
    if campaign is None:
        return 0
    rows = {row.unit_id: row for row in oversight_unit_rows(campaign=campaign, today=today)}
    facts = {unit_id: unit_deadlines(row=row, campaign=campaign) for unit_id, row in rows.items()}
    already = set(ReminderSent.objects.filter(campaign=campaign).values_list("unit_id", "stage"))
    book = address_book()
    lead = settings.OVERSIGHT_REMINDER_LEAD_DAYS
    for unit_id in rows:
        for stage in reminders_due(facts[unit_id], today=today, lead_days=lead):
            if (unit_id, stage) in already:
                continue
            routes = _routes(book, unit_id=unit_id, stage=stage)
            if routes:  # a unit nobody can be written to is listed on the reminders page
                reminder_record(campaign=campaign, unit_id=unit_id, stage=stage, today=today, routes=routes)
    return _pending_send(campaign=campaign, rows=rows, facts=facts)


@transaction.atomic
def reminder_record(
    *, campaign: Campaign, unit_id: int, stage: str, today: date, routes: list[tuple[str, str]]
) -> ReminderSent | None:
    """The reminder and one pending delivery per address, together or not at all."""
    reminder, created = ReminderSent.objects.get_or_create(
        campaign=campaign,
        unit_id=unit_id,
        stage=stage,
        defaults={"sent_on": today, "recipients": ", ".join(dict.fromkeys(a for a, _ in routes))},
    )
    if not created:
        return None
    ReminderDelivery.objects.bulk_create(
        [ReminderDelivery(reminder=reminder, address=address, route=route) for address, route in routes]
    )
    return reminder


def _pending_send(*, campaign: Campaign, rows: dict[int, UnitRow], facts: dict[int, UnitDeadlines]) -> int:
    pending = list(
        ReminderDelivery.objects.filter(reminder__campaign=campaign, status=ReminderDelivery.Status.PENDING)
        .select_related("reminder__unit__parent")
        .order_by("pk")
    )
    sent = 0
    digests: dict[str, list[ReminderDelivery]] = defaultdict(list)
    for delivery in pending:
        if delivery.route == Route.DIGEST:
            digests[delivery.address].append(delivery)
            continue
        subject, body = _reminder_text(delivery=delivery, campaign=campaign, rows=rows, facts=facts)
        sent += _deliver(EmailMessage(subject, body, _sender(), [delivery.address]), [delivery])
    for address, deliveries in digests.items():
        subject, body = _digest_text(deliveries=deliveries, rows=rows, facts=facts)
        sent += _deliver(EmailMessage(subject, body, _sender(), [address]), deliveries)
    return sent


def _deliver(message: EmailMessage, deliveries: list[ReminderDelivery]) -> bool:
    """Send one mail and record the server's answer on its deliveries (a 5xx is final)."""
    status, error = ReminderDelivery.Status.SENT, ""
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        answers = list(exc.recipients.values())
        final = all(500 <= code < 600 for code, _ in answers)
        status = ReminderDelivery.Status.REFUSED if final else ReminderDelivery.Status.PENDING
        error = "; ".join(f"{code} {_text(reply)}" for code, reply in answers)
    except smtplib.SMTPResponseException as exc:
        final = 500 <= exc.smtp_code < 600
        status = ReminderDelivery.Status.REFUSED if final else ReminderDelivery.Status.PENDING
        error = f"{exc.smtp_code} {_text(exc.smtp_error)}"
    except (smtplib.SMTPException, OSError) as exc:  # server unreachable: tried again on the next run
        status, error = (
            ReminderDelivery.Status.PENDING,
            gettext("Không kết nối được máy chủ thư: %(exc)s") % {"exc": exc},
        )
    ReminderDelivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        status=status, error=error[:1000], attempted_at=timezone.now()
    )
    return status == ReminderDelivery.Status.SENT


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def page_url(*, stage: str, unit_id: int, event_id: int | None) -> str:
    """The absolute address of the page where the unit does what the reminder asks."""
    kind = stage.split("_")[0]
    if kind == "plan":
        path = reverse("congresses:unit_plans", args=[unit_id])
    elif kind == "register":
        path = reverse("congresses:event_register", args=[unit_id])
    elif event_id is not None:
        path = reverse("oversight:result_report", args=[event_id])
    else:
        path = reverse("units:detail", args=[unit_id])
    return f"{settings.PORTAL_BASE_URL}{path}"


def _deadline(stage: str, facts: UnitDeadlines | None) -> str:
    if facts is None:
        return "—"
    deadline = {"plan": facts.plan_deadline, "register": facts.window_start, "report": facts.report_due}[
        stage.split("_")[0]
    ]
    return deadline.strftime("%d/%m/%Y") if deadline else "—"


def _reminder_text(
    *,
    delivery: ReminderDelivery,
    campaign: Campaign,
    rows: dict[int, UnitRow],
    facts: dict[int, UnitDeadlines],
) -> tuple[str, str]:
    reminder = delivery.reminder
    stage, unit = reminder.stage, reminder.unit
    row = rows.get(unit.pk)
    kind = stage.split("_")[0]
    what = {
        "plan": gettext("nộp kế hoạch tổ chức Hội nghị/Đại hội của đơn vị"),
        "register": (
            gettext("đăng ký %(lower)s trên cổng (thời gian tổ chức: %(window_label)s)")
            % {"lower": row.tier.event_name.lower(), "window_label": row.tier.window_label}
            if row
            else gettext("đăng ký sự kiện trên cổng")
        ),
        "report": gettext("báo cáo kết quả tổ chức sự kiện của đơn vị"),
    }[kind]
    when = gettext("đã quá hạn") if stage.endswith("_after") else gettext("sắp đến hạn")
    url = page_url(stage=stage, unit_id=unit.pk, event_id=row.event_id if row else None)
    why = ""
    if delivery.route == Route.PARENT:
        why = gettext(
            "Thư này gửi đơn vị cấp trên vì %(name)s chưa có cán bộ có địa chỉ thư trên cổng.\n\n"
        ) % {"name": unit.name}
    body = gettext(
        "Kính gửi %(name)s,\n\n%(why)sTheo kế hoạch %(name2)s lần thứ %(ordinal)s, đơn vị cần %(what)s.\nHạn: %(deadline)s (%(when)s).\n\nTrang cần cập nhật: %(url)s\n\nĐề nghị đơn vị đăng nhập %(title)s để hoàn thành.\n%(organiser)s"
    ) % {
        "name": unit.name,
        "why": why,
        "name2": campaign.name,
        "ordinal": campaign.ordinal,
        "what": what,
        "deadline": _deadline(stage, facts.get(unit.pk)),
        "when": when,
        "url": url,
        "title": portal_identity().title,
        "organiser": portal_identity().organiser,
    }
    return f"{_subject_prefix()} {reminder.get_stage_display()} — {unit.name}", body


def _digest_text(
    *, deliveries: list[ReminderDelivery], rows: dict[int, UnitRow], facts: dict[int, UnitDeadlines]
) -> tuple[str, str]:
    first = deliveries[0].reminder.unit
    upper = first.parent.name if first.parent_id and first.parent else gettext("đơn vị cấp trên")
    lines = []
    for delivery in sorted(deliveries, key=lambda d: (d.reminder.unit.name, d.reminder.stage)):
        reminder, unit = delivery.reminder, delivery.reminder.unit
        row = rows.get(unit.pk)
        url = page_url(stage=reminder.stage, unit_id=unit.pk, event_id=row.event_id if row else None)
        lines.append(
            gettext("- %(name)s: %(stage)s (hạn %(deadline)s)\n  %(url)s")
            % {
                "name": unit.name,
                "stage": reminder.get_stage_display(),
                "deadline": _deadline(reminder.stage, facts.get(unit.pk)),
                "url": url,
            }
        )
    body = (
        gettext(
            "Kính gửi %(upper)s,\n\nCác đơn vị trực thuộc sau đây đã quá hạn (mỗi nội dung chỉ báo một lần):\n\n"
        )
        % {"upper": upper}
        + "\n".join(lines)
        + gettext("\n\nĐề nghị đơn vị đôn đốc các đơn vị trên hoàn thành.\n%(organiser)s")
        % {"organiser": portal_identity().organiser}
    )
    return gettext("%(subject_prefix)s Đơn vị trực thuộc quá hạn — %(upper)s (%(count)s)") % {
        "subject_prefix": _subject_prefix(),
        "upper": upper,
        "count": len(lines),
    }, body
