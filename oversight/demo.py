"""Demo data of oversight: results reports, pilot lessons, the budget estimate."""

from dataclasses import asdict
from datetime import date

from django.db.models import Count

from congresses.models import Campaign, Event
from congresses.selectors import campaign_active
from congresses.services import campaign_copy, campaign_update, movement_save, tier_update
from delegates.models import Delegate, DelegationApproval
from units.models import DocumentSigner, Unit, User
from units.selectors import document_profile_get, document_profile_values
from units.services import document_profile_save
from units.services_reorganisation import reorganisation_load_from_file

from .models import BudgetLine, PilotLesson, ResultReport

# --- Oversight (issue 6): results reports, pilot lessons, budget estimate ---

BUDGET_DEMO = (
    ("venue", "Thuê hội trường, âm thanh, ánh sáng (2 ngày)", 1, 45_000_000, ""),
    ("venue", "Trang trí khánh tiết, hoa tươi", 1, 18_500_000, ""),
    ("printing", "In tài liệu Đại hội", 520, 35_000, "Bộ tài liệu cho đại biểu"),
    ("printing", "In giấy mời, thẻ đại biểu", 560, 6_000, ""),
    ("certificates", "Bằng khen của Chủ tịch UBND tỉnh (khung, phôi)", 120, 150_000, ""),
    ("certificates", "Tiền thưởng kèm Bằng khen tập thể", 40, 2_340_000, "Mức theo Nghị định 98/2023/NĐ-CP"),
    ("media", "Phóng sự, tuyên truyền trên Báo và Đài PT-TH tỉnh", 1, 30_000_000, ""),
    ("delegates", "Hỗ trợ tiền ăn đại biểu", 500, 150_000, "2 bữa"),
    ("delegates", "Hỗ trợ tiền ngủ đại biểu ở xa", 120, 300_000, ""),
    ("other", "Nước uống, văn phòng phẩm, chi khác", 1, 12_500_000, ""),
)


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    seed_results(campaign=campaign, rng=rng, stdout=stdout)
    seed_report_signer()
    seed_next_map(campaign=campaign, stdout=stdout)


# Who signs Sở Nội vụ's reports in the demo (the summary to the Central Council): its deputy
# director by name, and where the report goes ("Nơi nhận"), as Sở Nội vụ would enter them.
REPORT_SIGNER = {
    "authority": "KT.",
    "on_behalf_of": "GIÁM ĐỐC",
    "title": "PHÓ GIÁM ĐỐC",
    "full_name": "Nông Văn Thắng",
    "recipients": "Như trên;\nBan Thi đua - Khen thưởng Trung ương;\nThường trực Tỉnh ủy (b/c);\n"
    "UBND tỉnh (b/c);\nLưu: VT, TĐKT.",
}


def seed_report_signer() -> None:
    """Sở Nội vụ's report signer, unless its officers already entered one."""
    unit = Unit.objects.filter(kind="department", name="Sở Nội vụ").select_related("parent").first()
    staff = User.objects.filter(username="sonoivu").first()
    if unit is None or staff is None:
        return
    profile = document_profile_get(unit=unit)
    if profile is not None and profile.signers.filter(purpose=DocumentSigner.Purpose.REPORT).exists():
        return
    values, _, _ = document_profile_values(unit=unit, profile=profile)
    data = {**asdict(values), "committee_symbol": profile.committee_symbol if profile else "BTC"}
    document_profile_save(unit=unit, by=staff, profile_data=data,
                          signers={DocumentSigner.Purpose.REPORT: REPORT_SIGNER})  # fmt: skip


# --- The map after 1 July 2025 (issue 13): the reorganisation waits for Sở Nội vụ, and the next
# campaign is prepared on the two-tier map by copying this one and editing it, as a user would ---

NEXT_CAMPAIGN_NAME = "Đại hội Thi đua yêu nước tỉnh Thái Nguyên"
NEXT_MAP_DATE = date(2026, 1, 1)
NEXT_MOVEMENT_NAMES = {
    "Bắc Kạn chung sức xây dựng nông thôn mới": "Thái Nguyên chung sức xây dựng nông thôn mới",
    "Bắc Kạn đẩy mạnh chuyển đổi số": "Thái Nguyên đẩy mạnh chuyển đổi số",
}


