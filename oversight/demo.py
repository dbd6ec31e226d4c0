"""Demo data of oversight: results reports, pilot lessons, the budget estimate."""

from django.db.models import Count

from congresses.models import Event
from congresses.selectors import campaign_active
from delegates.models import Delegate, DelegationApproval

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
