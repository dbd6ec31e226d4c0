"""Reward money: coefficient (Nghị định 152/2025/NĐ-CP) x the base salary in force on the decision date."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from honors import domain, services
from honors.models import AwardType, BaseSalary
from tests.factories import ExemplarFactory

from .conftest import make_decision

# --- The rule, without a database ------------------------------------------------------

RATES = [(date(2023, 7, 1), 1_800_000), (date(2024, 7, 1), 2_340_000)]


def test_the_base_salary_in_force_is_the_latest_that_started_on_or_before_the_day():
    assert domain.base_salary_on(RATES, date(2024, 6, 30)) == 1_800_000
    assert domain.base_salary_on(RATES, date(2024, 7, 1)) == 2_340_000
    assert domain.base_salary_on(RATES, date(2025, 3, 1)) == 2_340_000
    assert domain.base_salary_on(RATES, date(2020, 1, 1)) is None


def test_amounts_are_the_coefficient_times_the_base_salary_rounded_up_to_ten_thousand():
    assert domain.reward_amount(coefficient=Decimal("3.0"), base_salary=2_340_000).amount == 7_020_000
    assert domain.reward_amount(coefficient=Decimal("8.0"), base_salary=1_800_000).amount == 14_400_000
    # 0,3 x 2.340.000 = 702.000 -> 710.000; 0,8 x 2.340.000 = 1.872.000 -> 1.880.000
    assert domain.reward_amount(coefficient=Decimal("0.3"), base_salary=2_340_000).amount == 710_000
    assert domain.reward_amount(coefficient=Decimal("0.8"), base_salary=2_340_000).amount == 1_880_000


def test_a_form_without_a_coefficient_or_a_day_without_a_base_salary_has_no_amount():
    no_money = domain.reward_amount(coefficient=None, base_salary=2_340_000)
    no_rate = domain.reward_amount(coefficient=Decimal("1.0"), base_salary=None)
    assert no_money.amount is None and "không kèm tiền thưởng" in no_money.reason
    assert no_rate.amount is None and "Chưa có mức lương cơ sở" in no_rate.reason


def test_a_collective_takes_the_collective_coefficient():
    kw = {"individual": Decimal("1.5"), "collective": Decimal("3.0")}
    assert domain.reward_coefficient(**kw, kind="individual") == Decimal("1.5")
    assert domain.reward_coefficient(**kw, kind="collective") == Decimal("3.0")


def test_the_budget_sums_per_form_and_counts_honours_without_an_amount():
    budget = domain.reward_budget([("A", 100), ("B", 50), ("A", 200), ("C", None)])
    assert [(r.award, r.count, r.amount) for r in budget.rows] == [("A", 2, 300), ("B", 1, 50), ("C", 1, 0)]
    assert (budget.count, budget.total, budget.without_amount) == (4, 350, 1)


# --- Data: the decree's coefficients and the base salaries ------------------------------


@pytest.mark.django_db
def test_the_award_forms_carry_the_decrees_coefficients(awards):
    def coef(name):
        a = AwardType.objects.get(name=name)
        return a.reward_individual, a.reward_collective

    assert coef("Chiến sĩ thi đua cấp tỉnh") == (Decimal("3.0"), None)
    assert coef("Chiến sĩ thi đua cơ sở") == (Decimal("1.0"), None)
    assert coef("Lao động tiên tiến") == (Decimal("0.3"), None)
    assert coef("Cờ thi đua của UBND tỉnh") == (None, Decimal("8.0"))
    assert coef("Bằng khen của Chủ tịch UBND tỉnh") == (Decimal("1.5"), Decimal("3.0"))
    assert coef("Giấy khen của Chủ tịch UBND cấp xã") == (Decimal("0.3"), Decimal("0.6"))
    assert "Điều 50" in AwardType.objects.get(name="Chiến sĩ thi đua cấp tỉnh").reward_basis


@pytest.mark.django_db
def test_the_migration_loads_the_base_salaries_by_decree():
    rates = {b.effective_from: (b.amount, b.legal_basis) for b in BaseSalary.objects.all()}
    assert rates[date(2024, 7, 1)] == (2_340_000, "Nghị định 73/2024/NĐ-CP")
    assert rates[date(2023, 7, 1)][0] == 1_800_000


# --- Decisions, the budget pages and their Excel -----------------------------------------


@pytest.fixture
def two_decisions(units, events, awards):
    """Province decisions before and after a new base salary (2.500.000 đ from 01/01/2026)."""
    services.base_salary_save(
        base_salary=BaseSalary(effective_from=date(2026, 1, 1), amount=2_500_000, legal_basis="Nghị định mới")
    )
    event = events["province"]
    first = make_decision(event, "province_chair", "10/QĐ-UBND")  # 01/03/2025: 2.340.000
    second = services.award_decision_get_or_create(
        event=event, authority="province_chair", issuer="Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn",
        number="20/QĐ-UBND", date=date(2026, 3, 2), place="Bắc Kạn", signer="Hà Văn Lâm",
    )  # fmt: skip
    record = services.honour_record
    record(event=event, exemplar=ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa"),
           award_type=awards["Chiến sĩ thi đua cấp tỉnh"], decision=first)  # fmt: skip
    record(event=event, exemplar=ExemplarFactory(unit=units["babe"], name="HTX Nam Mẫu", kind="collective"),
           award_type=awards["Bằng khen của Chủ tịch UBND tỉnh"], decision=first)  # fmt: skip
    record(event=event, exemplar=ExemplarFactory(unit=units["nari"], name="Ma Văn Tuấn"),
           award_type=awards["Chiến sĩ thi đua cấp tỉnh"], decision=second)  # fmt: skip
    return event


@pytest.mark.django_db
def test_each_decision_uses_the_base_salary_in_force_on_its_date(client, admin, two_decisions):
    client.force_login(admin)
    body = client.get(reverse("honors:event_detail", args=[two_decisions.pk])).content.decode()
    # first: 3,0 x 2.340.000 and a collective Bằng khen 3,0 x 2.340.000; second: 3,0 x 2.500.000
    assert body.count("7.020.000 đ") == 2
    assert "14.040.000 đ" in body  # the first decision's total
    assert body.count("7.500.000 đ") == 2  # the second decision's one amount and its total


@pytest.mark.django_db
def test_the_event_budget_sums_by_award_form(client, admin, two_decisions):
    client.force_login(admin)
    url = reverse("honors:event_budget", args=[two_decisions.pk])
    response = client.get(url)
    budget = response.context["budget"]
    assert [(r.award, r.count, r.amount) for r in budget.rows] == [
        ("Chiến sĩ thi đua cấp tỉnh", 2, 14_520_000),  # 7.020.000 + 7.500.000
        ("Bằng khen của Chủ tịch UBND tỉnh", 1, 7_020_000),
    ]
    assert budget.total == 21_540_000
    assert "21.540.000 đ" in response.content.decode()


@pytest.mark.django_db
def test_the_budget_reads_in_two_queries_however_many_honours(two_decisions, django_assert_num_queries):
    from honors import selectors

    with django_assert_num_queries(2):
        selectors.event_reward_budget(event=two_decisions)


@pytest.mark.django_db
def test_the_budget_excel_stores_amounts_as_formatted_numbers(client, admin, two_decisions):
    client.force_login(admin)
    response = client.get(reverse("honors:event_budget", args=[two_decisions.pk]), {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows() if row[1].value in ("Chiến sĩ thi đua cấp tỉnh", "Tổng cộng")]
    assert [r[3].value for r in rows] == [14_520_000, 21_540_000]
    assert all(r[3].number_format == "#,##0" for r in rows)


@pytest.mark.django_db
def test_the_province_budget_adds_every_event(client, admin, units, events, awards, two_decisions):
    decision = make_decision(events["chora"], "commune_chair", "3/QĐ-UBND")
    services.honour_record(
        event=events["chora"], exemplar=ExemplarFactory(unit=units["chora"], name="Lý Thị Mai"),
        award_type=awards["Giấy khen của Chủ tịch UBND cấp xã"], decision=decision,
    )  # fmt: skip
    client.force_login(admin)
    budget = client.get(reverse("honors:province_budget")).context["budget"]
    assert budget.total == 21_540_000 + 710_000  # 0,3 x 2.340.000 rounded up


@pytest.mark.django_db
def test_the_decision_list_excel_has_each_amount_and_the_total(client, admin, two_decisions):
    client.force_login(admin)
    url = reverse("honors:decision_export", args=[two_decisions.pk])
    sheet = load_workbook(io.BytesIO(client.get(url, {"so": "10/QĐ-UBND"}).content)).active
    values = [(r[1].value, r[7].value, r[7].number_format) for r in sheet.iter_rows(min_row=6) if r[1].value]
    assert values == [
        ("Hoàng Thị Hoa", 7_020_000, "#,##0"),
        ("HTX Nam Mẫu", 7_020_000, "#,##0"),
        ("Tổng cộng", 14_040_000, "#,##0"),
    ]


# --- The base-salary form (Sở Nội vụ) ------------------------------------------------------


@pytest.mark.django_db
def test_staff_add_a_base_salary_and_the_change_is_audited(client, admin):
    from auditlog.models import LogEntry

    client.force_login(admin)
    response = client.post(
        reverse("honors:base_salary_add"),
        {"effective_from": "2026-07-01", "amount": "2.530.000", "legal_basis": "Nghị định 01/2026/NĐ-CP"},
    )
    assert response.status_code == 302
    added = BaseSalary.objects.get(effective_from=date(2026, 7, 1))
    assert added.amount == 2_530_000
    assert LogEntry.objects.get_for_object(added).filter(actor=admin).exists()
    assert "2.530.000 đ" in client.get(reverse("honors:base_salary_list")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"effective_from": "2026-07-01", "amount": "-2.340.000"}, "không được âm"),
        ({"effective_from": "", "amount": "2.340.000"}, "Hãy nhập ngày bắt đầu áp dụng"),
        ({"effective_from": "2026-07-01", "amount": "hai triệu"}, "phải là số tiền"),
        ({"effective_from": "2026-07-01", "amount": "0"}, "phải lớn hơn 0"),
        (
            {"effective_from": "2024-07-01", "amount": "2.340.000"},
            "Đã có mức lương cơ sở áp dụng từ ngày này",
        ),
    ],
)
def test_bad_base_salary_input_gets_a_vietnamese_message_and_saves_nothing(client, admin, payload, message):
    client.force_login(admin)
    before = BaseSalary.objects.count()
    response = client.post(reverse("honors:base_salary_add"), {"legal_basis": "Nghị định", **payload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert BaseSalary.objects.count() == before


@pytest.mark.django_db
def test_staff_correct_a_base_salary_and_leadership_may_only_read(client, admin, leadership):
    rate = BaseSalary.objects.get(effective_from=date(2024, 7, 1))
    client.force_login(leadership)
    assert client.get(reverse("honors:base_salary_list")).status_code == 200
    url = reverse("honors:base_salary_edit", args=[rate.pk])
    assert (
        client.post(url, {"effective_from": "2024-07-01", "amount": "1", "legal_basis": "x"}).status_code
        == 403
    )
    client.force_login(admin)
    payload = {
        "effective_from": "2024-07-01",
        "amount": "2340000",
        "legal_basis": "Nghị định 73/2024/NĐ-CP, Điều 3",
    }
    assert client.post(url, payload).status_code == 302
    rate.refresh_from_db()
    assert rate.legal_basis.endswith("Điều 3") and rate.amount == 2_340_000
