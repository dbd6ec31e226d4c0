from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Theo dõi, kiểm tra và báo cáo"
