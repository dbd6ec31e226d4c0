from django.db import models

from units.choices import Gender
from units.reference import ETHNIC_GROUP_CHOICES


class AwardType(models.Model):
    """An emulation title or commendation form of the Law on Emulation and Commendation 2022."""

    class Kind(models.TextChoices):
        TITLE = "title", "Danh hiệu thi đua"
        FORM = "form", "Hình thức khen thưởng"
        HONORARY = "honorary", "Danh hiệu vinh dự Nhà nước"

    class Recipient(models.TextChoices):
        INDIVIDUAL = "individual", "Cá nhân"
        COLLECTIVE = "collective", "Tập thể"
        BOTH = "both", "Cá nhân và tập thể"

    name = models.CharField("tên", max_length=255, unique=True)
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    recipient = models.CharField("đối tượng", max_length=12, choices=Recipient.choices)
    level = models.PositiveSmallIntegerField(
        "mức", help_text="Càng lớn càng cao: 1 cơ sở, 2 tỉnh, 3 Thủ tướng, 4 Nhà nước"
    )
    grantor = models.CharField("thẩm quyền quyết định", max_length=255)
    is_certificate = models.BooleanField("in Giấy khen / Bằng khen", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "danh hiệu, hình thức khen thưởng"
        verbose_name_plural = "danh hiệu, hình thức khen thưởng"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Exemplar(models.Model):
    """An advanced exemplar (điển hình tiên tiến): a person or a collective of a unit."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "Cá nhân"
        COLLECTIVE = "collective", "Tập thể"

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="exemplars")
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    name = models.CharField("họ tên / tên tập thể", max_length=255)
    representative = models.CharField("người đại diện (tập thể)", max_length=150, blank=True)
    gender = models.CharField("giới tính", max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    ethnic_group = models.CharField("dân tộc", max_length=30, choices=ETHNIC_GROUP_CHOICES, blank=True)
    religion = models.CharField("tôn giáo", max_length=100, default="Không")
    position = models.CharField("chức vụ", max_length=255, blank=True)
    field = models.CharField("lĩnh vực", max_length=100)
    movements = models.ManyToManyField(
        "congresses.Movement", verbose_name="phong trào", blank=True, related_name="exemplars"
    )
    achievements = models.TextField("tóm tắt thành tích 2020 - 2025")
    is_direct_worker = models.BooleanField("người trực tiếp lao động, sản xuất", default=False)
    is_new_model = models.BooleanField("mô hình mới, nhân tố mới", default=False)
    photo = models.ImageField("ảnh", upload_to="exemplars/", blank=True)
    is_published = models.BooleanField("công bố trên trang công khai", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "điển hình tiên tiến"
        verbose_name_plural = "điển hình tiên tiến"
        ordering = ["unit", "name"]

    def __str__(self) -> str:
        return self.name


class Honour(models.Model):
    """An exemplar honoured at an event, with the form and the decision."""

    event = models.ForeignKey("congresses.Event", on_delete=models.PROTECT, related_name="honours")
    exemplar = models.ForeignKey(Exemplar, on_delete=models.PROTECT, related_name="honours")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="honours")
    decision_number = models.CharField("số quyết định", max_length=50)
    decision_date = models.DateField("ngày quyết định")
    signer = models.CharField("người ký", max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "khen thưởng tại sự kiện"
        verbose_name_plural = "khen thưởng tại sự kiện"
        ordering = ["event", "exemplar__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "exemplar"], name="one_honour_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.exemplar} — {self.award_type}"
