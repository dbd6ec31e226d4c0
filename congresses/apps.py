from django.apps import AppConfig


class CongressesConfig(AppConfig):
    name = "congresses"
    verbose_name = "Chiến dịch, hội nghị và đại hội"
