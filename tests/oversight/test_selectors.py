from datetime import date, time

import pytest
from freezegun import freeze_time

from congresses.models import AgendaItem, Event
from honors.models import AwardDecision, AwardType, Exemplar, Honour, Presenter
from oversight import selectors
from tests.factories import EventFactory
from units.models import Unit

from .conftest import add_delegates, make_plan

pytestmark = pytest.mark.django_db


def _populate(campaign, units_qs, *, delegates_each: int):
    for unit in units_qs:
        event = EventFactory(unit=unit, campaign=campaign, status=Event.Status.HELD)
        add_delegates(event, exemplars=delegates_each * 3 // 4, others=delegates_each - delegates_each * 3 // 4,
                      women=delegates_each // 2)  # fmt: skip
        exemplar = Exemplar.objects.create(unit=unit, kind="individual", name="Hà Văn A", field="Y tế",
                                           achievements="Tốt")  # fmt: skip
        award = AwardType.objects.get_or_create(name="Giấy khen", defaults={"kind": "form", "recipient": "both",
                                                "level": 1, "grantor": "UBND"})[0]  # fmt: skip
        decision = AwardDecision.objects.create(event=event, authority="commune_chair", issuer="Chủ tịch UBND",
                                                number="1/QĐ", date=date(2025, 1, 1), place="Bắc Kạn",
                                                signer="Chủ tịch")  # fmt: skip
        Honour.objects.create(event=event, exemplar=exemplar, award_type=award, decision=decision)


@freeze_time("2025-05-01")
def test_it_reads_the_dashboard_in_a_fixed_number_of_queries(campaign, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    communes = Unit.objects.filter(kind__in=("commune", "ward", "town")).order_by("pk")
    _populate(campaign, communes[:2], delegates_each=4)
    with CaptureQueriesContext(connection) as small:
        data = selectors.oversight_dashboard(campaign=campaign, today=date(2025, 5, 1))
    assert data["figure"]["delegates_registered"].value == 8
    _populate(campaign, communes[2:30], delegates_each=40)
    with CaptureQueriesContext(connection) as large:
        data = selectors.oversight_dashboard(campaign=campaign, today=date(2025, 5, 1))
    assert data["figure"]["delegates_registered"].value == 8 + 28 * 40
    assert data["figure"]["honours_recorded"].value == 30
    assert len(large.captured_queries) == len(small.captured_queries) <= 11


@freeze_time("2025-05-01")
def test_it_counts_progress_by_tier_and_by_area(campaign, units):
    from oversight.models import ResultReport

    chora = EventFactory(
        unit=units["chora"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 3)
    )
    ResultReport.objects.create(event=chora, held_on=chora.date, achievements="Tốt.")
    EventFactory(unit=units["babe"], campaign=campaign, status=Event.Status.HELD, date=date(2025, 4, 20))
    make_plan(campaign, units["chora"], on=date(2024, 7, 20), approved=True)
    make_plan(campaign, units["songcau"], on=date(2024, 8, 5))
    data = selectors.oversight_dashboard(campaign=campaign, today=date(2025, 5, 1))
    commune_tier = next(g for g in data["tier_progress"] if g.tier.code == "commune")
    assert (commune_tier.registered, commune_tier.held, commune_tier.reported) == (1, 1, 1)
    assert (commune_tier.plans_submitted, commune_tier.plans_approved) == (2, 1)
    assert commune_tier.units == Unit.objects.filter(kind__in=("commune", "ward", "town")).count()
    babe = next(g for g in data["area_progress"] if g.link_unit_id == units["babe"].pk)
    assert babe.units == 1 + units["babe"].children.count()
    assert (babe.registered, babe.held, babe.reported) == (2, 2, 1)
    assert data["area_progress"][-1].link_group == "bodies"
    drill = selectors.oversight_dashboard(campaign=campaign, today=date(2025, 5, 1), area=units["babe"])
    assert {g.label for g in drill["area_progress"]} >= {"Huyện Ba Bể", "Thị trấn Chợ Rã"}
    assert all(
        r.parent_id == units["babe"].pk or r.unit_id == units["babe"].pk for r in drill["overdue_rows"]
    )
    # Chợ Rã reported: nothing overdue; a commune with no event after its window: registration and holding
    rows = {r.unit_id: r for r in data["overdue_rows"]}
    assert units["chora"].pk not in rows
    assert rows[units["nari_commune"].pk].overdue == ("plan", "register", "hold")
    assert rows[units["babe"].pk].overdue == ("plan",)


@freeze_time("2025-05-01")
def test_it_lists_every_broken_rule(campaign, units):
    late = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 4, 2), status=Event.Status.HELD
    )
    add_delegates(late, exemplars=139, others=60)  # 69.85% < 70%
    AgendaItem.objects.create(event=late, order=1, start_time=time(8, 0), title="Khai mạc")
    AgendaItem.objects.create(event=late, order=2, start_time=time(14, 0), title="Tham luận")
    over = EventFactory(unit=units["songcau"], campaign=campaign, date=date(2025, 2, 1))
    add_delegates(over, exemplars=201, others=0)
    good = EventFactory(unit=units["nari_commune"], campaign=campaign, date=date(2025, 2, 1))
    add_delegates(good, exemplars=140, others=60)
    exemplar = Exemplar.objects.create(unit=units["songcau"], kind="individual", name="Hà Văn A", field="Y tế",
                                       achievements="Tốt")  # fmt: skip
    for event in (over, good):
        Presenter.objects.create(event=event, exemplar=exemplar, topic="Kinh nghiệm")
    make_plan(campaign, units["chora"], on=date(2024, 8, 1))
    make_plan(campaign, units["songcau"], on=date(2024, 7, 1))
    make_plan(campaign, units["nari_commune"], on=date(2024, 8, 4))  # late by 3 days
    found = selectors.compliance_violations(campaign=campaign, today=date(2025, 5, 1))
    by_unit: dict[int, set[str]] = {}
    for v in found:
        by_unit.setdefault(v.unit_id, set()).add(v.rule)
    assert by_unit[units["chora"].pk] == {"window", "sessions", "share", "presenters"}
    assert by_unit[units["songcau"].pk] == {"cap"}
    assert by_unit[units["nari_commune"].pk] == {"plan"}
    assert by_unit[units["babe"].pk] == {"plan"}  # no plan at all
    reasons = {v.reason for v in found if v.rule == "plan"}
    assert "Nộp kế hoạch muộn 3 ngày (nộp 04/08/2024, hạn 01/08/2024)" in reasons
    assert "Chưa nộp kế hoạch (hạn 01/08/2024)" in reasons
    reasons = [v.reason for v in found if v.unit_id == units["chora"].pk]
    assert any("139/199" in r and "70%" in r for r in reasons)


