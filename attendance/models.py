"""The congress day: each delegate's invitation and answer, the door, the hall's seats."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EventDay(models.Model):
    """What a delegate needs to find the event: the map text, the dress code, whom to call."""

    event = models.OneToOneField("congresses.Event", on_delete=models.CASCADE, related_name="day")
    map_text = models.TextField(_("chỉ đường"), blank=True)
    dress_code = models.CharField(_("trang phục"), max_length=255, blank=True)
    contact = models.CharField(_("liên hệ Ban Tổ chức"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông tin ngày tổ chức")
        verbose_name_plural = _("thông tin ngày tổ chức")

    def __str__(self) -> str:
        return f"Thông tin ngày tổ chức – {self.event}"


class Invitation(models.Model):
    """A delegate's personal code (signed with `nonce`; a new nonce revokes the old code) and answer."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Chưa trả lời")
        YES = "yes", _("Sẽ tham dự")
        NO = "no", _("Không tham dự được")
        REPLACE = "replace", _("Cử người đi thay")

    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="invitation")
    nonce = models.CharField(max_length=32)
    short_code = models.CharField(_("mã đọc"), max_length=9, unique=True)
    answer = models.CharField(_("trả lời"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi thư mời lúc"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("nhắc lúc"), null=True, blank=True)
    revoked_nonces = models.JSONField(_("mã đã thu hồi"), default=list, blank=True)

    class Meta:
        verbose_name = _("giấy mời cá nhân")
        verbose_name_plural = _("giấy mời cá nhân")

    def __str__(self) -> str:
        return f"{self.short_code} – {self.delegate}"


class Replacement(models.Model):
    """A delegate's request to send someone else, which the unit officer accepts or refuses."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ đơn vị xem xét")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        REFUSED = "refused", _("Không chấp nhận")

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="replacements")
    original = models.ForeignKey(
        "delegates.Delegate", on_delete=models.SET_NULL, null=True, blank=True, related_name="replacements"
    )
    original_name = models.CharField(_("đại biểu được mời"), max_length=150)
    category = models.CharField(_("thành phần"), max_length=30)
    full_name = models.CharField(_("họ và tên người đi thay"), max_length=150)
    gender = models.CharField(_("giới tính"), max_length=10)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"))
    ethnic_group = models.CharField(_("dân tộc"), max_length=30)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    workplace = models.CharField(_("nơi công tác"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    new_delegate = models.ForeignKey(
        "delegates.Delegate", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đề nghị cử người đi thay")
        verbose_name_plural = _("đề nghị cử người đi thay")
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
        verbose_name = _("quyền đón tiếp, điểm danh")
        verbose_name_plural = _("quyền đón tiếp, điểm danh")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_reception_grant_per_user")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class CheckIn(models.Model):
    """A delegate checked in at the door: once, at the earliest time any door saw them."""

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="checkins")
    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="checkin")
    checked_at = models.DateTimeField(_("điểm danh lúc"))
    door = models.CharField(_("cửa"), max_length=50, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        indexes = [models.Index(fields=["event", "checked_at"])]

    def __str__(self) -> str:
        return f"{self.delegate} {self.checked_at:%H:%M}"


class SeatRow(models.Model):
    """A row of the hall (A, B, …) with its number of seats."""

    event = models.ForeignKey("congresses.Event", on_delete=models.CASCADE, related_name="seat_rows")
    label = models.CharField(_("hàng"), max_length=10)
    seats = models.PositiveSmallIntegerField(_("số ghế"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("hàng ghế")
        verbose_name_plural = _("hàng ghế")
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
    number = models.PositiveSmallIntegerField(_("ghế số"))
    delegate = models.OneToOneField("delegates.Delegate", on_delete=models.CASCADE, related_name="seat")

    class Meta:
        verbose_name = _("chỗ ngồi")
        verbose_name_plural = _("chỗ ngồi")
        constraints = [models.UniqueConstraint(fields=["row", "number"], name="one_delegate_per_seat")]

    def __str__(self) -> str:
        return f"{self.row.label}-{self.number}"

    @property
    def label(self) -> str:
        return f"{self.row.label}-{self.number}"
