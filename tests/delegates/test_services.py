import os
import threading

import pytest
from django.db import connection, connections

from congresses.models import Event
from congresses.services import EventError, event_set_cap
from core.text import vietnamese_sort_key
from delegates import services
from delegates.models import Delegate, DelegationApproval, DelegationQuota, RosterImport
from tests.conftest import IN_CI, require_service
from tests.factories import DelegateFactory, EventFactory

from .conftest import DELEGATE_DATA

pytestmark = pytest.mark.django_db


def test_adding_a_delegate_normalises_and_indexes_the_name(commune_event):
    delegate = services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    assert delegate.full_name == "Nguyễn Văn An"
    assert delegate.search_text.startswith("nguyen van an")
    assert delegate.sort_key == vietnamese_sort_key("Nguyễn Văn An")


def test_the_last_seat_is_taken_and_then_refused(commune_event):
    commune_event.delegate_cap = 3
    commune_event.save()
    DelegateFactory.create_batch(2, event=commune_event)
    services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    with pytest.raises(services.DelegateCapExceeded, match="đã đủ 3"):
        services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    assert commune_event.delegates.count() == 3


def test_the_tiers_cap_applies_when_the_event_has_none(commune_event):
    DelegateFactory.create_batch(200, event=commune_event)  # the commune tier allows 200
    with pytest.raises(services.DelegateCapExceeded):
        services.delegate_create(event=commune_event, data=DELEGATE_DATA)


def test_a_bulk_add_over_the_cap_is_refused_whole(commune_event):
    DelegateFactory.create_batch(195, event=commune_event)
    rows = [dict(DELEGATE_DATA, full_name=f"Hà Thị {i}") for i in range(6)]
    with pytest.raises(services.DelegateCapExceeded, match="Chỉ còn 5 chỗ"):
        services.delegates_bulk_create(event=commune_event, rows=rows)
    assert commune_event.delegates.count() == 195
    assert len(services.delegates_bulk_create(event=commune_event, rows=rows[:5])) == 5


def test_finalising_needs_the_exemplar_share(commune_event):
    DelegateFactory.create_batch(6, event=commune_event)
    DelegateFactory.create_batch(4, event=commune_event, category="guest")
    with pytest.raises(services.ExemplarShareTooLow, match="thêm 4 .* hoặc bớt 2"):
        services.roster_finalise(event=commune_event)
    DelegateFactory.create_batch(4, event=commune_event)
    event = services.roster_finalise(event=commune_event)
    assert event.roster_finalised_at is not None


def test_a_finalised_roster_is_read_only_until_reopened(commune_event):
    DelegateFactory.create_batch(7, event=commune_event)
    DelegateFactory.create_batch(3, event=commune_event, category="leader")
    services.roster_finalise(event=commune_event)
    delegate = commune_event.delegates.first()
    with pytest.raises(services.RosterFinalised):
        services.delegate_create(event=commune_event, data=DELEGATE_DATA)
    with pytest.raises(services.RosterFinalised):
        services.delegate_update(delegate=delegate, data={"full_name": "Khác"})
    with pytest.raises(services.RosterFinalised):
        services.delegate_delete(delegate=delegate)
    services.roster_reopen(event=commune_event)
    services.delegate_delete(delegate=delegate)
    assert commune_event.delegates.count() == 9


def test_a_collective_keeps_its_name_and_others_drop_it(commune_event):
    collective = services.delegate_create(
        event=commune_event,
        data=dict(DELEGATE_DATA, category="exemplar_collective", collective_name=" Thôn  Nà Làng "),
    )
    assert collective.collective_name == "Thôn Nà Làng"
    guest = services.delegate_create(
        event=commune_event, data=dict(DELEGATE_DATA, category="guest", collective_name="X")
    )
    assert guest.collective_name == ""


def test_an_exemplar_record_of_another_unit_is_refused(commune_event, units):
    from honors.models import Exemplar

    foreign = Exemplar.objects.create(
        unit=units["nari"], kind="individual", name="Người ngoài", field="Y tế", achievements="…"
    )
    with pytest.raises(services.RosterError, match="không thuộc đơn vị"):
        services.delegate_create(event=commune_event, data=dict(DELEGATE_DATA, exemplar=foreign))
    own = Exemplar.objects.create(
        unit=units["chora"], kind="individual", name="Nguyễn Văn An", field="Y tế", achievements="…"
    )
    assert (
        services.delegate_create(event=commune_event, data=dict(DELEGATE_DATA, exemplar=own)).exemplar == own
    )


def test_lowering_the_cap_stays_within_the_tier_and_the_headcount(department_event, department_officer):
    DelegateFactory.create_batch(50, event=department_event)
    by = department_officer
    assert event_set_cap(event=department_event, cap=120, by=by).delegate_cap == 120
    with pytest.raises(EventError, match="không được vượt"):
        event_set_cap(event=department_event, cap=301, by=by)
    with pytest.raises(EventError, match="đã có 50"):
        event_set_cap(event=department_event, cap=49, by=by)


