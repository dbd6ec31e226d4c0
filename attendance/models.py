"""The congress day: each delegate's invitation and answer, the door, the hall's seats."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class EventDay(models.Model):
    """What a delegate needs to find the event: the map text, the dress code, whom to call."""

    event = models.OneToOneField("congresses.Event", on_delete=models.CASCADE, related_name="day")
    map_text = models.TextField("chỉ đường", blank=True)
    dress_code = models.CharField("trang phục", max_length=255, blank=True)
    contact = models.CharField("liên hệ Ban Tổ chức", max_length=255, blank=True)

    class Meta:
        verbose_name = "thông tin ngày tổ chức"
        verbose_name_plural = "thông tin ngày tổ chức"

    def __str__(self) -> str:
        return f"Thông tin ngày tổ chức – {self.event}"


class Invitation(models.Model):
    """A delegate's personal code (signed with `nonce`; a new nonce revokes the old code) and answer."""

    class Answer(models.TextChoices):
        PENDING = "pending", "Chưa trả lời"
        YES = "yes", "Sẽ tham dự"
        NO = "no", "Không tham dự được"
        REPLACE = "replace", "Cử người đi thay"

    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="invitation")
    nonce = models.CharField(max_length=32)
    short_code = models.CharField("mã đọc", max_length=9, unique=True)
    answer = models.CharField("trả lời", max_length=10, choices=Answer.choices, default=Answer.PENDING)
    reason = models.CharField("lý do", max_length=500, blank=True)
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True)
    sent_at = models.DateTimeField("gửi thư mời lúc", null=True, blank=True)
    reminded_at = models.DateTimeField("nhắc lúc", null=True, blank=True)
    revoked_nonces = models.JSONField("mã đã thu hồi", default=list, blank=True)

    class Meta:
        verbose_name = "giấy mời cá nhân"
        verbose_name_plural = "giấy mời cá nhân"

    def __str__(self) -> str:
        return f"{self.short_code} – {self.delegate}"


class Replacement(models.Model):
    """A delegate's request to send someone else, which the unit officer accepts or refuses."""

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ đơn vị xem xét"
        ACCEPTED = "accepted", "Đã chấp nhận"
        REFUSED = "refused", "Không chấp nhận"

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="replacements")
    original = models.ForeignKey(
        "delegates.Delegate", on_delete=models.SET_NULL, null=True, blank=True, related_name="replacements"
    )
    original_name = models.CharField("đại biểu được mời", max_length=150)
    category = models.CharField("thành phần", max_length=30)
    full_name = models.CharField("họ và tên người đi thay", max_length=150)
    gender = models.CharField("giới tính", max_length=10)
    birth_year = models.PositiveSmallIntegerField("năm sinh")
    ethnic_group = models.CharField("dân tộc", max_length=30)
    position = models.CharField("chức vụ", max_length=255, blank=True)
    workplace = models.CharField("nơi công tác", max_length=255, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField("ghi chú", max_length=500, blank=True)
    new_delegate = models.ForeignKey(
        "delegates.Delegate", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đề nghị cử người đi thay"
        verbose_name_plural = "đề nghị cử người đi thay"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["original"],
                condition=Q(status="pending"),
                name="one_pending_replacement_per_delegate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} thay {self.original_name}"


class ReceptionGrant(models.Model):
    """An account the unit officer named to check delegates in at the door of one event."""

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="reception_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reception_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "quyền đón tiếp, điểm danh"
        verbose_name_plural = "quyền đón tiếp, điểm danh"
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_reception_grant_per_user")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class CheckIn(models.Model):
    """A delegate checked in at the door: once, at the earliest time any door saw them."""

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="checkins")
    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="checkin")
    checked_at = models.DateTimeField("điểm danh lúc")
    door = models.CharField("cửa", max_length=50, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "điểm danh"
        verbose_name_plural = "điểm danh"
        indexes = [models.Index(fields=["event", "checked_at"])]

    def __str__(self) -> str:
        return f"{self.delegate} {self.checked_at:%H:%M}"


class SeatRow(models.Model):
    """A row of the hall (A, B, …) with its number of seats."""

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="seat_rows")
    label = models.CharField("hàng", max_length=10)
    seats = models.PositiveSmallIntegerField("số ghế")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "hàng ghế"
        verbose_name_plural = "hàng ghế"
        ordering = ["event", "order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["event", "label"], name="seat_row_label_unique"),
            models.CheckConstraint(condition=Q(seats__gte=1) & Q(seats__lte=200), name="seat_row_size_sane"),
        ]

    def __str__(self) -> str:
        return f"Hàng {self.label} ({self.seats} ghế)"


class SeatAssignment(models.Model):
    """One delegate on one seat."""

    row = models.ForeignKey(SeatRow, on_delete=models.CASCADE, related_name="assignments")
    number = models.PositiveSmallIntegerField("ghế số")
    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="seat")

    class Meta:
        verbose_name = "chỗ ngồi"
        verbose_name_plural = "chỗ ngồi"
        constraints = [models.UniqueConstraint(fields=["row", "number"], name="one_delegate_per_seat")]

    def __str__(self) -> str:
        return f"{self.row.label}-{self.number}"

    @property
    def label(self) -> str:
        return f"{self.row.label}-{self.number}"
