"""Demo events: a realistic spread of units that registered, held and reported."""

from datetime import timedelta

from units.models import Unit

from .domain import event_full_name, tier_for_kind
from .models import Event
from .selectors import campaign_active, campaign_tiers

SMALL_SCALE_UNITS = ("58", "61")  # Thành phố Bắc Kạn and Huyện Ba Bể with their communes


def demo_units(scale: str):
    units = Unit.objects.select_related("parent")
    if scale == "province":
        return list(units.order_by("pk"))
    chosen = units.filter(code__in=SMALL_SCALE_UNITS) | units.filter(parent__code__in=SMALL_SCALE_UNITS)
    bodies = units.filter(name__in=("Sở Y tế", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh"))
    return list((chosen | bodies).order_by("pk"))


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    tiers = campaign_tiers(campaign=campaign)
    events = []
    for unit in demo_units(scale):
        tier = tier_for_kind(tiers, unit.kind)
        if tier is None:
            continue
        span = (tier.window_end - tier.window_start).days
        day = tier.window_start + timedelta(days=rng.randint(7, span - 7))
        status = rng.choices(
            [Event.Status.REPORTED, Event.Status.HELD, Event.Status.PLANNED], weights=[6, 3, 1]
        )[0]
        events.append(
            Event(
                campaign=campaign,
                unit=unit,
                tier=tier,
                name=event_full_name(event_name=tier.event_name, unit_name=unit.name),
                ordinal=rng.choice(["II", "III"]) if not tier.is_congress else campaign.ordinal,
                venue=f"Hội trường {unit.name}",
                date=day,
                session=rng.choice([Event.Session.MORNING, Event.Session.AFTERNOON]),
                status=status,
            )
        )
    Event.objects.bulk_create(events, ignore_conflicts=True)
    stdout.write(f"  {Event.objects.filter(campaign=campaign).count()} sự kiện")
    seed_oversight(rng=rng, campaign=campaign, stdout=stdout)


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


def seed_oversight(*, rng, campaign, stdout) -> None:
    from .models import BudgetLine, PilotLesson, ResultReport

    reports = []
    for event in Event.objects.filter(
        campaign=campaign, status=Event.Status.REPORTED, result_report__isnull=True
    ):
        cap = event.delegate_cap or event.tier.delegate_cap
        exemplars = rng.randint(cap * 6 // 10, cap * 3 // 4)
        reports.append(
            ResultReport(
                event=event,
                held_on=event.date,
                attended_exemplar_individuals=exemplars * 4 // 5,
                attended_exemplar_collectives=exemplars - exemplars * 4 // 5,
                attended_leaders=rng.randint(10, 30),
                attended_guests=rng.randint(5, 20),
                exemplars_honoured=rng.randint(10, 40),
                delegation_approved=rng.randint(5, 25) if event.tier.upper_tier_id else 0,
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
