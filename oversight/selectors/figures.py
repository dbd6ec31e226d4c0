"""The campaign's figures: ONE definition, ONE Vietnamese label each.

The dashboard, its Excel exports, the results pages and the summary to the Central Council
all show a figure through `campaign_figures`, so "delegates", "attended" and "honoured"
can never mean two things on two pages. Rosters (what units registered), results reports
(what units reported after the event) and honours (decisions entered on the portal) are
three different sources: each figure says which one it counts.

`campaign_figures` runs 4 queries whatever the number of units, events or delegates.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext, gettext_noop

from congresses.models import Campaign, Event, TierRule
from delegates.models import RosterCounter
from honors.models import Honour

from ..domain import format_thousands
from ..models import ResultReport
from .scope import area_filter

HELD_STATUSES = (Event.Status.HELD, Event.Status.REPORTED)
PROVINCE_LABEL = gettext_noop("Toàn tỉnh")


@dataclass(frozen=True)
class FigureDefinition:
    code: str
    label: str
    counts: str


@dataclass(frozen=True)
class Figure:
    """One figure of one group of units (a tier, or the whole province)."""

    code: str
    label: str
    counts: str
    value: int

    @property
    def shown(self) -> str:
        return format_thousands(self.value)


EVENTS_REGISTERED = FigureDefinition(
    "events_registered",
    gettext_noop("Sự kiện đã đăng ký"),
    gettext_noop("Sự kiện của chiến dịch các đơn vị đã đăng ký trên cổng, ở mọi trạng thái."),
)
EVENTS_HELD = FigureDefinition(
    "events_held",
    gettext_noop("Sự kiện đã tổ chức"),
    gettext_noop("Sự kiện ở trạng thái “Đã tổ chức” hoặc “Đã báo cáo kết quả”."),
)
EVENTS_REPORTED = FigureDefinition(
    "events_reported",
    gettext_noop("Sự kiện đã báo cáo kết quả"),
    gettext_noop("Sự kiện có báo cáo kết quả do đơn vị gửi trên cổng."),
)
EVENTS_AWAITING_REPORT = FigureDefinition(
    "events_awaiting_report",
    gettext_noop("Sự kiện đã tổ chức, chưa báo cáo kết quả"),
    gettext_noop("Sự kiện đã tổ chức nhưng đơn vị chưa gửi báo cáo kết quả."),
)
DELEGATES_REGISTERED = FigureDefinition(
    "delegates_registered",
    gettext_noop("Đại biểu trong danh sách đăng ký"),
    gettext_noop("Người có tên trong danh sách đại biểu của mọi sự kiện, kể cả sự kiện chưa tổ chức."),
)
DELEGATES_AT_HELD_EVENTS = FigureDefinition(
    "delegates_at_held_events",
    gettext_noop("Đại biểu trong danh sách của sự kiện đã tổ chức"),
    gettext_noop("Người có tên trong danh sách đại biểu của các sự kiện đã tổ chức."),
)
ATTENDED = FigureDefinition(
    "attended",
    gettext_noop("Đại biểu dự (theo báo cáo kết quả)"),
    gettext_noop(
        "Cá nhân điển hình, đại diện tập thể điển hình, lãnh đạo và khách mời dự sự kiện, "
        "theo báo cáo kết quả của đơn vị."
    ),
)
EXEMPLARS_ATTENDED = FigureDefinition(
    "exemplars_attended",
    gettext_noop("Điển hình dự (theo báo cáo kết quả)"),
    gettext_noop(
        "Cá nhân điển hình và đại diện tập thể điển hình dự sự kiện, theo báo cáo kết quả của đơn vị."
    ),
)
EXEMPLARS_HONOURED = FigureDefinition(
    "exemplars_honoured",
    gettext_noop("Điển hình được khen thưởng tại sự kiện (theo báo cáo kết quả)"),
    gettext_noop("Số điển hình được biểu dương, khen thưởng tại sự kiện, theo báo cáo kết quả của đơn vị."),
)
HONOURS_RECORDED = FigureDefinition(
    "honours_recorded",
    gettext_noop("Lượt khen thưởng đã ghi nhận trên cổng"),
    gettext_noop(
        "Khen thưởng điển hình tại sự kiện đã nhập trên cổng (số quyết định, hình thức), mỗi điển hình "
        "một lượt ở mỗi sự kiện."
    ),
)
DELEGATION_APPROVED = FigureDefinition(
    "delegation_approved",
    gettext_noop("Đại biểu được thông qua dự Đại hội cấp trên (theo báo cáo kết quả)"),
    gettext_noop("Số đại biểu Đại hội thông qua để dự Đại hội cấp trên, theo báo cáo kết quả của đơn vị."),
)

# Every figure, in the order pages and documents show them.
FIGURES: tuple[FigureDefinition, ...] = (
    EVENTS_REGISTERED,
    EVENTS_HELD,
    EVENTS_REPORTED,
    EVENTS_AWAITING_REPORT,
    DELEGATES_REGISTERED,
    DELEGATES_AT_HELD_EVENTS,
    ATTENDED,
    EXEMPLARS_ATTENDED,
    EXEMPLARS_HONOURED,
    HONOURS_RECORDED,
    DELEGATION_APPROVED,
)

# The figures of the results reports, shown per tier on the dashboard and in the summary.
RESULT_FIGURES: tuple[FigureDefinition, ...] = (
    EVENTS_REPORTED,
    ATTENDED,
    EXEMPLARS_ATTENDED,
    EXEMPLARS_HONOURED,
    DELEGATION_APPROVED,
)


@dataclass(frozen=True)
class FigureSet:
    """Every figure of one group: a tier, or the province (label "Toàn tỉnh")."""

    label: str
    figures: tuple[Figure, ...]
    tier_id: int | None = None

    @property
    def by_code(self) -> dict[str, Figure]:
        return {f.code: f for f in self.figures}

    def value(self, definition: FigureDefinition) -> int:
        return self.by_code[definition.code].value

    def pick(self, definitions: tuple[FigureDefinition, ...]) -> tuple[Figure, ...]:
        found = self.by_code
        return tuple(found[d.code] for d in definitions)


@dataclass(frozen=True)
class CampaignFigures:
    total: FigureSet
    by_tier: list[FigureSet]

    def table(self, definitions: tuple[FigureDefinition, ...]) -> list[tuple[str, tuple[Figure, ...]]]:
        """One line per tier and a last line for the province, with the chosen figures."""
        return [(s.label, s.pick(definitions)) for s in (*self.by_tier, self.total)]


def _figure_set(label: str, values: dict[str, int], tier_id: int | None = None) -> FigureSet:
    return FigureSet(
        label,
        tuple(Figure(d.code, gettext(d.label), gettext(d.counts), values.get(d.code, 0)) for d in FIGURES),
        tier_id,
    )


def campaign_figures(
    *, campaign: Campaign, tiers: list[TierRule], area_id: int | None = None, group: str = ""
) -> CampaignFigures:
    """Every figure per tier of the campaign and for the province, within a drill-down area (4 queries)."""
    values: dict[int, dict[str, int]] = {t.pk: {} for t in tiers}

    def put(tier_id: int, row: Mapping[str, Any], names: dict[str, str]) -> None:
        if tier_id in values:
            values[tier_id].update({code: row[name] or 0 for code, name in names.items()})

    events = (
        Event.objects.filter(area_filter(area_id=area_id, group=group, unit_path="unit"), campaign=campaign)
        .values("tier_id")
        .annotate(
            registered=Count("pk"),
            held=Count("pk", filter=Q(status__in=HELD_STATUSES)),
            reported=Count("pk", filter=Q(result_report__isnull=False)),
            awaiting=Count("pk", filter=Q(status__in=HELD_STATUSES, result_report__isnull=True)),
        )
        .order_by()
    )
    event_names = {EVENTS_REGISTERED.code: "registered", EVENTS_HELD.code: "held",
                   EVENTS_REPORTED.code: "reported", EVENTS_AWAITING_REPORT.code: "awaiting"}  # fmt: skip
    for e in events:
        put(e["tier_id"], e, event_names)

    by_event = area_filter(area_id=area_id, group=group, unit_path="event__unit")
    delegates = (  # the roster counters each roster write keeps, not a scan of the delegates
        RosterCounter.objects.filter(by_event, event__campaign=campaign)
        .values("event__tier_id")
        .annotate(total=Sum("headcount"), held=Sum("headcount", filter=Q(event__status__in=HELD_STATUSES)))
        .order_by()
    )
    delegate_names = {DELEGATES_REGISTERED.code: "total", DELEGATES_AT_HELD_EVENTS.code: "held"}
    for d in delegates:
        put(d["event__tier_id"], d, delegate_names)

    reports = (
        ResultReport.objects.filter(by_event, event__campaign=campaign)
        .values("event__tier_id")
        .annotate(
            ind=Sum("attended_exemplar_individuals"),
            col=Sum("attended_exemplar_collectives"),
            lead=Sum("attended_leaders"),
            guest=Sum("attended_guests"),
            honoured=Sum("exemplars_honoured"),
            delegation=Sum("delegation_approved"),
        )
        .order_by()
    )
    report_names = {ATTENDED.code: "attended", EXEMPLARS_ATTENDED.code: "exemplars",
                    EXEMPLARS_HONOURED.code: "honoured", DELEGATION_APPROVED.code: "delegation"}  # fmt: skip
    for r in reports:
        exemplars = (r["ind"] or 0) + (r["col"] or 0)
        attended = exemplars + (r["lead"] or 0) + (r["guest"] or 0)
        put(r["event__tier_id"], {**r, "exemplars": exemplars, "attended": attended}, report_names)

    honours = (
        Honour.objects.filter(by_event, event__campaign=campaign)
        .values("event__tier_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for h in honours:
        put(h["event__tier_id"], h, {HONOURS_RECORDED.code: "n"})

    by_tier = [_figure_set(t.label, values[t.pk], t.pk) for t in tiers]
    total = {d.code: sum(values[t.pk].get(d.code, 0) for t in tiers) for d in FIGURES}
    return CampaignFigures(total=_figure_set(gettext(PROVINCE_LABEL), total), by_tier=by_tier)
