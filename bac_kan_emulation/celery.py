import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")

app = Celery("bac_kan_emulation")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
