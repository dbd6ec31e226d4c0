from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q


class UnitKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh"
    CITY = "city", "Thành phố"
    DISTRICT = "district", "Huyện"
    WARD = "ward", "Phường"
    COMMUNE = "commune", "Xã"
    TOWN = "town", "Thị trấn"
    DEPARTMENT = "department", "Sở, ban, ngành và tương đương"
    MASS_ORGANISATION = "mass_org", "Mặt trận Tổ quốc và đoàn thể tỉnh"
    ENTERPRISE = "enterprise", "Doanh nghiệp thuộc khối thi đua"


class Unit(models.Model):
    """An administrative unit or a provincial body taking part in the campaign."""

    name = models.CharField("tên đơn vị", max_length=255)
    kind = models.CharField("loại đơn vị", max_length=20, choices=UnitKind.choices)
    code = models.CharField(
        "mã đơn vị",
        max_length=20,
        blank=True,
        help_text="Mã đơn vị hành chính (Quyết định 124/2004/QĐ-TTg) nếu có.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_pilot = models.BooleanField("đơn vị chỉ đạo điểm", default=False)
    email = models.EmailField("thư điện tử", blank=True)

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="unit_code_unique_when_set"),
        ]
        indexes = [models.Index(fields=["parent", "kind"])]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    class Role(models.TextChoices):
        STAFF = "staff", "Cán bộ Sở Nội vụ"
        OFFICER = "officer", "Cán bộ đơn vị"
        LEADERSHIP = "leadership", "Lãnh đạo (chỉ xem)"

    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.OFFICER)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
    )
    position = models.CharField("chức vụ", max_length=255, blank=True)

    class Meta:
        verbose_name = "tài khoản"
        verbose_name_plural = "tài khoản"
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="officer") | Q(unit__isnull=False),
                name="officer_has_unit",
            ),
        ]

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names, then the given name."""
        return f"{self.last_name} {self.first_name}".strip()


class DocumentProfile(models.Model):
    """How an issuing body prints itself on its documents (Decree 30/2020/NĐ-CP, Phụ lục I).

    Data edited by the body's own officers and checked by Sở Nội vụ: the body's name
    as printed (an optional governing body above, then the issuer in one or two bold
    lines), the symbol abbreviation of its numbers, and the place name of the date line.
    """

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="document_profile")
    governing_name = models.CharField(
        "cơ quan chủ quản",
        max_length=150,
        blank=True,
        help_text="In hoa, không đậm, ví dụ “UBND TỈNH BẮC KẠN”.",
    )
    name_line1 = models.CharField(
        "tên cơ quan (dòng 1)", max_length=150, help_text="Ví dụ “ỦY BAN NHÂN DÂN”."
    )
    name_line2 = models.CharField("tên cơ quan (dòng 2)", max_length=150, blank=True,
                                  help_text="Ví dụ “THỊ TRẤN CHỢ RÃ”.")  # fmt: skip
    symbol = models.CharField("chữ viết tắt tên cơ quan", max_length=20,
                              help_text="Trong ký hiệu văn bản: “UBND” cho “Số: …/QĐ-UBND”.")  # fmt: skip
    committee_symbol = models.CharField("chữ viết tắt của Ban Tổ chức", max_length=20, default="BTC",
                                        help_text="Trong ký hiệu giấy mời, chương trình: “…/GM-BTC”.")  # fmt: skip
    place = models.CharField("địa danh ghi trên văn bản", max_length=80, help_text="Ví dụ “Chợ Rã”.")
    updated_at = models.DateTimeField(auto_now=True)
    checked_by = models.ForeignKey(
        "units.User", verbose_name="Sở Nội vụ kiểm tra", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    checked_at = models.DateTimeField("ngày kiểm tra", null=True, blank=True)

    class Meta:
        verbose_name = "thể thức văn bản của cơ quan"
        verbose_name_plural = "thể thức văn bản của cơ quan"

    def __str__(self) -> str:
        return f"{self.name_line1} {self.name_line2}".strip()


class DocumentSigner(models.Model):
    """Who signs one kind of a body's documents, and to whom they go ("Nơi nhận")."""

    class Purpose(models.TextChoices):
        EVENT = "event", "Văn bản của Ban Tổ chức (giấy mời, chương trình)"
        REPORT = "report", "Báo cáo"
        DECISION = "decision", "Quyết định khen thưởng"

    class Authority(models.TextChoices):
        DIRECT = "", "Người đứng đầu ký trực tiếp"
        ON_BEHALF = "TM.", "TM. (thay mặt tập thể)"
        DEPUTY = "KT.", "KT. (ký thay người đứng đầu)"
        ACTING = "Q.", "Q. (quyền)"
        BY_ORDER = "TL.", "TL. (thừa lệnh)"

    profile = models.ForeignKey(DocumentProfile, on_delete=models.CASCADE, related_name="signers")
    purpose = models.CharField("loại văn bản", max_length=10, choices=Purpose.choices)
    authority = models.CharField("quyền hạn ký", max_length=4, choices=Authority.choices, blank=True)
    on_behalf_of = models.CharField("tập thể / người đứng đầu", max_length=80, blank=True,
                                    help_text="Sau TM./KT./TL.: “ỦY BAN NHÂN DÂN”, “GIÁM ĐỐC”, “BAN TỔ CHỨC”.")  # fmt: skip
    title = models.CharField("chức vụ người ký", max_length=80, help_text="Ví dụ “CHỦ TỊCH”, “PHÓ GIÁM ĐỐC”.")
    full_name = models.CharField("họ và tên người ký", max_length=100, blank=True)
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận.")

    class Meta:
        verbose_name = "người ký văn bản"
        verbose_name_plural = "người ký văn bản"
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
