"""Every PDF is measured against Nghị định 30/2020/NĐ-CP, Phụ lục I (reports.domain.DECREE_30)."""

from io import BytesIO

import pdfplumber
import pytest
from freezegun import freeze_time

from reports import services
from reports.domain import DECREE_30, NATIONAL_MOTTO, NATIONAL_TITLE
from tests.factories import DelegateFactory, DocumentProfileFactory, DocumentSignerFactory

pytestmark = pytest.mark.django_db
MM = 72 / 25.4  # points per millimetre
SLACK_MM = 0.25  # half the width of a 0.6 pt table border, which straddles the margin line


def within(value: float, bounds: tuple[float, float], tolerance: float = 0.05) -> bool:
    return bounds[0] - tolerance <= value <= bounds[1] + tolerance


def lines(page):
    """Text lines of a page: (text, chars), in reading order."""
    grouped: dict[float, list] = {}
    for char in page.chars:
        grouped.setdefault(round(char["top"], 0), []).append(char)
    result = []
    for top in sorted(grouped):
        chars = sorted(grouped[top], key=lambda c: c["x0"])
        for part in _split_columns(chars):
            result.append(("".join(c["text"] for c in part).strip(), part))
    return result


def _split_columns(chars):
    """A heading row holds two blocks side by side (issuer | Quốc hiệu): split at wide gaps."""
    parts, current = [], [chars[0]]
    for prev, char in zip(chars, chars[1:], strict=False):
        if char["x0"] - prev["x1"] > 20:
            parts.append(current)
            current = []
        current.append(char)
    parts.append(current)
    return parts


def line_of(page, text):
    found = [chars for line, chars in lines(page) if line.replace("\xa0", " ") == text]
    assert found, f"{text!r} not on the page"
    return found[0]


def assert_type(chars, bounds, *, bold=None, italic=None):
    sizes = {round(c["size"], 2) for c in chars if c["text"].strip()}
    assert all(within(size, bounds) for size in sizes), (sizes, bounds)
    if bold is not None:
        assert all(("Bold" in c["fontname"]) == bold for c in chars if c["text"].strip())
    if italic is not None:
        assert all(("Italic" in c["fontname"]) == italic for c in chars if c["text"].strip())


