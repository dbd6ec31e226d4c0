from django.apps import AppConfig


class HonorsConfig(AppConfig):
    name = "honors"
    verbose_name = "Điển hình tiên tiến và khen thưởng"
