from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.versioning import version_field

# Units that existed before the portal recorded any reorganisation: valid from this
# early date (shown as "không ghi nhận") until a reorganisation ends them.
UNIT_EPOCH = date(1900, 1, 1)


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    CITY = "city", _("Thành phố")
    DISTRICT = "district", _("Huyện")
    WARD = "ward", _("Phường")
    COMMUNE = "commune", _("Xã")
    TOWN = "town", _("Thị trấn")
    DEPARTMENT = "department", _("Sở, ban, ngành và tương đương")
    MASS_ORGANISATION = "mass_org", _("Mặt trận Tổ quốc và đoàn thể tỉnh")
    ENTERPRISE = "enterprise", _("Doanh nghiệp thuộc khối thi đua")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")


class Unit(models.Model):
    """An administrative unit or a provincial body taking part in the campaign."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    code = models.CharField(
        _("mã đơn vị"),
        max_length=20,
        blank=True,
        help_text=_("Mã đơn vị hành chính (Quyết định 124/2004/QĐ-TTg) nếu có."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_pilot = models.BooleanField(_("đơn vị chỉ đạo điểm"), default=False)
    email = models.EmailField(_("thư điện tử"), blank=True)
    valid_from = models.DateField(_("có hiệu lực từ ngày"), default=UNIT_EPOCH)
    valid_to = models.DateField(
        _("hết hiệu lực sau ngày"), null=True, blank=True, help_text=_("Ngày cuối cùng đơn vị còn tồn tại.")
    )
    established_basis = models.CharField(
        _("căn cứ thành lập"),
        max_length=255,
        blank=True,
        help_text=_("Số nghị quyết, quyết định, ví dụ 1683/NQ-UBTVQH15."),
    )
    established_basis_date = models.DateField(_("ngày ban hành căn cứ thành lập"), null=True, blank=True)
    ended_basis = models.CharField(_("căn cứ kết thúc"), max_length=255, blank=True)
    ended_basis_date = models.DateField(_("ngày ban hành căn cứ kết thúc"), null=True, blank=True)

    version = version_field()  # optimistic locking of the edit form (core/versioning.py)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["kind", "name"]
        constraints = [
            # An official code is reused by the unit that keeps it after a merger
            # (Phường Đức Xuân 1840 before and after 1 July 2025): unique per start date.
            models.UniqueConstraint(
                fields=["code", "valid_from"], condition=~Q(code=""), name="unit_code_unique_per_start"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="unit_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["parent", "kind"])]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class UnitLineage(models.Model):
    """One link of a unit's history: `predecessor` became (part of) `successor` on `effective_date`."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Hợp nhất, sáp nhập")
        SPLIT = "split", _("Chia tách")
        RENAME = "rename", _("Đổi tên")

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cũ"), on_delete=models.PROTECT, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị kế thừa"), on_delete=models.PROTECT, related_name="predecessor_links"
    )
    kind = models.CharField(_("hình thức"), max_length=10, choices=Kind.choices)
    share = models.DecimalField(
        _("tỷ lệ chuyển sang (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Khi chia tách: phần diện tích hoặc dân số chuyển sang đơn vị kế thừa."),
    )  # fmt: skip
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    effective_date = models.DateField(_("ngày có hiệu lực"))
    basis = models.CharField(_("căn cứ"), max_length=255)
    basis_date = models.DateField(_("ngày ban hành căn cứ"), null=True, blank=True)
    reorganisation = models.ForeignKey(
        "units.Reorganisation",
        verbose_name=_("đợt sắp xếp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lineage",
    )

    class Meta:
        verbose_name = _("quan hệ kế thừa đơn vị")
        verbose_name_plural = _("quan hệ kế thừa đơn vị")
        ordering = ["effective_date", "predecessor__name"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_once_per_pair"),
            models.CheckConstraint(condition=~Q(predecessor=F("successor")), name="lineage_not_to_itself"),
            models.CheckConstraint(
                condition=Q(share__isnull=True) | (Q(share__gt=0) & Q(share__lte=100)),
                name="lineage_share_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class User(AbstractUser):
    class Role(models.TextChoices):
        STAFF = "staff", _("Cán bộ Sở Nội vụ")
        OFFICER = "officer", _("Cán bộ đơn vị")
        LEADERSHIP = "leadership", _("Lãnh đạo (chỉ xem)")

    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.OFFICER)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
    )
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="officer") | Q(unit__isnull=False),
                name="officer_has_unit",
            ),
        ]

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names, then the given name."""
        return f"{self.last_name} {self.first_name}".strip()


class Reorganisation(models.Model):
    """One reorganisation of the map (which units end, which begin, the mapping), reviewed then applied."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Chờ áp dụng")
        APPLIED = "applied", _("Đã áp dụng")
        UNDONE = "undone", _("Đã hoàn tác")

    name = models.CharField(_("tên đợt sắp xếp"), max_length=255, unique=True)
    effective_date = models.DateField(_("ngày có hiệu lực"))
    basis = models.CharField(_("căn cứ"), max_length=255)
    basis_date = models.DateField(_("ngày ban hành căn cứ"), null=True, blank=True)
    source = models.TextField(_("nguồn dữ liệu"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(_("áp dụng lúc"), null=True, blank=True)
    applied_by = models.ForeignKey(
        User,
        verbose_name=_("người áp dụng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("đợt sắp xếp đơn vị")
        verbose_name_plural = _("đợt sắp xếp đơn vị")
        ordering = ["-effective_date", "name"]

    def __str__(self) -> str:
        return self.name


class ReorganisationItem(models.Model):
    """One row of the mapping: `predecessor` ends and (part of) it goes to `successor`."""

    reorganisation = models.ForeignKey(Reorganisation, on_delete=models.CASCADE, related_name="items")
    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị kết thúc"), on_delete=models.PROTECT, related_name="+"
    )
    successor = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("hình thức"), max_length=10, choices=UnitLineage.Kind.choices)
    share = models.DecimalField(
        _("tỷ lệ chuyển sang (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Để trống: căn cứ của đợt sắp xếp.")
    )
    basis_date = models.DateField(_("ngày ban hành căn cứ"), null=True, blank=True)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("dòng sắp xếp đơn vị")
        verbose_name_plural = _("dòng sắp xếp đơn vị")
        ordering = ["reorganisation", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reorganisation", "predecessor", "successor"], name="reorganisation_item_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor or '?'}"


class ReorganisationMove(models.Model):
    """A row a reorganisation moved to a successor (an account, an exemplar), so undo can move it back."""

    reorganisation = models.ForeignKey(Reorganisation, on_delete=models.CASCADE, related_name="moves")
    model_label = models.CharField(_("loại dữ liệu"), max_length=100)
    object_id = models.PositiveIntegerField()
    from_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("dữ liệu chuyển theo sắp xếp")
        verbose_name_plural = _("dữ liệu chuyển theo sắp xếp")
        constraints = [
            models.UniqueConstraint(fields=["reorganisation", "model_label", "object_id"], name="move_once"),
        ]

    def __str__(self) -> str:
        return f"{self.model_label} {self.object_id}: {self.from_unit_id} → {self.to_unit_id}"


class DocumentProfile(models.Model):
    """How an issuing body prints itself on its documents (Decree 30/2020/NĐ-CP, Phụ lục I).

    Data edited by the body's own officers and checked by Sở Nội vụ: the body's name
    as printed (an optional governing body above, then the issuer in one or two bold
    lines), the symbol abbreviation of its numbers, and the place name of the date line.
    """

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="document_profile")
    governing_name = models.CharField(
        _("cơ quan chủ quản"),
        max_length=150,
        blank=True,
        help_text=_("In hoa, không đậm, ví dụ “UBND TỈNH” và tên tỉnh."),
    )
    name_line1 = models.CharField(
        _("tên cơ quan (dòng 1)"), max_length=150, help_text=_("Ví dụ “ỦY BAN NHÂN DÂN”.")
    )
    name_line2 = models.CharField(_("tên cơ quan (dòng 2)"), max_length=150, blank=True,
                                  help_text=_("Ví dụ “THỊ TRẤN CHỢ RÃ”."))  # fmt: skip
    symbol = models.CharField(_("chữ viết tắt tên cơ quan"), max_length=20,
                              help_text=_("Trong ký hiệu văn bản: “UBND” cho “Số: …/QĐ-UBND”."))  # fmt: skip
    committee_symbol = models.CharField(_("chữ viết tắt của Ban Tổ chức"), max_length=20, default="BTC",
                                        help_text=_("Trong ký hiệu giấy mời, chương trình: “…/GM-BTC”."))  # fmt: skip
    place = models.CharField(_("địa danh ghi trên văn bản"), max_length=80, help_text=_("Ví dụ “Chợ Rã”."))
    # Printing certificates on the pre-printed blank (phôi in sẵn): the office prints the test page,
    # measures how far its printer shifts the text and saves the shift here, once per body.
    blank_offset_x_mm = models.DecimalField(
        _("dịch ngang khi in trên phôi (mm)"), max_digits=4, decimal_places=1, default=0,
        validators=[MinValueValidator(-40), MaxValueValidator(40)],
        help_text=_("Dương: sang phải; âm: sang trái."),
    )  # fmt: skip
    blank_offset_y_mm = models.DecimalField(
        _("dịch dọc khi in trên phôi (mm)"), max_digits=4, decimal_places=1, default=0,
        validators=[MinValueValidator(-40), MaxValueValidator(40)],
        help_text=_("Dương: xuống dưới; âm: lên trên."),
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)
    checked_by = models.ForeignKey(
        "units.User", verbose_name=_("Sở Nội vụ kiểm tra"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    checked_at = models.DateTimeField(_("ngày kiểm tra"), null=True, blank=True)

    class Meta:
        verbose_name = _("thể thức văn bản của cơ quan")
        verbose_name_plural = _("thể thức văn bản của cơ quan")

    def __str__(self) -> str:
        return f"{self.name_line1} {self.name_line2}".strip()


class DocumentSigner(models.Model):
    """Who signs one kind of a body's documents, and to whom they go ("Nơi nhận")."""

    class Purpose(models.TextChoices):
        EVENT = "event", _("Văn bản của Ban Tổ chức (giấy mời, chương trình)")
        REPORT = "report", _("Báo cáo")
        DECISION = "decision", _("Quyết định khen thưởng")

    class Authority(models.TextChoices):
        DIRECT = "", _("Người đứng đầu ký trực tiếp")
        ON_BEHALF = "TM.", _("TM. (thay mặt tập thể)")
        DEPUTY = "KT.", _("KT. (ký thay người đứng đầu)")
        ACTING = "Q.", _("Q. (quyền)")
        BY_ORDER = "TL.", _("TL. (thừa lệnh)")

    profile = models.ForeignKey(DocumentProfile, on_delete=models.CASCADE, related_name="signers")
    purpose = models.CharField(_("loại văn bản"), max_length=10, choices=Purpose.choices)
    authority = models.CharField(_("quyền hạn ký"), max_length=4, choices=Authority.choices, blank=True)
    on_behalf_of = models.CharField(_("tập thể / người đứng đầu"), max_length=80, blank=True,
                                    help_text=_("Sau TM./KT./TL.: “ỦY BAN NHÂN DÂN”, “GIÁM ĐỐC”, “BAN TỔ CHỨC”."))  # fmt: skip
    title = models.CharField(
        _("chức vụ người ký"), max_length=80, help_text=_("Ví dụ “CHỦ TỊCH”, “PHÓ GIÁM ĐỐC”.")
    )
    full_name = models.CharField(_("họ và tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))

    class Meta:
        verbose_name = _("người ký văn bản")
        verbose_name_plural = _("người ký văn bản")
        ordering = ["profile", "purpose"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "purpose"], name="document_signer_one_per_purpose"),
            models.CheckConstraint(
                condition=Q(authority__in=["", "Q."]) | ~Q(on_behalf_of=""),
                name="document_signer_on_behalf_set",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.full_name}"
