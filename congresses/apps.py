from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressesConfig(AppConfig):
    name = "congresses"
    verbose_name = _("Chiến dịch, hội nghị và đại hội")
