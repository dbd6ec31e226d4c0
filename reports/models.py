from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AgendaTemplateItem(models.Model):
    """One line of the standard programme of a campaign's events (plan, section II.3).

    The texts are data loaded from `reports/data/agenda_template.json`; the flags
    say at which events the line applies.
    """

    campaign = models.ForeignKey(
        "congresses.Campaign", on_delete=models.CASCADE, related_name="agenda_template_items"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=500)
    only_at_congress = models.BooleanField(_("chỉ tại Đại hội"), default=False)
    only_with_upper_delegation = models.BooleanField(_("chỉ khi cử đoàn dự Đại hội cấp trên"), default=False)
    default_minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"), default=15)

    class Meta:
        verbose_name = _("mục chương trình mẫu")
        verbose_name_plural = _("chương trình mẫu")
        ordering = ["campaign", "order"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "order"], name="agenda_template_order_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class GeneratedReport(models.Model):
    """One document job: queued, rendered by a worker, kept with its file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    kind = models.CharField(_("loại văn bản"), max_length=50)
    event = models.ForeignKey(
        "congresses.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="generated_reports"
    )
    campaign = models.ForeignKey(
        "congresses.Campaign",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="generated_reports",
    )
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    title = models.CharField(_("tên văn bản"), max_length=300)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    file = models.FileField(_("tệp"), upload_to="reports/", blank=True, max_length=300)
    error = models.TextField(_("lý do lỗi"), blank=True)
    idempotency_key = models.CharField(max_length=64, unique=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A signed PDF is final: never rendered again, only superseded by a new version (a new job).
    signed_at = models.DateTimeField(_("ký số lúc"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ký số"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    signer_subject = models.CharField(_("chứng thư ký"), max_length=500, blank=True)
    signature_level = models.CharField(_("mức chữ ký (PAdES)"), max_length=5, blank=True)
    supersedes = models.OneToOneField(
        "self", verbose_name=_("thay thế văn bản"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="superseded_by",
    )  # fmt: skip
    # The row is the source of truth (a transactional outbox): when it was last handed to the
    # broker, and the running worker's last sign of life (reports.services.reports_recover).
    queued_at = models.DateTimeField(_("đưa vào hàng đợi lúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("máy xử lý báo lần cuối"), null=True, blank=True)
    waiting_for_broker = models.BooleanField(_("chờ hệ thống hàng đợi"), default=False)

    class Meta:
        verbose_name = _("văn bản đã tạo")
        verbose_name_plural = _("văn bản đã tạo")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["event", "-created_at"]),
            models.Index(fields=["kind", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_le_100"),
            models.CheckConstraint(
                condition=Q(event__isnull=False) | Q(campaign__isnull=False), name="report_has_scope"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class SigningCredential(models.Model):
    """An issuing body's signing key as a PKCS#12 file uploaded by Sở Nội vụ.

    The file and its password are stored encrypted (reports/signing.py); the portal never
    offers them for download and decrypts them only to sign.
    """

    unit = models.OneToOneField("units.Unit", verbose_name=_("cơ quan"), on_delete=models.CASCADE,
                                related_name="signing_credential")  # fmt: skip
    pkcs12_encrypted = models.BinaryField(editable=False)
    passphrase_encrypted = models.BinaryField(editable=False)
    subject = models.CharField(_("chủ thể chứng thư"), max_length=500)
    issuer = models.CharField(_("tổ chức cấp"), max_length=500)
    valid_until = models.DateTimeField(_("hết hạn"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")  # fmt: skip
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("khóa ký số của cơ quan")
        verbose_name_plural = _("khóa ký số của cơ quan")

    def __str__(self) -> str:
        return self.subject
