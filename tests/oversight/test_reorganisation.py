"""Applying the 2025 reorganisation (Bắc Kạn into Thái Nguyên) as one reviewed operation."""

import datetime

import pytest
from django.apps import apps
from django.core import serializers
from django.http import Http404
from django.urls import reverse

from honors.models import AwardDecision, AwardReceived, AwardType, Honour, Nomination
from honors.services import award_types_load_from_file
from oversight.selectors.reorganisation import reorganisation_preview
from oversight.services_reorganisation import ReorganisationRefused, reorganisation_apply, reorganisation_undo
from tests.factories import (
    DelegateFactory,
    EventFactory,
    ExemplarFactory,
    ReorganisationItemFactory,
    UnitFactory,
)
from units.models import Reorganisation, Unit, UnitLineage
from units.permissions import get_unit_for_user
from units.services_reorganisation import reorganisation_load_from_file

pytestmark = pytest.mark.django_db

# Everything a campaign is made of: none of it may change when the map changes.
CAMPAIGN_MODELS = (
    "congresses.Campaign", "congresses.TierRule", "congresses.Movement", "congresses.Event",
    "congresses.AgendaItem", "congresses.UnitPlan", "delegates.Delegate", "delegates.DelegationQuota",
    "delegates.DelegationApproval", "honors.Honour", "honors.AwardDecision", "honors.Nomination",
    "honors.Presenter", "honors.AwardReceived", "oversight.ResultReport", "reports.GeneratedReport",
)  # fmt: skip


def campaign_dump() -> str:
    return "\n".join(
        serializers.serialize("json", apps.get_model(label).objects.order_by("pk"))
        for label in CAMPAIGN_MODELS
    )


@pytest.fixture
def campaign_2025(campaign, units):
    """A commune's 2025 conference with its roster, an exemplar with awards, an honour and a pending nomination."""
    award_types_load_from_file()
    award = AwardType.objects.order_by("level", "pk").first()
    event = EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", held=True)
    DelegateFactory.create_batch(3, event=event)
    exemplar = ExemplarFactory(unit=units["chora"])
    AwardReceived.objects.create(
        exemplar=exemplar, award_type=award, decision_number="12/QĐ-UBND",
        decision_date=datetime.date(2023, 5, 4), issuing_authority="UBND huyện Ba Bể",
    )  # fmt: skip
    decision = AwardDecision.objects.create(
        event=event, authority=award.authorities[0], issuer="Chủ tịch UBND", number="15/QĐ-UBND",
        date=datetime.date(2025, 3, 20), place="Chợ Rã", signer="Nguyễn Văn An",
    )  # fmt: skip
    Honour.objects.create(event=event, exemplar=exemplar, award_type=award, decision=decision)
    district_event = EventFactory(unit=units["babe"], campaign=campaign, tier_code="district")
    Nomination.objects.create(
        exemplar=exemplar, event=district_event, target=Nomination.Target.UPPER_LEVEL, proposed_award=award
    )
    return {"event": event, "exemplar": exemplar}


@pytest.fixture
def reorganisation(units):
    return reorganisation_load_from_file()


def new_unit(name: str) -> Unit:
    return Unit.objects.get(name=name, valid_from=datetime.date(2025, 7, 1))


def test_loading_creates_the_92_new_units_and_the_mapping_of_every_old_unit(units, reorganisation):
    new = Unit.objects.filter(valid_from=datetime.date(2025, 7, 1))
    assert new.filter(kind__in=["commune", "ward"]).count() == 92 and new.filter(kind="province").count() == 1
    ending = set(reorganisation.items.values_list("predecessor_id", flat=True))
    assert len(ending) == 1 + 8 + 108 + 37  # the province, its districts, its communes and its bodies
    assert reorganisation.status == Reorganisation.Status.DRAFT and "2026.9.0" in reorganisation.source