def test_a_staged_import_saves_only_when_confirmed(commune_event, unit_manager):
    rows = [dict(DELEGATE_DATA, full_name=f"Lý Thị {i}") for i in range(3)]
    staged = services.roster_import_stage(
        event=commune_event, file_name="ds.xlsx", rows=rows, by=unit_manager
    )
    assert commune_event.delegates.count() == 0
    services.roster_import_confirm(staged=staged)
    assert commune_event.delegates.count() == 3
    assert not RosterImport.objects.exists()


def test_a_staged_import_rechecks_the_cap_at_confirmation(commune_event, unit_manager):
    commune_event.delegate_cap = 4
    commune_event.save()
    rows = [dict(DELEGATE_DATA, full_name=f"Lý Thị {i}") for i in range(3)]
    staged = services.roster_import_stage(
        event=commune_event, file_name="ds.xlsx", rows=rows, by=unit_manager
    )
    DelegateFactory.create_batch(2, event=commune_event)  # someone added meanwhile
    with pytest.raises(services.DelegateCapExceeded):
        services.roster_import_confirm(staged=staged)
    assert commune_event.delegates.count() == 2
    assert RosterImport.objects.filter(pk=staged.pk).exists()


def test_an_import_over_the_cap_is_refused_at_staging(commune_event, unit_manager):
    DelegateFactory.create_batch(199, event=commune_event)
    rows = [dict(DELEGATE_DATA, full_name=f"Lý Thị {i}") for i in range(2)]
    with pytest.raises(services.DelegateCapExceeded, match="Không nhập tệp"):
        services.roster_import_stage(event=commune_event, file_name="ds.xlsx", rows=rows, by=unit_manager)


# --- Delegations -----------------------------------------------------------------


def test_quotas_fit_the_upper_congress_cap(campaign, units, admin, province_event):
    province = units["province"]
    with pytest.raises(services.QuotaError, match="vượt"):
        services.quota_set_many(
            campaign=campaign,
            upper_unit=province,
            seats={units["babe"].pk: 300, units["nari"].pk: 201},
            by=admin,
        )
    services.quota_set_many(
        campaign=campaign, upper_unit=province, seats={units["babe"].pk: 300, units["nari"].pk: 200}, by=admin
    )
    assert DelegationQuota.objects.get(unit=units["nari"]).seats == 200
    services.quota_set_many(campaign=campaign, upper_unit=province, seats={units["nari"].pk: None}, by=admin)
    assert not DelegationQuota.objects.filter(unit=units["nari"]).exists()


def test_quotas_only_go_to_direct_subordinates(campaign, units, district_officer):
    with pytest.raises(services.QuotaError):
        services.quota_set_many(
            campaign=campaign,
            upper_unit=units["babe"],
            seats={units["nari_commune"].pk: 3},
            by=district_officer,
        )


def test_a_delegation_goes_up_within_its_quota_and_becomes_candidates(
    campaign, units, commune_event, district_event, district_officer
):
    exemplars = DelegateFactory.create_batch(5, event=commune_event)
    services.roster_finalise(event=commune_event)
    with pytest.raises(services.QuotaError, match="chưa phân bổ"):
        services.delegation_approve(event=commune_event, delegate_ids=[exemplars[0].pk], by=None)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    with pytest.raises(services.QuotaError, match="cần bớt 1"):
        services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:4]], by=None)
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars[:3]], by=None)
    from delegates.selectors import delegation_candidates

    candidates = list(delegation_candidates(event=district_event))
    assert {c.pk for c in candidates} == {d.pk for d in exemplars[:3]}
    added = services.delegates_add_from_candidates(event=district_event, source_ids=[candidates[0].pk])
    assert added[0].source_delegate_id == candidates[0].pk
    assert added[0].full_name == candidates[0].full_name
    assert len(list(delegation_candidates(event=district_event))) == 2
    # a delegate already on the upper roster cannot be dropped from the delegation
    with pytest.raises(services.QuotaError):
        services.delegation_approve(event=commune_event, delegate_ids=[exemplars[1].pk], by=None)
    with pytest.raises(services.QuotaError):
        services.delegation_withdraw(event=commune_event)
    # lowering the quota below the approved delegation is refused
    with pytest.raises(services.QuotaError, match="dưới số đại biểu"):
        services.quota_set_many(
            campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 2}, by=district_officer
        )