def test_the_plan_hook_reads_first_submission_and_approval(campaign, units):
    from congresses.models import UnitPlan

    make_plan(campaign, units["chora"], on=date(2024, 7, 20), approved=True)
    make_plan(campaign, units["songcau"], on=date(2024, 7, 25))
    UnitPlan.objects.filter(unit=units["songcau"]).update(
        status=UnitPlan.Status.RETURNED, review_comment="Sửa"
    )
    facts = selectors.unit_plan_facts(campaign=campaign)
    assert facts == {
        units["chora"].pk: selectors.PlanFacts(date(2024, 7, 20), True),
        units["songcau"].pk: selectors.PlanFacts(date(2024, 7, 25), False),
    }


def test_it_shows_pilot_lessons_to_the_same_tier_only(campaign, units):
    from oversight.models import PilotLesson

    pilot = EventFactory(unit=units["city"], campaign=campaign, status=Event.Status.HELD)
    PilotLesson.objects.create(event=pilot, lessons="Gọn trong một buổi.")
    assert [lesson.event_id for lesson in selectors.pilot_lessons_for_tier(tier=pilot.tier)] == [pilot.pk]
    other_tier = campaign.tiers.get(code="commune")
    assert list(selectors.pilot_lessons_for_tier(tier=other_tier)) == []


