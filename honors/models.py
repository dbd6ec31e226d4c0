from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congresses.rules import AUTHORITY_CHOICES, AUTHORITY_LABELS, PUBLICATION_LABELS, UNIT_KINDS, Publication
from core.versioning import version_field
from units.choices import Gender
from units.reference import ETHNIC_GROUP_CHOICES, YOUTH_LABEL

from .domain import FIELD_CHOICES, LEVEL_CHOICES, RewardAmount


class AwardType(models.Model):
    """An emulation title or commendation form of the Law on Emulation and Commendation 2022."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        FORM = "form", _("Hình thức khen thưởng")
        HONORARY = "honorary", _("Danh hiệu vinh dự Nhà nước")

    class Recipient(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")
        BOTH = "both", _("Cá nhân và tập thể")

    name = models.CharField(_("tên"), max_length=255, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    recipient = models.CharField(_("đối tượng"), max_length=12, choices=Recipient.choices)
    level = models.PositiveSmallIntegerField(
        _("mức"),
        choices=LEVEL_CHOICES,
        help_text=_("Càng lớn càng cao: 1 cấp xã, 2 cấp huyện / sở, 3 cấp tỉnh, 4 Chính phủ, 5 Nhà nước"),
    )
    grantor = models.CharField(_("thẩm quyền quyết định"), max_length=255)
    authorities = models.JSONField(
        _("cấp có thẩm quyền tặng"),
        default=list,
        blank=True,
        help_text=_(
            "Mã cấp quyết định tặng (congresses.rules.Authority), theo Luật Thi đua, khen thưởng "
            "số 06/2022/QH15, Điều 77-80 và Nghị định 152/2025/NĐ-CP (thay Nghị định 98/2023/NĐ-CP từ 01/7/2025)."
        ),
    )
    proposer_kinds = models.JSONField(
        _("loại đơn vị được đề nghị"),
        default=list,
        blank=True,
        help_text=_(
            "Mã loại đơn vị (units.UnitKind) được đề nghị hình thức này, theo thẩm quyền tại Luật Thi đua, "
            "khen thưởng số 06/2022/QH15, Điều 77-80 và Nghị định 152/2025/NĐ-CP."
        ),
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    is_certificate = models.BooleanField(_("in Giấy khen / Bằng khen"), default=False)
    reward_individual = models.DecimalField(
        _("hệ số tiền thưởng (cá nhân)"), max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Số lần mức lương cơ sở; để trống nếu hình thức không kèm tiền thưởng."),
    )  # fmt: skip
    reward_collective = models.DecimalField(
        _("hệ số tiền thưởng (tập thể)"), max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    reward_basis = models.CharField(_("căn cứ mức tiền thưởng"), max_length=255, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1) & Q(level__lte=5), name="award_level_1_to_5"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if not isinstance(self.authorities, list) or any(a not in AUTHORITY_LABELS for a in self.authorities):
            errors["authorities"] = "Cấp có thẩm quyền không hợp lệ."
        if not isinstance(self.proposer_kinds, list) or any(k not in UNIT_KINDS for k in self.proposer_kinds):
            errors["proposer_kinds"] = "Loại đơn vị không hợp lệ."
        if errors:
            raise ValidationError(errors)

    @property
    def authority_labels(self) -> str:
        return "; ".join(AUTHORITY_LABELS.get(a, a) for a in self.authorities)


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) in force from a date, e.g. 2.340.000 đ from 01/07/2024 (NĐ 73/2024)."""

    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    amount = models.PositiveBigIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    legal_basis = models.CharField(_("căn cứ"), max_length=255, help_text=_("Ví dụ: Nghị định 73/2024/NĐ-CP"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-effective_from"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount} đ từ {self.effective_from:%d/%m/%Y}"


class Exemplar(models.Model):
    """An advanced exemplar (điển hình tiên tiến): a person or a collective of a unit."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="exemplars"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("họ tên / tên tập thể"), max_length=255)
    representative = models.CharField(_("người đại diện (tập thể)"), max_length=150, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnic_group = models.CharField(_("dân tộc"), max_length=30, choices=ETHNIC_GROUP_CHOICES, blank=True)
    religion = models.CharField(_("tôn giáo"), max_length=100, default="Không")
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại liên hệ"), max_length=20, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=100, choices=FIELD_CHOICES)
    movements = models.ManyToManyField(
        "congresses.Movement", verbose_name=_("phong trào"), blank=True, related_name="exemplars"
    )
    achievements = models.TextField(_("tóm tắt thành tích 2020 - 2025"))
    story = models.TextField(
        _("câu chuyện công bố"),
        blank=True,
        help_text=_("Đoạn giới thiệu ngắn hiển thị trên trang công khai (không ghi thông tin riêng tư)."),
    )
    is_youth = models.BooleanField(YOUTH_LABEL, default=False)
    is_direct_worker = models.BooleanField(_("người trực tiếp lao động, sản xuất"), default=False)
    is_new_model = models.BooleanField(_("mô hình mới, nhân tố mới"), default=False)
    photo = models.ImageField(_("ảnh"), upload_to="exemplars/", blank=True)
    publication = models.CharField(
        _("công bố trên trang công khai"),
        max_length=10,
        choices=list(PUBLICATION_LABELS.items()),
        default=Publication.DRAFT,
        help_text=_("Đơn vị đề nghị, cấp trên (huyện với cấp xã, Sở Nội vụ với các đơn vị khác) duyệt."),
    )
    publication_reason = models.TextField(_("lý do không duyệt công bố"), blank=True)
    publication_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    publication_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    publication_changed_at = models.DateTimeField(_("cập nhật công bố lúc"), null=True, blank=True)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    version = version_field()  # optimistic locking of the edit form (core/versioning.py)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["unit", "name"]
        indexes = [models.Index(fields=["publication", "field"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | (Q(birth_year__gte=1900) & Q(birth_year__lte=2100)),
                name="exemplar_birth_year_sane",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_woman(self) -> bool:
        return self.gender == Gender.FEMALE

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.APPROVED


class AwardReceived(models.Model):
    """A title or form the exemplar already received (its record of achievement)."""

    exemplar = models.ForeignKey(
        Exemplar, verbose_name=_("điển hình"), on_delete=models.CASCADE, related_name="awards_received"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("danh hiệu / hình thức"), on_delete=models.PROTECT, related_name="+"
    )
    decision_number = models.CharField(_("số quyết định"), max_length=50)
    decision_date = models.DateField(_("ngày quyết định"))
    issuing_authority = models.CharField(_("cơ quan ban hành"), max_length=255)
    is_earlier_history = models.BooleanField(
        _("thành tích trước giai đoạn"),
        default=False,
        help_text=_("Đánh dấu nếu quyết định ngoài giai đoạn thi đua."),
    )

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("khen thưởng đã nhận")
        ordering = ["exemplar", "-decision_date"]

    def __str__(self) -> str:
        return f"{self.award_type} ({self.decision_number})"


class Nomination(models.Model):
    """A unit's proposal to honour an exemplar at an event, reviewed by the level above."""

    class Target(models.TextChoices):
        OWN_EVENT = "own", _("Biểu dương tại sự kiện của đơn vị")
        UPPER_LEVEL = "upper", _("Đề nghị cấp trên")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xét")
        ACCEPTED = "accepted", _("Đồng ý")
        REJECTED = "rejected", _("Không đồng ý")
        RAISED = "raised", _("Nâng mức khen thưởng")

    exemplar = models.ForeignKey(
        Exemplar, verbose_name=_("điển hình"), on_delete=models.CASCADE, related_name="nominations"
    )
    event = models.ForeignKey(
        "congresses.Event", verbose_name=_("sự kiện"), on_delete=models.PROTECT, related_name="nominations"
    )
    target = models.CharField(_("đề nghị"), max_length=10, choices=Target.choices)
    proposed_award = models.ForeignKey(
        AwardType, verbose_name=_("hình thức đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    decided_award = models.ForeignKey(
        AwardType,
        verbose_name=_("hình thức được duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("lý do"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("xét lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = version_field()  # optimistic locking of the review form (core/versioning.py)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "exemplar"], name="one_nomination_per_event"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""), name="nomination_rejection_has_reason"
            ),
        ]

    reward: RewardAmount  # not a column: set by selectors.event_accepted_nominations

    def __str__(self) -> str:
        return f"{self.exemplar} — {self.proposed_award}"


class AwardDecision(models.Model):
    """A quyết định khen thưởng: one authority's decision, honouring many exemplars at an event."""

    event = models.ForeignKey(
        "congresses.Event",
        verbose_name=_("sự kiện"),
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    authority = models.CharField(
        _("cấp quyết định"),
        max_length=20,
        choices=AUTHORITY_CHOICES,
        help_text=_(
            "Chỉ ghi vào quyết định những hình thức mà cấp này có thẩm quyền tặng "
            "(Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 77-80; Nghị định 152/2025/NĐ-CP)."
        ),
    )
    issuer = models.CharField(
        _("người, cơ quan ban hành"), max_length=255, help_text=_("Ví dụ: Chủ tịch Ủy ban nhân dân tỉnh")
    )
    # The body whose document profile heads, places and signs the decision and its certificates.
    issuing_unit = models.ForeignKey(
        "units.Unit", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="award_decisions",
    )  # fmt: skip
    number = models.CharField(_("số quyết định"), max_length=50)
    date = models.DateField(_("ngày quyết định"))
    place = models.CharField(
        _("địa danh"), max_length=100, help_text=_("Ví dụ: tên tỉnh, tên xã nơi ban hành")
    )
    signer = models.CharField(_("người ký"), max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    reward_total: int  # not a column: set by selectors.attach_rewards

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["event", "date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="one_decision_number_per_event"),
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.number} ngày {self.date:%d/%m/%Y} của {self.issuer}"


class Honour(models.Model):
    """An exemplar honoured at an event under a decision of the authority that grants the form."""

    event = models.ForeignKey(
        "congresses.Event", verbose_name=_("sự kiện"), on_delete=models.PROTECT, related_name="honours"
    )
    exemplar = models.ForeignKey(
        Exemplar, verbose_name=_("điển hình"), on_delete=models.PROTECT, related_name="honours"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("danh hiệu / hình thức"), on_delete=models.PROTECT, related_name="honours"
    )
    nomination = models.OneToOneField(
        Nomination,
        verbose_name=_("đề nghị"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="honour",
    )
    decision = models.ForeignKey(
        AwardDecision, verbose_name=_("quyết định"), on_delete=models.PROTECT, related_name="honours"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    reward: RewardAmount  # not a column: set by selectors.attach_rewards

    class Meta:
        verbose_name = _("khen thưởng tại sự kiện")
        verbose_name_plural = _("khen thưởng tại sự kiện")
        ordering = ["event", "exemplar__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "exemplar"], name="one_honour_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.exemplar} — {self.award_type}"


class Presenter(models.Model):
    """An exemplar giving a report (báo cáo tham luận) at an event."""

    event = models.ForeignKey(
        "congresses.Event", verbose_name=_("sự kiện"), on_delete=models.CASCADE, related_name="presenters"
    )
    exemplar = models.ForeignKey(
        Exemplar, verbose_name=_("điển hình"), on_delete=models.PROTECT, related_name="presentations"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    topic = models.CharField(_("chủ đề tham luận"), max_length=500)

    class Meta:
        verbose_name = _("báo cáo tham luận")
        verbose_name_plural = _("báo cáo tham luận")
        ordering = ["event", "order"]
        constraints = [
            models.UniqueConstraint(fields=["event", "exemplar"], name="one_presentation_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.topic}"


class DocumentRegister(models.Model):
    """The sổ đăng ký văn bản of one issuing body for one kind of document in one year: numbers
    run from 1 each year (Nghị định 30/2020/NĐ-CP, Điều 15: số của văn bản ... bắt đầu liên tiếp
    từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 hằng năm)."""

    class Kind(models.TextChoices):
        DECISION = "QĐ", "Quyết định"
        SUBMISSION = "TTr", "Tờ trình"

    unit = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="registers"
    )
    year = models.PositiveSmallIntegerField("năm")
    kind = models.CharField("loại văn bản", max_length=5, choices=Kind.choices)
    last_number = models.PositiveIntegerField("số đã cấp lớn nhất", default=0)

    class Meta:
        verbose_name = "sổ đăng ký văn bản"
        verbose_name_plural = "sổ đăng ký văn bản"
        ordering = ["unit", "-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "kind"], name="one_register_per_body_year_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} — {self.unit}"


class RegisterEntry(models.Model):
    """One number issued from a register: the document's number, date, title and what it is."""

    register = models.ForeignKey(
        DocumentRegister, verbose_name="sổ", on_delete=models.PROTECT, related_name="entries"
    )
    # The register's running number; None only for a number typed by hand that starts with none.
    seq = models.PositiveIntegerField("số thứ tự", null=True, blank=True)
    number = models.CharField("số, ký hiệu", max_length=50)
    date = models.DateField("ngày văn bản")
    title = models.CharField("trích yếu", max_length=500)
    event = models.ForeignKey(
        "congresses.Event", verbose_name="sự kiện", on_delete=models.PROTECT, null=True, blank=True,
        related_name="register_entries",
    )  # fmt: skip
    decision = models.OneToOneField(
        AwardDecision, verbose_name="quyết định", on_delete=models.CASCADE, null=True, blank=True,
        related_name="register_entry",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "văn bản trong sổ đăng ký"
        verbose_name_plural = "văn bản trong sổ đăng ký"
        ordering = ["register", "seq", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["register", "seq"], name="register_seq_unique"),
            models.UniqueConstraint(fields=["register", "number"], name="register_number_unique"),
        ]

    def __str__(self) -> str:
        return f"Số {self.number} ngày {self.date:%d/%m/%Y}"
