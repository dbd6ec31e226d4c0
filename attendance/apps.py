from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = "Ngày hội nghị: giấy mời, điểm danh, chỗ ngồi"