def test_it_scopes_the_charts_to_the_drilled_area(campaign, units):
    add_delegates(EventFactory(unit=units["chora"], campaign=campaign), exemplars=3, others=0, women=3)
    add_delegates(EventFactory(unit=units["nari_commune"], campaign=campaign), exemplars=5, others=0)
    add_delegates(EventFactory(unit=units["health"], campaign=campaign), exemplars=2, others=0)
    today = date(2025, 5, 1)
    province = selectors.oversight_dashboard(campaign=campaign, today=today)
    assert province["figure"]["delegates_registered"].value == 10
    babe = selectors.oversight_dashboard(campaign=campaign, today=today, area=units["babe"])
    assert babe["figure"]["delegates_registered"].value == 3 and babe["composition"]["groups"][0] == ("Nữ", 3)
    bodies = selectors.oversight_dashboard(campaign=campaign, today=today, group="bodies")
    assert bodies["figure"]["delegates_registered"].value == 2


def test_it_checks_compliance_in_a_fixed_number_of_queries(campaign):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    communes = list(Unit.objects.filter(kind__in=("commune", "ward", "town")).order_by("pk")[:30])
    today = date(2025, 5, 1)
    for unit in communes[:2]:
        add_delegates(EventFactory(unit=unit, campaign=campaign), exemplars=1, others=3)
    with CaptureQueriesContext(connection) as small:
        few = selectors.compliance_violations(campaign=campaign, today=today)
    for unit in communes[2:]:
        event = EventFactory(unit=unit, campaign=campaign)
        add_delegates(event, exemplars=1, others=30)
        AgendaItem.objects.create(event=event, order=1, start_time=time(8, 0), title="Khai mạc")
    with CaptureQueriesContext(connection) as large:
        many = selectors.compliance_violations(campaign=campaign, today=today)
    assert len(many) > len(few)
    assert len(large.captured_queries) == len(small.captured_queries)


@freeze_time("2025-05-01")
def test_a_delegation_over_its_quota_is_listed(campaign, units):
    from django.utils import timezone

    from delegates.models import DelegationApproval, DelegationQuota

    event = EventFactory(
        unit=units["chora"], campaign=campaign, date=date(2025, 2, 3), status=Event.Status.HELD
    )
    DelegationQuota.objects.create(campaign=campaign, upper_unit=units["babe"], unit=units["chora"], seats=5)
    DelegationApproval.objects.create(event=event, approved_at=timezone.now(), size=7)
    found = [
        v for v in selectors.compliance_violations(campaign=campaign, today=date(2025, 5, 1))
        if v.unit_id == units["chora"].pk and v.rule == "quota"
    ]  # fmt: skip
    assert [v.reason for v in found] == [
        "Đoàn đại biểu dự Đại hội cấp trên 7 người, vượt số được phân bổ (5): cần bớt 2."
    ]


@freeze_time("2025-05-01")
def test_the_dashboard_compliance_and_summary_read_counters_in_constant_queries_never_the_delegates(campaign):
    """Issue 16: their cost follows the events, not the delegates (the delegates table is never read)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from oversight.selectors import compliance_violations, summary_tables

    def read():
        with CaptureQueriesContext(connection) as queries:
            selectors.oversight_dashboard(campaign=campaign, today=date(2025, 5, 1))
            compliance_violations(campaign=campaign, today=date(2025, 5, 1))
            summary = summary_tables(campaign=campaign)
        return [q["sql"] for q in queries.captured_queries], summary

    communes = Unit.objects.filter(kind__in=("commune", "ward", "town")).order_by("pk")
    _populate(campaign, communes[:2], delegates_each=4)
    small, _ = read()
    _populate(campaign, communes[2:12], delegates_each=40)
    large, summary = read()
    assert len(large) == len(small)
    assert not [sql for sql in large if '"delegates_delegate"' in sql]
    delegates_table = next(t for t in summary.tables if t.title == "Đại biểu và cơ cấu")
    assert delegates_table.rows[-1][1] == 8 + 10 * 40  # the province's line, from the counters
