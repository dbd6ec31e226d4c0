import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.versioning import version_field
from units.choices import Gender
from units.reference import ETHNIC_GROUP_CHOICES, FIELD_CHOICES

from .domain import staged_rows_unpack


class Delegate(models.Model):
    """One person (or an exemplar collective's representative) on an event's roster."""

    class Category(models.TextChoices):
        EXEMPLAR_INDIVIDUAL = "exemplar_individual", _("Cá nhân điển hình tiên tiến")
        EXEMPLAR_COLLECTIVE = "exemplar_collective", _("Đại diện tập thể điển hình tiên tiến")
        GUEST = "guest", _("Khách mời")
        LEADER = "leader", _("Lãnh đạo các cấp, các ngành")

    EXEMPLAR_CATEGORIES = (Category.EXEMPLAR_INDIVIDUAL, Category.EXEMPLAR_COLLECTIVE)

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="delegates")
    category = models.CharField(_("thành phần"), max_length=30, choices=Category.choices)
    full_name = models.CharField(_("họ và tên"), max_length=150)
    collective_name = models.CharField(_("tên tập thể"), max_length=255, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"))
    ethnic_group = models.CharField(_("dân tộc"), max_length=30, choices=ETHNIC_GROUP_CHOICES)
    religion = models.CharField(_("tôn giáo"), max_length=100, default="Không")
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    workplace = models.CharField(_("nơi công tác"), max_length=255, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=100, blank=True, choices=FIELD_CHOICES)
    is_direct_worker = models.BooleanField(_("người trực tiếp lao động, sản xuất"), default=False)
    email = models.EmailField(
        _("thư điện tử"), blank=True, help_text=_("Để gửi giấy mời và lời nhắc trả lời.")
    )
    exemplar = models.ForeignKey(
        "honors.Exemplar",
        verbose_name=_("hồ sơ điển hình"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegate_seats",
    )
    source_delegate = models.ForeignKey(
        "self",
        verbose_name=_("đại biểu do cấp dưới cử"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="upper_copies",
    )
    in_delegation = models.BooleanField(_("trong đoàn đi dự Đại hội cấp trên"), default=False)
    # Vietnamese sort: by given name, then the rest; search ignores diacritics.
    sort_key = models.CharField(max_length=300, editable=False, db_index=True)
    search_text = models.CharField(max_length=600, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    version = version_field()  # optimistic locking of the edit form (core/versioning.py)

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        ordering = ["event", "sort_key"]
        indexes = [models.Index(fields=["event", "category"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__gte=1900) & Q(birth_year__lte=2100),
                name="delegate_birth_year_sane",
            ),
            models.UniqueConstraint(
                fields=["event", "source_delegate"],
                condition=Q(source_delegate__isnull=False),
                name="delegate_source_once_per_event",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_exemplar(self) -> bool:
        return self.category in self.EXEMPLAR_CATEGORIES


class DelegationQuota(models.Model):
    """How many delegates a unit sends to its upper unit's congress (set by the upper unit)."""

    campaign = models.ForeignKey("congresses.Campaign", on_delete=models.CASCADE, related_name="quotas")
    upper_unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị phân bổ"), on_delete=models.PROTECT, related_name="quotas_given"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị được phân bổ"), on_delete=models.PROTECT, related_name="quotas"
    )
    seats = models.PositiveIntegerField(_("số đại biểu được cử"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phân bổ đại biểu dự Đại hội cấp trên")
        verbose_name_plural = _("phân bổ đại biểu dự Đại hội cấp trên")
        ordering = ["campaign", "upper_unit", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_quota_per_unit_and_campaign"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} → {self.upper_unit}: {self.seats}"


class DelegationApproval(models.Model):
    """An event approved its delegation to the upper congress (agenda: "Thông qua danh sách…")."""

    event = models.OneToOneField("congresses.Event", on_delete=models.CASCADE, related_name="delegation")
    approved_at = models.DateTimeField(_("thông qua lúc"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    size = models.PositiveIntegerField(_("số đại biểu của đoàn"))

    class Meta:
        verbose_name = _("đoàn đại biểu dự Đại hội cấp trên")
        verbose_name_plural = _("đoàn đại biểu dự Đại hội cấp trên")

    def __str__(self) -> str:
        return f"Đoàn của {self.event}"


class RosterImport(models.Model):
    """Rows parsed from an uploaded Excel file, kept until the officer confirms the preview."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="roster_imports")
    file_name = models.CharField(_("tệp"), max_length=255)
    rows = models.JSONField(_("các dòng đã đọc"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bản nhập danh sách chờ xác nhận")
        verbose_name_plural = _("bản nhập danh sách chờ xác nhận")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({len(self.parsed_rows)} dòng)"

    @cached_property
    def parsed_rows(self) -> list[dict]:
        """The rows as the importer parsed them (`rows` keeps them packed, see domain)."""
        return staged_rows_unpack(self.rows)


class RosterCounter(models.Model):
    """The figures of one event's roster, kept by every roster write (issue 16).

    The dashboard, the compliance checker and the summary to the Central Council read
    these rows, one per event, instead of counting every delegate of the campaign.
    `delegates.services.roster_recount` sets them from one aggregate query inside the
    write's transaction, under the event lock the cap check takes, so they always equal
    a fresh count of the roster.
    """

    event = models.OneToOneField(
        "congresses.Event", on_delete=models.CASCADE, primary_key=True, related_name="roster_counter"
    )
    headcount = models.PositiveIntegerField(_("số đại biểu"), default=0)
    exemplar_individual = models.PositiveIntegerField(_("cá nhân điển hình"), default=0)
    exemplar_collective = models.PositiveIntegerField(_("đại diện tập thể điển hình"), default=0)
    guest = models.PositiveIntegerField(_("khách mời"), default=0)
    leader = models.PositiveIntegerField(_("lãnh đạo"), default=0)
    women = models.PositiveIntegerField(_("nữ"), default=0)
    minorities = models.PositiveIntegerField(_("dân tộc thiểu số"), default=0)
    religious = models.PositiveIntegerField(_("có tôn giáo"), default=0)
    direct_workers = models.PositiveIntegerField(_("trực tiếp lao động, sản xuất"), default=0)
    youth = models.PositiveIntegerField(_("thanh niên"), default=0)  # in the year of the event's date
    # Answers to the personal invitations and check-ins at the door (attendance's rows, written
    # by attendance services, which recount through delegates.services.roster_recount).
    answered_yes = models.PositiveIntegerField(_("sẽ tham dự"), default=0)
    answered_no = models.PositiveIntegerField(_("không tham dự được"), default=0)
    answered_replace = models.PositiveIntegerField(_("cử người đi thay"), default=0)
    answered_none = models.PositiveIntegerField(_("chưa trả lời"), default=0)
    checked_in = models.PositiveIntegerField(_("đã điểm danh"), default=0)

    class Meta:
        verbose_name = _("số liệu danh sách đại biểu")
        verbose_name_plural = _("số liệu danh sách đại biểu")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.headcount}"

    @property
    def exemplars(self) -> int:
        return self.exemplar_individual + self.exemplar_collective
