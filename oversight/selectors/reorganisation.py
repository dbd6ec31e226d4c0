"""The preview of a reorganisation: per ending unit, what moves and what stays. Six queries whatever its size."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from congresses.models import Event
from honors.models import Exemplar, Nomination
from units.domain import day_label, unit_period_label
from units.models import UNIT_EPOCH, Reorganisation, User
from units.selectors_reorganisation import reorganisation_mapping


@dataclass
class PreviewRow:
    unit_id: int
    name: str
    period: str
    successors: list[str] = field(default_factory=list)
    goes_to: str = ""
    accounts: list[str] = field(default_factory=list)
    exemplars: int = 0
    awards: int = 0
    pending_nominations: int = 0
    open_events: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Preview:
    reorganisation: Reorganisation
    effective_date: str
    rows: list[PreviewRow]
    allowed: bool
    reasons: tuple[str, ...]
    new_units: int
    accounts: int
    exemplars: int
    pending_nominations: int
    open_events: int
    can_apply: bool
    can_undo: bool


def reorganisation_list() -> list[Reorganisation]:
    return list(
        Reorganisation.objects.annotate(item_count=Count("items")).order_by("-effective_date", "name")
    )


def reorganisation_preview(*, reorganisation: Reorganisation) -> Preview:
    mapping = reorganisation_mapping(reorganisation=reorganisation)
    rows: dict[int, PreviewRow] = {}
    for item in mapping.items:
        old = item.predecessor
        row = rows.get(old.pk)
        if row is None:
            row = rows[old.pk] = PreviewRow(
                unit_id=old.pk,
                name=old.name,
                period=unit_period_label(valid_from=old.valid_from, valid_to=old.valid_to, epoch=UNIT_EPOCH),
            )
            target = mapping.primary.get(old.pk)
            row.goes_to = target.name if target else ""
        row.successors.append(item.successor.name if item.successor else "— (chưa có đơn vị kế thừa)")
    ids = list(rows)
    applied = reorganisation.status == Reorganisation.Status.APPLIED
    if applied:
        # After applying, the moved rows sit with the successors: find them through the moves.
        moves = list(reorganisation.moves.all())
        users = {m.object_id: m.from_unit_id for m in moves if m.model_label == "units.User"}
        exemplar_home = {m.object_id: m.from_unit_id for m in moves if m.model_label == "honors.Exemplar"}
        for pk, username in User.objects.filter(pk__in=list(users)).values_list("pk", "username"):
            rows[users[pk]].accounts.append(username)
        exemplars = Exemplar.objects.filter(pk__in=list(exemplar_home)).values("pk", "unit_id")
        home_of = exemplar_home.__getitem__
    else:
        for username, unit_id in (
            User.objects.filter(unit_id__in=ids).order_by("username").values_list("username", "unit_id")
        ):
            rows[unit_id].accounts.append(username)
        exemplars = Exemplar.objects.filter(unit_id__in=ids).values("pk", "unit_id")
        home_of = None
    counted = exemplars.annotate(
        awards=Count("awards_received", distinct=True),
        pending=Count("nominations", filter=Q(nominations__status=Nomination.Status.PENDING), distinct=True),
    )
    for line in counted:
        row = rows[home_of(line["pk"]) if home_of else line["unit_id"]]
        row.exemplars += 1
        row.awards += line["awards"]
        row.pending_nominations += line["pending"]
    for event in Event.objects.filter(unit_id__in=ids).exclude(status=Event.Status.REPORTED).order_by("date"):
        rows[event.unit_id].open_events.append(f"{event.name} ({day_label(event.date)})")
    listed = list(rows.values())
    new_units = {i.successor_id for i in mapping.items if i.successor_id}
    return Preview(
        reorganisation=reorganisation,
        effective_date=day_label(reorganisation.effective_date),
        rows=listed,
        allowed=mapping.decision.allowed,
        reasons=mapping.decision.reasons,
        new_units=len(new_units),
        accounts=sum(len(r.accounts) for r in listed),
        exemplars=sum(r.exemplars for r in listed),
        pending_nominations=sum(r.pending_nominations for r in listed),
        open_events=sum(len(r.open_events) for r in listed),
        can_apply=mapping.decision.allowed and not applied,
        can_undo=applied,
    )
