import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_login_page_is_in_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_anonymous_users_are_sent_to_login(client, units):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_wrong_password_says_so_in_vietnamese(client, unit_manager):
    response = client.post(reverse("login"), {"username": "chora", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_it_logs_in_and_lands_on_the_officer_home(client, unit_manager):
    response = client.post(reverse("login"), {"username": "chora", "password": "pw-chora"}, follow=True)
    body = response.content.decode()
    assert "Thị trấn Chợ Rã" in body
    assert "Hội nghị tuyên dương điển hình tiên tiến" in body
    assert "Quý I năm 2025" in body


def test_staff_home_shows_every_tier(client, admin):
    client.force_login(admin)
    body = client.get(reverse("home")).content.decode()
    assert "Sở Nội vụ" in body and "Quý III năm 2025" in body and "500" in body


def test_leadership_home_is_read_only(client, leadership):
    client.force_login(leadership)
    body = client.get(reverse("home")).content.decode()
    assert "chỉ xem" in body


def test_district_officer_sees_its_communes_but_not_another_district(client, district_officer, units):
    client.force_login(district_officer)
    body = client.get(reverse("units:list")).content.decode()
    assert "Thị trấn Chợ Rã" in body
    assert "Huyện Na Rì" not in body
    assert client.get(reverse("units:detail", args=[units["chora"].pk])).status_code == 200
    assert client.get(reverse("units:detail", args=[units["nari"].pk])).status_code == 404


def test_a_commune_officer_cannot_see_its_district(client, unit_manager, units):
    client.force_login(unit_manager)
    assert client.get(reverse("units:detail", args=[units["babe"].pk])).status_code == 404


def test_staff_edits_a_unit(client, admin, units):
    client.force_login(admin)
    url = reverse("units:edit", args=[units["chora"].pk])
    response = client.post(
        url,
        {
            "name": "Thị trấn Chợ Rã",
            "code": units["chora"].code,
            "is_pilot": "on",
            "email": "chora@backan.gov.vn",
        },
    )
    assert response.status_code == 302
    units["chora"].refresh_from_db()
    assert units["chora"].is_pilot and units["chora"].email == "chora@backan.gov.vn"


def test_leadership_cannot_edit_a_unit(client, leadership, units):
    client.force_login(leadership)
    url = reverse("units:edit", args=[units["chora"].pk])
    assert client.post(url, {"name": "X"}).status_code == 403


def test_an_officer_cannot_reach_the_unit_editor(client, district_officer, units):
    client.force_login(district_officer)
    assert client.get(reverse("units:edit", args=[units["chora"].pk])).status_code == 404


def test_english_is_available_from_the_language_switch(client, unit_manager):
    client.force_login(unit_manager)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert "Home" in response.content.decode()


def test_the_portal_opens_in_vietnamese_even_for_an_english_browser(client, units):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in response.content.decode()


def test_names_show_in_vietnamese_order(client, units):
    from units.models import User

    user = User(first_name="Hà", last_name="Hoàng Thị Thu")
    assert user.get_full_name() == "Hoàng Thị Thu Hà"