def seed_next_map(*, campaign: Campaign, stdout) -> None:
    reorganisation = reorganisation_load_from_file()
    stdout.write(f"  {reorganisation.name}: {reorganisation.get_status_display().lower()}")
    if Campaign.objects.filter(name=NEXT_CAMPAIGN_NAME).exists():
        return
    # No district tier: commune, ward and special zone send their delegations to the province.
    new = campaign_copy(
        source=campaign, name=NEXT_CAMPAIGN_NAME, ordinal="I", years_later=5, map_date=NEXT_MAP_DATE,
        tier_codes=[t.code for t in campaign.tiers.all() if t.code != "district"],
    )  # fmt: skip
    campaign_update(campaign=new, data={"period_start_year": 2026})
    tiers = {t.code: t for t in new.tiers.all()}
    tier_update(
        tier=tiers["commune"],
        data={"label": "Cấp xã, phường, đặc khu", "unit_kinds": ["commune", "ward", "special_zone"],
              "upper_tier": tiers["province"]},
    )  # fmt: skip
    for movement in new.movements.filter(name__in=NEXT_MOVEMENT_NAMES):
        movement.name = NEXT_MOVEMENT_NAMES[movement.name]
        movement_save(movement=movement)
    stdout.write(f"  chiến dịch đang chuẩn bị: {new} ({new.period_start_year}–{new.period_end_year})")


def seed_results(*, campaign: Campaign, rng, stdout) -> None:

    # Results reports tell of the rosters the demo built: a few delegates of each
    # category stay away, so "attended" never exceeds "registered on rosters".
    on_roster: dict[tuple[int, str], int] = {
        (row["event_id"], row["category"]): row["n"]
        for row in Delegate.objects.filter(event__campaign=campaign)
        .values("event_id", "category")
        .annotate(n=Count("pk"))
    }
    sent = dict(DelegationApproval.objects.filter(event__campaign=campaign).values_list("event_id", "size"))

    def attended(event_id: int, category: str) -> int:
        registered = on_roster.get((event_id, category), 0)
        return registered - rng.randint(0, registered // 20)

    reports = []
    for event in Event.objects.filter(
        campaign=campaign, status=Event.Status.REPORTED, result_report__isnull=True
    ).select_related("tier"):
        individuals = attended(event.pk, Delegate.Category.EXEMPLAR_INDIVIDUAL)
        collectives = attended(event.pk, Delegate.Category.EXEMPLAR_COLLECTIVE)
        reports.append(
            ResultReport(
                event=event,
                held_on=event.date,
                attended_exemplar_individuals=individuals,
                attended_exemplar_collectives=collectives,
                attended_leaders=attended(event.pk, Delegate.Category.LEADER),
                attended_guests=attended(event.pk, Delegate.Category.GUEST),
                exemplars_honoured=rng.randint(
                    (individuals + collectives) // 4, (individuals + collectives) // 2
                ),
                delegation_approved=sent.get(event.pk, 0) if event.tier.upper_tier_id else 0,
                achievements="Tổ chức trang trọng, đúng kế hoạch; tôn vinh các điển hình tiên tiến trong phong trào.",
                shortcomings=rng.choice(["", "Một số điển hình đến muộn do đường xa."]),
                lessons="Chuẩn bị sớm danh sách điển hình và tham luận.",
            )
        )
    ResultReport.objects.bulk_create(reports)
    for event in Event.objects.filter(campaign=campaign, unit__is_pilot=True, pilot_lesson__isnull=True):
        PilotLesson.objects.create(
            event=event,
            council_comments="Chương trình phù hợp hướng dẫn; đề nghị rút ngắn phần phát biểu, tăng thời lượng "
            "cho tham luận của điển hình trực tiếp lao động, sản xuất.",
            lessons="Tổ chức gọn trong một buổi; chọn điển hình tham luận từ cơ sở; chuẩn bị kỹ khâu khen thưởng.",
        )
    if not BudgetLine.objects.filter(campaign=campaign).exists():
        BudgetLine.objects.bulk_create(
            BudgetLine(campaign=campaign, category=c, description=d, quantity=q, unit_price=p, notes=n)
            for c, d, q, p, n in BUDGET_DEMO
        )
    stdout.write(
        f"  {len(reports)} báo cáo kết quả, {BudgetLine.objects.filter(campaign=campaign).count()} dòng dự toán"
    )
