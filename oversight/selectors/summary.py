"""The tables of the province's summary report to the Central Emulation and Commendation Council.

Every count the dashboard also shows comes from `campaign_figures` and carries its label; the
tables only add the breakdowns the dashboard does not show (timeliness, composition, forms of
award, presenters, pilots). The PDF has one section and the workbook one sheet per table.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, Sum

from congresses.models import Campaign, Event, TierRule
from congresses.selectors import campaign_units
from delegates.models import Delegate, RosterCounter
from honors.models import Honour, Presenter
from reports.domain import event_timeliness, share_percent
from units.models import Unit

from ..domain import TierFacts
from .figures import (
    DELEGATES_AT_HELD_EVENTS,
    EVENTS_HELD,
    EVENTS_REGISTERED,
    HELD_STATUSES,
    HONOURS_RECORDED,
    RESULT_FIGURES,
    CampaignFigures,
    FigureSet,
    campaign_figures,
)

TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    note: str = ""
    has_total: bool = True
    wide: bool = False  # many columns: the PDF sets it in a smaller type


def summary_figures_table(*, total: FigureSet) -> Table:
    """The province's figures, each with its label and what it counts (the first sheet)."""
    return Table(
        "Số liệu chính",
        ("Số liệu", "Toàn tỉnh", "Cách tính"),
        [(f.label, f.value, f.counts) for f in total.figures],
        has_total=False,
    )


def summary_results_table(*, figures: CampaignFigures) -> Table:
    """The results reports of the units per tier: attended, honoured, the delegation."""
    rows = [(label, *(f.value for f in line)) for label, line in figures.table(RESULT_FIGURES)]
    rows[-1] = (TOTAL_LABEL, *rows[-1][1:])
    return Table(
        "Kết quả theo báo cáo đơn vị",
        ("Cấp", *(d.label for d in RESULT_FIGURES)),
        rows,
        "Số liệu do các đơn vị báo cáo sau khi tổ chức sự kiện (báo cáo kết quả trên cổng).",
    )