def test_the_provincial_bodies_after_the_2025_department_mergers_take_over_the_old_ones(
    units, admin, reorganisation
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    home_affairs = new_unit("Sở Nội vụ")
    assert (
        home_affairs.parent.name == "Tỉnh Thái Nguyên" and home_affairs.established_basis == "45/2025/NĐ-CP"
    )
    merged = set(
        UnitLineage.objects.filter(successor=home_affairs).values_list("predecessor__name", flat=True)
    )
    assert merged == {"Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"}
    assert not Unit.objects.filter(parent__name="Tỉnh Bắc Kạn", valid_to__isnull=True).exists()
    finance = UnitLineage.objects.get(predecessor__name="Sở Kế hoạch và Đầu tư")
    assert finance.successor.name == "Sở Tài chính" and finance.kind == UnitLineage.Kind.MERGE


def test_loading_twice_changes_nothing(units, reorganisation):
    counts = (Unit.objects.count(), reorganisation.items.count())
    again = reorganisation_load_from_file()
    assert again.pk == reorganisation.pk and (Unit.objects.count(), again.items.count()) == counts


def test_the_preview_lists_what_moves_and_what_stays(units, campaign_2025, unit_manager, reorganisation):
    preview = reorganisation_preview(reorganisation=reorganisation)
    assert (
        preview.allowed and preview.can_apply and preview.new_units == 38 + 31
    )  # communes, province, bodies
    row = next(r for r in preview.rows if r.name == "Thị trấn Chợ Rã")
    assert row.goes_to == "Xã Chợ Rã" and row.accounts == ["chora"]
    assert (row.exemplars, row.awards, row.pending_nominations) == (1, 1, 1)
    assert row.open_events == [f"{campaign_2025['event'].name} ({campaign_2025['event'].date:%d/%m/%Y})"]


def test_the_preview_takes_a_constant_number_of_queries(
    units, admin, reorganisation, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        reorganisation_preview(reorganisation=reorganisation)
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    reorganisation.refresh_from_db()
    with django_assert_max_num_queries(6):
        reorganisation_preview(reorganisation=reorganisation)


def test_applying_rewrites_no_row_of_the_2025_campaign(units, campaign_2025, admin, reorganisation):
    before = campaign_dump()
    result = reorganisation_apply(reorganisation=reorganisation, by=admin)
    assert result.changed
    assert campaign_dump() == before
    old = Unit.objects.get(pk=units["chora"].pk)
    assert old.valid_to == datetime.date(2025, 6, 30) and old.ended_basis == "1683/NQ-UBTVQH15"
    event = campaign_2025["event"]
    event.refresh_from_db()
    assert event.unit_id == old.pk  # the event stays with the unit that held it


def test_officers_of_an_ended_unit_now_act_for_its_successor(units, unit_manager, admin, reorganisation):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    unit_manager.refresh_from_db()
    successor = new_unit("Xã Chợ Rã")
    assert unit_manager.unit == successor
    assert get_unit_for_user(unit_manager, successor.pk, write=True) == successor


def test_exemplars_and_their_award_history_move_to_the_successor(units, campaign_2025, admin, reorganisation):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    exemplar = campaign_2025["exemplar"]
    exemplar.refresh_from_db()
    assert exemplar.unit == new_unit("Xã Chợ Rã") and exemplar.awards_received.count() == 1


def test_the_new_unit_shows_where_it_came_from(client, units, admin, reorganisation):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    client.force_login(admin)
    body = client.get(reverse("units:detail", args=[new_unit("Xã Chợ Rã").pk])).content.decode()
    assert "Thị trấn Chợ Rã" in body and "đến 30/06/2025" in body and "Hình thành từ" in body


def test_applying_twice_changes_nothing_the_second_time(units, campaign_2025, admin, reorganisation):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    state = (campaign_dump(), list(Unit.objects.values_list("pk", "valid_to")), UnitLineage.objects.count())
    assert not reorganisation_apply(reorganisation=reorganisation, by=admin).changed
    assert (
        campaign_dump(),
        list(Unit.objects.values_list("pk", "valid_to")),
        UnitLineage.objects.count(),
    ) == state


def test_undo_restores_the_map_and_moves_everything_back(
    units, campaign_2025, unit_manager, admin, reorganisation
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    reorganisation_undo(reorganisation=reorganisation, by=admin)
    unit_manager.refresh_from_db()
    campaign_2025["exemplar"].refresh_from_db()
    assert (
        unit_manager.unit_id == units["chora"].pk and campaign_2025["exemplar"].unit_id == units["chora"].pk
    )
    assert not Unit.objects.filter(valid_to__isnull=False).exists() and not UnitLineage.objects.exists()
    reorganisation.refresh_from_db()
    assert reorganisation.status == Reorganisation.Status.UNDONE


def test_undo_is_refused_once_something_new_is_recorded_under_a_new_unit(
    units, admin, reorganisation, campaign
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    ExemplarFactory(unit=new_unit("Xã Chợ Rã"), name="Lục Văn Mới")
    with pytest.raises(ReorganisationRefused) as refused:
        reorganisation_undo(reorganisation=reorganisation, by=admin)
    assert "Điển hình «Lục Văn Mới» của Xã Chợ Rã;" in refused.value.reasons


def test_an_ending_unit_without_a_successor_is_refused_with_its_name_and_nothing_written(client, admin):
    item = ReorganisationItemFactory(predecessor__name="Xã Không Nơi Đến", successor=None)
    other = ReorganisationItemFactory(reorganisation=item.reorganisation)
    client.force_login(admin)
    response = client.post(
        reverse("oversight:reorganisation_apply", args=[item.reorganisation.pk]), follow=True
    )
    assert response.status_code == 200
    assert "Xã Không Nơi Đến: đơn vị kết thúc nhưng không có đơn vị kế thừa." in response.content.decode()
    other.predecessor.refresh_from_db()
    assert other.predecessor.valid_to is None and not UnitLineage.objects.exists()


def test_overlapping_reorganisations_are_refused(admin):
    first = ReorganisationItemFactory()
    reorganisation_apply(reorganisation=first.reorganisation, by=admin)
    second = ReorganisationItemFactory(
        predecessor=first.predecessor, successor=UnitFactory(valid_from=first.reorganisation.effective_date)
    )
    with pytest.raises(ReorganisationRefused) as refused:
        reorganisation_apply(reorganisation=second.reorganisation, by=admin)
    assert (
        f"{first.predecessor.name}: đã kết thúc theo đợt sắp xếp khác ({first.reorganisation.name})."
        in refused.value.reasons
    )


def test_staff_load_preview_and_apply_from_the_pages(client, units, admin):
    client.force_login(admin)
    response = client.post(reverse("oversight:reorganisation_load"), follow=True)
    assert (
        "Áp dụng đợt sắp xếp" in response.content.decode() and "Thị trấn Chợ Rã" in response.content.decode()
    )
    reorganisation = Reorganisation.objects.get()
    response = client.post(reverse("oversight:reorganisation_apply", args=[reorganisation.pk]), follow=True)
    assert "Đã áp dụng" in response.content.decode() and "Hoàn tác" in response.content.decode()


def test_leadership_reads_the_preview_but_may_not_apply(client, units, leadership, reorganisation):
    client.force_login(leadership)
    assert client.get(reverse("oversight:reorganisation", args=[reorganisation.pk])).status_code == 200
    assert client.post(reverse("oversight:reorganisation_apply", args=[reorganisation.pk])).status_code == 403
    reorganisation.refresh_from_db()
    assert reorganisation.status == Reorganisation.Status.DRAFT


def test_an_officer_does_not_find_the_reorganisation_pages(client, unit_manager, reorganisation):
    client.force_login(unit_manager)
    assert client.get(reverse("oversight:reorganisations")).status_code == 404


def test_after_applying_the_preview_still_counts_what_moved(
    units, campaign_2025, unit_manager, admin, reorganisation
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    reorganisation.refresh_from_db()
    preview = reorganisation_preview(reorganisation=reorganisation)
    row = next(r for r in preview.rows if r.name == "Thị trấn Chợ Rã")
    assert row.accounts == ["chora"] and (row.exemplars, row.awards, row.pending_nominations) == (1, 1, 1)
    assert preview.can_undo and not preview.can_apply


def test_an_officer_moved_to_the_successor_still_reaches_the_2025_event_of_the_old_unit(
    client, units, campaign_2025, unit_manager, admin, reorganisation
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    client.force_login(unit_manager)
    event = campaign_2025["event"]
    assert client.get(reverse("congresses:event_detail", args=[event.pk])).status_code == 200
    assert client.get(reverse("units:detail", args=[units["chora"].pk])).status_code == 200
    assert client.get(reverse("units:detail", args=[units["babe"].pk])).status_code == 404


def test_officers_of_units_that_did_not_merge_into_theirs_see_nothing_more(
    units, other_unit_manager, admin, reorganisation
):
    reorganisation_apply(reorganisation=reorganisation, by=admin)
    other_unit_manager.refresh_from_db()
    with pytest.raises(Http404):
        get_unit_for_user(other_unit_manager, units["chora"].pk)


# Every row of every app that is not the map itself: events, plans and their versions, rosters,
# quotas, delegations, honours, decisions, nominations, results, lessons, budget, reminders,
# documents and the audit trail. Only exemplars move (with their awards, by design), and
# the map's own tables (units, lineage, accounts) are what a reorganisation writes.
EVERYTHING_BUT_THE_MAP = tuple(
    label
    for label in (
        "congresses.Campaign", "congresses.TierRule", "congresses.Movement", "congresses.Event",
        "congresses.AgendaItem", "congresses.UnitPlan", "congresses.UnitPlanVersion", "delegates.Delegate",
        "delegates.DelegationQuota", "delegates.DelegationApproval", "delegates.RosterImport",
        "honors.AwardDecision", "honors.AwardReceived", "honors.AwardType", "honors.Honour",
        "honors.Nomination", "honors.Presenter", "oversight.BudgetLine", "oversight.PilotLesson",
        "oversight.ReminderDelivery", "oversight.ReminderSent", "oversight.ResultAttachment",
        "oversight.ResultReport", "reports.AgendaTemplateItem", "reports.GeneratedReport",
        "units.DocumentProfile", "units.DocumentSigner",
    )
)  # fmt: skip


def test_applying_to_the_whole_demo_rewrites_no_row_of_the_2025_campaign_nor_its_audit_trail(admin):
    import io

    from auditlog.models import LogEntry
    from django.core.management import call_command

    call_command("demo_data", stdout=io.StringIO())
    reorganisation = Reorganisation.objects.get()
    assert apps.get_model("congresses.Event").objects.count() > 20  # a campaign worth comparing

    def dump(audit_upto: int) -> str:
        rows = [serializers.serialize("json", apps.get_model(label).objects.order_by("pk"))
                for label in EVERYTHING_BUT_THE_MAP]  # fmt: skip
        rows.append(serializers.serialize("json", LogEntry.objects.filter(pk__lte=audit_upto).order_by("pk")))
        return "\n".join(rows)

    last_audit = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before = dump(last_audit)
    assert reorganisation_apply(reorganisation=reorganisation, by=admin).changed
    assert dump(last_audit) == before
