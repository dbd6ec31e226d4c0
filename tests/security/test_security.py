"""Login rate limiting, security headers, deploy checks, where uploads are (not) served."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import Resolver404, resolve, reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "DEMO_MODE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bac_kan_emulation.settings",
        DEBUG="False",
        DEMO_MODE="False",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="thiduakhenthuong.backan.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://thiduakhenthuong.backan.gov.vn",
        SECURE_SSL="True",
        DATABASE_URL="sqlite:////tmp/bk-deploy-check.sqlite3",
    )
    env.update(extra)
    return env


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


# --- login rate limiting (django-axes) ---


def wrong_password(client, username="chora"):
    return client.post(reverse("login"), {"username": username, "password": "sai-mat-khau"})


def test_it_locks_a_login_after_too_many_wrong_passwords_with_a_vietnamese_page(client, unit_manager):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert wrong_password(client).status_code == 200
    response = wrong_password(client)
    assert response.status_code == 429
    body = response.content.decode()
    assert "tạm thời bị khóa đăng nhập" in body and "15 phút" in body
    # Even the right password is refused while locked.
    response = client.post(reverse("login"), {"username": "chora", "password": "pw-chora"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_lets_another_account_log_in_while_one_is_locked(client, unit_manager, district_officer):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        wrong_password(client)
    response = client.post(reverse("login"), {"username": "babe", "password": "pw-babe"})
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, unit_manager):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        wrong_password(client)
    assert client.post(reverse("login"), {"username": "chora", "password": "pw-chora"}).status_code == 302
    client.logout()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert wrong_password(client).status_code == 200


def test_the_admin_login_is_rate_limited_too(client, unit_manager):
    url = reverse("admin:login")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "chora", "password": "sai"})
    assert client.post(url, {"username": "chora", "password": "sai"}).status_code == 429


# --- security headers ---


def test_it_sends_a_content_security_policy_without_inline_script(client, units):
    header = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in header.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert directives["frame-ancestors"] == "'none'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"\sstyle\s*=", re.I)


def test_no_template_holds_inline_script_handlers_or_style_attributes():
    """The CSP forbids them, so a page that used one would silently break."""
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        if "pdf" in path.parts:  # PDF sources are rendered by WeasyPrint, never by a browser
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, what in ((INLINE_SCRIPT, "inline <script>"), (INLINE_HANDLER, "on…= handler"),
                              (INLINE_STYLE, "style= attribute")):  # fmt: skip
            if pattern.search(text):
                offenders.append(f"{path.relative_to(ROOT)}: {what}")
    assert not offenders, "Blocked by the Content-Security-Policy:\n" + "\n".join(offenders)


def test_it_sends_the_other_security_headers(client, units):
    response = client.get(reverse("login"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_behind_tls_it_sends_hsts_and_redirects_to_https():
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='thiduakhenthuong.backan.gov.vn');"
        "r = c.get('/', secure=True); print(r.status_code, r.headers.get('Strict-Transport-Security'));"
        "r = c.get('/accounts/login/'); print(r.status_code, r.headers.get('Location'))"
    )
    result = run_python(code, production_env())
    assert result.returncode == 0, result.stderr
    secure_line, plain_line = result.stdout.strip().splitlines()[-2:]
    assert secure_line == "302 max-age=31536000; includeSubDomains; preload"
    assert plain_line == "301 https://thiduakhenthuong.backan.gov.vn/accounts/login/"


# --- deployment ---


def test_check_deploy_is_clean_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0 and "SECRET_KEY is required" in result.stderr


def test_production_serves_static_files_through_whitenoise_with_hashed_names():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.STORAGES['staticfiles']['BACKEND']);"
        "print('whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE)"
    )
    result = run_python(code, production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["whitenoise.storage.CompressedManifestStaticFilesStorage", "True"]


def test_media_goes_to_an_s3_bucket_when_the_environment_says_so():
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__module__, type(s).__name__, s.bucket_name, s.endpoint_url, s.location, s.default_acl)"
    )
    env = production_env(
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME="bkan-media",
        AWS_S3_ENDPOINT_URL="https://s3.backan.gov.vn",
        AWS_ACCESS_KEY_ID="id",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3", "S3Storage", "bkan-media", "https://s3.backan.gov.vn", "media", "private",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"STORAGE_BACKEND": "s3"}, "needs AWS_STORAGE_BUCKET_NAME"),
        ({"STORAGE_BACKEND": "ftp"}, "STORAGE_BACKEND must be local or s3"),
    ],
)
def test_a_wrong_storage_setting_stops_the_start(extra, message):
    result = run_python("import django; django.setup()", production_env(**extra))
    assert result.returncode != 0 and message in result.stderr


def test_media_is_on_local_disk_by_default():
    code = "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; print(type(s).__name__)"
    result = run_python(code, production_env())
    assert result.stdout.strip() == "FileSystemStorage"


def test_uploaded_files_are_never_served_from_media_in_production(client, admin, settings):
    assert settings.DEBUG is False
    with pytest.raises(Resolver404):
        resolve(f"{settings.MEDIA_URL}documents/ke-hoach.pdf")
    (Path(settings.MEDIA_ROOT) / "bi-mat.txt").write_text("nội dung", encoding="utf-8")
    client.force_login(admin)
    assert client.get(f"{settings.MEDIA_URL}bi-mat.txt").status_code == 404
