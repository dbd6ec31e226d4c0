"""Reads for documents: every query a document or a page needs, with constant query counts."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from congresses.models import AgendaItem, Campaign, Event, TierRule
from delegates.models import Delegate
from honors.models import Honour, Presenter
from units.models import Unit
from units.permissions import filter_for_scope
from units.reference import MAJORITY_ETHNIC_GROUP

from . import domain
from .models import AgendaTemplateItem, GeneratedReport

HELD_STATUSES = (Event.Status.HELD, Event.Status.REPORTED)


def event_get(*, pk: int) -> Event | None:
    return Event.objects.select_related("unit__parent", "tier__upper_tier", "campaign").filter(pk=pk).first()


def agenda_template_for(*, campaign: Campaign) -> list[AgendaTemplateItem]:
    return list(AgendaTemplateItem.objects.filter(campaign=campaign).order_by("order"))


def agenda_items(*, event: Event) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(event=event).order_by("order", "pk"))


def event_delegates(*, event: Event) -> QuerySet[Delegate]:
    return Delegate.objects.filter(event=event).order_by("sort_key", "pk")


def event_certificate_honours(*, event: Event) -> QuerySet[Honour]:
    return (
        Honour.objects.filter(event=event, award_type__is_certificate=True)
        .select_related("exemplar", "award_type", "decision")
        .order_by("award_type__order", "exemplar__name", "pk")
    )


def report_list_for_event(*, event: Event) -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(event=event).select_related("requested_by")


def report_list_for_campaign(*, campaign: Campaign) -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(campaign=campaign, event__isnull=True).select_related(
        "requested_by"
    )


def report_get(*, pk: int) -> GeneratedReport | None:
    return GeneratedReport.objects.select_related("event__unit", "campaign").filter(pk=pk).first()


def events_visible(*, user) -> QuerySet[Event]:
    return filter_for_scope(Event.objects.select_related("unit"), user, unit_path="unit")


# --- The title block and issuer of an event's documents --------------------------------------


def event_heading(event: Event) -> dict[str, Any]:
    """Finished values for the header of every document of an event."""
    unit = event.unit
    parent_name = unit.parent.name if unit.parent is not None else ""
    body = domain.issuing_body(unit_kind=unit.kind, unit_name=unit.name, parent_name=parent_name)
    place = domain.place_of_unit(unit_kind=unit.kind, unit_name=unit.name, parent_name=parent_name)
    return {
        "governing": body.governing,
        "issuer": body.issuer,
        "place": place,
        "event_name": event.name,
        "ordinal": event.ordinal,
        "ordinal_line": f"Lần thứ {event.ordinal}",
        "venue_date_line": domain.place_date_line(event.venue, event.date),
        "date_words": domain.date_words(event.date),
        "session_words": domain.session_words(event.session),
        "start_time": domain.session_start(event.session).strftime("%H giờ %M"),
        "venue": event.venue,
        "is_congress": event.tier.is_congress,
        "kind_word": "Đại hội" if event.tier.is_congress else "Hội nghị",
    }


# --- The province summary report -------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    note: str = ""
    has_total: bool = True


def _tier_unit_counts(tiers: list[TierRule]) -> dict[int, int]:
    by_kind = dict(Unit.objects.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return {t.pk: sum(by_kind.get(k, 0) for k in t.unit_kinds) for t in tiers}


def summary_events_table(*, campaign: Campaign, tiers: list[TierRule]) -> Table:
    unit_counts = _tier_unit_counts(tiers)
    events = list(Event.objects.filter(campaign=campaign).values("tier_id", "status", "date"))
    rows: list[tuple[Any, ...]] = []
    total = [0] * 6
    for tier in tiers:
        counts = {"registered": 0, "held": 0, "on_time": 0, "late": 0, "early": 0}
        for e in events:
            if e["tier_id"] != tier.pk:
                continue
            counts["registered"] += 1
            held = e["status"] in HELD_STATUSES
            verdict = domain.event_timeliness(
                held=held, event_date=e["date"], window_start=tier.window_start, window_end=tier.window_end
            )
            if held:
                counts["held"] += 1
                counts[verdict.code] += 1
        line = (unit_counts[tier.pk], counts["registered"], counts["held"], counts["on_time"],
                counts["late"], counts["early"])  # fmt: skip
        total = [a + b for a, b in zip(total, line, strict=True)]
        rows.append((tier.label, tier.window_label, *line, unit_counts[tier.pk] - counts["held"]))
    rows.append(("Tổng cộng", "", *total, total[0] - total[2]))
    return Table(
        "Tổ chức theo cấp",
        (
            "Cấp",
            "Thời gian theo kế hoạch",
            "Số đơn vị",
            "Đã đăng ký",
            "Đã tổ chức",
            "Đúng thời gian",
            "Muộn",
            "Sớm hơn kế hoạch",
            "Chưa tổ chức",
        ),  # fmt: skip
        rows,
        "Đã tổ chức: sự kiện ở trạng thái “Đã tổ chức” hoặc “Đã báo cáo kết quả”.",
    )


def summary_delegates_table(*, campaign: Campaign, tiers: list[TierRule]) -> Table:
    cat = Delegate.Category
    aggregates: dict[int, dict[str, Any]] = {
        row["event__tier_id"]: dict(row)
        for row in Delegate.objects.filter(event__campaign=campaign, event__status__in=HELD_STATUSES)
        .values("event__tier_id")
        .annotate(
            total=Count("pk"),
            women=Count("pk", filter=Q(gender="female")),
            minorities=Count("pk", filter=~Q(ethnic_group=MAJORITY_ETHNIC_GROUP)),
            religious=Count("pk", filter=~Q(religion__in=("", "Không"))),
            direct=Count("pk", filter=Q(is_direct_worker=True)),
            ex_ind=Count("pk", filter=Q(category=cat.EXEMPLAR_INDIVIDUAL)),
            ex_col=Count("pk", filter=Q(category=cat.EXEMPLAR_COLLECTIVE)),
            guests=Count("pk", filter=Q(category=cat.GUEST)),
            leaders=Count("pk", filter=Q(category=cat.LEADER)),
        )
    }
    keys = ("total", "women", "minorities", "religious", "direct", "ex_ind", "ex_col", "guests", "leaders")
    rows: list[tuple[Any, ...]] = []
    sums = dict.fromkeys(keys, 0)
    for tier in tiers:
        a = aggregates.get(tier.pk) or dict.fromkeys(keys, 0)
        for k in keys:
            sums[k] += a[k]
        rows.append(_delegate_row(tier.label, a))
    rows.append(_delegate_row("Tổng cộng", sums))
    return Table(
        "Đại biểu và cơ cấu",
        (
            "Cấp",
            "Tổng số đại biểu",
            "Nữ",
            "Tỷ lệ nữ",
            "Dân tộc thiểu số",
            "Tỷ lệ dân tộc thiểu số",
            "Có tôn giáo",
            "Trực tiếp lao động, sản xuất",
            "Cá nhân điển hình",
            "Đại diện tập thể điển hình",
            "Tỷ lệ điển hình",
            "Khách mời",
            "Lãnh đạo các cấp, các ngành",
        ),  # fmt: skip
        rows,
        "Đại biểu của các sự kiện đã tổ chức.",
    )


def _delegate_row(label: str, a: dict[str, Any]) -> tuple[Any, ...]:
    exemplars = a["ex_ind"] + a["ex_col"]
    return (label, a["total"], a["women"], domain.share_percent(a["women"], a["total"]), a["minorities"],
            domain.share_percent(a["minorities"], a["total"]), a["religious"], a["direct"], a["ex_ind"],
            a["ex_col"], domain.share_percent(exemplars, a["total"]), a["guests"], a["leaders"])  # fmt: skip


def summary_honours_table(*, campaign: Campaign, tiers: list[TierRule]) -> Table:
    rows_q = (
        Honour.objects.filter(event__campaign=campaign)
        .values("event__tier_id", "award_type__name", "award_type__order")
        .annotate(
            individuals=Count("pk", filter=Q(exemplar__kind="individual")),
            collectives=Count("pk", filter=Q(exemplar__kind="collective")),
        )
        .order_by("award_type__order", "award_type__name")
    )
    labels = {t.pk: (t.order, t.label) for t in tiers}
    data = sorted(
        rows_q, key=lambda r: (labels.get(r["event__tier_id"], (99, ""))[0], r["award_type__order"])
    )
    rows = []
    ind = col = 0
    for r in data:
        ind += r["individuals"]
        col += r["collectives"]
        label = labels.get(r["event__tier_id"], (0, ""))[1]
        rows.append((label, r["award_type__name"], r["individuals"], r["collectives"],
                     r["individuals"] + r["collectives"]))  # fmt: skip
    rows.append(("Tổng cộng", "", ind, col, ind + col))
    return Table(
        "Khen thưởng điển hình",
        ("Cấp", "Hình thức khen thưởng", "Cá nhân", "Tập thể", "Cộng"),
        rows,
        "Điển hình tiên tiến được biểu dương, khen thưởng tại các sự kiện, theo hình thức.",
    )


def summary_presenters_table(*, campaign: Campaign, tiers: list[TierRule]) -> Table:
    counts: dict[int, dict[str, Any]] = {
        row["event__tier_id"]: dict(row)
        for row in Presenter.objects.filter(event__campaign=campaign)
        .values("event__tier_id")
        .annotate(
            total=Count("pk"),
            individuals=Count("pk", filter=Q(exemplar__kind="individual")),
            collectives=Count("pk", filter=Q(exemplar__kind="collective")),
            women=Count("pk", filter=Q(exemplar__gender="female")),
            direct=Count("pk", filter=Q(exemplar__is_direct_worker=True)),
            new_models=Count("pk", filter=Q(exemplar__is_new_model=True)),
            events=Count("event", distinct=True),
        )
    }
    keys = ("events", "total", "individuals", "collectives", "women", "direct", "new_models")
    rows: list[tuple[Any, ...]] = []
    sums = dict.fromkeys(keys, 0)
    for tier in tiers:
        found: dict[str, Any] = counts.get(tier.pk) or {}
        values: list[int] = [found.get(k, 0) for k in keys]
        sums = {k: sums[k] + v for k, v in zip(keys, values, strict=True)}
        rows.append((tier.label, *values))
    rows.append(("Tổng cộng", *(sums[k] for k in keys)))
    return Table(
        "Báo cáo tham luận",
        (
            "Cấp",
            "Số sự kiện có tham luận",
            "Số báo cáo tham luận",
            "Cá nhân",
            "Tập thể",
            "Nữ",
            "Trực tiếp lao động, sản xuất",
            "Mô hình mới, nhân tố mới",
        ),  # fmt: skip
        rows,
        "Các điển hình trình bày báo cáo tham luận tại sự kiện.",
    )


def summary_pilots_table(*, campaign: Campaign, tiers: list[TierRule]) -> Table:
    tier_by_pk = {t.pk: t for t in tiers}
    pilots = list(Unit.objects.filter(is_pilot=True).select_related("parent").order_by("kind", "name"))
    events = {
        e.unit_id: e for e in Event.objects.filter(campaign=campaign, unit__in=pilots).select_related("tier")
    }
    rows = []
    for unit in pilots:
        event = events.get(unit.pk)
        if event is None:
            rows.append((unit.name, "", "Chưa đăng ký", "", "", ""))
            continue
        tier = tier_by_pk.get(event.tier_id, event.tier)
        verdict = domain.event_timeliness(
            held=event.status in HELD_STATUSES,
            event_date=event.date,
            window_start=tier.window_start,
            window_end=tier.window_end,
        )
        rows.append((unit.name, event.name, event.get_status_display(), event.date.strftime("%d/%m/%Y"),
                     event.venue, verdict.label))  # fmt: skip
    return Table(
        "Đơn vị chỉ đạo điểm",
        ("Đơn vị", "Sự kiện", "Trạng thái", "Ngày tổ chức", "Địa điểm", "Thời gian so với kế hoạch"),
        rows,
        has_total=False,
    )


# Each builder takes (campaign=, tiers=) and returns a Table; the PDF has one section and the
# workbook one sheet per builder. The lessons of the pilot units are added here when recorded.
SUMMARY_TABLE_BUILDERS = [
    summary_events_table,
    summary_delegates_table,
    summary_honours_table,
    summary_presenters_table,
    summary_pilots_table,
]


def summary_tables(*, campaign: Campaign) -> list[Table]:
    tiers = list(campaign.tiers.select_related("upper_tier").order_by("order"))
    return [build(campaign=campaign, tiers=tiers) for build in SUMMARY_TABLE_BUILDERS]


def province_issuer() -> dict[str, str]:
    """Sở Nội vụ issues the summary report on behalf of the province."""
    unit = Unit.objects.select_related("parent").filter(kind="department", name="Sở Nội vụ").first()
    if unit is None:
        unit = Unit.objects.filter(kind="province").first()
    if unit is None:
        return {"governing": "", "issuer": "", "place": ""}
    parent_name = unit.parent.name if unit.parent is not None else ""
    body = domain.issuing_body(unit_kind=unit.kind, unit_name=unit.name, parent_name=parent_name)
    place = domain.place_of_unit(unit_kind=unit.kind, unit_name=unit.name, parent_name=parent_name)
    return {"governing": body.governing, "issuer": body.issuer, "place": place}
