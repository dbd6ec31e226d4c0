"""Settings for the Bắc Kạn emulation campaign portal.

Everything is read from the environment through the strict helpers below
(healthchecks' pattern). The defaults serve the embedded demo: SQLite, Celery
running tasks in-process, console e-mail. Production sets DEBUG=False and then
must provide SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL.
Every variable is listed in `.env.example`.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_secret(name: str, default: str = "") -> str:
    """Read NAME_FILE (Docker/Kubernetes secrets) if set, else NAME."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("True", "true", "1"):
        return True
    if raw in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_date(name: str, default: datetime.date | None) -> datetime.date | None:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw in ("", "none", "None"):
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a date YYYY-MM-DD (or empty), got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("DEMO_MODE", not os.environ.get("DATABASE_URL"))

# The demo shows the 2025 campaign as it stood on one day inside it (after the province
# conferences' quarters, before the provincial congress); production follows the calendar.
# PORTAL_TODAY=YYYY-MM-DD freezes any instance at a date, PORTAL_TODAY= (empty) unfreezes the demo.
DEMO_TODAY = datetime.date(2025, 9, 15)
PORTAL_TODAY = env_date("PORTAL_TODAY", DEMO_TODAY if DEMO_MODE else None)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or DEMO_MODE):
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG and DEMO_MODE are off")
    SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "auditlog",
    "axes",
    "csp",
    "units",
    "congresses",
    "delegates",
    "attendance",
    "honors",
    "reports",
    "oversight",
    "audit",
    "bac_kan_emulation",  # project-wide management commands (load_bac_kan, demo_data)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from gunicorn, compressed and cached forever (hashed names).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "units.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records who made each change (audit/registry.py lists the audited models).
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bac_kan_emulation.urls"
WSGI_APPLICATION = "bac_kan_emulation.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "units.context_processors.navigation",
                "core.context_processors.portal_clock",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database holds concurrent writers: WAL lets readers go on while one
    # request writes; every transaction takes the write lock when it begins (IMMEDIATE),
    # so two officers adding the last seat queue up (busy timeout) instead of one of them
    # failing with "database is locked" when its read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before the password is checked.
    "bac_kan_emulation.security.LoginRateLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# Media on local disk by default; an S3-compatible bucket (AWS S3, MinIO, Ceph...)
# when STORAGE_BACKEND=s3, so several web and worker machines share one storage.
# Uploads are never served by Django at /media/: permission-checked views stream them.
STORAGE_BACKEND = env_str("STORAGE_BACKEND", "local")
if STORAGE_BACKEND == "local":
    _default_storage: dict = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_secret("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_secret("AWS_SECRET_ACCESS_KEY") or None,
            "location": env_str("AWS_LOCATION", "media"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300),
            "file_overwrite": False,
        },
    }
    if not _default_storage["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME")
else:
    raise ImproperlyConfigured(f"STORAGE_BACKEND must be local or s3, got {STORAGE_BACKEND!r}")
STORAGES = {
    "default": _default_storage,
    # Hashed, compressed names after collectstatic in production; plain files for the demo.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or DEMO_MODE
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The demo (DEMO_MODE, no collectstatic) runs with DEBUG off too, so WhiteNoise serves
# static files straight from the source folders there; production serves STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG or DEMO_MODE

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: without a broker URL the demo runs tasks in-process.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "memory://")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", "")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task of a worker killed mid-way (acks_late) goes back to the queue after this many seconds.
# A broker that is down answers a request within seconds, never the 20 s default: the job row
# stays queued and reports_recover hands it over once the broker is back (issue 14).
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": CELERY_BROKER_CONNECTION_TIMEOUT + 3,
    "max_retries": 0,
}
# Jobs still queued this long after being handed over are handed over again; a running job
# whose worker sent no heartbeat this long is marked failed (with the retry button).
REPORTS_REQUEUE_AFTER_SECONDS = env_int("REPORTS_REQUEUE_AFTER_SECONDS", 60)
REPORTS_HEARTBEAT_TIMEOUT_SECONDS = env_int("REPORTS_HEARTBEAT_TIMEOUT_SECONDS", 180)
if CELERY_BROKER_URL.startswith("filesystem://"):
    # The demo's broker without Redis: kombu's filesystem transport, messages as files in
    # one folder that the web server writes and the demo's worker reads (`make demo`).
    _broker_folder = Path(env_str("CELERY_FILESYSTEM_FOLDER", str(BASE_DIR / ".demo" / "broker")))
    for _sub in ("queue", "processed"):
        (_broker_folder / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_folder / "queue"),
        "data_folder_out": str(_broker_folder / "queue"),
        "processed_folder": str(_broker_folder / "processed"),
        "store_processed": False,
    }
