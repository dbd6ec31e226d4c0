from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from honors.models import Exemplar
from tests.factories import ExemplarFactory

from .conftest import png_bytes

pytestmark = pytest.mark.django_db


def _payload(unit, **changes):
    data = {"unit": unit.pk, "kind": "individual", "name": "Triệu Thị Mai", "representative": "", "gender": "female",
            "birth_year": 1979, "ethnic_group": "Dao", "religion": "Không", "position": "Nông dân", "phone": "0912000111",
            "field": "Nông nghiệp, nông thôn", "achievements": "Trồng 15 ha quế.", "story": "", "is_direct_worker": "on"}  # fmt: skip
    data.update(changes)
    return data


def test_it_requires_login(client, units):
    response = client.get(reverse("honors:exemplar_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_lists_only_exemplars_in_scope_and_searches_without_diacritics(client, district_officer, units):
    ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa")
    ExemplarFactory(unit=units["babe"], name="Đinh Thị Thu Hường")
    ExemplarFactory(unit=units["nari"], name="Hoàng Văn Nà Rì")
    client.force_login(district_officer)
    body = client.get(reverse("honors:exemplar_list")).content.decode()
    assert "Hoàng Thị Hoa" in body and "Đinh Thị Thu Hường" in body and "Nà Rì" not in body
    body = client.get(reverse("honors:exemplar_list"), {"q": "dinh thi thu huong"}).content.decode()
    assert "Đinh Thị Thu Hường" in body and "Hoàng Thị Hoa" not in body


def test_it_creates_an_exemplar_with_a_resized_photo(client, unit_manager, units, campaign):
    client.force_login(unit_manager)
    movement = campaign.movements.first()
    photo = SimpleUploadedFile("chan-dung.png", png_bytes((2000, 1000)), content_type="image/png")
    response = client.post(
        reverse("honors:exemplar_create"),
        _payload(units["chora"], movements=[movement.pk], photo_upload=photo),
    )
    exemplar = Exemplar.objects.get(name="Triệu Thị Mai")
    assert response.status_code == 302
    assert list(exemplar.movements.all()) == [movement]
    assert exemplar.photo.name.endswith(".jpg") and exemplar.created_by == unit_manager


def test_it_refuses_a_fake_image_and_keeps_the_input(client, unit_manager, units):
    client.force_login(unit_manager)
    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    response = client.post(reverse("honors:exemplar_create"), _payload(units["chora"], photo_upload=fake))
    body = response.content.decode()
    assert response.status_code == 200 and "không phải là ảnh hợp lệ" in body
    assert "Triệu Thị Mai" in body and not Exemplar.objects.exists()


def test_it_refuses_a_unit_outside_scope(client, unit_manager, units):
    client.force_login(unit_manager)
    response = client.post(reverse("honors:exemplar_create"), _payload(units["nari"]))
    assert response.status_code == 200 and not Exemplar.objects.exists()


def test_it_requires_a_story_to_request_publication(client, unit_manager, exemplar):
    client.force_login(unit_manager)
    url = reverse("honors:exemplar_publication_request", args=[exemplar.pk])
    response = client.post(url, follow=True)
    assert "Muốn đề nghị công bố thì cần viết đoạn giới thiệu ngắn." in response.content.decode()
    exemplar.refresh_from_db()
    assert exemplar.publication == "draft"


def test_it_forbids_leadership_to_create(client, leadership, units):
    client.force_login(leadership)
    assert client.post(reverse("honors:exemplar_create"), _payload(units["chora"])).status_code == 403


def test_it_shows_the_detail_in_scope_and_404_outside(client, unit_manager, other_unit_manager, exemplar):
    client.force_login(unit_manager)
    body = client.get(reverse("honors:exemplar_detail", args=[exemplar.pk])).content.decode()
    assert "0912345678" in body and "1986" in body
    client.force_login(other_unit_manager)
    assert client.get(reverse("honors:exemplar_detail", args=[exemplar.pk])).status_code == 404


def test_it_edits_in_scope(client, district_officer, exemplar, units):
    client.force_login(district_officer)
    url = reverse("honors:exemplar_edit", args=[exemplar.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _payload(units["chora"], name="Hoàng Thị Hoa", position="Chủ nhiệm HTX"))
    exemplar.refresh_from_db()
    assert response.status_code == 302 and exemplar.position == "Chủ nhiệm HTX"


def test_it_forbids_edits_outside_scope_and_by_leadership(
    client, other_unit_manager, leadership, exemplar, units
):
    url = reverse("honors:exemplar_edit", args=[exemplar.pk])
    client.force_login(other_unit_manager)
    assert client.post(url, _payload(units["chora"])).status_code == 404
    client.force_login(leadership)
    assert client.post(url, _payload(units["chora"])).status_code == 403


def _with_photo(exemplar):
    from honors.services import exemplar_save

    return exemplar_save(exemplar=exemplar, movements=[], by=None, photo_data=png_bytes((100, 100)))


def test_it_serves_a_published_photo_to_anyone(client, units):
    exemplar = _with_photo(ExemplarFactory(unit=units["chora"], published=True))
    response = client.get(reverse("honors:exemplar_photo", args=[exemplar.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_it_keeps_an_unpublished_photo_private(client, unit_manager, other_unit_manager, exemplar):
    _with_photo(exemplar)
    url = reverse("honors:exemplar_photo", args=[exemplar.pk])
    assert client.get(url).status_code == 404
    client.force_login(other_unit_manager)
    assert client.get(url).status_code == 404
    client.force_login(unit_manager)
    assert client.get(url).status_code == 200


def _award(awards, **changes):
    data = {"award_type": awards["Lao động tiên tiến"].pk, "decision_number": "15/QĐ-UBND", "decision_date": "2023-12-20",
            "issuing_authority": "UBND huyện Ba Bể"}  # fmt: skip
    data.update(changes)
    return data


def test_it_adds_an_award_received(client, unit_manager, exemplar, awards):
    client.force_login(unit_manager)
    response = client.post(reverse("honors:award_received_add", args=[exemplar.pk]), _award(awards))
    assert response.status_code == 302
    assert exemplar.awards_received.get().decision_date == date(2023, 12, 20)


def test_it_refuses_an_award_outside_the_period_with_a_message(client, unit_manager, exemplar, awards):
    client.force_login(unit_manager)
    response = client.post(
        reverse("honors:award_received_add", args=[exemplar.pk]), _award(awards, decision_date="2017-01-05")
    )
    assert response.status_code == 400
    assert "ngoài giai đoạn 2020 - 2025" in response.content.decode()
    assert "15/QĐ-UBND" in response.content.decode()  # the input is kept
    assert not exemplar.awards_received.exists()


def test_it_forbids_adding_awards_outside_scope_by_leadership_and_by_get(
    client, other_unit_manager, leadership, exemplar, awards
):
    url = reverse("honors:award_received_add", args=[exemplar.pk])
    client.force_login(other_unit_manager)
    assert client.post(url, _award(awards)).status_code == 404
    client.force_login(leadership)
    assert client.post(url, _award(awards)).status_code == 403
    assert client.get(url).status_code == 405


def test_it_deletes_an_award_received_in_scope_only(
    client, unit_manager, other_unit_manager, exemplar, awards
):
    from honors.services import award_received_add

    award = award_received_add(exemplar=exemplar, award_type=awards["Lao động tiên tiến"], decision_number="1",
                               decision_date=date(2021, 1, 1), issuing_authority="UBND")  # fmt: skip
    url = reverse("honors:award_received_delete", args=[exemplar.pk, award.pk])
    client.force_login(other_unit_manager)
    assert client.post(url).status_code == 404
    client.force_login(unit_manager)
    assert client.post(url).status_code == 302
    assert not exemplar.awards_received.exists()


def test_it_filters_the_list_by_a_unit_in_scope(client, district_officer, units):
    ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa")
    ExemplarFactory(unit=units["babe"], name="Đinh Thị Thu Hường")
    client.force_login(district_officer)
    page = client.get(reverse("honors:exemplar_list"), {"unit": units["chora"].pk}).context["page"]
    assert [e.name for e in page] == ["Hoàng Thị Hoa"]
    assert (
        "Hồ sơ điển hình tiên tiến của đơn vị"
        in client.get(reverse("units:detail", args=[units["chora"].pk])).content.decode()
    )


def test_it_shows_nothing_for_a_unit_outside_scope(client, other_unit_manager, units):
    ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa")
    client.force_login(other_unit_manager)
    assert (
        list(client.get(reverse("honors:exemplar_list"), {"unit": units["chora"].pk}).context["page"]) == []
    )


def test_it_does_not_offer_the_create_form_to_leadership(client, leadership, unit_manager, units):
    client.force_login(leadership)
    assert client.get(reverse("honors:exemplar_create")).status_code == 403
    client.force_login(unit_manager)
    assert client.get(reverse("honors:exemplar_create")).status_code == 200
