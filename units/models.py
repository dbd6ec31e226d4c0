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
