from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = _("Theo dõi, kiểm tra và báo cáo")

    def ready(self) -> None:
        from reports.exporters import register_exporter

        from .exporters import SUMMARY_EXPORTERS

        for exporter in SUMMARY_EXPORTERS:
            register_exporter(exporter)
