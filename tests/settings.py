"""Test settings: the real settings with infrastructure switched to fast, local stand-ins.

CELERY_BROKER_URL / DATABASE_URL from the environment still apply, so the same
suite runs against PostgreSQL, Redis and a real worker in CI.
"""

import os
import tempfile

os.environ.setdefault("DEMO_MODE", "True")

from bac_kan_emulation.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="bk-test-media-")
# Tests run tasks in-process unless a test asks for the real worker (fixture `live_worker`).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
if os.environ.get("TEST_DATABASE_NAME") or DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # A fixed test database name lets a real Celery worker (started by .ci/run
    # with DATABASE_URL pointing at it) read what the tests commit.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_bac_kan")}  # noqa: F405
LANGUAGE_CODE = "vi"
# Tests follow the calendar (freezegun where a date matters); the demo's fixed date is tested on purpose.
PORTAL_TODAY = None
# Plain static storage in tests (no collectstatic manifest needed).
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
STATIC_ROOT = tempfile.mkdtemp(prefix="bk-test-static-")
# django-axes logs every login at INFO; tests log in hundreds of times.
LOGGING["loggers"] = {"axes": {"level": "WARNING"}}  # noqa: F405
