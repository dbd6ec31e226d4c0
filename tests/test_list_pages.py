"""Issues 15 and 16: the lists that grow with the province sort, page and filter, at a constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.text import vietnamese_key
from tests.factories import EventFactory, HeldEventFactory, UnitFactory
from units.models import Unit

EVENT_LISTS = ("congresses:event_list", "reports:documents_home", "honors:event_list", "oversight:results")


def _communes(units, n, prefix="Xã Lô"):
    return [UnitFactory(name=f"{prefix} {i:03d}", kind="commune", parent=units["babe"]) for i in range(n)]


def test_it_lists_units_in_the_vietnamese_alphabet_across_pages(client, admin, units):
    client.force_login(admin)
    url = reverse("units:list")
    seen = []
    for number in range(1, 10):
        response = client.get(url, {"sort": "name", "page": number})
        rows = response.context["listing"].rows
        if number > response.context["listing"].page.paginator.num_pages:
            break
        assert len(rows) <= 50
        seen += [u.name for u in rows]
    assert len(seen) == Unit.objects.count() > 50
    assert seen == sorted(seen, key=vietnamese_key)
    # "Xã Hà Hiệu" before "Xã Hoàng Trĩ", "Xã Đồng Phúc" after "Xã Dương Quang" and before "Xã Yến Dương"
    assert seen.index("Xã Hà Hiệu") < seen.index("Xã Hoàng Trĩ")
    assert seen.index("Xã Dương Quang") < seen.index("Xã Đồng Phúc") < seen.index("Xã Yến Dương")
    body = client.get(url, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in body and "Trang 1 / " in body and "?sort=-name" in body


def test_the_units_list_filters_by_parent_and_pages_keep_the_filter(client, admin, units):
    client.force_login(admin)
    _communes(units, 60)
    response = client.get(reverse("units:list"), {"parent": units["babe"].pk, "kind": "commune"})
    listing = response.context["listing"]
    assert listing.count == Unit.objects.filter(parent=units["babe"], kind="commune").count() > 50
    assert all(u.parent_id == units["babe"].pk for u in listing.rows)
    assert f"parent={units['babe'].pk}" in listing.next_href and "kind=commune" in listing.next_href
    second = client.get(reverse("units:list") + listing.next_href)
    assert all(u.parent_id == units["babe"].pk for u in second.context["listing"].rows)


@pytest.mark.parametrize("name", ["units:list", *EVENT_LISTS, "congresses:plan_list", "oversight:compliance"])
@pytest.mark.parametrize(
    "query", ["?page=abc", "?sort=evil", "?page=-3&sort=-", "?district=x&status=<b>", "?page=999"]
)
def test_bad_parameters_show_a_page_never_an_error(client, admin, units, campaign, name, query):
    client.force_login(admin)
    response = client.get(reverse(name) + query)
    assert response.status_code == 200
    page = response.context["listing"].page
    assert page.number == (page.paginator.num_pages if "999" in query else 1)  # past the end: the last page


@pytest.mark.parametrize("name", [*EVENT_LISTS, "units:list", "congresses:plan_list"])
def test_query_counts_do_not_grow_with_the_list(client, admin, units, campaign, name):
    client.force_login(admin)
    for unit in _communes(units, 5, "Xã Ít"):
        HeldEventFactory(unit=unit, campaign=campaign)
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as few:
        small = client.get(reverse(name), {"sort": "-name"})
    for unit in _communes(units, 80, "Xã Nhiều"):
        HeldEventFactory(unit=unit, campaign=campaign)
    with CaptureQueriesContext(connection) as many:
        large = client.get(reverse(name), {"sort": "-name"})
    assert large.context["listing"].count > small.context["listing"].count
    assert len(large.context["listing"].rows) == 50
    assert len(many) == len(few)


@pytest.mark.parametrize("name", EVENT_LISTS)
def test_event_lists_filter_by_district(client, admin, units, campaign, name):
    client.force_login(admin)
    HeldEventFactory(unit=units["chora"], campaign=campaign)
    nari = HeldEventFactory(unit=units["nari_commune"], campaign=campaign)
    response = client.get(reverse(name), {"district": units["nari"].pk})
    assert [e.pk for e in response.context["listing"].rows] == [nari.pk]
    body = response.content.decode()
    table = body.split("<tbody>")[1]
    assert nari.name in table and "Chợ Rã" not in table


def test_event_lists_sort_by_unit_in_vietnamese_order(client, admin, units, campaign):
    client.force_login(admin)
    for name in ("Xã Yến Dương", "Xã Đồng Phúc", "Xã Hoàng Trĩ", "Xã Hà Hiệu", "Xã Dương Quang"):
        EventFactory(unit=Unit.objects.get(name=name), campaign=campaign)
    rows = client.get(reverse("honors:event_list"), {"sort": "unit"}).context["listing"].rows
    assert [e.unit.name for e in rows] == [
        "Xã Dương Quang", "Xã Đồng Phúc", "Xã Hà Hiệu", "Xã Hoàng Trĩ", "Xã Yến Dương"
    ]  # fmt: skip


def test_the_plan_list_filters_by_district(client, admin, units, campaign):
    client.force_login(admin)
    response = client.get(reverse("congresses:plan_list"), {"district": units["nari"].pk})
    rows = response.context["listing"].rows
    assert rows and all(units["nari"].pk in (r.unit.pk, r.unit.parent_id) for r in rows)
    assert f"district={units['nari'].pk}" in response.content.decode()


def test_the_plan_list_shows_who_reviewed_at_a_constant_query_count_with_2_or_20_plans(
    client, admin, units, campaign
):
    from congresses.services import plan_review, plan_submit
    from tests.congresses import plan_files

    client.force_login(admin)
    admin.first_name, admin.last_name = "Hà", "Hoàng Thị Thu"
    admin.save(update_fields=["first_name", "last_name"])

    def reviewed_plans(communes):
        for unit in communes:
            plan = plan_submit(
                campaign=campaign, unit=unit, kind="plan", upload=plan_files.pdf(), submitted_by=None
            )
            plan_review(plan=plan, action="approve", comment="", reviewed_by=admin)

    reviewed_plans(_communes(units, 2, "Xã Hai"))
    url = reverse("congresses:plan_list")
    client.get(url, {"sort": "first"})
    with CaptureQueriesContext(connection) as few:
        small = client.get(url, {"sort": "-first"})
    reviewed_plans(_communes(units, 18, "Xã Hai Mươi"))
    with CaptureQueriesContext(connection) as many:
        large = client.get(url, {"sort": "-first"})
    assert len(many) == len(few)
    shown = [row for row in large.context["listing"].rows if row.plan is not None]
    assert len(shown) == 20  # the submitted first on the first page, newest first
    assert (
        large.content.decode().count("Hoàng Thị Thu Hà")
        >= 20
        > small.content.decode().count("Hoàng Thị Thu Hà")
    )