CELERY_TIMEZONE = TIME_ZONE

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "thiduakhenthuong@backan.gov.vn")
# Where django.core.mail.backends.filebased.EmailBackend writes each mail (a folder).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
# The portal's public address, for the links in e-mails (reminders link to the page concerned).
# Who the portal is comes from the root unit of the tree (units.selectors.portal_identity);
# these override its title and organiser line, or name the province before any unit is loaded.
PORTAL_TITLE = env_str("PORTAL_TITLE")
PORTAL_ORGANISER = env_str("PORTAL_ORGANISER")
PORTAL_PROVINCE_FALLBACK = env_str("PORTAL_PROVINCE_FALLBACK", "Tỉnh")
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Digital signatures of issued PDFs (reports/signing.py). The uploaded PKCS#12 files and their
# passwords are encrypted at rest with a key derived from DOCUMENT_SIGNING_KEY (falls back to
# SECRET_KEY); trust roots are PEM files of the CAs whose certificates the portal accepts (for
# example the Ban Cơ yếu Chính phủ root, Cục Chứng thực số và Bảo mật thông tin); a timestamp
# server (RFC 3161) turns PAdES B-B into B-T.
DOCUMENT_SIGNING_KEY = env_secret("DOCUMENT_SIGNING_KEY") or SECRET_KEY
SIGNING_TRUST_ROOTS = env_list("SIGNING_TRUST_ROOTS", [])
SIGNING_TSA_URL = env_str("SIGNING_TSA_URL", "")

# Security. Behind TLS, production sets SECURE_SSL=True.
SECURE_SSL = env_bool("SECURE_SSL", False)
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_SSL_REDIRECT = SECURE_SSL
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL
SECURE_HSTS_PRELOAD = SECURE_SSL
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_SSL else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Offices share computers: a login lasts one working day (8 hours from logging in)
# and ends when the browser is closed.
SESSION_COOKIE_AGE = env_int("SESSION_AGE_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
# A form sent without a valid CSRF token gets the portal's Vietnamese page (templates/403_csrf.html).
CSRF_FAILURE_VIEW = "bac_kan_emulation.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): every script and style from our own origin,
# no inline script, nothing from a CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login attempts are rate-limited (django-axes): after AXES_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is locked for
# AXES_COOLOFF_MINUTES and sees a Vietnamese page (templates/security/lockout.html).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"

# Audit trail (django-auditlog): models are registered in audit/registry.py.
AUDITLOG_INCLUDE_ALL_MODELS = False

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Oversight: a results report is due this many days after the event; reminders
# go out this many days before a deadline. The daily job runs at this hour.
OVERSIGHT_REPORT_DUE_DAYS = env_int("OVERSIGHT_REPORT_DUE_DAYS", 15)
OVERSIGHT_REMINDER_LEAD_DAYS = env_int("OVERSIGHT_REMINDER_LEAD_DAYS", 7)
RESULT_ATTACHMENT_MAX_BYTES = env_int("RESULT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
CELERY_BEAT_SCHEDULE = {
    "reports-recover": {"task": "reports.tasks.reports_recover", "schedule": 60.0},
    "oversight-reminders-daily": {
        "task": "oversight.tasks.reminders_send_daily",
        "schedule": crontab(hour=env_int("OVERSIGHT_REMINDER_HOUR", 7), minute=0),
    },
}
