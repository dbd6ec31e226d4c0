import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.core.files.storage import storages as configured_storages
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.versioning import version_field


class Campaign(models.Model):
    """One emulation campaign: its rules live in its TierRule rows, not in code."""

    name = models.CharField(_("tên"), max_length=255)
    ordinal = models.CharField(_("lần thứ"), max_length=10, help_text=_("Ví dụ: VI"))
    period_start_year = models.PositiveSmallIntegerField(_("giai đoạn từ năm"))
    period_end_year = models.PositiveSmallIntegerField(_("giai đoạn đến năm"))
    next_period_label = models.CharField(
        _("giai đoạn phát động tiếp theo"), max_length=20, help_text=_("Ví dụ: 2025 - 2030")
    )
    plan_deadline = models.DateField(_("hạn nộp kế hoạch của đơn vị"))
    map_date = models.DateField(
        _("bản đồ đơn vị theo ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Các cấp của chiến dịch gồm các đơn vị còn hoạt động vào ngày này. "
            "Để trống: ngày bắt đầu sớm nhất của các cấp."
        ),
    )
    is_active = models.BooleanField(_("đang triển khai"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chiến dịch thi đua")
        verbose_name_plural = _("chiến dịch thi đua")
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
    code = models.SlugField(_("mã cấp"), max_length=30)
    label = models.CharField(_("cấp"), max_length=100)
    unit_kinds = models.JSONField(_("loại đơn vị áp dụng"), default=list)
    event_name = models.CharField(_("tên gọi của sự kiện"), max_length=255)
    is_congress = models.BooleanField(_("là Đại hội (có nghi thức chào cờ)"), default=False)
    delegate_cap = models.PositiveIntegerField(_("số đại biểu tối đa"))
    min_exemplar_share_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ đại biểu điển hình tối thiểu (%)"), default=70
    )
    window_start = models.DateField(_("tổ chức từ ngày"))
    window_end = models.DateField(_("tổ chức đến ngày"))
    window_label = models.CharField(_("thời gian theo kế hoạch"), max_length=50)
    sessions = models.PositiveSmallIntegerField(_("số buổi"), default=1)
    upper_tier = models.ForeignKey(
        "self",
        verbose_name=_("cấp trên (nhận đoàn đại biểu)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lower_tiers",
    )
    sends_delegation_upward = models.BooleanField(
        _("thông qua đoàn đại biểu dự Đại hội cấp trên"), default=True
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    cap_setter = models.CharField(
        _("ai được đặt số đại biểu riêng"),
        max_length=10,
        blank=True,
        default="",
        choices=[
            ("", _("Không ai: áp dụng mức tối đa của cấp")),
            ("unit", _("Đơn vị tự đặt mức thấp hơn")),
            ("staff", _("Sở Nội vụ quyết định trong mức tối đa")),
        ],
    )

    class Meta:
        verbose_name = _("quy định theo cấp")
        verbose_name_plural = _("quy định theo cấp")
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
    name = models.CharField(_("tên phong trào"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["campaign", "order"]

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """The one conference or congress a unit holds within a campaign."""

    class Session(models.TextChoices):
        MORNING = "morning", _("Buổi sáng")
        AFTERNOON = "afternoon", _("Buổi chiều")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã đăng ký")
        HELD = "held", _("Đã tổ chức")
        REPORTED = "reported", _("Đã báo cáo kết quả")

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="events")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="events")
    tier = models.ForeignKey(TierRule, on_delete=models.PROTECT, related_name="events")
    name = models.CharField(_("tên sự kiện"), max_length=255)
    ordinal = models.CharField(_("lần thứ"), max_length=10)
    venue = models.CharField(_("địa điểm"), max_length=255)
    date = models.DateField(_("ngày tổ chức"))
    session = models.CharField(_("buổi"), max_length=10, choices=Session.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    delegate_cap = models.PositiveIntegerField(
        _("số đại biểu tối đa của đơn vị"),
        null=True,
        blank=True,
        help_text=_("Để trống để dùng mức tối đa của cấp."),
    )
    roster_finalised_at = models.DateTimeField(_("chốt danh sách lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    version = version_field()  # optimistic locking of the edit form (core/versioning.py)

    class Meta:
        verbose_name = _("hội nghị / đại hội")
        verbose_name_plural = _("hội nghị / đại hội")
        ordering = ["date", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_event_per_unit"),
        ]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """One line of an event's programme (plan, section II.3)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    start_time = models.TimeField(_("thời gian"), null=True, blank=True)
    title = models.CharField(_("nội dung"), max_length=500)
    speaker = models.CharField(_("người thực hiện"), max_length=255, blank=True)

    version = version_field()  # optimistic locking of the edit form (core/versioning.py)

    class Meta:
        verbose_name = _("mục chương trình")
        verbose_name_plural = _("chương trình")
        ordering = ["event", "order"]

    def __str__(self) -> str:
        return self.title


class PrivateStorage(FileSystemStorage):
    """Files with no public URL: served only by views that check the unit scope."""

    def url(self, name):
        raise ValueError(
            "Tệp này chỉ tải về qua trang của đơn vị (có kiểm tra quyền), không có địa chỉ công khai."
        )


class PlanStorage(Storage):
    """Plan files on the configured storage, chosen when used (not when the model is loaded).

    STORAGE_BACKEND=local: a private directory outside MEDIA_ROOT. STORAGE_BACKEND=s3: the default
    storage (the bucket, objects private), so every web and worker machine sees the same files.
    Either way there is no public URL: the portal's views check the unit scope and stream the file.
    """

    def local_folder(self) -> str | None:
        """The folder of plan files on this machine (what `make backup` archives), None on S3."""
        if getattr(settings, "STORAGE_BACKEND", "local") != "local":
            return None
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", None) or f"{Path(settings.MEDIA_ROOT)}-private")

    def _backend(self) -> Storage:
        folder = self.local_folder()
        if folder is not None:
            return PrivateStorage(location=folder)
        return configured_storages.create_storage(settings.STORAGES["default"])

    def _open(self, name, mode="rb"):
        return self._backend().open(name, mode)

    def _save(self, name, content):
        return self._backend().save(name, content, max_length=255)

    def get_available_name(self, name, max_length=None):
        return self._backend().get_available_name(name, max_length=max_length)

    def delete(self, name):
        self._backend().delete(name)

    def exists(self, name):
        return self._backend().exists(name)

    def size(self, name):
        return self._backend().size(name)

    def path(self, name):
        return self._backend().path(name)

    def listdir(self, path):
        return self._backend().listdir(path)

    def url(self, name):
        raise ValueError(
            "Tệp này chỉ tải về qua trang của đơn vị (có kiểm tra quyền), không có địa chỉ công khai."
        )


def private_storage() -> Storage:
    """Where uploaded plans live: never under /media/, on the bucket when STORAGE_BACKEND=s3."""
    return PlanStorage()


def plan_upload_to(instance, filename: str) -> str:
    extension = Path(filename).suffix.lower()
    return f"plans/{instance.campaign_id}/{instance.unit_id}/{uuid.uuid4().hex}{extension}"


class UnitPlan(models.Model):
    """A unit's plan (or a pilot unit's event programme) for a campaign, as last submitted."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch tổ chức")
        PILOT_PROGRAMME = "pilot_programme", _("Chương trình Hội nghị (Đại hội) điểm")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Chờ xem xét")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Trả lại để sửa")

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="plans")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="plans")
    kind = models.CharField(_("loại tài liệu"), max_length=20, choices=Kind.choices, default=Kind.PLAN)
    file = models.FileField(_("tệp"), upload_to=plan_upload_to, storage=private_storage, max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    file_type = models.CharField(_("định dạng"), max_length=10)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    version = models.PositiveSmallIntegerField(_("lần nộp"), default=1)
    first_submitted_at = models.DateTimeField(_("nộp lần đầu lúc"))
    submitted_at = models.DateTimeField(_("nộp lúc"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    review_comment = models.TextField(_("ý kiến của Sở Nội vụ"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("kế hoạch của đơn vị")
        verbose_name_plural = _("kế hoạch của đơn vị")
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
    version = models.PositiveSmallIntegerField(_("lần nộp"))
    file = models.FileField(_("tệp"), upload_to=plan_upload_to, storage=private_storage, max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    file_type = models.CharField(_("định dạng"), max_length=10)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    submitted_at = models.DateTimeField(_("nộp lúc"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("kết quả xem xét"), max_length=10, choices=UnitPlan.Status.choices)
    review_comment = models.TextField(_("ý kiến của Sở Nội vụ"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nộp trước")
        verbose_name_plural = _("các lần nộp trước")
        ordering = ["plan", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="plan_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} (lần {self.version})"
