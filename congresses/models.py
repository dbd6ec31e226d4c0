import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import F, Q


class Campaign(models.Model):
    """One emulation campaign: its rules live in its TierRule rows, not in code."""

    name = models.CharField("tên", max_length=255)
    ordinal = models.CharField("lần thứ", max_length=10, help_text="Ví dụ: VI")
    period_start_year = models.PositiveSmallIntegerField("giai đoạn từ năm")
    period_end_year = models.PositiveSmallIntegerField("giai đoạn đến năm")
    next_period_label = models.CharField(
        "giai đoạn phát động tiếp theo", max_length=20, help_text="Ví dụ: 2025 - 2030"
    )
    plan_deadline = models.DateField("hạn nộp kế hoạch của đơn vị")
    is_active = models.BooleanField("đang triển khai", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chiến dịch thi đua"
        verbose_name_plural = "chiến dịch thi đua"
        ordering = ["-period_end_year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_year__gt=F("period_start_year")),
                name="campaign_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_campaign"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (lần thứ {self.ordinal})"


class TierRule(models.Model):
    """The rules of one tier of events within a campaign (plan, section II.2)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tiers")
    code = models.SlugField("mã cấp", max_length=30)
    label = models.CharField("cấp", max_length=100)
    unit_kinds = models.JSONField("loại đơn vị áp dụng", default=list)
    event_name = models.CharField("tên gọi của sự kiện", max_length=255)
    is_congress = models.BooleanField("là Đại hội (có nghi thức chào cờ)", default=False)
    delegate_cap = models.PositiveIntegerField("số đại biểu tối đa")
    min_exemplar_share_percent = models.PositiveSmallIntegerField(
        "tỷ lệ đại biểu điển hình tối thiểu (%)", default=70
    )
    window_start = models.DateField("tổ chức từ ngày")
    window_end = models.DateField("tổ chức đến ngày")
    window_label = models.CharField("thời gian theo kế hoạch", max_length=50)
    sessions = models.PositiveSmallIntegerField("số buổi", default=1)
    upper_tier = models.ForeignKey(
        "self",
        verbose_name="cấp trên (nhận đoàn đại biểu)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lower_tiers",
    )
    sends_delegation_upward = models.BooleanField("thông qua đoàn đại biểu dự Đại hội cấp trên", default=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    cap_setter = models.CharField(
        "ai được đặt số đại biểu riêng",
        max_length=10,
        blank=True,
        default="",
        choices=[
            ("", "Không ai: áp dụng mức tối đa của cấp"),
            ("unit", "Đơn vị tự đặt mức thấp hơn"),
            ("staff", "Sở Nội vụ quyết định trong mức tối đa"),
        ],
    )

    class Meta:
        verbose_name = "quy định theo cấp"
        verbose_name_plural = "quy định theo cấp"
        ordering = ["campaign", "order"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="tier_code_unique"),
            models.CheckConstraint(
                condition=Q(min_exemplar_share_percent__lte=100), name="tier_share_le_100"
            ),
            models.CheckConstraint(
                condition=Q(window_end__gte=F("window_start")), name="tier_window_ordered"
            ),
            models.CheckConstraint(condition=Q(sessions__gte=1), name="tier_sessions_ge_1"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.event_name}"


class Movement(models.Model):
    """A key emulation movement of the campaign (plan, section II.1.c)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="movements")
    name = models.CharField("tên phong trào", max_length=255)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["campaign", "order"]

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """The one conference or congress a unit holds within a campaign."""

    class Session(models.TextChoices):
        MORNING = "morning", "Buổi sáng"
        AFTERNOON = "afternoon", "Buổi chiều"

    class Status(models.TextChoices):
        PLANNED = "planned", "Đã đăng ký"
        HELD = "held", "Đã tổ chức"
        REPORTED = "reported", "Đã báo cáo kết quả"

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="events")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="events")
    tier = models.ForeignKey(TierRule, on_delete=models.PROTECT, related_name="events")
    name = models.CharField("tên sự kiện", max_length=255)
    ordinal = models.CharField("lần thứ", max_length=10)
    venue = models.CharField("địa điểm", max_length=255)
    date = models.DateField("ngày tổ chức")
    session = models.CharField("buổi", max_length=10, choices=Session.choices)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.PLANNED)
    delegate_cap = models.PositiveIntegerField(
        "số đại biểu tối đa của đơn vị",
        null=True,
        blank=True,
        help_text="Để trống để dùng mức tối đa của cấp.",
    )
    roster_finalised_at = models.DateTimeField("chốt danh sách lúc", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "hội nghị / đại hội"
        verbose_name_plural = "hội nghị / đại hội"
        ordering = ["date", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_event_per_unit"),
        ]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """One line of an event's programme (plan, section II.3)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField("thứ tự")
    start_time = models.TimeField("thời gian", null=True, blank=True)
    title = models.CharField("nội dung", max_length=500)
    speaker = models.CharField("người thực hiện", max_length=255, blank=True)

    class Meta:
        verbose_name = "mục chương trình"
        verbose_name_plural = "chương trình"
        ordering = ["event", "order"]

    def __str__(self) -> str:
        return self.title


class PrivateStorage(FileSystemStorage):
    """Files with no public URL: served only by views that check the unit scope."""

    def url(self, name):
        raise ValueError(
            "Tệp này chỉ tải về qua trang của đơn vị (có kiểm tra quyền), không có địa chỉ công khai."
        )


def private_storage() -> FileSystemStorage:
    """Uploaded plans live outside MEDIA_ROOT (never under /media/)."""
    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or f"{Path(settings.MEDIA_ROOT)}-private"
    return PrivateStorage(location=root)


def plan_upload_to(instance, filename: str) -> str:
    extension = Path(filename).suffix.lower()
    return f"plans/{instance.campaign_id}/{instance.unit_id}/{uuid.uuid4().hex}{extension}"


class UnitPlan(models.Model):
    """A unit's plan (or a pilot unit's event programme) for a campaign, as last submitted."""

    class Kind(models.TextChoices):
        PLAN = "plan", "Kế hoạch tổ chức"
        PILOT_PROGRAMME = "pilot_programme", "Chương trình Hội nghị (Đại hội) điểm"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Chờ xem xét"
        APPROVED = "approved", "Đã duyệt"
        RETURNED = "returned", "Trả lại để sửa"

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="plans")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="plans")
    kind = models.CharField("loại tài liệu", max_length=20, choices=Kind.choices, default=Kind.PLAN)
    file = models.FileField("tệp", upload_to=plan_upload_to, storage=private_storage, max_length=255)
    original_name = models.CharField("tên tệp gốc", max_length=255)
    file_type = models.CharField("định dạng", max_length=10)
    size = models.PositiveIntegerField("dung lượng (byte)")
    version = models.PositiveSmallIntegerField("lần nộp", default=1)
    first_submitted_at = models.DateTimeField("nộp lần đầu lúc")
    submitted_at = models.DateTimeField("nộp lúc")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    review_comment = models.TextField("ý kiến của Sở Nội vụ", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("xem xét lúc", null=True, blank=True)

    class Meta:
        verbose_name = "kế hoạch của đơn vị"
        verbose_name_plural = "kế hoạch của đơn vị"
        ordering = ["campaign", "unit__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "kind"], name="one_plan_per_unit_kind"),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(review_comment=""), name="returned_plan_has_comment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.unit}"


class UnitPlanVersion(models.Model):
    """An earlier submission of a plan, kept with its file and the review it received."""

    plan = models.ForeignKey(UnitPlan, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveSmallIntegerField("lần nộp")
    file = models.FileField("tệp", upload_to=plan_upload_to, storage=private_storage, max_length=255)
    original_name = models.CharField("tên tệp gốc", max_length=255)
    file_type = models.CharField("định dạng", max_length=10)
    size = models.PositiveIntegerField("dung lượng (byte)")
    submitted_at = models.DateTimeField("nộp lúc")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField("kết quả xem xét", max_length=10, choices=UnitPlan.Status.choices)
    review_comment = models.TextField("ý kiến của Sở Nội vụ", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("xem xét lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lần nộp trước"
        verbose_name_plural = "các lần nộp trước"
        ordering = ["plan", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="plan_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} (lần {self.version})"


# --- Oversight: results reports, pilot lessons, budget, reminders (issue 6) ---


class ResultReport(models.Model):
    """What a unit reports after holding its event (feeds the summary to the Central Council)."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="result_report")
    held_on = models.DateField("ngày tổ chức thực tế")
    attended_exemplar_individuals = models.PositiveIntegerField("cá nhân điển hình tiên tiến dự", default=0)
    attended_exemplar_collectives = models.PositiveIntegerField("đại diện tập thể điển hình dự", default=0)
    attended_leaders = models.PositiveIntegerField("lãnh đạo các cấp, các ngành dự", default=0)
    attended_guests = models.PositiveIntegerField("khách mời dự", default=0)
    exemplars_honoured = models.PositiveIntegerField("số điển hình được khen thưởng", default=0)
    delegation_approved = models.PositiveIntegerField(
        "số đại biểu được thông qua dự Đại hội cấp trên", default=0
    )
    achievements = models.TextField("kết quả đạt được")
    shortcomings = models.TextField("tồn tại, hạn chế", blank=True)
    lessons = models.TextField("bài học kinh nghiệm", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField("báo cáo lúc", auto_now=True)

    class Meta:
        verbose_name = "báo cáo kết quả"
        verbose_name_plural = "báo cáo kết quả"
        ordering = ["event__date"]

    def __str__(self) -> str:
        return f"Báo cáo kết quả: {self.event}"

    @property
    def attended_total(self) -> int:
        return (
            self.attended_exemplar_individuals
            + self.attended_exemplar_collectives
            + self.attended_leaders
            + self.attended_guests
        )


class ResultAttachment(models.Model):
    report = models.ForeignKey(ResultReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp", upload_to="result_reports/%Y/%m/")
    original_name = models.CharField("tên tệp", max_length=255)
    kind = models.CharField("loại tệp", max_length=10)
    size = models.PositiveIntegerField("dung lượng (byte)")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tệp đính kèm báo cáo"
        verbose_name_plural = "tệp đính kèm báo cáo"
        ordering = ["report", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class PilotLesson(models.Model):
    """The council's comments on a pilot unit's programme and the lessons learnt from it."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="pilot_lesson")
    council_comments = models.TextField("ý kiến chỉ đạo của Hội đồng TĐKT tỉnh", blank=True)
    lessons = models.TextField("bài học kinh nghiệm rút ra", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "rút kinh nghiệm chỉ đạo điểm"
        verbose_name_plural = "rút kinh nghiệm chỉ đạo điểm"
        ordering = ["event__date"]

    def __str__(self) -> str:
        return f"Chỉ đạo điểm: {self.event}"


class BudgetLine(models.Model):
    """One line of the estimate of the province congress's costs (plan, section III.3)."""

    class Category(models.TextChoices):
        VENUE = "venue", "Hội trường, khánh tiết, trang trí"
        PRINTING = "printing", "In ấn tài liệu"
        CERTIFICATES = "certificates", "Giấy chứng nhận, khen thưởng, tiền thưởng"
        MEDIA = "media", "Tuyên truyền, truyền thông"
        DELEGATES = "delegates", "Hỗ trợ đại biểu"
        OTHER = "other", "Chi khác"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField("nhóm chi", max_length=20, choices=Category.choices)
    description = models.CharField("nội dung chi", max_length=255)
    quantity = models.PositiveIntegerField("số lượng")
    unit_price = models.PositiveBigIntegerField("đơn giá (đồng)")
    notes = models.CharField("ghi chú", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dòng dự toán kinh phí"
        verbose_name_plural = "dự toán kinh phí"
        ordering = ["campaign", "category", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


class ReminderSent(models.Model):
    """A reminder e-mailed to a unit's officers; at most one per stage per unit."""

    class Stage(models.TextChoices):
        PLAN_BEFORE = "plan_before", "Sắp đến hạn nộp kế hoạch"
        PLAN_AFTER = "plan_after", "Quá hạn nộp kế hoạch"
        REGISTER_BEFORE = "register_before", "Sắp đến thời gian tổ chức, chưa đăng ký sự kiện"
        REGISTER_AFTER = "register_after", "Đã đến thời gian tổ chức, chưa đăng ký sự kiện"
        REPORT_BEFORE = "report_before", "Sắp đến hạn báo cáo kết quả"
        REPORT_AFTER = "report_after", "Quá hạn báo cáo kết quả"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders_sent")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="reminders_sent")
    stage = models.CharField("giai đoạn", max_length=20, choices=Stage.choices)
    sent_on = models.DateField("ngày gửi")
    recipients = models.TextField("người nhận")

    class Meta:
        verbose_name = "nhắc việc đã gửi"
        verbose_name_plural = "nhắc việc đã gửi"
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "stage"], name="one_reminder_per_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_stage_display()}"