def measure(
    content: bytes, *, landscape: bool = False, fills_width: bool = False, numbered: bool = True
) -> None:
    width_mm, height_mm = DECREE_30.page_mm[::-1] if landscape else DECREE_30.page_mm
    with pdfplumber.open(BytesIO(content)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert abs(page.width - width_mm * MM) < 1 and abs(page.height - height_mm * MM) < 1, "A4"
            top_margin = DECREE_30.margin_top_mm[0] * MM
            numbers = [c for c in page.chars if c["bottom"] <= top_margin]
            body = [c for c in page.chars if c["bottom"] > top_margin and c["text"].strip()]
            boxes = body + [e for e in page.edges if e["top"] > top_margin]
            left = min(b["x0"] for b in boxes) / MM
            right = (page.width - max(b["x1"] for b in boxes)) / MM
            top = min(b["top"] for b in boxes) / MM
            bottom = (page.height - max(b["bottom"] for b in boxes)) / MM
            # Nothing in the margins but the page number; the text starts at the left margin.
            assert top >= DECREE_30.margin_top_mm[0] - SLACK_MM, top
            assert bottom >= DECREE_30.margin_bottom_mm[0] - SLACK_MM, bottom
            assert right >= DECREE_30.margin_right_mm[0] - SLACK_MM, right
            assert within(left, DECREE_30.margin_left_mm, SLACK_MM), left
            if fills_width and number == 1:  # a justified paragraph or a full-width table reaches it
                assert within(right, DECREE_30.margin_right_mm, SLACK_MM), right
            # Page numbers: none on page 1, then the page's number centred in the top margin.
            digits = "".join(c["text"] for c in numbers).strip()
            if number == 1 or not numbered:
                assert digits == ""
            else:
                assert digits == str(number)
                assert_type(numbers, DECREE_30.page_number_pt, bold=False)
                centre = (numbers[0]["x0"] + numbers[-1]["x1"]) / 2
                left_mm, right_mm = DECREE_30.margin_left_mm[0], DECREE_30.margin_right_mm[0]
                assert abs(centre / MM - (left_mm + (width_mm - left_mm - right_mm) / 2)) < 2


def assert_heading(content: bytes, *, issuer_lines, date_line, signature) -> None:
    with pdfplumber.open(BytesIO(content)) as pdf:
        page = pdf.pages[0]
        title = line_of(page, NATIONAL_TITLE)
        assert_type(title, DECREE_30.national_title_pt, bold=True)
        assert NATIONAL_TITLE == NATIONAL_TITLE.upper()
        motto = line_of(page, NATIONAL_MOTTO)
        assert_type(motto, DECREE_30.motto_pt, bold=True)
        # The rule under the Tiêu ngữ: a solid line just below it, as long as the motto.
        motto_x0, motto_x1, motto_bottom = motto[0]["x0"], motto[-1]["x1"], max(c["bottom"] for c in motto)
        rules = [e for e in page.edges if e["orientation"] == "h" and 0 <= e["top"] - motto_bottom < 8
                 and e["x0"] < (motto_x0 + motto_x1) / 2 < e["x1"]]  # fmt: skip
        assert rules, "no rule under the Tiêu ngữ"
        assert abs((rules[0]["x1"] - rules[0]["x0"]) - (motto_x1 - motto_x0)) < 0.1 * (motto_x1 - motto_x0)
        for text in issuer_lines:
            assert_type(line_of(page, text), DECREE_30.issuer_pt, bold=True)
        assert_type(line_of(page, date_line), DECREE_30.date_line_pt, italic=True)
        last = pdf.pages[-1]
        for text in signature:
            assert_type(line_of(last, text), DECREE_30.signature_pt, bold=True)


@pytest.fixture
def chora_documents(chora_event, units, admin, request_report):
    profile = DocumentProfileFactory(unit=units["chora"], place="Chợ Rã")
    DocumentSignerFactory(profile=profile, full_name="Hoàng Văn Chinh")
    DelegateFactory.create_batch(3, event=chora_event)
    services.agenda_generate(event=chora_event)
    with freeze_time("2025-03-05 08:00"):
        return {kind: request_report(kind=kind, event=chora_event, requested_by=admin).file.read()
                for kind in ("invitations", "agenda")}  # fmt: skip


CHORA = {
    "issuer_lines": ("ỦY BAN NHÂN DÂN", "THỊ TRẤN CHỢ RÃ"),
    "date_line": "Chợ Rã, ngày 05 tháng 3 năm 2025",
    "signature": ("TM. BAN TỔ CHỨC", "TRƯỞNG BAN", "Hoàng Văn Chinh"),
}


def test_the_invitations_follow_decree_30(chora_documents):
    measure(chora_documents["invitations"], numbered=False)  # one letter a page, each its own page 1
    assert_heading(chora_documents["invitations"], **CHORA)


def test_the_agenda_follows_decree_30(chora_documents):
    measure(chora_documents["agenda"], fills_width=True)
    assert_heading(chora_documents["agenda"], **CHORA)


def test_the_province_summary_follows_decree_30_and_numbers_its_pages(
    campaign, babe_event, babe_honours, admin, request_report
):
    with freeze_time("2025-02-01 08:00"):
        content = request_report(kind="summary_pdf", campaign=campaign, requested_by=admin).file.read()
    with pdfplumber.open(BytesIO(content)) as pdf:
        assert len(pdf.pages) >= 2
    measure(content, fills_width=True)
    assert_heading(content, issuer_lines=("SỞ NỘI VỤ",), date_line="Bắc Kạn, ngày 01 tháng 02 năm 2025",
                   signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))  # fmt: skip


def test_the_certificates_are_a4_landscape_inside_the_margins(
    babe_event, babe_honours, admin, request_report
):
    content = request_report(kind="certificates", event=babe_event, requested_by=admin).file.read()
    measure(content, landscape=True, numbered=False)
    with pdfplumber.open(BytesIO(content)) as pdf:
        assert_type(line_of(pdf.pages[0], NATIONAL_TITLE), DECREE_30.national_title_pt, bold=True)
        assert_type(line_of(pdf.pages[0], NATIONAL_MOTTO), DECREE_30.motto_pt, bold=True)


def test_the_chosen_css_values_lie_inside_the_ranges():
    chosen = {"margin_top_mm": 20, "margin_bottom_mm": 20, "margin_left_mm": 30, "margin_right_mm": 15}
    for name, value in chosen.items():
        assert within(value, getattr(DECREE_30, name)), name
