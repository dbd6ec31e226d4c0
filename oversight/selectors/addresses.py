"""Who the reminder job can write to, per unit (a read, used by the job and the reminders page)."""

from dataclasses import dataclass, field
from datetime import date

from congresses.models import Campaign
from units.models import Unit, UnitKind, User

from ..models import ReminderDelivery, ReminderSent
from .progress import oversight_unit_rows
from .records import reminders_sent

Route = ReminderDelivery.Route


@dataclass
class AddressBook:
    """Who can be written to, per unit: officers' addresses, the unit's own, its parent."""

    officers: dict[int, list[str]] = field(default_factory=dict)
    unit_email: dict[int, str] = field(default_factory=dict)
    parent: dict[int, int | None] = field(default_factory=dict)
    kind: dict[int, str] = field(default_factory=dict)

    def direct(self, unit_id: int) -> list[tuple[str, str]]:
        """The unit's officers; else the unit's own address and its parent's officers."""
        if self.officers.get(unit_id):
            return [(address, Route.DIRECT) for address in self.officers[unit_id]]
        routes: list[tuple[str, str]] = (
            [(self.unit_email[unit_id], Route.UNIT)] if self.unit_email.get(unit_id) else []
        )
        parent = self.parent.get(unit_id)
        if parent is not None:
            routes += [(address, Route.PARENT) for address in self.officers.get(parent, [])]
        return routes

    def upper(self, unit_id: int) -> list[tuple[str, str]]:
        """The district or city above a unit (its officers, else its own address); none for the province."""
        parent = self.parent.get(unit_id)
        if parent is None or self.kind.get(parent) not in (UnitKind.DISTRICT, UnitKind.CITY):
            return []
        addresses = self.officers.get(parent) or (
            [self.unit_email[parent]] if self.unit_email.get(parent) else []
        )
        return [(address, Route.DIGEST) for address in addresses]


def address_book() -> AddressBook:
    book = AddressBook()
    for unit_id, email in (
        User.objects.filter(role=User.Role.OFFICER, is_active=True, unit__isnull=False)
        .exclude(email="")
        .order_by("pk")
        .values_list("unit_id", "email")
    ):
        book.officers.setdefault(unit_id, []).append(email)
    for pk, email, parent_id, kind in Unit.objects.values_list("pk", "email", "parent_id", "kind"):
        book.unit_email[pk] = email
        book.parent[pk] = parent_id
        book.kind[pk] = kind
    return book


def reminder_unreachable(*, unit_ids: list[int], book: AddressBook | None = None) -> list[Unit]:
    """Units no reminder can reach: no officer address, no unit address, no parent officer."""
    book = book or address_book()
    missing = [pk for pk in unit_ids if not book.direct(pk)]
    return list(Unit.objects.filter(pk__in=missing).select_related("parent").order_by("parent__name", "name"))


@dataclass(frozen=True)
class RemindersOverview:
    """The reminders page: what was sent, each address's answer, and who cannot be reached."""

    reminders: list[ReminderSent]
    refused: int
    pending: int
    unreachable: list[Unit]

    HEADER = (
        "Ngày gửi",
        "Đơn vị",
        "Nội dung nhắc",
        "Người nhận",
        "Đường gửi",
        "Kết quả",
        "Lỗi của máy chủ thư",
    )

    def export_rows(self) -> list[list[str]]:
        """One row per address (a reminder recorded before addresses were kept: its recipients)."""
        rows: list[list[str]] = []
        for r in self.reminders:
            head = [r.sent_on.strftime("%d/%m/%Y"), r.unit.name, r.get_stage_display()]
            deliveries = list(r.deliveries.all())
            if not deliveries:
                rows.append([*head, r.recipients, "", "", ""])
            for d in deliveries:
                rows.append([*head, d.address, d.get_route_display(), d.get_status_display(), d.error])
        return rows


def reminders_overview(*, campaign: Campaign | None, today: date) -> RemindersOverview:
    reminders = list(reminders_sent(campaign=campaign)) if campaign else []
    statuses = [d.status for r in reminders for d in r.deliveries.all()]
    unit_ids = (
        [row.unit_id for row in oversight_unit_rows(campaign=campaign, today=today)] if campaign else []
    )
    return RemindersOverview(
        reminders=reminders,
        refused=statuses.count(ReminderDelivery.Status.REFUSED),
        pending=statuses.count(ReminderDelivery.Status.PENDING),
        unreachable=reminder_unreachable(unit_ids=unit_ids),
    )
