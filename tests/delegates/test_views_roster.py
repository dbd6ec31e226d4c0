"""Every roster view: allowed and forbidden."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import DelegateFactory

from .conftest import FORM, url

pytestmark = pytest.mark.django_db


# --- the roster page -------------------------------------------------------------------


def test_it_shows_the_roster_with_figures(client, unit_manager, commune_event):
    DelegateFactory.create_batch(6, event=commune_event)
    DelegateFactory.create_batch(
        4, event=commune_event, category="guest", gender="female", ethnic_group="Kinh"
    )
    client.force_login(unit_manager)
    response = client.get(url("roster", commune_event))
    assert response.status_code == 200
    body = response.content.decode()
    assert "10 / 200" in body
    assert "thêm 4 đại biểu điển hình tiên tiến hoặc bớt 2" in body
    figures = response.context["figures"]
    assert (figures.women.count, figures.minorities.count, figures.youth.count) == (4, 6, 0)


def test_it_searches_without_diacritics_and_filters_by_category(client, unit_manager, commune_event):
    DelegateFactory.create_batch(1, event=commune_event, full_name="Nguyễn Văn Đức")
    DelegateFactory.create_batch(1, event=commune_event, full_name="Hà Thị Lan", category="guest")
    client.force_login(unit_manager)
    names = lambda r: [d.full_name for d in r.context["page"]]  # noqa: E731
    assert names(client.get(url("roster", commune_event), {"q": "nguyen van duc"})) == ["Nguyễn Văn Đức"]
    assert names(client.get(url("roster", commune_event), {"q": "NGUYEN van"})) == ["Nguyễn Văn Đức"]
    assert names(client.get(url("roster", commune_event), {"category": "guest"})) == ["Hà Thị Lan"]


def test_it_sorts_the_vietnamese_way(client, unit_manager, commune_event):
    for name in ("Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Ánh"):
        DelegateFactory.create_batch(1, event=commune_event, full_name=name)
    client.force_login(unit_manager)
    page = client.get(url("roster", commune_event)).context["page"]
    assert [d.full_name for d in page] == ["Trần Thị An", "Lê Văn Ánh", "Nguyễn Văn Bình"]


def test_it_keeps_the_same_query_count_for_10_and_300(client, admin, department_event, units, campaign):
    client.force_login(admin)
    DelegateFactory.create_batch(10, event=department_event)
    client.get(url("roster", department_event))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url("roster", department_event)).status_code == 200
    DelegateFactory.create_batch(290, event=department_event, category="guest")
    with CaptureQueriesContext(connection) as large:
        assert client.get(url("roster", department_event)).status_code == 200
    assert len(small) == len(large), [q["sql"] for q in large]


def test_it_hides_a_roster_outside_the_scope(client, other_unit_manager, commune_event):
    client.force_login(other_unit_manager)
    assert client.get(url("roster", commune_event)).status_code == 404


def test_it_sends_anonymous_users_to_login(client, commune_event):
    response = client.get(url("roster", commune_event))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_lets_leadership_read_but_not_write(client, leadership, commune_event):
    client.force_login(leadership)
    response = client.get(url("roster", commune_event))
    assert response.status_code == 200 and not response.context["can_edit"]
    assert client.post(url("add", commune_event), FORM).status_code == 403
    assert not commune_event.delegates.exists()


# --- add, edit, delete ---------------------------------------------------------------------


def test_it_adds_a_delegate(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    assert client.get(url("add", commune_event)).status_code == 200
    response = client.post(url("add", commune_event), FORM)
    assert response.status_code == 302
    assert commune_event.delegates.get().full_name == "Nguyễn Văn An"


def test_it_lets_the_district_add_to_its_communes(client, district_officer, commune_event):
    client.force_login(district_officer)
    assert client.post(url("add", commune_event), FORM).status_code == 302


def test_it_refuses_to_add_over_the_cap_with_a_message(client, unit_manager, commune_event):
    DelegateFactory.create_batch(200, event=commune_event)
    client.force_login(unit_manager)
    response = client.post(url("add", commune_event), FORM)
    assert response.status_code == 200
    assert "đã đủ 200 đại biểu" in response.content.decode()
    assert commune_event.delegates.count() == 200


def test_it_asks_for_the_collective_name(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    response = client.post(url("add", commune_event), dict(FORM, category="exemplar_collective"))
    assert response.status_code == 200 and "phải ghi tên tập thể" in response.content.decode()


def test_it_refuses_adds_outside_the_scope(client, other_unit_manager, commune_event):
    client.force_login(other_unit_manager)
    assert client.get(url("add", commune_event)).status_code == 404
    assert client.post(url("add", commune_event), FORM).status_code == 404


def test_it_edits_a_delegate(client, unit_manager, commune_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(unit_manager)
    assert client.get(url("edit", commune_event, delegate.pk)).status_code == 200
    assert (
        client.post(url("edit", commune_event, delegate.pk), dict(FORM, full_name="Hà  Văn Bình")).status_code
        == 302
    )
    delegate.refresh_from_db()
    assert delegate.full_name == "Hà Văn Bình" and delegate.search_text.startswith("ha van binh")


def test_it_refuses_edits_outside_the_scope_or_by_leadership(
    client, other_unit_manager, leadership, commune_event
):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(other_unit_manager)
    assert client.post(url("edit", commune_event, delegate.pk), FORM).status_code == 404
    client.force_login(leadership)
    assert client.post(url("edit", commune_event, delegate.pk), FORM).status_code == 403


def test_it_deletes_a_delegate(client, unit_manager, commune_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(unit_manager)
    assert client.get(url("delete", commune_event, delegate.pk)).status_code == 405
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 302
    assert not commune_event.delegates.exists()


def test_it_refuses_deletes_by_others(client, other_unit_manager, leadership, commune_event, district_event):
    delegate = DelegateFactory.create_batch(1, event=commune_event)[0]
    client.force_login(other_unit_manager)
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 404
    client.force_login(leadership)
    assert client.post(url("delete", commune_event, delegate.pk)).status_code == 403
    assert commune_event.delegates.exists()


# --- finalise, reopen, cap -------------------------------------------------------------------


def test_it_finalises_and_reopens(client, unit_manager, commune_event):
    DelegateFactory.create_batch(7, event=commune_event)
    DelegateFactory.create_batch(3, event=commune_event, category="leader")
    client.force_login(unit_manager)
    client.post(url("finalise", commune_event))
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is not None
    response = client.post(url("add", commune_event), FORM)
    assert "đã được chốt" in response.content.decode()
    client.post(url("reopen", commune_event))
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is None


def test_it_refuses_to_finalise_below_the_share(client, unit_manager, commune_event):
    DelegateFactory.create_batch(6, event=commune_event)
    DelegateFactory.create_batch(4, event=commune_event, category="guest")
    client.force_login(unit_manager)
    response = client.post(url("finalise", commune_event), follow=True)
    assert "cần thêm 4 đại biểu điển hình tiên tiến hoặc bớt 2" in response.content.decode()
    commune_event.refresh_from_db()
    assert commune_event.roster_finalised_at is None


def test_it_refuses_finalise_and_reopen_by_others(client, leadership, other_unit_manager, commune_event):
    client.force_login(leadership)
    assert client.post(url("finalise", commune_event)).status_code == 403
    assert client.post(url("reopen", commune_event)).status_code == 403
    client.force_login(other_unit_manager)
    assert client.post(url("finalise", commune_event)).status_code == 404
    assert client.post(url("reopen", commune_event)).status_code == 404


def test_it_lets_a_department_lower_its_cap(client, department_officer, department_event):
    client.force_login(department_officer)
    client.post(url("set_cap", department_event), {"cap": "150"})
    department_event.refresh_from_db()
    assert department_event.delegate_cap == 150
    response = client.post(url("set_cap", department_event), {"cap": "301"}, follow=True)
    assert "không được vượt quá 300" in response.content.decode()


def test_it_refuses_cap_changes_by_others(client, leadership, unit_manager, department_event):
    client.force_login(leadership)
    assert client.post(url("set_cap", department_event), {"cap": "10"}).status_code == 403
    client.force_login(unit_manager)
    assert client.post(url("set_cap", department_event), {"cap": "10"}).status_code == 404


def test_the_unit_page_links_to_the_roster(client, unit_manager, commune_event, units):
    client.force_login(unit_manager)
    body = client.get(reverse("units:detail", args=[units["chora"].pk])).content.decode()
    assert url("roster", commune_event) in body


def test_the_home_pages_link_to_rosters_and_allocations(
    client, unit_manager, admin, commune_event, province_event, units
):
    client.force_login(unit_manager)
    assert url("roster", commune_event) in client.get(reverse("home")).content.decode()
    client.force_login(admin)
    body = client.get(reverse("home")).content.decode()
    assert url("roster", province_event) in body
    assert reverse("delegates:quotas", args=[units["province"].pk]) in body


ALL_EVENT_URLS = [
    ("roster", ()), ("add", ()), ("finalise", ()), ("reopen", ()), ("set_cap", ()), ("template", ()),
    ("export", ()), ("import", ()), ("candidates_add", ()), ("delegation", ()), ("delegation_withdraw", ()),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args"), ALL_EVENT_URLS)
def test_it_sends_anonymous_users_to_login_everywhere(client, commune_event, name, args):
    for method in (client.get, client.post):
        response = method(url(name, commune_event, *args))
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("name", "args"), [u for u in ALL_EVENT_URLS if u[0] not in ("template", "export", "roster")]
)
def test_it_answers_403_to_every_write_by_leadership(client, leadership, commune_event, name, args):
    client.force_login(leadership)
    assert (
        client.post(url(name, commune_event, *args), {"cap": "5", "delegate": [], "source": []}).status_code
        == 403
    )


@pytest.mark.parametrize(("name", "args"), ALL_EVENT_URLS)
def test_it_answers_404_outside_the_scope_everywhere(client, other_unit_manager, commune_event, name, args):
    client.force_login(other_unit_manager)
    assert client.post(url(name, commune_event, *args)).status_code in (404, 405)
    assert client.get(url(name, commune_event, *args)).status_code in (404, 405)


def test_it_prefills_the_form_from_an_exemplar_record(client, unit_manager, commune_event, units):
    from honors.models import Exemplar

    own = Exemplar.objects.create(
        unit=units["chora"], kind="collective", name="Thôn Nà Làng", representative="Hoàng Văn Tú",
        gender="male", birth_year=1979, ethnic_group="Tày", field="Nông nghiệp", achievements="…",
    )  # fmt: skip
    foreign = Exemplar.objects.create(
        unit=units["nari"], kind="individual", name="Người ngoài", field="Y tế", achievements="…"
    )
    client.force_login(unit_manager)
    form = client.get(url("add", commune_event), {"exemplar": own.pk}).context["form"]
    assert form.initial["full_name"] == "Hoàng Văn Tú" and form.initial["collective_name"] == "Thôn Nà Làng"
    assert form.initial["category"] == "exemplar_collective" and form.initial["exemplar"] == own.pk
    assert client.get(url("add", commune_event), {"exemplar": foreign.pk}).context["form"].initial == {}


def test_the_event_page_links_to_its_roster(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    body = client.get(reverse("congresses:event_detail", args=[commune_event.pk])).content.decode()
    assert url("roster", commune_event) in body


def test_roster_search_finds_ethnicity_and_forgives_quotes_and_filters_by_gender_and_ethnicity(
    client, unit_manager, campaign, units
):
    from tests.factories import DelegateFactory, EventFactory

    event = EventFactory(unit=units["chora"], campaign=campaign)
    services_create = __import__("delegates.services", fromlist=["delegate_create"]).delegate_create
    base = {"category": "exemplar_individual", "birth_year": 1980}
    services_create(
        event=event, data={**base, "full_name": "Giàng Thị Mai", "gender": "female", "ethnic_group": "Mông"}
    )
    services_create(
        event=event, data={**base, "full_name": "Giàng A Páo", "gender": "male", "ethnic_group": "Mông"}
    )
    services_create(
        event=event, data={**base, "full_name": "Hoàng Văn Tày", "gender": "male", "ethnic_group": "Nùng"}
    )
    DelegateFactory(event=event, full_name="Lường Văn Khác", ethnic_group="Thái")
    client.force_login(unit_manager)
    url = reverse("delegates:roster", args=[event.pk])

    def names(**params):
        body = client.get(url, params).content.decode()
        return {n for n in ("Giàng Thị Mai", "Giàng A Páo", "Hoàng Văn Tày", "Lường Văn Khác") if n in body}

    assert names(q="mong") == {"Giàng Thị Mai", "Giàng A Páo"}
    assert names(q="H’Mông") == names(q="H'Mông") == names(q="hmong") == {"Giàng Thị Mai", "Giàng A Páo"}
    assert names(q="Giàng’") == {"Giàng Thị Mai", "Giàng A Páo"}
    assert names(gender="female") == {"Giàng Thị Mai"}
    assert names(ethnic_group="Nùng") == {"Hoàng Văn Tày"}
    assert names(ethnic_group="Mông", gender="male") == {"Giàng A Páo"}
    assert names(ethnic_group="Không có") == {
        "Giàng Thị Mai",
        "Giàng A Páo",
        "Hoàng Văn Tày",
        "Lường Văn Khác",
    }


def test_the_roster_counts_youth_by_the_youth_law_16_to_30(client, unit_manager, campaign, units):
    from tests.factories import DelegateFactory, EventFactory

    event = EventFactory(unit=units["chora"], campaign=campaign)  # held in 2025
    for year in (1994, 1995, 2009, 2010):  # 31, 30, 16 and 15 years old in 2025
        DelegateFactory(event=event, birth_year=year)
    client.force_login(unit_manager)
    figures = client.get(reverse("delegates:roster", args=[event.pk])).context["figures"]
    assert figures.youth.count == 2
    assert "sinh từ năm 1995 đến năm 2009" in figures.youth_rule