def _tier_unit_counts(campaign: Campaign, tiers: list[TierRule]) -> dict[int, int]:
    units = campaign_units(campaign=campaign, tiers=tiers)
    by_kind = dict(units.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return {t.pk: sum(by_kind.get(k, 0) for k in t.unit_kinds) for t in tiers}


# Columns of the events and delegates tables the narrative reads (oversight.domain.TierFacts).
EV_UNITS, EV_HELD, EV_ON_TIME, EV_LATE = 2, 4, 5, 6
DL_TOTAL, DL_EX_IND, DL_EX_COL = 1, 8, 9


def summary_events_table(*, campaign: Campaign, tiers: list[TierRule], figures: CampaignFigures) -> Table:
    unit_counts = _tier_unit_counts(campaign, tiers)
    events = list(Event.objects.filter(campaign=campaign, status__in=HELD_STATUSES).values("tier_id", "date"))
    rows: list[tuple[Any, ...]] = []
    total = [0] * 6
    for tier, tier_figures in zip(tiers, figures.by_tier, strict=True):
        verdicts = {"on_time": 0, "late": 0, "early": 0}
        for e in events:
            if e["tier_id"] == tier.pk:
                verdict = event_timeliness(held=True, event_date=e["date"], window_start=tier.window_start,
                                           window_end=tier.window_end)  # fmt: skip
                verdicts[verdict.code] += 1
        held = tier_figures.value(EVENTS_HELD)
        line = (unit_counts[tier.pk], tier_figures.value(EVENTS_REGISTERED), held, verdicts["on_time"],
                verdicts["late"], verdicts["early"])  # fmt: skip
        total = [a + b for a, b in zip(total, line, strict=True)]
        rows.append((tier.label, tier.window_label, *line, unit_counts[tier.pk] - held))
    rows.append((TOTAL_LABEL, "", *total, total[0] - total[2]))
    return Table(
        "Tổ chức theo cấp",
        (
            "Cấp",
            "Thời gian theo kế hoạch",
            "Số đơn vị",
            EVENTS_REGISTERED.label,
            EVENTS_HELD.label,
            "Đúng thời gian",
            "Muộn",
            "Sớm hơn kế hoạch",
            "Chưa tổ chức",
        ),  # fmt: skip
        rows,
        f"{EVENTS_HELD.label}: {EVENTS_HELD.counts[:1].lower()}{EVENTS_HELD.counts[1:]}",
    )


def summary_delegates_table(*, campaign: Campaign, tiers: list[TierRule], figures: CampaignFigures) -> Table:
    cat = Delegate.Category
    aggregates: dict[int, dict[str, Any]] = {
        row["event__tier_id"]: dict(row)
        for row in RosterCounter.objects.filter(event__campaign=campaign, event__status__in=HELD_STATUSES)
        .values("event__tier_id")
        .annotate(
            women=Sum("women"),
            minorities=Sum("minorities"),
            religious=Sum("religious"),
            direct=Sum("direct_workers"),
            ex_ind=Sum(cat.EXEMPLAR_INDIVIDUAL.value),
            ex_col=Sum(cat.EXEMPLAR_COLLECTIVE.value),
            guests=Sum(cat.GUEST.value),
            leaders=Sum(cat.LEADER.value),
        )
        .order_by()
    }
    keys = ("women", "minorities", "religious", "direct", "ex_ind", "ex_col", "guests", "leaders")
    rows: list[tuple[Any, ...]] = []
    sums = dict.fromkeys(keys, 0)
    for tier, tier_figures in zip(tiers, figures.by_tier, strict=True):
        a = aggregates.get(tier.pk) or dict.fromkeys(keys, 0)
        for k in keys:
            sums[k] += a[k]
        rows.append(_delegate_row(tier.label, tier_figures.value(DELEGATES_AT_HELD_EVENTS), a))
    rows.append(_delegate_row(TOTAL_LABEL, figures.total.value(DELEGATES_AT_HELD_EVENTS), sums))
    return Table(
        "Đại biểu và cơ cấu",
        (
            "Cấp",
            DELEGATES_AT_HELD_EVENTS.label,
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
        "Cơ cấu theo danh sách đại biểu của các sự kiện đã tổ chức; số người thực tế dự xem bảng "
        "“Kết quả theo báo cáo đơn vị”.",
        wide=True,
    )


def _delegate_row(label: str, total: int, a: dict[str, Any]) -> tuple[Any, ...]:
    exemplars = a["ex_ind"] + a["ex_col"]
    return (label, total, a["women"], share_percent(a["women"], total), a["minorities"],
            share_percent(a["minorities"], total), a["religious"], a["direct"], a["ex_ind"],
            a["ex_col"], share_percent(exemplars, total), a["guests"], a["leaders"])  # fmt: skip


def summary_honours_table(*, campaign: Campaign, tiers: list[TierRule], figures: CampaignFigures) -> Table:
    rows_q = (
        Honour.objects.filter(event__campaign=campaign)
        .values("event__tier_id", "award_type__name", "award_type__order")
        .annotate(
            n=Count("pk"),
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
        rows.append((label, r["award_type__name"], r["individuals"], r["collectives"], r["n"]))
    rows.append((TOTAL_LABEL, "", ind, col, figures.total.value(HONOURS_RECORDED)))
    return Table(
        "Khen thưởng điển hình",
        ("Cấp", "Hình thức khen thưởng", "Cá nhân", "Tập thể", HONOURS_RECORDED.label),
        rows,
        f"{HONOURS_RECORDED.label}: {HONOURS_RECORDED.counts[:1].lower()}{HONOURS_RECORDED.counts[1:]}",
    )


def summary_presenters_table(*, campaign: Campaign, tiers: list[TierRule], figures: CampaignFigures) -> Table:
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
    rows.append((TOTAL_LABEL, *(sums[k] for k in keys)))
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


def summary_pilots_table(*, campaign: Campaign, tiers: list[TierRule], figures: CampaignFigures) -> Table:
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
        verdict = event_timeliness(held=event.status in HELD_STATUSES, event_date=event.date,
                                   window_start=tier.window_start, window_end=tier.window_end)  # fmt: skip
        rows.append((unit.name, event.name, event.get_status_display(), event.date.strftime("%d/%m/%Y"),
                     event.venue, verdict.label))  # fmt: skip
    return Table(
        "Đơn vị chỉ đạo điểm",
        ("Đơn vị", "Sự kiện", "Trạng thái", "Ngày tổ chức", "Địa điểm", "Thời gian so với kế hoạch"),
        rows,
        has_total=False,
    )


# Each builder takes (campaign=, tiers=, figures=) and returns a Table; the PDF has one section and
# the workbook one sheet per builder, after the figures themselves.
SUMMARY_TABLE_BUILDERS = [
    summary_events_table,
    summary_delegates_table,
    summary_honours_table,
    summary_presenters_table,
    summary_pilots_table,
]


@dataclass(frozen=True)
class Summary:
    figures: CampaignFigures
    tables: list[Table]
    tier_facts: tuple[TierFacts, ...] = ()


def _tier_facts(tiers: list[TierRule], events: Table, delegates: Table) -> tuple[TierFacts, ...]:
    """Each tier's figures against the plan, read from the lines of the two tables (one per tier,
    in the tiers' order, the total last) so the narrative and the tables cannot disagree."""
    return tuple(
        TierFacts(
            label=tier.label,
            planned=e[EV_UNITS],
            held=e[EV_HELD],
            on_time=e[EV_ON_TIME],
            late=e[EV_LATE],
            delegates=d[DL_TOTAL],
            exemplars=d[DL_EX_IND] + d[DL_EX_COL],
            min_share_percent=tier.min_exemplar_share_percent,
        )  # fmt: skip
        for tier, e, d in zip(tiers, events.rows, delegates.rows, strict=False)
    )


def summary_tables(*, campaign: Campaign) -> Summary:
    """The figures of the province and every table of the summary, results reports first."""
    tiers = list(campaign.tiers.select_related("upper_tier").order_by("order"))
    figures = campaign_figures(campaign=campaign, tiers=tiers)
    tables = [summary_results_table(figures=figures)]
    tables += [build(campaign=campaign, tiers=tiers, figures=figures) for build in SUMMARY_TABLE_BUILDERS]
    facts = _tier_facts(tiers, tables[1], tables[2])
    return Summary(figures=figures, tables=tables, tier_facts=facts)
