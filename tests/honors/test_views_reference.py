import pytest
from django.urls import reverse

from honors.models import AwardType

pytestmark = pytest.mark.django_db


def _payload(**changes):
    data = {"name": "Bằng khen của Chủ tịch UBND tỉnh", "kind": "form", "recipient": "both", "level": 3,
            "grantor": "Chủ tịch UBND tỉnh", "legal_basis": "", "is_certificate": "on", "is_active": "on", "order": 5}  # fmt: skip
    data.update(changes)
    return data


def test_it_lists_the_award_types_for_staff(client, admin, awards):
    client.force_login(admin)
    body = client.get(reverse("honors:award_type_list")).content.decode()
    assert "Chiến sĩ thi đua toàn quốc" in body and "Thủ tướng Chính phủ" in body


def test_it_lets_leadership_read_but_not_change_award_types(client, leadership, awards):
    client.force_login(leadership)
    assert client.get(reverse("honors:award_type_list")).status_code == 200
    assert client.post(reverse("honors:award_type_add"), _payload(name="Mới")).status_code == 403
    award = AwardType.objects.first()
    assert client.post(reverse("honors:award_type_edit", args=[award.pk]), _payload()).status_code == 403


def test_it_hides_award_types_from_officers(client, unit_manager, awards):
    client.force_login(unit_manager)
    assert client.get(reverse("honors:award_type_list")).status_code == 404
    assert client.post(reverse("honors:award_type_add"), _payload(name="Mới")).status_code == 404


def test_it_lets_staff_add_and_edit_an_award_type(client, admin, awards):
    client.force_login(admin)
    response = client.post(
        reverse("honors:award_type_add"), _payload(name="Giấy khen của Giám đốc Công an tỉnh", level=2)
    )
    assert response.status_code == 302
    award = AwardType.objects.get(name="Giấy khen của Giám đốc Công an tỉnh")
    response = client.post(
        reverse("honors:award_type_edit", args=[award.pk]), _payload(name=award.name, level=2, is_active="")
    )
    award.refresh_from_db()
    assert response.status_code == 302 and award.is_active is False


def test_it_refuses_a_level_out_of_range(client, admin, awards):
    client.force_login(admin)
    response = client.post(reverse("honors:award_type_add"), _payload(name="Lạ", level=9))
    assert response.status_code == 200
    assert not AwardType.objects.filter(name="Lạ").exists()


def test_it_shows_the_forms_to_staff(client, admin, awards):
    client.force_login(admin)
    award = AwardType.objects.get(name="Huân chương Sao vàng")
    assert client.get(reverse("honors:award_type_add")).status_code == 200
    body = client.get(reverse("honors:award_type_edit", args=[award.pk])).content.decode()
    assert "Huân chương Sao vàng" in body and "Chủ tịch nước" in body