def test_candidates_respect_the_upper_cap(campaign, units, commune_event, district_event, district_officer):
    DelegateFactory.create_batch(1, event=district_event)
    exemplars = DelegateFactory.create_batch(3, event=commune_event)
    services.roster_finalise(event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 3}, by=district_officer
    )
    Event.objects.filter(pk=district_event.pk).update(delegate_cap=2)  # a cap set before the rulebook
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars], by=None)
    with pytest.raises(services.DelegateCapExceeded):
        services.delegates_add_from_candidates(event=district_event, source_ids=[d.pk for d in exemplars[:2]])
    assert district_event.delegates.count() == 1
    with pytest.raises(services.RosterError):
        services.delegates_add_from_candidates(event=district_event, source_ids=[exemplars[0].pk, 999_999])


def test_a_withdrawn_delegation_is_no_longer_a_candidate(
    campaign, units, commune_event, district_event, district_officer
):
    from delegates.selectors import delegation_candidates

    exemplars = DelegateFactory.create_batch(2, event=commune_event)
    services.roster_finalise(event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 2}, by=district_officer
    )
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in exemplars], by=None)
    services.delegation_withdraw(event=commune_event)
    assert not DelegationApproval.objects.exists()
    assert not delegation_candidates(event=district_event).exists()


# --- Two requests at once (PostgreSQL only: SQLite serialises whole-database writes) ---


def _postgres_available() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_adds_never_pass_the_cap(units, campaign):
    if not _postgres_available():
        # The CI's services pass must have PostgreSQL; its SQLite pass and local runs skip.
        require_service(
            not IN_CI or os.environ.get("CI_PASS") != "services", "DATABASE_URL is not PostgreSQL"
        )
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has no row locks")
    assert connection.vendor == "postgresql"
    from datetime import date

    event = EventFactory(
        unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20), delegate_cap=25
    )
    DelegateFactory.create_batch(20, event=event)  # 5 seats left, 20 officers click at once
    barrier = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def add(index: int) -> None:
        try:
            barrier.wait()
            services.delegate_create(event=event, data=dict(DELEGATE_DATA, full_name=f"Đồng Thời {index}"))
            result = "ok"
        except services.DelegateCapExceeded:
            result = "full"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 5
    assert outcomes.count("full") == 15
    assert Delegate.objects.filter(event=event).count() == 25
    from delegates.models import RosterCounter  # the counters kept under the same lock agree

    assert RosterCounter.objects.get(event=event).headcount == 25


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ethnic_group": "Không rõ"}, "dân tộc không có trong danh mục"),
        ({"category": "vip"}, "thành phần không hợp lệ"),
        ({"birth_year": 1800}, "năm sinh không hợp lệ"),
        ({"full_name": "   "}, "thiếu họ và tên"),
        ({"position": "x" * 256}, "dài quá 255"),
    ],
)
def test_a_bulk_add_checks_every_row(commune_event, change, message):
    rows = [DELEGATE_DATA, dict(DELEGATE_DATA, **change)]
    with pytest.raises(services.RosterError, match=f"Đại biểu thứ 2 .*{message}"):
        services.delegates_bulk_create(event=commune_event, rows=rows)
    assert not commune_event.delegates.exists()


def test_quotas_use_the_tier_cap_before_the_upper_event_is_registered(campaign, units, admin):
    with pytest.raises(services.QuotaError, match=r"\(500\)"):
        services.quota_set_many(
            campaign=campaign, upper_unit=units["province"], seats={units["babe"].pk: 501}, by=admin
        )


def test_removing_a_delegate_of_the_delegation_keeps_its_size_true(
    campaign, units, commune_event, district_officer
):
    chosen = DelegateFactory.create_batch(2, event=commune_event)
    services.quota_set_many(
        campaign=campaign, upper_unit=units["babe"], seats={units["chora"].pk: 2}, by=district_officer
    )
    services.roster_finalise(event=commune_event)
    services.delegation_approve(event=commune_event, delegate_ids=[d.pk for d in chosen], by=None)
    services.roster_reopen(event=commune_event)  # delegates are removed from an open roster
    services.delegate_delete(delegate=chosen[0])
    assert DelegationApproval.objects.get(event=commune_event).size == 1
    services.delegate_delete(delegate=chosen[1])
    assert not DelegationApproval.objects.exists()


def test_abandoned_previews_are_cleared_after_a_day(commune_event, unit_manager, district_officer):
    from freezegun import freeze_time

    with freeze_time("2025-02-01 08:00"):
        old = services.roster_import_stage(
            event=commune_event, file_name="a.xlsx", rows=[DELEGATE_DATA], by=unit_manager
        )
    with freeze_time("2025-02-02 09:00"):
        services.roster_import_stage(
            event=commune_event, file_name="b.xlsx", rows=[DELEGATE_DATA], by=district_officer
        )
    assert not RosterImport.objects.filter(pk=old.pk).exists()
    assert RosterImport.objects.count() == 1
