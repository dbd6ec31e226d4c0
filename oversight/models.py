"""Oversight's own records: results reports, pilot lessons, the congress budget, reminders sent.

These tables were created by the congresses app; the models moved here with
SeparateDatabaseAndState, keeping their table names, so no data moved.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# --- Oversight: results reports, pilot lessons, budget, reminders (issue 6) ---


class ResultReport(models.Model):
    """What a unit reports after holding its event (feeds the summary to the Central Council)."""

    event = models.OneToOneField("congresses.Event", on_delete=models.CASCADE, related_name="result_report")
    held_on = models.DateField(_("ngày tổ chức thực tế"))
    attended_exemplar_individuals = models.PositiveIntegerField(
        _("cá nhân điển hình tiên tiến dự"), default=0
    )
    attended_exemplar_collectives = models.PositiveIntegerField(_("đại diện tập thể điển hình dự"), default=0)
    attended_leaders = models.PositiveIntegerField(_("lãnh đạo các cấp, các ngành dự"), default=0)
    attended_guests = models.PositiveIntegerField(_("khách mời dự"), default=0)
    exemplars_honoured = models.PositiveIntegerField(_("số điển hình được khen thưởng"), default=0)
    delegation_approved = models.PositiveIntegerField(
        _("số đại biểu được thông qua dự Đại hội cấp trên"), default=0
    )
    achievements = models.TextField(_("kết quả đạt được"))
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    lessons = models.TextField(_("bài học kinh nghiệm"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("báo cáo lúc"), auto_now=True)

    class Meta:
        db_table = "congresses_resultreport"  # kept from the congresses app: no data moved
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")
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
    file = models.FileField(_("tệp"), upload_to="result_reports/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(_("loại tệp"), max_length=10)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "congresses_resultattachment"  # kept from the congresses app: no data moved
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")
        ordering = ["report", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class PilotLesson(models.Model):
    """The council's comments on a pilot unit's programme and the lessons learnt from it."""

    event = models.OneToOneField("congresses.Event", on_delete=models.CASCADE, related_name="pilot_lesson")
    council_comments = models.TextField(_("ý kiến chỉ đạo của Hội đồng TĐKT tỉnh"), blank=True)
    lessons = models.TextField(_("bài học kinh nghiệm rút ra"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "congresses_pilotlesson"  # kept from the congresses app: no data moved
        verbose_name = _("rút kinh nghiệm chỉ đạo điểm")
        verbose_name_plural = _("rút kinh nghiệm chỉ đạo điểm")
        ordering = ["event__date"]

    def __str__(self) -> str:
        return f"Chỉ đạo điểm: {self.event}"


class BudgetLine(models.Model):
    """One line of the estimate of the province congress's costs (plan, section III.3)."""

    class Category(models.TextChoices):
        VENUE = "venue", _("Hội trường, khánh tiết, trang trí")
        PRINTING = "printing", _("In ấn tài liệu")
        CERTIFICATES = "certificates", _("Giấy chứng nhận, khen thưởng, tiền thưởng")
        MEDIA = "media", _("Tuyên truyền, truyền thông")
        DELEGATES = "delegates", _("Hỗ trợ đại biểu")
        OTHER = "other", _("Chi khác")

    campaign = models.ForeignKey("congresses.Campaign", on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("nhóm chi"), max_length=20, choices=Category.choices)
    description = models.CharField(_("nội dung chi"), max_length=255)
    quantity = models.PositiveIntegerField(_("số lượng"))
    unit_price = models.PositiveBigIntegerField(_("đơn giá (đồng)"))
    notes = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "congresses_budgetline"  # kept from the congresses app: no data moved
        verbose_name = _("dòng dự toán kinh phí")
        verbose_name_plural = _("dự toán kinh phí")
        ordering = ["campaign", "category", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


class ReminderSent(models.Model):
    """A reminder e-mailed to a unit's officers; at most one per stage per unit."""

    class Stage(models.TextChoices):
        PLAN_BEFORE = "plan_before", _("Sắp đến hạn nộp kế hoạch")
        PLAN_AFTER = "plan_after", _("Quá hạn nộp kế hoạch")
        REGISTER_BEFORE = "register_before", _("Sắp đến thời gian tổ chức, chưa đăng ký sự kiện")
        REGISTER_AFTER = "register_after", _("Đã đến thời gian tổ chức, chưa đăng ký sự kiện")
        REPORT_BEFORE = "report_before", _("Sắp đến hạn báo cáo kết quả")
        REPORT_AFTER = "report_after", _("Quá hạn báo cáo kết quả")

    campaign = models.ForeignKey(
        "congresses.Campaign", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="reminders_sent")
    stage = models.CharField(_("giai đoạn"), max_length=20, choices=Stage.choices)
    sent_on = models.DateField(_("ngày gửi"))
    recipients = models.TextField(_("người nhận"))

    class Meta:
        db_table = "congresses_remindersent"  # kept from the congresses app: no data moved
        verbose_name = _("nhắc việc đã gửi")
        verbose_name_plural = _("nhắc việc đã gửi")
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "stage"], name="one_reminder_per_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_stage_display()}"


class ReminderDelivery(models.Model):
    """One address a reminder was sent to, on its own: a refusal stays on this row only.

    Written "pending" in the same transaction as the reminder (an outbox), then sent;
    a mail server that is down leaves it pending for the next day's run, a refusal
    (5xx, e.g. 550 unknown mailbox) is kept with the server's answer and shown on
    the reminders page.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        REFUSED = "refused", _("Bị từ chối")

    class Route(models.TextChoices):
        DIRECT = "direct", _("Cán bộ đơn vị")
        UNIT = "unit", _("Hộp thư đơn vị (đơn vị chưa có cán bộ có địa chỉ thư)")
        PARENT = "parent", _("Cán bộ đơn vị cấp trên (đơn vị chưa có cán bộ có địa chỉ thư)")
        DIGEST = "digest", _("Danh sách quá hạn gửi đơn vị cấp trên")

    reminder = models.ForeignKey(ReminderSent, on_delete=models.CASCADE, related_name="deliveries")
    address = models.EmailField(_("địa chỉ"))
    route = models.CharField(_("đường gửi"), max_length=10, choices=Route.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("lỗi của máy chủ thư"), blank=True)
    attempted_at = models.DateTimeField(_("lần gửi gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt gửi thư nhắc việc")
        verbose_name_plural = _("lượt gửi thư nhắc việc")
        ordering = ["reminder", "route", "address"]
        constraints = [
            models.UniqueConstraint(fields=["reminder", "address", "route"], name="one_delivery_per_address"),
        ]

    def __str__(self) -> str:
        return f"{self.address} — {self.get_status_display()}"


class SummaryNarrative(models.Model):
    """Sở Nội vụ's edit of the summary's narrative sections for one campaign (issue 11).

    A section left empty follows the text assembled from the units' reports (oversight.domain
    .narrative_draft); "Khôi phục bản tự động" empties it again.
    """

    campaign = models.OneToOneField(
        "congresses.Campaign", on_delete=models.CASCADE, related_name="summary_narrative"
    )
    results = models.TextField("kết quả đạt được", blank=True)
    evaluation = models.TextField("đánh giá", blank=True)
    lessons = models.TextField("bài học kinh nghiệm từ đơn vị làm điểm", blank=True)
    recommendations = models.TextField("kiến nghị, đề xuất", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "nội dung báo cáo tổng hợp"
        verbose_name_plural = "nội dung báo cáo tổng hợp"

    def __str__(self) -> str:
        return f"Nội dung báo cáo tổng hợp: {self.campaign}"
