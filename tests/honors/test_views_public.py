import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ExemplarFactory
from units.selectors import portal_identity

pytestmark = pytest.mark.django_db


def test_it_shows_published_exemplars_without_login_and_without_private_data(client, units, campaign):
    shown = ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa", published=True, phone="0987654321", birth_year=1986, story="Chị Hoa làm miến dong.")  # fmt: skip
    shown.movements.set([campaign.movements.first()])
    ExemplarFactory(unit=units["chora"], name="Người Chưa Công Bố", published=False)
    response = client.get(reverse("honors:public_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Hoàng Thị Hoa" in body and "Chị Hoa làm miến dong." in body and "Thị trấn Chợ Rã" in body
    assert "Người Chưa Công Bố" not in body
    assert "0987654321" not in body and "1986" not in body
    detail = client.get(reverse("honors:public_detail", args=[shown.pk])).content.decode()
    assert "Hoàng Thị Hoa" in detail and "0987654321" not in detail and "1986" not in detail
    assert "Thành tích tiêu biểu." not in detail  # the internal summary stays internal


def test_it_hides_an_unpublished_detail(client, units):
    hidden = ExemplarFactory(unit=units["chora"], published=False)
    assert client.get(reverse("honors:public_detail", args=[hidden.pk])).status_code == 404


def test_it_searches_ignoring_diacritics_and_filters(client, units, campaign):
    movement = campaign.movements.last()
    hoa = ExemplarFactory(unit=units["chora"], name="Hoàng Thị Hoa", published=True)
    hoa.movements.set([movement])
    ExemplarFactory(unit=units["songcau"], name="Đàm Văn Đức", published=True, field="Y tế")
    url = reverse("honors:public_list")
    assert [e.name for e in client.get(url, {"q": "DAM VAN DUC"}).context["page"]] == ["Đàm Văn Đức"]
    assert [e.name for e in client.get(url, {"huyen": units["babe"].pk}).context["page"]] == ["Hoàng Thị Hoa"]
    assert [e.name for e in client.get(url, {"linh_vuc": "Y tế"}).context["page"]] == ["Đàm Văn Đức"]
    assert [e.name for e in client.get(url, {"phong_trao": movement.pk}).context["page"]] == ["Hoàng Thị Hoa"]
    assert client.get(url, {"huyen": "abc", "phong_trao": "'; drop"}).status_code == 200


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_its_query_count_does_not_grow_with_the_exemplars_shown(client, units, campaign):
    movements = list(campaign.movements.all()[:2])
    url = reverse("honors:public_list")
    for index in range(2):
        ExemplarFactory(unit=units["chora"], name=f"Điển hình {index}", published=True).movements.set(
            movements
        )
    portal_identity()  # the portal's own names are cached; what must not grow is the page's own reads
    few = _count_queries(client, url)
    for index in range(2, 20):
        ExemplarFactory(unit=units["songcau"], name=f"Điển hình {index}", published=True).movements.set(
            movements
        )
    many = _count_queries(client, url)
    assert few == many
    assert len(client.get(url).context["page"]) == 20


def test_its_query_count_is_bounded(client, units, django_assert_max_num_queries):
    for index in range(10):
        ExemplarFactory(unit=units["chora"], name=f"Điển hình {index}", published=True)
    portal_identity()  # cached for every page
    with django_assert_max_num_queries(7):
        client.get(reverse("honors:public_list"))
