"""The error pages are Vietnamese, in the portal's style, with a way back (issue 14)."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path

from bac_kan_emulation import urls as project_urls


def _raise_403(request):
    raise PermissionDenied


def _raise_400(request):
    raise SuspiciousOperation("bad")


def _raise_500(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("boom/403/", _raise_403),
    path("boom/400/", _raise_400),
    path("boom/500/", _raise_500),
    *project_urls.urlpatterns,
]
handler400 = getattr(project_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(project_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(project_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(project_urls, "handler500", "django.views.defaults.server_error")

PORTAL_STYLE = "css/portal.css"


def _assert_portal_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert PORTAL_STYLE in html
    assert heading in html
    assert "Về trang chủ" in html
    assert 'lang="vi"' in html
    return html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_answers_an_unknown_page_with_a_vietnamese_404_and_a_way_back(client, admin):
    client.force_login(admin)
    response = client.get("/khong-co-trang-nay/", HTTP_REFERER="http://testserver/units/")
    html = _assert_portal_page(response, 404, "Không tìm thấy trang hoặc dữ liệu")
    assert 'href="http://testserver/units/"' in html
    assert "Quay lại trang trước" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_never_links_back_to_another_site(client):
    response = client.get("/khong-co-trang-nay/", HTTP_REFERER="https://evil.example/phish")
    html = _assert_portal_page(response, 404, "Không tìm thấy trang hoặc dữ liệu")
    assert "evil.example" not in html
    assert "Quay lại trang trước" not in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_answers_a_forbidden_change_with_a_vietnamese_403(client, admin):
    client.force_login(admin)
    _assert_portal_page(client.get("/boom/403/"), 403, "Bạn không có quyền thực hiện thao tác này")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_answers_a_malformed_request_with_a_vietnamese_400(client):
    _assert_portal_page(client.get("/boom/400/"), 400, "Yêu cầu không hợp lệ")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_answers_a_server_fault_with_a_vietnamese_500():
    client = Client(raise_request_exception=False)
    _assert_portal_page(client.get("/boom/500/"), 500, "Hệ thống gặp sự cố khi xử lý yêu cầu")


@pytest.mark.django_db
def test_it_answers_a_form_without_a_csrf_token_with_a_vietnamese_page(admin):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    response = client.post("/accounts/logout/", HTTP_REFERER="http://testserver/")
    html = _assert_portal_page(response, 403, "Biểu mẫu đã hết hạn, chưa có gì được lưu")
    assert "tải lại trang" in html
    assert "CSRF verification failed" not in html


def test_the_demo_runs_with_debug_off_unless_asked():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    demo = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "DEBUG=True" not in demo
    assert "DEBUG ?= False" in makefile


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_the_demo_serves_its_stylesheet_with_debug_off():
    response = Client().get("/static/css/portal.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert b".error-card" in b"".join(response.streaming_content)
