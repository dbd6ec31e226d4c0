"""The register of documents (sổ đăng ký văn bản): each body numbers its decisions (and
submissions) per year from 1, never twice, and its officers see what was issued."""

import os
import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.urls import reverse

from honors import domain, services
from honors.models import AwardDecision, DocumentRegister, RegisterEntry
from tests.conftest import IN_CI, require_service
from tests.factories import DocumentProfileFactory, EventFactory

pytestmark = pytest.mark.django_db


def _decide(event, unit, number="", on=date(2025, 4, 18)):
    return services.award_decision_get_or_create(
        event=event, authority="commune_chair", issuer="Chủ tịch UBND thị trấn Chợ Rã", number=number,
        date=on, place="Chợ Rã", signer="Triệu Văn Tâm", issuing_unit=unit,
    )  # fmt: skip


def units_babe(chora):
    return chora.parent


@pytest.fixture
def chora(units):
    DocumentProfileFactory(unit=units["chora"], symbol="UBND", place="Chợ Rã")
    return units["chora"]


def test_the_number_reads_as_decree_30_writes_it():
    assert domain.register_number(seq=12, kind="QĐ", symbol="UBND") == "12/QĐ-UBND"
    assert domain.typed_register_seq("15/QĐ-UBND") == 15
    assert domain.typed_register_seq("07/TTr-UBND") == 7
    assert domain.typed_register_seq("QĐ-15") is None and domain.typed_register_seq("0/QĐ") is None


def test_it_gives_each_new_decision_the_next_number_of_the_bodys_register(chora, campaign):
    event = EventFactory(unit=chora, campaign=campaign)
    one = _decide(event, chora, on=date(2025, 4, 18))
    two = _decide(event, chora, on=date(2025, 4, 19))
    assert (one.number, two.number) == ("1/QĐ-UBND", "2/QĐ-UBND")
    assert one.register_entry.seq == 1 and two.register_entry.event == event
    # a blank number at the same event, authority and date is that decision: one decision, many honours
    assert _decide(event, chora, on=date(2025, 4, 18)) == one
    # a new year starts again from 1
    next_year = EventFactory(unit=units_babe(chora), campaign=campaign)
    assert _decide(next_year, chora, on=date(2026, 1, 5)).number == "1/QĐ-UBND"


def test_a_number_typed_by_hand_is_kept_and_the_register_runs_on_after_it(chora, campaign):
    event = EventFactory(unit=chora, campaign=campaign)
    assert _decide(event, chora, number="15/QĐ-UBND").number == "15/QĐ-UBND"
    assert _decide(event, chora, on=date(2025, 5, 2)).number == "16/QĐ-UBND"


def test_a_number_already_in_the_register_is_refused_in_vietnamese(chora, campaign):
    _decide(EventFactory(unit=chora, campaign=campaign), chora, number="15/QĐ-UBND")
    other = EventFactory(unit=units_babe(chora), campaign=campaign)
    with pytest.raises(
        services.HonoursError, match="Số 15/QĐ-UBND đã có trong sổ đăng ký quyết định năm 2025"
    ):
        _decide(other, chora, number="15/QĐ-UBND")
    with pytest.raises(services.HonoursError, match="đã có trong sổ đăng ký"):  # same running number
        _decide(other, chora, number="15/QĐ-CTUBND")
    assert not AwardDecision.objects.filter(event=other).exists()  # nothing half-written
    assert RegisterEntry.objects.count() == 1


def test_a_decision_without_a_body_must_have_its_number_typed(chora, campaign):
    with pytest.raises(services.HonoursError, match="Hãy nhập số quyết định"):
        _decide(EventFactory(unit=chora, campaign=campaign), None)


def test_the_database_refuses_two_entries_with_one_number(chora):
    register = DocumentRegister.objects.create(unit=chora, year=2025, kind="QĐ")
    RegisterEntry.objects.create(
        register=register, seq=3, number="3/QĐ-UBND", date=date(2025, 1, 2), title="A"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterEntry.objects.create(
            register=register, seq=3, number="3/QĐ-X", date=date(2025, 1, 2), title="B"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterEntry.objects.create(
            register=register, seq=4, number="3/QĐ-UBND", date=date(2025, 1, 2), title="C"
        )


def test_the_register_page_lists_the_units_numbers_only(
    client, chora, campaign, unit_manager, other_unit_manager
):
    _decide(EventFactory(unit=chora, campaign=campaign, name="Hội nghị Chợ Rã"), chora)
    client.force_login(unit_manager)
    page = client.get(reverse("honors:register_list"))
    assert page.status_code == 200
    assert "1/QĐ-UBND" in page.content.decode() and "Hội nghị Chợ Rã" in page.content.decode()
    client.force_login(other_unit_manager)
    page = client.get(reverse("honors:register_list"), {"nam": "abc", "loai": "x"})  # bad filters: a page
    assert page.status_code == 200 and "1/QĐ-UBND" not in page.content.decode()
    assert "Chưa có văn bản nào được cấp số." in page.content.decode()


def test_the_register_page_reads_in_constant_queries(
    client, chora, campaign, unit_manager, django_assert_max_num_queries
):
    client.force_login(unit_manager)
    _decide(EventFactory(unit=chora, campaign=campaign), chora)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("honors:register_list"))
    event = AwardDecision.objects.get().event
    for day in range(1, 6):
        _decide(event, chora, on=date(2025, 5, day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("honors:register_list"))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ten_decisions_issued_at_once_take_ten_different_numbers(units, campaign):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        require_service(
            not IN_CI or os.environ.get("CI_PASS") != "services", "DATABASE_URL is not PostgreSQL"
        )
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has no row locks")
    assert connection.vendor == "postgresql"
    chora = units["chora"]
    DocumentProfileFactory(unit=chora, symbol="UBND", place="Chợ Rã")
    event = EventFactory(unit=chora, campaign=campaign)
    barrier = threading.Barrier(10)
    numbers: list[str] = []
    lock = threading.Lock()

    def issue(day: int) -> None:
        try:
            barrier.wait()
            number = _decide(event, chora, on=date(2025, 5, day)).number
        finally:
            connections.close_all()
        with lock:
            numbers.append(number)

    threads = [threading.Thread(target=issue, args=(day,)) for day in range(1, 11)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == sorted(f"{n}/QĐ-UBND" for n in range(1, 11))
    assert DocumentRegister.objects.get(unit=chora, year=2025, kind="QĐ").last_number == 10
